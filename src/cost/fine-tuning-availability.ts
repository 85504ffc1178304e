import { addMonths, monthsUntil } from './iso-date.js';
import type { CatalogueModel, PriceCatalogue } from './price-catalogue.js';
import { findProvider } from './price-catalogue.js';
import { memoByCatalogue } from './memo-by-catalogue.js';

export type FineTuningAvailability =
  | { available: true; warning?: string }
  | { available: false; reason: string };

/**
 * Whether a team could fine-tune this model on `asOf` and keep it for the horizon.
 * Seed 000 ("Works on closed models: Only when provider offers fine-tuning") and
 * pricing-facts (OpenAI's wind-down): a tuned model that is switched off inside the
 * horizon, with no new jobs allowed to retrain it, is no path at all.
 */
export function fineTuningAvailability(
  catalogue: PriceCatalogue,
  model: CatalogueModel,
  asOf: string,
  horizonMonths: number,
): FineTuningAvailability {
  const provider = findProvider(catalogue, model.provider);
  const providerName = provider?.name ?? model.provider;
  if (!model.fineTuning) return { available: false, reason: `${providerName} offers no fine-tuning of ${model.name}` };
  const windDown = model.fineTuning.windDown ?? provider?.fineTuningWindDown;
  if (windDown?.newJobsUntil && windDown.newJobsUntil < asOf)
    return { available: false, reason: `${providerName} stopped taking fine-tuning jobs after ${windDown.newJobsUntil}` };
  const horizonEnd = addMonths(asOf, horizonMonths);
  if (windDown?.servedUntil && windDown.servedUntil < horizonEnd) {
    const months = Math.max(0, monthsUntil(asOf, windDown.servedUntil));
    return {
      available: false,
      reason:
        `${providerName} is winding fine-tuning of ${model.name} down: no new jobs after ${windDown.newJobsUntil ?? 'a date it has announced'}, ` +
        `and tuned models stop on ${windDown.servedUntil}, ${months} month${months === 1 ? '' : 's'} into your ${horizonMonths}-month horizon`,
    };
  }
  if (model.retires && model.retires < horizonEnd)
    return {
      available: true,
      warning: `${model.name} retires on ${model.retires}, inside your horizon: the tuned model must be retrained on its successor`,
    };
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
