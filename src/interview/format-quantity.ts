const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const SCALES: readonly (readonly [number, string])[] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * A number the way people type it in notes: 7.5M, 250k, but 4,286 (never a
 * rounded "4.3k" that hides what we computed).
 */
export function formatQuantity(n: number): string {
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs >= 1e4) {
    const scale = SCALES.find(([size]) => abs >= size);
    // Compact only when it is exact to two decimals: 7.5M yes, 1,234,567 no.
    if (scale && n % (scale[0] / 100) === 0) return `${n / scale[0]}${scale[1]}`;
  }
  return GROUPED.format(n);
}
