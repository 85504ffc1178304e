import { groupThousands } from '../format/format-numbers.js';

/** Which points a chart keeps: all up to `max`, else every Nth from the first, and always the last. */
export function samplePoints(count: number, max: number): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  if (max <= 1) return count ? [count - 1] : [];
  const step = Math.ceil((count - 1) / (max - 1));
  const picked: number[] = [];
  for (let i = 0; i < count - 1; i += step) picked.push(i);
  return [...picked, count - 1];
}

/** A chart's y value: whole above 100, else to the cent (a fallback table shows the same number). */
export function chartValue(y: number): number {
  return Math.abs(y) >= 100 ? Math.round(y) : Math.round(y * 100) / 100;
}

/** How a fallback table shows a chart value: 12,345 or 12.50. */
export function chartValueText(y: number): string {
  const v = chartValue(y);
  return Math.abs(v) >= 100 ? groupThousands(v) : v.toFixed(2);
}
