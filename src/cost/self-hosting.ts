import { formatCount, formatUsd } from '../format/format-numbers.js';
import type { CostItem } from './cost-items.js';
import type { SelfHosting } from './price-catalogue.js';

const HOURS_A_MONTH = 730;
const SECONDS_A_MONTH = HOURS_A_MONTH * 3600;

/** What an hour of the hardware costs: rented by the hour, or owned and paid by the month. */
function hourly(h: SelfHosting): number {
  return h.gpuPerHour ?? (h.perMonth ?? 0) / HOURS_A_MONTH;
}

/**
 * US$ per 1M tokens on GPUs rented by the hour: the hour's cost over the tokens it serves.
 * Hardware paid by the month costs nothing more per token: it is a monthly fee instead.
 */
export function selfHostedTokenPrice(h: SelfHosting): { perMillion: number; origin: string } {
  if (h.gpuPerHour === undefined) return { perMillion: 0, origin: 'your own hardware: paid by the month, not by the token' };
  return {
    perMillion: (h.gpuPerHour / (h.tokensPerSecond * 3600)) * 1e6,
    origin: `GPU time: ${formatUsd(h.gpuPerHour)} an hour ÷ ${formatCount(h.tokensPerSecond)} tokens a second${h.hardware ? ` (${h.hardware})` : ''}`,
  };
}

/** US$ per 1M training tokens: the GPU hours a LoRA run takes on the same hardware. */
export function selfHostedTrainingPrice(h: SelfHosting): { perMillion: number; origin: string } {
  const speed = h.trainingTokensPerSecond ?? h.tokensPerSecond / 2;
  return {
    perMillion: (hourly(h) / (speed * 3600)) * 1e6,
    origin: `GPU hours: ${formatUsd(hourly(h))} an hour ÷ ${formatCount(speed)} training tokens a second${h.trainingTokensPerSecond ? '' : ' (assumed: half the serving speed)'}`,
  };
}

/** The monthly hardware fee for owned hardware: as many units as the month's tokens need. */
export function hardwareItem(h: SelfHosting, tokensPerMonth: number): CostItem | null {
  if (h.perMonth === undefined) return null;
  const units = Math.max(1, Math.ceil(tokensPerMonth / (h.tokensPerSecond * SECONDS_A_MONTH)));
  return {
    label: 'Hardware',
    amount: units * h.perMonth,
    cadence: 'per month',
    basis: `${units} × ${formatUsd(h.perMonth)} a month, each serving ${formatCount(h.tokensPerSecond)} tokens a second; ${formatCount(tokensPerMonth)} tokens a month${h.hardware ? ` (${h.hardware})` : ''}`,
  };
}
