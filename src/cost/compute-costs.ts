import type { PriceOverrides } from '../interview/answers.js';
import { formatCount, formatPercent, formatRate, formatUsd } from '../format/format-numbers.js';
import type { CostInputs } from './cost-assumptions.js';
import { monthsUntil } from './iso-date.js';
import type { CatalogueModel } from './price-catalogue.js';
import { promptPrices, tuningPrices, type InferencePrices, type PriceUsed } from './resolve-prices.js';

export type CostCadence = 'per month' | 'once';

export interface CostItem {
  label: string;
  amount: number;
  cadence: CostCadence;
  /** How the figure was made and which price, as of when: "40B tokens at $1.00 per 1M (your override)". */
  basis: string;
}

export interface PathCost {
  model: string;
  perCall: number;
  monthly: number;
  total: number;
  items: CostItem[];
}

export interface TunedPathCost extends PathCost {
  training: number;
  retraining: number;
  retrainings: number;
  /** Share of calls served by the tuned model: 1 for fine-tuning, the edge cases for the hybrid. */
  fineTunedShare: number;
}

export interface CumulativePoint {
  month: number;
  promptEngineering: number;
  fineTuning: number | null;
  hybrid: number | null;
}

export interface CostBreakdown {
  horizonMonths: number;
  promptEngineering: PathCost;
  fineTuning: TunedPathCost | null;
  hybrid: TunedPathCost | null;
  /** First month in which fine-tuning's running total is at or below prompting's (looked for up to 60 months). */
  breakEvenMonth: number | null;
  /** Calls a month at which fine-tuning costs the same as prompting over the horizon. */
  breakEvenMonthlyCalls: number | null;
  pricesAsOf: string;
  cumulative: CumulativePoint[];
}

export interface CostRequest {
  inputs: CostInputs;
  promptModel: CatalogueModel;
  /** null when no fine-tuning is possible for this team. */
  tuneModel: CatalogueModel | null;
  overrides?: PriceOverrides;
  asOf: string;
}

const MAX_BREAK_EVEN_MONTHS = 60;

function tokenItem(label: string, tokensPerCall: number, calls: number, price: PriceUsed): CostItem {
  const tokens = tokensPerCall * calls;
  return {
    label,
    amount: (tokens * price.perMillion) / 1e6,
    cadence: 'per month',
    basis: `${formatCount(tokensPerCall)} tokens × ${formatCount(calls)} calls = ${formatCount(tokens)} tokens at ${formatRate(price.perMillion)} per 1M (${price.origin})`,
  };
}

/** Token costs of one month of calls through one model: prefix (cached and not), input, output. */
function callItems(prefixTokens: number, inputs: CostInputs, calls: number, prices: InferencePrices, prefixLabel: string): CostItem[] {
  const hit = inputs.cacheHitRate;
  const items: CostItem[] = [];
  if (prefixTokens > 0) {
    items.push(tokenItem(hit > 0 ? `${prefixLabel}, uncached (${formatPercent(1 - hit)})` : prefixLabel, prefixTokens * (1 - hit), calls, prices.input));
    if (hit > 0) items.push(tokenItem(`${prefixLabel}, cached (${formatPercent(hit)})`, prefixTokens * hit, calls, prices.cachedInput));
  }
  items.push(tokenItem('Input per call', inputs.inputTokens, calls, prices.input));
  items.push(tokenItem('Output per call', inputs.outputTokens, calls, prices.output));
  return items;
}

/** Cents for amounts; six significant digits for a per-call cost, which is often a fraction of a cent. */
const cents = (x: number) => Math.round(x * 100) / 100;
const perCallPrecision = (x: number) => Number(x.toPrecision(6));

function rounded<T extends PathCost>(path: T): T {
  return {
    ...path,
    perCall: perCallPrecision(path.perCall),
    monthly: cents(path.monthly),
    total: cents(path.total),
    items: path.items.map((i) => ({ ...i, amount: cents(i.amount) })),
  };
}

function sumMonthly(items: CostItem[]): number {
  return items.filter((i) => i.cadence === 'per month').reduce((s, i) => s + i.amount, 0);
}

function sumOnce(items: CostItem[]): number {
  return items.filter((i) => i.cadence === 'once').reduce((s, i) => s + i.amount, 0);
}

