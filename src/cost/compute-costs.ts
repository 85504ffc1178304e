import type { PriceOverrides } from '../interview/answers.js';
import { formatCount, formatPercent, formatRate, formatUsd } from '../format/format-numbers.js';
import type { CostInputs } from './cost-assumptions.js';
import { callItems, cents, engineeringItem, perCallPrecision, scalingTotal, sumMonthly, tokenItem, totalOver, type CostItem } from './cost-items.js';
import { monthsUntil } from './iso-date.js';
import { lifecycleOf, tunedModelEnds } from './model-lifecycle.js';
import { promptCachingOf, type CatalogueModel, type PriceCatalogue } from './price-catalogue.js';
import { promptPrices, tuningPrices, type InferencePrices, type PriceUsed } from './resolve-prices.js';
import { retrainingMonths, runningTotal } from './running-totals.js';
import { hardwareItem } from './self-hosting.js';

export type { CostCadence, CostItem } from './cost-items.js';

export interface PathCost {
  model: string;
  /** Everything a month costs (tokens and fixed fees), spread over the month's calls. */
  perCall: number;
  monthly: number;
  /** The part of `monthly` that does not grow with calls: hosting, storage and hardware fees. */
  feesMonthly: number;
  /** The part of `total` that grows with calls (tokens): the rest is fees and one-off work. */
  scalingTotal: number;
  total: number;
  items: CostItem[];
}

export interface TunedPathCost extends PathCost {
  training: number;
  retraining: number;
  retrainings: number;
  /** Share of calls served by the tuned model: 1 for fine-tuning, the edge cases for the hybrid. */
  fineTunedShare: number;
  /** The tuned model's base retirement, as known on the day of the advice. */
  baseRetires: string | null;
  /** When the tuned model stops for good (a wind-down, or a retirement with no tunable successor), as known then. */
  tunedEnds: string | null;
}

export interface CumulativePoint {
  month: number;
  promptEngineering: number;
  substitutePrompt: number | null;
  fineTuning: number | null;
  hybrid: number | null;
}

export type PromptPathName = 'promptEngineering' | 'substitutePrompt';

export interface CostBreakdown {
  horizonMonths: number;
  /** Prompting the model used today. */
  promptEngineering: PathCost;
  /** Prompting the model that would be tuned, with the same prompt and no training; null when it is today's model. */
  substitutePrompt: PathCost | null;
  fineTuning: TunedPathCost | null;
  /** Only where a router can see the failing slice: the prompt for most calls, the tuned model for the slice. */
  hybrid: TunedPathCost | null;
  /** The cheaper prompt path: what fine-tuning's saving is measured against. */
  baseline: PromptPathName;
  /** First month in which fine-tuning's running total is at or below the cheaper prompt path's (looked for up to 60 months). */
  breakEvenMonth: number | null;
  /** Calls a month at which fine-tuning costs the same as the cheaper prompt path over the horizon. */
  breakEvenMonthlyCalls: number | null;
  pricesAsOf: string;
  cumulative: CumulativePoint[];
}

export interface CostRequest {
  inputs: CostInputs;
  catalogue: PriceCatalogue;
  promptModel: CatalogueModel;
  /** null when no fine-tuning is possible for this team. */
  tuneModel: CatalogueModel | null;
  /** Whether to price the "both" path (only when the failing slice can be routed). */
  includeHybrid?: boolean;
  /** Only the paths' totals are wanted (a what-if of the comparison): no break-even search, no month-by-month series. */
  totalsOnly?: boolean;
  overrides?: PriceOverrides;
  asOf: string;
}

const MAX_BREAK_EVEN_MONTHS = 60;
/** A routing call: the varying input plus a short "which kind is this?" instruction, a one-word answer. */
export const ROUTER_PROMPT_TOKENS = 150;
export const ROUTER_OUTPUT_TOKENS = 5;

