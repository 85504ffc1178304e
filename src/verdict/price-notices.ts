import { addMonths, daysBetween } from '../cost/iso-date.js';
import type { CatalogueModel } from '../cost/price-catalogue.js';
import type { FlowExit } from '../interview/walk-flowchart.js';

export type Severity = 'info' | 'warning' | 'danger';
export interface Notice {
  severity: Severity;
  text: string;
}

/** Prices older than this carry a warning: provider prices move within months. */
export const STALE_AFTER_DAYS = 180;

/** What the reader should know about the prices and models behind a verdict. */
export function priceNotices(exit: FlowExit, promptModel: CatalogueModel | undefined, asOf: string): Notice[] {
  const notices: Notice[] = [];
  const models = [promptModel, exit.tuning?.model ?? undefined].filter((m, i, all): m is CatalogueModel => !!m && all.findIndex((o) => o?.id === m.id) === i);
  const horizonEnd = addMonths(asOf, exit.cost?.horizonMonths ?? 12);
  for (const m of models) {
    const age = daysBetween(m.checked_on, asOf);
    if (age > STALE_AFTER_DAYS)
      notices.push({ severity: 'warning', text: `Prices for ${m.name} were checked on ${m.checked_on}, ${age} days before this advice: check them at ${m.source}` });
    if (m.retires && m.retires <= asOf) notices.push({ severity: 'danger', text: `${m.name} was shut down on ${m.retires}.` });
    else if (m.retires && m.retires < horizonEnd && m === promptModel)
      notices.push({ severity: 'warning', text: `${m.name} retires on ${m.retires}, inside your horizon: plan the move to its successor.` });
    if (m.note) notices.push({ severity: 'info', text: `${m.name}: ${m.note}` });
    if (m.fineTuning?.note && m === exit.tuning?.model) notices.push({ severity: 'info', text: `Fine-tuning ${m.name}: ${m.fineTuning.note}` });
  }
  const t = exit.tuning;
  if (t?.model && t.warning) notices.push({ severity: 'warning', text: t.warning });
  return notices;
}
