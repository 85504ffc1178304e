import type { Answers } from '../interview/answers.js';
import type { AdviceContext } from '../interview/advice-context.js';
import { fineTunableModels, fineTuningAvailability } from './fine-tuning-availability.js';
import { findModel, findProvider, MODEL_SIZES, promptCachingOf, type CatalogueModel, type PriceCatalogue } from './price-catalogue.js';
import { tuningPrices } from './resolve-prices.js';

export type TuningChoice =
  | {
      model: CatalogueModel;
      chosenBy: 'you' | 'same model' | 'suggested';
      /** Why the model prompted today can't be the one tuned, when it can't. */
      promptModelBlocked?: string;
      warning?: string;
      /** The model the team prompts or named, when it is too small for the task (seed 001, "Fine-tuning the wrong model"). */
      tooSmall?: string;
      alternatives: CatalogueModel[];
    }
  | { model: null; reason: string; tooSmall?: string; alternatives: CatalogueModel[] };

function tunedPricePerCall(m: CatalogueModel, answers: Answers, catalogue: PriceCatalogue): number {
  // The prices the costs will use: a self-hosted model's tokens cost GPU time, not the row's zeros.
  const prices = tuningPrices(m, promptCachingOf(catalogue, m));
  const tokensIn = (answers.fineTunedPromptTokens ?? 0) + (answers.inputTokens ?? 500);
  // Prices are per 1M tokens; the hosting fee is per month, shared by the month's calls.
  return (tokensIn * prices.input.perMillion + (answers.outputTokens ?? 200) * prices.output.perMillion) / 1e6 + prices.hostingPerMonth.perMillion / Math.max(1, answers.monthlyCalls ?? 1);
}

/**
 * The model a team would fine-tune: theirs if they named one, the one they prompt if it
 * can be tuned, else the cheapest tunable model of the same size (seed 001: "Start with the
 * largest model you can afford", so never a smaller one when a same-size one exists).
 */
export function chooseTuningModel(answers: Answers, promptModel: CatalogueModel, ctx: AdviceContext, horizonMonths: number): TuningChoice {
  const tunable = fineTunableModels(ctx.catalogue, ctx.asOf, horizonMonths);
  // Seed 001, "Fine-tuning the wrong model": a small model is never the one tuned for a reasoning task.
  const needsReasoning = answers.taskKind === 'reasoning' || answers.failureMode === 'reasoning';
  const tooSmall = (m: CatalogueModel) => needsReasoning && m.size === 'small';
  const alternatives = tunable.filter((m) => !tooSmall(m));
  if (answers.fineTuningAvailable === false) return { model: null, reason: 'you said fine-tuning is not available to you', alternatives };

  const check = (m: CatalogueModel) => fineTuningAvailability(ctx.catalogue, m, ctx.asOf, horizonMonths);
  let blocked: string | undefined;
  if (answers.fineTuneModel) {
    const named = findModel(ctx.catalogue, answers.fineTuneModel);
    if (!named) return { model: null, reason: `${answers.fineTuneModel} is not in the price catalogue`, alternatives };
    const status = check(named);
    if (tooSmall(named)) blocked = `${named.name}, the model you named, is too small for a task that needs reasoning`;
    else if (status.available) return { model: named, chosenBy: 'you', alternatives, ...(status.warning ? { warning: status.warning } : {}) };
    else if (answers.fineTuningAvailable === true && named.fineTuning) return { model: named, chosenBy: 'you', alternatives, warning: `You said you can fine-tune it, but ${status.reason}` };
    else return { model: null, reason: status.reason, alternatives };
  }

  const status = check(promptModel);
  const own = status.available ? { available: true as const, warning: status.warning, reason: '' } : { ...status, warning: undefined };
  const namedTooSmall = blocked;
  if (!tooSmall(promptModel) && own.available) {
    return { model: promptModel, chosenBy: 'same model', alternatives, ...(own.warning ? { warning: own.warning } : {}), ...(namedTooSmall ? { tooSmall: namedTooSmall } : {}) };
  }
  if (tooSmall(promptModel)) blocked ??= `${promptModel.name} is too small to tune for a task that needs reasoning`;
  if (!blocked && answers.fineTuningAvailable === true && promptModel.fineTuning)
    return { model: promptModel, chosenBy: 'same model', alternatives, warning: `You said you can fine-tune it, but ${own.reason}` };
  const size = blocked ? { tooSmall: blocked } : {};
  if (alternatives.length === 0) return { model: null, reason: blocked ? `${blocked}, and no larger model can be tuned` : own.reason, alternatives, ...size };

  const sizeRank = (m: CatalogueModel) => MODEL_SIZES.indexOf(m.size);
  const wanted = sizeRank(promptModel);
  // Running your own GPUs is a move of its own, not a model to switch to on price: a self-hosted
  // row (an example with assumed rent and throughput) is suggested only to a team that self-hosts.
  const candidates = promptModel.selfHosted ? alternatives : alternatives.filter((m) => !m.selfHosted);
  if (candidates.length === 0) return { model: null, reason: blocked ? `${blocked}, and no larger model can be tuned` : own.reason, alternatives, ...size };
  const sameSize = candidates.filter((m) => sizeRank(m) === Math.max(wanted, tooSmall(promptModel) ? 1 : 0));
  const pool = sameSize.length ? sameSize : candidates.filter((m) => sizeRank(m) === Math.max(...candidates.map(sizeRank)));
  const sameWeights = pool.find((m) => m.snapshot && m.snapshot === promptModel.snapshot);
  const best = sameWeights ?? [...pool].sort((a, b) => tunedPricePerCall(a, answers, ctx.catalogue) - tunedPricePerCall(b, answers, ctx.catalogue))[0]!;
  const provider = findProvider(ctx.catalogue, promptModel.provider)?.name ?? promptModel.provider;
  return { model: best, chosenBy: 'suggested', promptModelBlocked: blocked ?? (own.reason || `${provider} offers no fine-tuning`), alternatives, ...size };
}