function rounded<T extends PathCost>(path: T): T {
  return {
    ...path,
    perCall: perCallPrecision(path.perCall),
    monthly: cents(path.monthly),
    feesMonthly: cents(path.feesMonthly),
    scalingTotal: cents(path.scalingTotal),
    total: cents(path.total),
    items: path.items.map((i) => ({ ...i, amount: cents(i.amount) })),
  };
}

const PROMPT_LABEL = 'Prompt (instructions and examples)';
const tokensPerCall = (inputs: CostInputs, prefix: number) => prefix + inputs.inputTokens + inputs.outputTokens;

/** Token items of a month on a model, and its hardware fee when it is self-hosted on hardware paid by the month. */
function monthOn(req: CostRequest, model: CatalogueModel, prices: InferencePrices, prefixTokens: number, prefixLabel: string): CostItem[] {
  const { inputs } = req;
  const items = callItems(prefixTokens, inputs, inputs.monthlyCalls, prices, prefixLabel);
  const hardware = model.selfHosted ? hardwareItem(model.selfHosted, tokensPerCall(inputs, prefixTokens) * inputs.monthlyCalls) : null;
  return hardware ? [...items, hardware] : items;
}

/**
 * Prompting one model over the horizon. A model that retires moves to its successor in the month
 * after, at the successor's prices, with the prompt work done again to move it; a successor the
 * catalogue does not price is said so, and the old prices are kept.
 */
function promptPath(req: CostRequest, model: CatalogueModel, overrides: PriceOverrides = {}, switched = false): PathCost {
  const { inputs } = req;
  const prices = promptPrices(model, promptCachingOf(req.catalogue, model), overrides);
  let month = monthOn(req, model, prices, inputs.promptTokens, PROMPT_LABEL);
  const items: CostItem[] = [];
  const life = lifecycleOf(req.catalogue, model, req.asOf);
  const handover = life.retires && !life.retired ? monthsUntil(req.asOf, life.retires) + 1 : null;
  if (handover !== null && handover <= MAX_BREAK_EVEN_MONTHS) {
    const successor = life.successor?.model;
    if (successor) {
      const next = promptPrices(successor, promptCachingOf(req.catalogue, successor));
      const after = monthOn(req, successor, next, inputs.promptTokens, PROMPT_LABEL).map((i) => ({
        ...i,
        label: `${i.label}, on ${successor.name}`,
        fromMonth: handover,
        basis: `from month ${handover}, after ${model.name} retires on ${life.retires}: ${i.basis}`,
      }));
      month = [...month.map((i) => ({ ...i, untilMonth: handover - 1 })), ...after];
      if (handover <= inputs.horizonMonths)
        items.push({
          ...engineeringItem(`Moving the prompt to ${successor.name}`, inputs.promptEngineeringHours, inputs),
          basis: `retesting the prompt on the successor in month ${handover}: ${formatCount(inputs.promptEngineeringHours)} hours at ${formatUsd(inputs.engineeringHourlyRate)} an hour`,
        });
    } else {
      const why = life.successor ? `its successor ${life.successor.id} is not in the catalogue` : 'no successor is named';
      month = month.map((i) => ({ ...i, basis: `${i.basis}; ${model.name} retires on ${life.retires} and ${why}: priced as today after it` }));
    }
  }
  // A prompt moved to another model is retested there: the switch has a cost of its own.
  const work = switched
    ? {
        ...engineeringItem(`Moving the prompt to ${model.name}`, inputs.promptEngineeringHours * 2, inputs),
        basis: `retesting and adjusting the prompt on ${model.name}: ${formatCount(inputs.promptEngineeringHours * 2)} hours at ${formatUsd(inputs.engineeringHourlyRate)} an hour`,
      }
    : engineeringItem('Prompt engineering time', inputs.promptEngineeringHours, inputs);
  items.unshift(...month, work);
  const calls = inputs.monthlyCalls;
  const monthly = sumMonthly(items);
  return {
    model: model.id,
    perCall: calls > 0 ? monthly / calls : sumMonthly(callItems(inputs.promptTokens, inputs, 1, prices, PROMPT_LABEL)),
    monthly,
    feesMonthly: sumMonthly(items.filter((i) => !i.scales)),
    scalingTotal: scalingTotal(items, inputs.horizonMonths),
    total: totalOver(items, inputs.horizonMonths),
    items,
  };
}

