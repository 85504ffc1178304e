import type { PriceOverrides } from '../interview/answers.js';
import { SEEDS, citeSeed } from '../knowledge/seed-passages.js';
import { OTHER_MODEL_ID } from './other-model.js';
import type { CatalogueModel, PromptCaching } from './price-catalogue.js';
import { selfHostedTokenPrice, selfHostedTrainingPrice } from './self-hosting.js';

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

/** Where a figure came from: "GPT-5 input, secondary source, not verified, as of 2026-07-24". */
function fromRow(model: CatalogueModel, what: string, tuned = false): string {
  // A team's own model carries the figures it gave: no provider's page, no secondary source.
  if (model.id === OTHER_MODEL_ID) return `${model.name} ${what}, as you gave it`;
  const kind = tuned && model.fineTuning ? model.fineTuning.sourceKind : model.sourceKind;
  const verified = tuned && model.fineTuning ? model.fineTuning.verified : model.verified;
  const provenance = `${kind === 'official' ? "provider's page" : 'secondary source'}${verified ? '' : ', not verified'}`;
  const date = tuned ? (model.fineTuning?.checked_on ?? model.checked_on) : model.checked_on;
  return `${model.name} ${what}, ${provenance}, as of ${date}`;
}

function pick(override: number | undefined, perMillion: number, origin: string): PriceUsed {
  return override !== undefined ? { perMillion: override, origin: 'your override' } : { perMillion, origin };
}

export function promptPrices(model: CatalogueModel, caching: PromptCaching, overrides: PriceOverrides = {}): InferencePrices {
  if (model.selfHosted) {
    const gpu = selfHostedTokenPrice(model.selfHosted);
    return {
      modelId: model.id,
      input: pick(overrides.input, gpu.perMillion, gpu.origin),
      cachedInput: pick(overrides.cachedInput, gpu.perMillion, gpu.origin),
      output: pick(overrides.output, gpu.perMillion, gpu.origin),
      caching,
    };
  }
  const cached = model.prices.cachedInput;
  return {
    modelId: model.id,
    input: pick(overrides.input, model.prices.input, fromRow(model, 'input')),
    cachedInput: pick(
      overrides.cachedInput,
      cached ?? model.prices.input,
      // No cached rate: the full input price, with where that came from.
      cached === null ? `${fromRow(model, 'input')}; no cached rate, so the full input price` : fromRow(model, 'cached input'),
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
  if (model.selfHosted) {
    // Adapters run on the same GPUs as the base: the same price a token, and GPU hours to train.
    const gpu = selfHostedTokenPrice(model.selfHosted);
    const train = selfHostedTrainingPrice(model.selfHosted);
    const none = { perMillion: 0, origin: 'none: the same hardware' };
    return {
      modelId: model.id,
      input: pick(overrides.fineTunedInput, gpu.perMillion, gpu.origin),
      cachedInput: pick(overrides.fineTunedCachedInput, gpu.perMillion, gpu.origin),
      output: pick(overrides.fineTunedOutput, gpu.perMillion, gpu.origin),
      caching,
      training: pick(overrides.training, train.perMillion, train.origin),
      hostingPerMonth: pick(overrides.hostingPerMonth, 0, none.origin),
      storagePerMonth: none,
      minimumPerJob: 0,
    };
  }
  const rule = `seed rule of thumb, 2x base: ${citeSeed(SEEDS.inferenceMultiple)}`;
  const tuned = (value: number | null | undefined, base: number, what: string) =>
    value === null || value === undefined ? { perMillion: base * 2, origin: rule } : { perMillion: value, origin: fromRow(model, `fine-tuned ${what}`, true) };
  const input = tuned(ft?.input, model.prices.input, 'input');
  const output = tuned(ft?.output, model.prices.output, 'output');
  const cachedInput =
    ft?.cachedInput != null ? tuned(ft.cachedInput, 0, 'cached input') : { perMillion: input.perMillion, origin: `${input.origin}; no cached rate for the tuned model, so the full tuned input price` };
  return {
    modelId: model.id,
    input: pick(overrides.fineTunedInput, input.perMillion, input.origin),
    cachedInput: pick(overrides.fineTunedCachedInput, cachedInput.perMillion, cachedInput.origin),
    output: pick(overrides.fineTunedOutput, output.perMillion, output.origin),
    caching,
    training: pick(overrides.training, ft?.training ?? 0, fromRow(model, 'training', true)),
    hostingPerMonth: pick(overrides.hostingPerMonth, ft?.hostingPerMonth ?? 0, fromRow(model, 'hosting per month', true)),
    storagePerMonth: { perMillion: ft?.storagePerMonth ?? 0, origin: fromRow(model, 'storage per month', true) },
    minimumPerJob: ft?.minimumPerJob ?? 0,
  };
}
