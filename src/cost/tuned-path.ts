import { formatCount, formatPercent, formatRate, formatUsd } from '../format/format-numbers.js';
import { callItems, cents, scalingTotal, sumMonthly, tokenItem, totalOver, type CostItem } from './cost-items.js';
import { roundedPath, type CostRequest, type PathCost, type TunedPathCost } from './cost-paths.js';
import { monthsUntil } from './iso-date.js';
import { lifecycleOf, tunedModelEnds } from './model-lifecycle.js';
import { promptCachingOf, type CatalogueModel } from './price-catalogue.js';
import { tokensPerCall } from './prompt-path.js';
import { tuningPrices, type InferencePrices, type PriceUsed } from './resolve-prices.js';
import { retrainingMonths } from './running-totals.js';
import { hardwareItem } from './self-hosting.js';

/** A routing call: the varying input plus a short "which kind is this?" instruction, a one-word answer. */
export const ROUTER_PROMPT_TOKENS = 150;
export const ROUTER_OUTPUT_TOKENS = 5;

export interface TunedPlan {
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

export function planTuning(req: CostRequest, tuneModel: CatalogueModel): TunedPlan {
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

export function routerItem(req: CostRequest, prices: InferencePrices): CostItem {
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
export function tunedPath(req: CostRequest, tuneModel: CatalogueModel, plan: TunedPlan, share: number, monthlyItems: CostItem[], engineering: CostItem[], prompted: PathCost): TunedPathCost {
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
  return roundedPath({
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

export function scaled(items: CostItem[], factor: number, prefix: string): CostItem[] {
  return items.filter((i) => i.cadence === 'per month').map((i) => ({ ...i, label: `${prefix}${i.label}`, amount: i.amount * factor, basis: `${formatPercent(factor)} of: ${i.basis}` }));
}
