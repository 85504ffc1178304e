import { fineTuningAvailability, formatRate, formatUsd, type PriceCatalogue } from '../../src/index.js';
import { renderTable } from './render-terminal-card.js';

const rates = (...values: (number | null)[]) => values.map((v) => (v === null ? '—' : formatRate(v).slice(1))).join(' / ');

/** The catalogue as a table: prices per 1M tokens, whether fine-tuning is open as of a date, and sources. */
export function renderPrices(catalogue: PriceCatalogue, asOf: string): string {
  const rows = catalogue.models.map((m) => {
    const ft = m.fineTuning;
    const status = fineTuningAvailability(catalogue, m, asOf, 12);
    return [
      m.id,
      m.provider,
      rates(m.prices.input, m.prices.cachedInput, m.prices.output),
      ft ? rates(ft.input, ft.output) : '—',
      ft ? formatRate(ft.training).slice(1) : '—',
      ft && ft.hostingPerMonth + ft.storagePerMonth > 0 ? formatUsd(ft.hostingPerMonth + ft.storagePerMonth) : '—',
      status.available ? 'yes' : ft ? 'closing' : 'no',
      m.checked_on,
    ];
  });
  const lines = [
    `Price catalogue as of ${catalogue.as_of}; US$ per 1M tokens; fine-tuning judged for a 12-month horizon from ${asOf}`,
    '("closing": offered today, but it ends inside that horizon).',
    '',
    ...renderTable(['Model', 'Provider', 'In / cached / out', 'Tuned in / out', 'Training', 'Fixed/mo', 'Fine-tune', 'Checked'], rows, 160),
    '',
    'Sources:',
    ...catalogue.models.map((m) => `  ${m.id}: ${m.source}${m.note ? ` (${m.note})` : ''}`),
  ];
  for (const p of catalogue.providers) {
    if (p.fineTuningWindDown?.note) lines.push(`  ${p.name}: ${p.fineTuningWindDown.note} ${p.fineTuningWindDown.source}`);
    else if (p.note) lines.push(`  ${p.name}: ${p.note}`);
  }
  return `${lines.join('\n')}\n`;
}
