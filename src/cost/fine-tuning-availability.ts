import { addMonths, monthsUntil } from './iso-date.js';
import { lifecycleOf, retrainableOnSuccessor } from './model-lifecycle.js';
import type { CatalogueModel, PriceCatalogue } from './price-catalogue.js';
import { findProvider } from './price-catalogue.js';
import { memoByCatalogue } from './memo-by-catalogue.js';

export type FineTuningAvailability = { available: true; warning?: string } | { available: false; reason: string };

/**
 * Whether a team could fine-tune this model on `asOf` and keep it for the horizon.
 * Seed 000 ("Works on closed models: Only when provider offers fine-tuning") and the
 * providers' lifecycles: a tuned model that stops inside the horizon, with no successor
 * that can be tuned in its place, is no path at all.
 */
export function fineTuningAvailability(catalogue: PriceCatalogue, model: CatalogueModel, asOf: string, horizonMonths: number): FineTuningAvailability {
  const providerName = findProvider(catalogue, model.provider)?.name ?? model.provider;
  if (!model.fineTuning) return { available: false, reason: `${providerName} offers no fine-tuning of ${model.name}` };
  const life = lifecycleOf(catalogue, model, asOf);
  if (life.retired) return { available: false, reason: `${model.name} was shut down on ${life.retires}` };
  if (life.newJobsUntil && life.newJobsUntil < asOf) return { available: false, reason: `${providerName} stopped taking fine-tuning jobs after ${life.newJobsUntil}` };
  const horizonEnd = addMonths(asOf, horizonMonths);
  if (life.tunedServedUntil && life.tunedServedUntil < horizonEnd) {
    const months = Math.max(0, monthsUntil(asOf, life.tunedServedUntil));
    const successor = life.successor?.model;
    if (successor && retrainableOnSuccessor(catalogue, life, asOf))
      return {
        available: true,
        warning: `${model.name} retires on ${life.retires}, inside your horizon: the tuned model must be retrained on ${successor.name}`,
      };
    // A provider's wind-down says more than the base's retirement on the same day: no new jobs either.
    const byWindDown = life.windDownServedUntil === life.tunedServedUntil;
    const why = byWindDown
      ? `${providerName} is winding fine-tuning of ${model.name} down: no new jobs after ${life.newJobsUntil ?? 'a date it has announced'}, and tuned models stop on ${life.tunedServedUntil}`
      : `${model.name} retires on ${life.retires} and a tuned model stops with it${life.successor ? `; its successor ${successor?.name ?? life.successor.id} can't be tuned in its place` : ''}`;
    return { available: false, reason: `${why}, ${months} month${months === 1 ? '' : 's'} into your ${horizonMonths}-month horizon` };
  }
  // Gates on who may tune are lifecycle facts: the card shows them with the others (price-notices).
  return { available: true };
}

const tunableByDate = memoByCatalogue((catalogue, key) => {
  const [asOf = '', horizon = '12'] = key.split('/');
  return catalogue.models.filter((m) => fineTuningAvailability(catalogue, m, asOf, Number(horizon)).available);
});

/** Models in the catalogue that can be fine-tuned for the horizon, for "these providers do". */
export function fineTunableModels(catalogue: PriceCatalogue, asOf: string, horizonMonths: number): CatalogueModel[] {
  return tunableByDate(catalogue, `${asOf}/${horizonMonths}`);
}
