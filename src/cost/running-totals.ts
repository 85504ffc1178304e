import { sumOnce, type CostItem } from './cost-items.js';

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

/**
 * A path's running total, month by month: its one-off items up front, each month's items as they
 * run (a successor's prices from the month it takes over), and a retraining after each month listed.
 * Retraining items are left out of the items and added here, on their months.
 */
export function runningTotal(items: readonly CostItem[], retrainCost: number, retrainMonths: readonly number[], span: number): number[] {
  const retrains = new Set(retrainMonths);
  // Items that run every month are summed once; only those with a window are looked at month by month.
  const monthly = items.filter((i) => i.cadence === 'per month');
  const always = monthly.filter((i) => i.fromMonth === undefined && i.untilMonth === undefined).reduce((s, i) => s + i.amount, 0);
  const windowed = monthly.filter((i) => i.fromMonth !== undefined || i.untilMonth !== undefined);
  const totals: number[] = [];
  let sum = sumOnce(items.filter((i) => i.label !== 'Retraining'));
  for (let m = 1; m <= span; m++) {
    if (retrains.has(m - 1)) sum += retrainCost;
    sum += always;
    for (const i of windowed) if ((i.fromMonth ?? 1) <= m && m <= (i.untilMonth ?? Infinity)) sum += i.amount;
    totals.push(sum);
  }
  return totals;
}