export { retrainingMonths } from './running-totals.js';

interface TunedPlan {
  once: CostItem[];
  trainingCost: number;
  retrainCost: number;
  retires: string | null;
  ends: string | null;
  retireMonth: number | null;
  /** Months of the retrainings within a span: yearly, at a retirement with a tunable successor, never past the end. */
  retrainsWithin(span: number): number[];
  tunedItems: CostItem[];
  fixedMonthly: CostItem[];
}

function planTuning(req: CostRequest, tuneModel: CatalogueModel): TunedPlan {
  const { inputs } = req;
  const prices = tuningPrices(tuneModel, promptCachingOf(req.catalogue, tuneModel), req.overrides);
  const tokensPerExample = inputs.fineTunedPromptTokens + inputs.inputTokens + inputs.outputTokens;
  const trainingTokens = inputs.trainingExamples * tokensPerExample * inputs.epochs;
  const trainingCost = Math.max(prices.minimumPerJob, (trainingTokens * prices.training.perMillion) / 1e6);
  const retrainCost = trainingCost + inputs.retrainingHours * inputs.engineeringHourlyRate;
  const toLabel = Math.max(0, inputs.trainingExamples - inputs.labeledExamples);
  const once: CostItem[] = [
    {
      label: 'Training',
      amount: trainingCost,
      cadence: 'once',
      basis:
        `${formatCount(inputs.trainingExamples)} examples × ${formatCount(tokensPerExample)} tokens × ${inputs.epochs} epochs = ` +
        `${formatCount(trainingTokens)} tokens at ${formatRate(prices.training.perMillion)} per 1M (${prices.training.origin})`,
    },
  ];
  if (toLabel > 0)
    once.push({
      label: 'Labelling',
      amount: toLabel * inputs.labelingCostPerExample,
      cadence: 'once',
      basis: `${formatCount(toLabel)} more examples to reach ${formatCount(inputs.trainingExamples)}, at ${formatUsd(inputs.labelingCostPerExample)} each`,
    });
  const tunedItems = callItems(inputs.fineTunedPromptTokens, inputs, inputs.monthlyCalls, prices, 'Tight prompt');
  const fixedMonthly: CostItem[] = [];
  const hardware = tuneModel.selfHosted ? hardwareItem(tuneModel.selfHosted, tokensPerCall(inputs, inputs.fineTunedPromptTokens) * inputs.monthlyCalls) : null;
  if (hardware) fixedMonthly.push(hardware);
  // Fees are kept in PriceUsed (its `perMillion` holds US$ a month here), to carry their origin.
  const fee = (label: string, price: PriceUsed) =>
    price.perMillion > 0 && fixedMonthly.push({ label, amount: price.perMillion, cadence: 'per month', basis: `${formatUsd(price.perMillion)} a month (${price.origin})` });
  fee('Hosting the tuned model', prices.hostingPerMonth);
  fee('Storing the tuned model', prices.storagePerMonth);
  // Only a retirement announced by the day of the advice: a later announcement was not known then.
  const retires = lifecycleOf(req.catalogue, tuneModel, req.asOf).retires;
  const ends = tunedModelEnds(req.catalogue, tuneModel, req.asOf);
  // Retrained when its base retires only where a successor can take the tune; never past its end.
  const retireMonth = retires && !ends ? Math.max(1, monthsUntil(req.asOf, retires)) : null;
  const lastMonth = ends ? monthsUntil(req.asOf, ends) : Infinity;
  const retrainsWithin = (span: number) => retrainingMonths(Math.min(span, lastMonth + 1), retireMonth);
  return { once, trainingCost, retrainCost, retires, ends, retireMonth, retrainsWithin, tunedItems, fixedMonthly };
}

