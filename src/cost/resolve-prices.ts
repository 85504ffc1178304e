import type { PriceOverrides } from '../interview/answers.js';
import { SEEDS, citeSeed } from '../knowledge/seed-passages.js';
import type { CatalogueModel, PromptCaching } from './price-catalogue.js';

/** A price and where it came from, so every figure on a card can say so. */
export interface PriceUsed {
  perMillion: number;
  origin: string;
}

export interface InferencePrices {
  modelId: string;
  input: PriceUsed;
  cachedInput: PriceUsed;
  output: PriceUsed;
  caching: PromptCaching;
}

export interface TuningPrices extends InferencePrices {
  training: PriceUsed;
  hostingPerMonth: PriceUsed;
  storagePerMonth: PriceUsed;
  minimumPerJob: number;
}

function fromRow(model: CatalogueModel, what: string): string {
  return `${model.name} ${what}, price list checked ${model.checked_on}`;
}

function pick(override: number | undefined, perMillion: number, origin: string): PriceUsed {
  return override !== undefined ? { perMillion: override, origin: 'your override' } : { perMillion, origin };
}

export function promptPrices(model: CatalogueModel, caching: PromptCaching, overrides: PriceOverrides = {}): InferencePrices {
  const cached = model.prices.cachedInput;
  return {
    modelId: model.id,
    input: pick(overrides.input, model.prices.input, fromRow(model, 'input')),
    cachedInput: pick(
      overrides.cachedInput,
      cached ?? model.prices.input,
      cached === null ? `${model.name} has no cached rate: full input price` : fromRow(model, 'cached input'),
    ),
    output: pick(overrides.output, model.prices.output, fromRow(model, 'output')),
    caching,
  };
}

/**
 * Prices of the tuned model. A row without tuned inference prices falls back to the
 * seeds' rule of thumb (2x base, the low end of "2-3x"), and says so.
 */
export function tuningPrices(model: CatalogueModel, caching: PromptCaching, overrides: PriceOverrides = {}): TuningPrices {
  const ft = model.fineTuning;
  const rule = `seed rule of thumb, 2x base: ${citeSeed(SEEDS.inferenceMultiple)}`;
  const tuned = (value: number | null | undefined, base: number, what: string) =>
    value === null || value === undefined ? { perMillion: base * 2, origin: rule } : { perMillion: value, origin: fromRow(model, `fine-tuned ${what}`) };
  const input = tuned(ft?.input, model.prices.input, 'input');
  const output = tuned(ft?.output, model.prices.output, 'output');
  const cachedInput = ft?.cachedInput != null ? tuned(ft.cachedInput, 0, 'cached input') : { perMillion: input.perMillion, origin: `no cached rate for the tuned ${model.name}: full tuned input price` };
  return {
    modelId: model.id,
    input: pick(overrides.fineTunedInput, input.perMillion, input.origin),
    cachedInput: pick(overrides.fineTunedCachedInput, cachedInput.perMillion, cachedInput.origin),
    output: pick(overrides.fineTunedOutput, output.perMillion, output.origin),
    caching,
    training: pick(overrides.training, ft?.training ?? 0, fromRow(model, 'training')),
    hostingPerMonth: pick(overrides.hostingPerMonth, ft?.hostingPerMonth ?? 0, fromRow(model, 'hosting per month')),
    storagePerMonth: { perMillion: ft?.storagePerMonth ?? 0, origin: fromRow(model, 'storage per month') },
    minimumPerJob: ft?.minimumPerJob ?? 0,
  };
}
