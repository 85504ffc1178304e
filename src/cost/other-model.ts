import type { OtherModel } from '../interview/answers.js';
import type { AdviceContext } from '../interview/advice-context.js';
import type { Answers } from '../interview/answers.js';
import type { CatalogueModel } from './price-catalogue.js';

/** The model id an "another model" answer is priced under. */
export const OTHER_MODEL_ID = 'other';

/**
 * A catalogue row for a model the team named and priced itself: API prices per 1M tokens, or
 * its own GPUs (an hour's or a month's cost and the tokens a second they serve), tunable with
 * LoRA on the same GPUs. Its figures are the team's own: unverified by the advisor.
 */
export function otherModelRow(other: OtherModel, asOf: string): CatalogueModel {
  const selfHosted = other.gpuPerHour !== undefined || other.perMonth !== undefined;
  const gpu = selfHosted
    ? {
        selfHosted: {
          ...(other.gpuPerHour !== undefined ? { gpuPerHour: other.gpuPerHour } : {}),
          ...(other.perMonth !== undefined ? { perMonth: other.perMonth } : {}),
          tokensPerSecond: other.tokensPerSecond ?? 1000,
          hardware: 'your figures',
        },
      }
    : {};
  const tunable = other.tunable ?? selfHosted;
  return {
    id: OTHER_MODEL_ID,
    provider: selfHosted ? 'self-hosted' : 'other',
    name: other.name,
    size: other.size ?? 'large',
    prices: { input: other.input ?? 0, cachedInput: other.cachedInput ?? null, output: other.output ?? other.input ?? 0 },
    fineTuning: tunable
      ? {
          method: selfHosted ? 'LoRA on the same GPUs' : 'supervised',
          training: other.training ?? 0,
          input: selfHosted ? 0 : (other.input ?? 0),
          cachedInput: null,
          output: selfHosted ? 0 : (other.output ?? other.input ?? 0),
          hostingPerMonth: 0,
          storagePerMonth: 0,
          minimumPerJob: 0,
          sourceKind: 'secondary',
          verified: false,
        }
      : null,
    retires: null,
    retirementVerified: true,
    ...gpu,
    source: 'https://example.invalid/your-own-figures',
    sourceKind: 'secondary',
    verified: false,
    checked_on: asOf,
    note: 'Prices as you gave them.',
  } as CatalogueModel;
}

/** The advice context with the team's own model in the catalogue, when the answers name one. */
export function withOtherModel(ctx: AdviceContext, answers: Answers): AdviceContext {
  if (answers.model !== OTHER_MODEL_ID || !answers.otherModel) return ctx;
  return { ...ctx, catalogue: { ...ctx.catalogue, models: [...ctx.catalogue.models.filter((m) => m.id !== OTHER_MODEL_ID), otherModelRow(answers.otherModel, ctx.asOf)] } };
}
