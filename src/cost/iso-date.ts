/** Calendar arithmetic on YYYY-MM-DD strings, in UTC, so advice is the same in every time zone. */

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = toUtc(text);
  return new Date(ms).toISOString().slice(0, 10) === text;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Whole months from `from` until `to` (negative when `to` is earlier), counting a started month. */
export function monthsUntil(from: string, to: string): number {
  return Math.ceil(daysBetween(from, to) / (365.25 / 12));
}

export function addMonths(date: string, months: number): string {
  const d = new Date(toUtc(date));
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