function engineering(label: string, hours: number, inputs: CostInputs): CostItem {
  return {
    label,
    amount: hours * inputs.engineeringHourlyRate,
    cadence: 'once',
    basis: `${hours} hours at ${formatUsd(inputs.engineeringHourlyRate)} an hour`,
  };
}

/** Months (from the start) in which the tuned model is retrained: yearly, and when its base retires. */
export function retrainingMonths(span: number, retireMonth: number | null): number[] {
  const months: number[] = [];
  let last = 0;
  for (;;) {
    let next = last + 12;
    if (retireMonth !== null && retireMonth > last && retireMonth < next) next = retireMonth;
    if (next >= span) return months;
    months.push(next);
    last = next;
  }
}

interface TunedPlan {
  once: CostItem[];
  trainingCost: number;
  retrainCost: number;
  retireMonth: number | null;
  perCallTuned: number;
  tunedItems: CostItem[];
  fixedMonthly: CostItem[];
}

function planTuning(req: CostRequest, tuneModel: CatalogueModel): TunedPlan {
  const { inputs } = req;
  const prices = tuningPrices(tuneModel, req.overrides);
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
  const calls = inputs.monthlyCalls;
  const tunedItems = callItems(inputs.fineTunedPromptTokens, inputs, calls, prices, 'Tight prompt');
  const perCallTuned = calls > 0 ? sumMonthly(tunedItems) / calls : sumMonthly(callItems(inputs.fineTunedPromptTokens, inputs, 1, prices, 'Tight prompt'));
  const fixedMonthly: CostItem[] = [];
  if (prices.hostingPerMonth.perMillion > 0)
    fixedMonthly.push({ label: 'Hosting the tuned model', amount: prices.hostingPerMonth.perMillion, cadence: 'per month', basis: `${formatUsd(prices.hostingPerMonth.perMillion)} a month (${prices.hostingPerMonth.origin})` });
  if (prices.storagePerMonth.perMillion > 0)
    fixedMonthly.push({ label: 'Storing the tuned model', amount: prices.storagePerMonth.perMillion, cadence: 'per month', basis: `${formatUsd(prices.storagePerMonth.perMillion)} a month (${prices.storagePerMonth.origin})` });
  const retires = tuneModel.retires;
  const retireMonth = retires ? Math.max(1, monthsUntil(req.asOf, retires)) : null;
  return { once, trainingCost, retrainCost, retireMonth, perCallTuned, tunedItems, fixedMonthly };
}

function buildTunedPath(
  req: CostRequest,
  tuneModel: CatalogueModel,
  plan: TunedPlan,
  share: number,
  promptPath: PathCost,
  engineeringItems: CostItem[],
): TunedPathCost {
  const { inputs } = req;
  const H = inputs.horizonMonths;
  const retrains = retrainingMonths(H, plan.retireMonth);
  const retraining = retrains.length * plan.retrainCost;
  const scale = (items: CostItem[], factor: number, prefix: string): CostItem[] =>
    items.filter((i) => i.cadence === 'per month').map((i) => ({ ...i, label: `${prefix}${i.label}`, amount: i.amount * factor, basis: factor === 1 ? i.basis : `${formatPercent(factor)} of: ${i.basis}` }));
  const monthlyItems =
    share >= 1
      ? plan.tunedItems
      : [...scale(promptPath.items, 1 - share, 'Prompted: '), ...scale(plan.tunedItems, share, 'Tuned: ')];
  const items: CostItem[] = [...monthlyItems, ...plan.fixedMonthly, ...plan.once, ...engineeringItems];
  if (retrains.length > 0)
    items.push({
      label: 'Retraining',
      amount: retraining,
      cadence: 'once',
      basis: `${retrains.length} × (training again + ${inputs.retrainingHours} hours of evaluation), in month${retrains.length === 1 ? '' : 's'} ${retrains.join(', ')}`,
    });
  const monthly = sumMonthly(items);
  const perCall = share * plan.perCallTuned + (1 - share) * promptPath.perCall;
  return rounded({
    model: tuneModel.id,
    perCall,
    monthly,
    total: sumOnce(items) + monthly * H,
    items,
    training: cents(plan.trainingCost),
    retraining: cents(retraining),
    retrainings: retrains.length,
    fineTunedShare: share,
  });
}

