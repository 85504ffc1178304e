import { chooseTuningModel } from '../cost/choose-tuning-model.js';
import { DEFAULT_HORIZON_MONTHS } from '../cost/cost-assumptions.js';
import { OTHER_MODEL_ID } from '../cost/other-model.js';
import { findModel } from '../cost/price-catalogue.js';
import type { AdviceContext } from '../interview/advice-context.js';
import type { Answers } from '../interview/answers.js';

/**
 * The models a trial runs by default: the one prompted today, and beside it the model the
 * verdict would move to (the one it would fine-tune), prompted as it is: the cheaper path is
 * only honest once it has been tried on the team's own examples.
 */
export function defaultTrialModels(answers: Answers, ctx: AdviceContext): string[] {
  const today = answers.model && answers.model !== OTHER_MODEL_ID ? findModel(ctx.catalogue, answers.model) : undefined;
  if (!today) return [];
  const tuning = chooseTuningModel(answers, today, ctx, answers.horizonMonths ?? DEFAULT_HORIZON_MONTHS);
  return tuning.model && tuning.model.id !== today.id ? [today.id, tuning.model.id] : [today.id];
}
