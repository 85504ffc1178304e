import { sumMonthly, sumOnce, type CostItem } from './cost-items.js';

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
  const totals: number[] = [];
  let sum = sumOnce(items.filter((i) => i.label !== 'Retraining'));
  for (let m = 1; m <= span; m++) {
    if (retrains.has(m - 1)) sum += retrainCost;
    sum += sumMonthly(items, m);
    totals.push(sum);
  }
  return totals;
}