function runningTotal(once: number, monthly: number, retrainCost: number, retireMonth: number | null, span: number): number[] {
  const retrains = new Set(retrainingMonths(span, retireMonth));
  const totals: number[] = [];
  let sum = once;
  for (let m = 1; m <= span; m++) {
    if (retrains.has(m - 1)) sum += retrainCost;
    sum += monthly;
    totals.push(sum);
  }
  return totals;
}

/**
 * The cost of each path over the horizon. Seed 001: "Calculate total cost of ownership:
 * training + (inference cost per call × expected volume × time horizon)", plus what the
 * seeds and the price facts add: caching, hosting, retraining, labelling, engineering time.
 */
export function computeCosts(req: CostRequest): CostBreakdown {
  const { inputs } = req;
  const H = inputs.horizonMonths;
  const calls = inputs.monthlyCalls;
  const pPrices = promptPrices(req.promptModel, req.overrides);
  const promptCallItems = callItems(inputs.promptTokens, inputs, calls, pPrices, 'Prompt (instructions and examples)');
  const perCallPrompt = calls > 0 ? sumMonthly(promptCallItems) / calls : sumMonthly(callItems(inputs.promptTokens, inputs, 1, pPrices, 'Prompt'));
  const promptEngineeringTime = engineering('Prompt engineering time', inputs.promptEngineeringHours, inputs);
  const promptItems = [...promptCallItems, promptEngineeringTime];
  const promptMonthly = sumMonthly(promptItems);
  const promptEngineering: PathCost = {
    model: req.promptModel.id,
    perCall: perCallPrompt,
    monthly: promptMonthly,
    total: sumOnce(promptItems) + promptMonthly * H,
    items: promptItems,
  };

  const datesUsed = [req.promptModel.checked_on];
  let fineTuning: TunedPathCost | null = null;
  let hybrid: TunedPathCost | null = null;
  let breakEvenMonth: number | null = null;
  let breakEvenMonthlyCalls: number | null = null;
  const cumulativePrompt = runningTotal(sumOnce(promptItems), promptMonthly, 0, null, H);
  let cumulativeTuned: number[] | null = null;
  let cumulativeHybrid: number[] | null = null;

  if (req.tuneModel) {
    datesUsed.push(req.tuneModel.checked_on);
    const plan = planTuning(req, req.tuneModel);
    fineTuning = buildTunedPath(req, req.tuneModel, plan, 1, promptEngineering, [engineering('Fine-tuning work', inputs.fineTuningHours, inputs)]);
    hybrid = buildTunedPath(req, req.tuneModel, plan, inputs.hybridShare, promptEngineering, [
      promptEngineeringTime,
      engineering('Fine-tuning work', inputs.fineTuningHours, inputs),
    ]);
    const tunedOnce = sumOnce(fineTuning.items) - fineTuning.retraining;
    const tuned = runningTotal(tunedOnce, fineTuning.monthly, plan.retrainCost, plan.retireMonth, MAX_BREAK_EVEN_MONTHS);
    const prompted = runningTotal(sumOnce(promptItems), promptMonthly, 0, null, MAX_BREAK_EVEN_MONTHS);
    const at = tuned.findIndex((t, i) => t <= (prompted[i] ?? Infinity));
    breakEvenMonth = at >= 0 ? at + 1 : null;
    cumulativeTuned = tuned.slice(0, H);
    cumulativeHybrid = runningTotal(sumOnce(hybrid.items) - hybrid.retraining, hybrid.monthly, plan.retrainCost, plan.retireMonth, H);
    const savingPerCall = perCallPrompt - plan.perCallTuned;
    if (savingPerCall > 0) {
      const fixedMonthly = sumMonthly(plan.fixedMonthly);
      const extra = tunedOnce + fineTuning.retraining + fixedMonthly * H - sumOnce(promptItems);
      breakEvenMonthlyCalls = Math.max(0, Math.ceil(extra / (H * savingPerCall)));
    }
  }

  return {
    horizonMonths: H,
    promptEngineering: rounded(promptEngineering),
    fineTuning,
    hybrid,
    breakEvenMonth,
    breakEvenMonthlyCalls,
    pricesAsOf: datesUsed.sort()[0] ?? req.asOf,
    cumulative: cumulativePrompt.map((p, i) => ({
      month: i + 1,
      promptEngineering: cents(p),
      fineTuning: cumulativeTuned?.[i] === undefined ? null : cents(cumulativeTuned[i]),
      hybrid: cumulativeHybrid?.[i] === undefined ? null : cents(cumulativeHybrid[i]),
    })),
  };
}