function routerItem(req: CostRequest, prices: InferencePrices): CostItem {
  const { inputs } = req;
  const calls = inputs.monthlyCalls;
  const input = tokenItem('', ROUTER_PROMPT_TOKENS + inputs.inputTokens, calls, prices.input);
  const output = tokenItem('', ROUTER_OUTPUT_TOKENS, calls, prices.output);
  return {
    label: 'Router (every call)',
    amount: input.amount + output.amount,
    cadence: 'per month',
    basis:
      `a routing call on ${prices.modelId} per call: ${formatCount(ROUTER_PROMPT_TOKENS + inputs.inputTokens)} tokens in at ${formatRate(prices.input.perMillion)} per 1M (${prices.input.origin}) ` +
      `and ${ROUTER_OUTPUT_TOKENS} out at ${formatRate(prices.output.perMillion)} per 1M (${prices.output.origin}), × ${formatCount(calls)} calls`,
  };
}

/**
 * A tuned path over the horizon. A tuned model that stops for good (a wind-down, or a base that
 * retires with no tunable successor) is served until then; from the month after, the calls go
 * back to the prompt, at the prompt path's prices.
 */
function tunedPath(req: CostRequest, tuneModel: CatalogueModel, plan: TunedPlan, share: number, monthlyItems: CostItem[], engineering: CostItem[], prompted: PathCost): TunedPathCost {
  const { inputs } = req;
  const H = inputs.horizonMonths;
  const stop = plan.ends ? monthsUntil(req.asOf, plan.ends) + 1 : null;
  const served = (items: CostItem[]) => (stop === null ? items : items.map((i) => ({ ...i, untilMonth: Math.min(i.untilMonth ?? Infinity, stop - 1) })));
  const back =
    stop === null
      ? []
      : prompted.items
          .filter((i) => i.cadence === 'per month')
          .map((i) => ({
            ...i,
            label: `Back to prompting: ${i.label}`,
            fromMonth: Math.max(i.fromMonth ?? 1, stop),
            basis: `from month ${stop}, after the tuned model stops on ${plan.ends}: ${i.basis}`,
          }));
  const retrains = plan.retrainsWithin(H);
  const retraining = retrains.length * plan.retrainCost;
  const items: CostItem[] = [...served(monthlyItems), ...served(plan.fixedMonthly), ...back, ...plan.once, ...engineering];
  if (retrains.length > 0)
    items.push({
      label: 'Retraining',
      amount: retraining,
      cadence: 'once',
      basis: `${retrains.length} × (training again + ${inputs.retrainingHours} hours of evaluation), in month${retrains.length === 1 ? '' : 's'} ${retrains.join(', ')}`,
    });
  const monthly = sumMonthly(items);
  const calls = inputs.monthlyCalls;
  return rounded({
    model: tuneModel.id,
    perCall: calls > 0 ? monthly / calls : sumMonthly(monthlyItems),
    monthly,
    feesMonthly: sumMonthly(plan.fixedMonthly),
    scalingTotal: scalingTotal(items, H),
    total: totalOver(items, H),
    items,
    training: cents(plan.trainingCost),
    retraining: cents(retraining),
    retrainings: retrains.length,
    fineTunedShare: share,
    baseRetires: plan.retires,
    tunedEnds: plan.ends,
  });
}

function scaled(items: CostItem[], factor: number, prefix: string): CostItem[] {
  return items.filter((i) => i.cadence === 'per month').map((i) => ({ ...i, label: `${prefix}${i.label}`, amount: i.amount * factor, basis: `${formatPercent(factor)} of: ${i.basis}` }));
}

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
  const baseline: PromptPathName = substitute && substitute.total < pe.total ? 'substitutePrompt' : 'promptEngineering';
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
    promptEngineering: rounded(pe),
    substitutePrompt: substitute ? rounded(substitute) : null,
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
