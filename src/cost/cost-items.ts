import { formatCount, formatPercent, formatRate, formatUsd } from '../format/format-numbers.js';
import type { CostInputs } from './cost-assumptions.js';
import type { InferencePrices, PriceUsed } from './resolve-prices.js';

export type CostCadence = 'per month' | 'once';

export interface CostItem {
  label: string;
  amount: number;
  cadence: CostCadence;
  /** How the figure was made and which price, as of when: "40B tokens at $1.00 per 1M (your override)". */
  basis: string;
  /** True for what grows with calls (tokens); false for fees and one-off work. */
  scales?: boolean;
  /** A monthly item that starts later (a successor's prices) or stops (a model that retires): months 1-based, inclusive. */
  fromMonth?: number;
  untilMonth?: number;
}

export function tokenItem(label: string, tokensPerCall: number, calls: number, price: PriceUsed, multiplier = 1, why = ''): CostItem {
  const tokens = tokensPerCall * calls;
  const rate = price.perMillion * multiplier;
  return {
    label,
    amount: (tokens * rate) / 1e6,
    cadence: 'per month',
    scales: true,
    basis: `${formatCount(tokensPerCall)} tokens × ${formatCount(calls)} calls = ${formatCount(tokens)} tokens at ${formatRate(rate)} per 1M (${price.origin}${why})`,
  };
}

/**
 * Token costs of one month of calls through one model: the fixed prefix (cached and not),
 * the varying input, the output. A prefix shorter than the provider's minimum is never
 * cached; the misses are written to the cache at the provider's write premium.
 */
export function callItems(prefixTokens: number, inputs: CostInputs, calls: number, prices: InferencePrices, prefixLabel: string): CostItem[] {
  const caching = prices.caching;
  const cacheable = prefixTokens >= caching.minTokens;
  const hit = cacheable ? inputs.cacheHitRate : 0;
  const items: CostItem[] = [];
  if (prefixTokens > 0) {
    if (hit > 0) {
      const premium = caching.writeMultiplier > 1 ? `, written to the cache at ${caching.writeMultiplier}x input` : '';
      items.push(tokenItem(`${prefixLabel}, uncached (${formatPercent(1 - hit)})`, prefixTokens * (1 - hit), calls, prices.input, caching.writeMultiplier, premium));
      items.push(tokenItem(`${prefixLabel}, cached (${formatPercent(hit)})`, prefixTokens * hit, calls, prices.cachedInput));
    } else {
      const why = inputs.cacheHitRate > 0 && !cacheable ? `; not cached: below the ${formatCount(caching.minTokens)}-token minimum` : '';
      items.push(tokenItem(prefixLabel, prefixTokens, calls, prices.input, 1, why));
    }
  }
  items.push(tokenItem('Input per call', inputs.inputTokens, calls, prices.input));
  items.push(tokenItem('Output per call', inputs.outputTokens, calls, prices.output));
  return items;
}

export function engineeringItem(label: string, hours: number, inputs: CostInputs): CostItem {
  return {
    label,
    amount: hours * inputs.engineeringHourlyRate,
    cadence: 'once',
    basis: `${formatCount(hours)} hours at ${formatUsd(inputs.engineeringHourlyRate)} an hour`,
  };
}

const activeIn = (i: CostItem, month: number) => i.cadence === 'per month' && (i.fromMonth ?? 1) <= month && month <= (i.untilMonth ?? Infinity);

/** What a month costs: the monthly items running in that month (the first, unless said). */
export function sumMonthly(items: readonly CostItem[], month = 1): number {
  return items.filter((i) => activeIn(i, month)).reduce((s, i) => s + i.amount, 0);
}

/** Months of `1..horizon` in which a monthly item runs. */
function monthsActive(i: CostItem, horizon: number): number {
  return Math.max(0, Math.min(horizon, i.untilMonth ?? Infinity) - (i.fromMonth ?? 1) + 1);
}

/** Everything over the horizon: one-off items once, monthly items for the months they run. */
export function totalOver(items: readonly CostItem[], horizon: number): number {
  return items.reduce((s, i) => s + (i.cadence === 'once' ? i.amount : i.amount * monthsActive(i, horizon)), 0);
}

/** The part of the horizon's total that grows with calls. */
export function scalingTotal(items: readonly CostItem[], horizon: number): number {
  return items.filter((i) => i.scales).reduce((s, i) => s + i.amount * monthsActive(i, horizon), 0);
}

export function sumOnce(items: readonly CostItem[]): number {
  return items.filter((i) => i.cadence === 'once').reduce((s, i) => s + i.amount, 0);
}

/** Cents for amounts; six significant digits for a per-call cost, which is often a fraction of a cent. */
export const cents = (x: number) => Math.round(x * 100) / 100;
export const perCallPrecision = (x: number) => Number(x.toPrecision(6));
