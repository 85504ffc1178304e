/** How numbers read on a card and in a cost basis; one place so every door shows the same figures. */

/** 1234567.5 -> "1,234,567.5". By hand: toLocaleString goes through ICU and is many times slower. */
export function groupThousands(n: number): string {
  const [whole = '', fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** US$ with cents above $1, with significant digits below it (a per-call cost is often $0.00112). */
export function formatUsd(amount: number): string {
  if (!Number.isFinite(amount)) return '—';
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (abs === 0) return '$0';
  // Below a dollar (a per-call cost), three significant digits: $0.0105 must not read as $0.01.
  if (abs < 1) {
    // Three significant digits as plain decimals: toPrecision alone turns 9.7e-8 into exponent notation.
    const places = Math.max(2, 2 - Math.floor(Math.log10(abs)));
    const [, decimals = ''] = Number(abs.toPrecision(3)).toFixed(places).replace(/0+$/, '').split('.');
    return `${sign}$0.${decimals.padEnd(2, '0')}`;
  }
  if (abs < 100) return `${sign}$${abs.toFixed(2)}`;
  return `${sign}$${groupThousands(Math.round(abs))}`;
}

/**
 * US$ in at most seven characters, for a column a phone gives a few: $4.60, $460, $4,600,
 * $45.6k, $456k, $1.23M. Never split: no spaces inside.
 */
export function formatUsdShort(amount: number): string {
  if (!Number.isFinite(amount)) return '—';
  const abs = Math.abs(amount);
  if (abs < 10) return formatUsd(amount);
  const sign = amount < 0 ? '-' : '';
  const scaled = (value: number, suffix: string) => `${sign}$${Number(value.toPrecision(3))}${suffix}`;
  if (abs < 10_000) return `${sign}$${groupThousands(Math.round(abs))}`;
  if (abs < 999_500) return scaled(abs / 1e3, 'k');
  if (abs < 999_500_000) return scaled(abs / 1e6, 'M');
  return scaled(abs / 1e9, 'B');
}

/** A per-1M-token rate: $2.00, $0.075. */
export function formatRate(perMillion: number): string {
  const [whole, decimals = ''] = perMillion.toFixed(5).replace(/0+$/, '').split('.');
  return `$${whole}.${decimals.padEnd(2, '0')}`;
}

/** 40,000,000,000 -> "40B"; 7,500,000 -> "7.5M"; 4,000 -> "4,000". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const scaled = (value: number, suffix: string) => `${groupThousands(Number(value.toPrecision(3)))}${suffix}`;
  if (abs >= 1e9) return scaled(n / 1e9, 'B');
  if (abs >= 1e6) return scaled(n / 1e6, 'M');
  return groupThousands(Math.round(n));
}

export function formatPercent(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${groupThousands(n)} ${n === 1 ? one : many}`;
}
