import { findModel, findProvider, type CatalogueModel, type PriceCatalogue, type TuningGate } from './price-catalogue.js';

/** What was known, as of a date, about when a model and its fine-tuning end. */
export interface Lifecycle {
  /** The base model's retirement, if announced by then. */
  retires: string | null;
  retired: boolean;
  /** Its successor, with the catalogue row when the catalogue prices it. */
  successor: { id: string; model: CatalogueModel | null; note: string | null } | null;
  /** No new fine-tuning jobs after this date. */
  newJobsUntil: string | null;
  /** Tuned models stop serving on this date: the provider's wind-down, or the base model's retirement. */
  tunedServedUntil: string | null;
  /** The wind-down's own date for tuned models, when one is known (it may coincide with the retirement). */
  windDownServedUntil: string | null;
  /** Who may still start jobs, from when (announced by then). */
  gates: TuningGate[];
}

const known = (announced: string | undefined, asOf: string) => announced === undefined || announced <= asOf;

/**
 * A model's lifecycle as known on `asOf`: a fact announced later is not used, so advice as of a
 * past date reads as it would have then. A tuned model stops with its base (Vertex says so of
 * Gemini; no provider serves a tune of a retired base) or with the provider's wind-down.
 */
export function lifecycleOf(catalogue: PriceCatalogue, model: CatalogueModel, asOf: string): Lifecycle {
  const retires = model.retires && known(model.retiresAnnounced, asOf) ? model.retires : null;
  const windDown = model.fineTuning?.windDown ?? findProvider(catalogue, model.provider)?.fineTuningWindDown;
  const windDownKnown = windDown && known(windDown.announced, asOf) ? windDown : undefined;
  const served = [windDownKnown?.servedUntil, retires].filter((d): d is string => !!d).sort()[0] ?? null;
  const successorId = retires ? model.successor : undefined;
  return {
    retires,
    retired: retires !== null && retires <= asOf,
    successor: successorId ? { id: successorId, model: findModel(catalogue, successorId) ?? null, note: model.successorNote ?? null } : null,
    newJobsUntil: windDownKnown?.newJobsUntil ?? null,
    tunedServedUntil: model.fineTuning ? served : null,
    windDownServedUntil: model.fineTuning ? (windDownKnown?.servedUntil ?? null) : null,
    gates: (windDown?.gates ?? []).filter((g) => g.announced <= asOf),
  };
}

/**
 * When a tuned model stops for good as known on `asOf`: the tuned model's end, unless it ends only
 * because the base retires and a successor that can be tuned (with no end of its own) takes it over.
 */
export function tunedModelEnds(catalogue: PriceCatalogue, model: CatalogueModel, asOf: string): string | null {
  const life = lifecycleOf(catalogue, model, asOf);
  if (!life.tunedServedUntil) return null;
  return retrainableOnSuccessor(catalogue, life, asOf) ? null : life.tunedServedUntil;
}

/** Whether a tuned model that stops with its base can be retrained on the successor instead. */
export function retrainableOnSuccessor(catalogue: PriceCatalogue, life: Lifecycle, asOf: string): boolean {
  const successor = life.successor?.model;
  const byRetirement = life.tunedServedUntil !== null && life.tunedServedUntil === life.retires && life.windDownServedUntil !== life.tunedServedUntil;
  return byRetirement && !!successor?.fineTuning && !lifecycleOf(catalogue, successor, asOf).tunedServedUntil;
}

/** Whether a model could still be prompted on `asOf`. */
export function isAvailable(catalogue: PriceCatalogue, model: CatalogueModel, asOf: string): boolean {
  return !lifecycleOf(catalogue, model, asOf).retired;
}

/**
 * Every lifecycle fact about a model a card names, in words, whatever the horizon: a team
 * deciding today must know the dates even when they fall after it.
 */
export function lifecycleFacts(catalogue: PriceCatalogue, model: CatalogueModel, asOf: string, tuned: boolean): string[] {
  const life = lifecycleOf(catalogue, model, asOf);
  const facts: string[] = [];
  if (life.retires) {
    const successor = life.successor ? `; its successor is ${life.successor.model?.name ?? life.successor.id}${life.successor.note ? ` (${life.successor.note})` : ''}` : '';
    const unverified = model.retirementVerified ? '' : ' (secondary sources, not verified)';
    facts.push(`${model.name} ${life.retired ? 'was shut down on' : 'retires on'} ${life.retires}${unverified}${successor}.`);
  }
  if (tuned) {
    if (life.newJobsUntil) facts.push(`No new fine-tuning jobs for ${model.name} after ${life.newJobsUntil}.`);
    if (life.tunedServedUntil) facts.push(`A tuned ${model.name} stops serving on ${life.tunedServedUntil}.`);
    for (const g of life.gates) facts.push(`Since ${g.from}, ${g.who}${g.verified ? '' : ' (secondary sources, not verified)'}.`);
  }
  return facts;
}
