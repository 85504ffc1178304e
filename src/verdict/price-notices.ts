import { daysBetween } from '../cost/iso-date.js';
import { lifecycleFacts, lifecycleOf } from '../cost/model-lifecycle.js';
import { findModel, findProvider, type CatalogueModel, type PriceCatalogue } from '../cost/price-catalogue.js';
import type { FlowExit } from '../interview/walk-flowchart.js';
import { OTHER_MODEL_ID } from '../cost/other-model.js';

export type Severity = 'info' | 'warning' | 'danger';
export interface Notice {
  severity: Severity;
  text: string;
}

/** Prices older than this carry a warning: provider prices move within months. */
export const STALE_AFTER_DAYS = 180;

/** Every model a card names: today's, the one priced untrained or tuned, and the successors they move to. */
function modelsNamed(exit: FlowExit, promptModel: CatalogueModel | undefined, catalogue: PriceCatalogue, asOf: string): CatalogueModel[] {
  const ids = [promptModel?.id, exit.tuning?.model?.id, exit.cost?.substitutePrompt?.model].filter((id): id is string => !!id);
  const models = ids.map((id) => findModel(catalogue, id)).filter((m): m is CatalogueModel => !!m);
  for (const m of [...models]) {
    const next = lifecycleOf(catalogue, m, asOf).successor?.model;
    if (next) models.push(next);
  }
  return models.filter((m, i) => models.findIndex((o) => o.id === m.id) === i);
}

/**
 * What the reader should know about the prices and models behind a verdict: every lifecycle
 * fact and provider note touching a model it names (whatever the horizon), figures that were
 * not verified or are old, and the tuning choice's own warning.
 */
export function priceNotices(exit: FlowExit, promptModel: CatalogueModel | undefined, catalogue: PriceCatalogue, asOf: string): Notice[] {
  const notices: Notice[] = [];
  const tunedId = exit.tuning?.model?.id;
  const providersSeen = new Set<string>();
  for (const m of modelsNamed(exit, promptModel, catalogue, asOf)) {
    const tuned = m.id === tunedId;
    const life = lifecycleOf(catalogue, m, asOf);
    for (const fact of lifecycleFacts(catalogue, m, asOf, tuned)) notices.push({ severity: life.retired ? 'danger' : 'warning', text: fact });
    const age = daysBetween(m.checked_on, asOf);
    if (age > STALE_AFTER_DAYS) notices.push({ severity: 'warning', text: `Prices for ${m.name} were last checked on ${m.checked_on}, ${age} days before this advice: check them at ${m.source}` });
    // A team's own model carries its own figures: "as you gave them" says it all.
    if (!m.verified && m.id !== OTHER_MODEL_ID)
      notices.push({
        severity: 'warning',
        text: `${m.name}'s prices come from a ${m.sourceKind === 'official' ? "provider's page" : 'secondary source'} and were not verified: check them at ${m.source}`,
      });
    if (m.note) notices.push({ severity: 'info', text: `${m.name}: ${m.note}` });
    const tuningAge = tuned && m.fineTuning?.checked_on ? daysBetween(m.fineTuning.checked_on, asOf) : 0;
    if (tuningAge > STALE_AFTER_DAYS)
      notices.push({ severity: 'warning', text: `Fine-tuning prices for ${m.name} were last checked on ${m.fineTuning!.checked_on}, ${tuningAge} days before this advice: check them at ${m.source}` });
    if (tuned && m.fineTuning?.note) notices.push({ severity: m.fineTuning.verified ? 'info' : 'warning', text: `Fine-tuning ${m.name}: ${m.fineTuning.note}` });
    const provider = findProvider(catalogue, m.provider);
    if (provider?.note && !providersSeen.has(provider.id)) {
      providersSeen.add(provider.id);
      notices.push({ severity: 'info', text: `${provider.name}: ${provider.note}` });
    }
  }
  const t = exit.tuning;
  if (t?.model && t.warning) notices.push({ severity: 'warning', text: t.warning });
  return notices;
}
