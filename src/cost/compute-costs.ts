import { cents } from './cost-items.js';
import { MAX_BREAK_EVEN_MONTHS, roundedPath, type CostBreakdown, type CostRequest, type PathCost, type PromptPathName, type TunedPathCost } from './cost-paths.js';
import { engineeringItem } from './cost-items.js';
import { monthsUntil } from './iso-date.js';
import { promptCachingOf } from './price-catalogue.js';
import { promptPath } from './prompt-path.js';
import { promptPrices } from './resolve-prices.js';
import { runningTotal } from './running-totals.js';
import { planTuning, routerItem, scaled, tunedPath } from './tuned-path.js';

export type { CostCadence, CostItem } from './cost-items.js';
export type { CostBreakdown, CostRequest, CumulativePoint, PathCost, PromptPathName, TunedPathCost } from './cost-paths.js';
export { retrainingMonths } from './running-totals.js';
export { ROUTER_OUTPUT_TOKENS, ROUTER_PROMPT_TOKENS } from './tuned-path.js';

/**
 * The cost of each path over the horizon. Seed 001: "Calculate total cost of ownership:
 * training + (inference cost per call × expected volume × time horizon)", plus what the
 * seeds and the price facts add: caching, hosting, retraining, labelling, engineering time.
 * Where the tuned model is not today's, prompting it without training is a path of its own,
 * so that a saving from switching models is never credited to fine-tuning.
 */
export function computeCosts(req: CostRequest): CostBreakdown {
  const { inputs } = req;
  const H = inputs.horizonMonths;
  const pe = promptPath(req, req.promptModel, req.overrides);
  const tune = req.tuneModel;
  // The substitute is priced from the catalogue: the team's price overrides are for today's model.
  const substitute = tune && tune.id !== req.promptModel.id ? promptPath(req, tune, {}, true) : null;
  const baseline: PromptPathName = substitute && !req.substituteMeasuredWorse && substitute.total < pe.total ? 'substitutePrompt' : 'promptEngineering';
  const base = baseline === 'substitutePrompt' ? substitute! : pe;

  const datesUsed = [req.promptModel.checked_on];
  let fineTuning: TunedPathCost | null = null;
  let hybrid: TunedPathCost | null = null;
  let breakEvenMonth: number | null = null;
  let breakEvenMonthlyCalls: number | null = null;
  let cumulativeTuned: number[] | null = null;
  let cumulativeHybrid: number[] | null = null;

  if (tune) {
    datesUsed.push(tune.checked_on);
    const plan = planTuning(req, tune);
    const ftWork = engineeringItem('Fine-tuning work', inputs.fineTuningHours, inputs);
    fineTuning = tunedPath(req, tune, plan, 1, plan.tunedItems, [ftWork], pe);
    if (req.includeHybrid) {
      const share = inputs.hybridShare;
      // The router is a short classification call: on whichever of the two models reads tokens cheaper.
      const tunedBase = promptPrices(tune, promptCachingOf(req.catalogue, tune));
      const todays = promptPrices(req.promptModel, promptCachingOf(req.catalogue, req.promptModel), req.overrides);
      const routerPrices = tune.id !== req.promptModel.id && tunedBase.input.perMillion < todays.input.perMillion ? tunedBase : todays;
      const monthly = [...scaled(pe.items, 1 - share, 'Prompted: '), ...scaled(plan.tunedItems, share, 'Tuned: '), routerItem(req, routerPrices)];
      const promptTime = pe.items.find((i) => i.cadence === 'once')!;
      hybrid = { ...tunedPath(req, tune, plan, share, monthly, [promptTime, ftWork], pe), model: `${req.promptModel.id} + ${tune.id}` };
      cumulativeHybrid = runningTotal(hybrid.items, plan.retrainCost, plan.retrainsWithin(H), H);
    }
    if (!req.totalsOnly) {
      // No break-even after the tuned model stops serving for good (a wind-down, or a base that retires
      // with no successor that can be tuned in its place).
      const stops = plan.ends ? monthsUntil(req.asOf, plan.ends) : MAX_BREAK_EVEN_MONTHS;
      const span = Math.max(1, Math.min(MAX_BREAK_EVEN_MONTHS, stops));
      const tuned = runningTotal(fineTuning.items, plan.retrainCost, plan.retrainsWithin(span), span);
      const prompted = runningTotal(base.items, 0, [], span);
      const at = tuned.findIndex((t, i) => t <= (prompted[i] ?? Infinity));
      breakEvenMonth = at >= 0 ? at + 1 : null;
      cumulativeTuned = runningTotal(fineTuning.items, plan.retrainCost, plan.retrainsWithin(H), H);
    }
    // Every cost is linear in calls: the volume at which the two totals meet.
    const calls = inputs.monthlyCalls;
    const slope = calls > 0 ? (base.scalingTotal - fineTuning.scalingTotal) / calls : 0;
    if (slope > 0) breakEvenMonthlyCalls = Math.max(0, Math.ceil((fineTuning.total - fineTuning.scalingTotal - (base.total - base.scalingTotal)) / slope));
  }

  // A what-if of the comparison wants totals only: no month-by-month series.
  const cumulativePrompt = req.totalsOnly ? [] : runningTotal(pe.items, 0, [], H);
  const cumulativeSubstitute = substitute && !req.totalsOnly ? runningTotal(substitute.items, 0, [], H) : null;
  return {
    horizonMonths: H,
    promptEngineering: roundedPath(pe),
    substitutePrompt: substitute ? roundedPath(substitute) : null,
    fineTuning,
    hybrid,
    baseline,
    breakEvenMonth,
    breakEvenMonthlyCalls,
    pricesAsOf: datesUsed.sort()[0] ?? req.asOf,
    cumulative: cumulativePrompt.map((p, i) => ({
      month: i + 1,
      promptEngineering: cents(p),
      substitutePrompt: cumulativeSubstitute ? cents(cumulativeSubstitute[i]!) : null,
      fineTuning: cumulativeTuned?.[i] === undefined ? null : cents(cumulativeTuned[i]),
      hybrid: cumulativeHybrid?.[i] === undefined ? null : cents(cumulativeHybrid[i]),
    })),
  };
}

/** The prompt path fine-tuning's saving is measured against. */
export function baselinePath(cost: CostBreakdown): PathCost {
  return cost.baseline === 'substitutePrompt' && cost.substitutePrompt ? cost.substitutePrompt : cost.promptEngineering;
}
