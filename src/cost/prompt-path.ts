import type { PriceOverrides } from '../interview/answers.js';
import { formatCount, formatUsd } from '../format/format-numbers.js';
import type { CostInputs } from './cost-assumptions.js';
import { callItems, engineeringItem, scalingTotal, sumMonthly, totalOver, type CostItem } from './cost-items.js';
import { MAX_BREAK_EVEN_MONTHS, type CostRequest, type PathCost } from './cost-paths.js';
import { monthsUntil } from './iso-date.js';
import { lifecycleOf } from './model-lifecycle.js';
import { promptCachingOf, type CatalogueModel } from './price-catalogue.js';
import { promptPrices, type InferencePrices } from './resolve-prices.js';
import { hardwareItem } from './self-hosting.js';

const PROMPT_LABEL = 'Prompt (instructions and examples)';
export const tokensPerCall = (inputs: CostInputs, prefix: number) => prefix + inputs.inputTokens + inputs.outputTokens;

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
export function promptPath(req: CostRequest, model: CatalogueModel, overrides: PriceOverrides = {}, switched = false): PathCost {
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
