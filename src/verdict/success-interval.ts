import { formatCount } from '../format/format-numbers.js';

/** 95% confidence. */
const Z = 1.96;

export interface SuccessInterval {
  right: number;
  tested: number;
  low: number;
  high: number;
}

/**
 * The Wilson score interval of a success rate measured on `tested` examples: what the true
 * rate could be. 8 of 10 is consistent with 49% to 94%; 40 of 50 with 67% to 89%.
 */
export function successInterval(rate: number, tested: number): SuccessInterval {
  const n = Math.max(1, tested);
  const right = Math.round(rate * n);
  const p = right / n;
  const centre = p + (Z * Z) / (2 * n);
  const spread = Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  const denominator = 1 + (Z * Z) / n;
  return { right, tested: n, low: Math.max(0, (centre - spread) / denominator), high: Math.min(1, (centre + spread) / denominator) };
}

/** The fewest examples at which this rate's interval would no longer reach `line`. */
export function examplesToTell(rate: number, line: number): number {
  const gap = Math.abs(line - rate);
  if (gap === 0) return Infinity;
  for (let n = 10; n <= 100_000; n = Math.ceil(n * 1.05)) {
    const i = successInterval(rate, n);
    if (i.high < line || i.low > line) return n;
  }
  return Infinity;
}

/** "8 of 10 is consistent with 49% to 94%". */
export function describeInterval(i: SuccessInterval): string {
  return `${formatCount(i.right)} of ${formatCount(i.tested)} is consistent with ${Math.round(i.low * 100)}% to ${Math.round(i.high * 100)}%`;
}
