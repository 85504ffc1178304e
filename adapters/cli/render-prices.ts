import { fineTuningAvailability, formatRate, formatUsd, lifecycleOf, type PriceCatalogue } from '../../src/index.js';
import { renderTable } from './render-terminal-card.js';

const rates = (...values: (number | null)[]) => values.map((v) => (v === null ? '—' : formatRate(v).slice(1))).join(' / ');

/**
 * The catalogue as a table: prices per 1M tokens, the lifecycle dates known on `asOf`, whether
 * fine-tuning is open then, and where each row's figures come from. Models already shut down on
 * that date are left out (and counted).
 */
export function renderPrices(catalogue: PriceCatalogue, asOf: string): string {
  const live = catalogue.models.filter((m) => !lifecycleOf(catalogue, m, asOf).retired);
  const gone = catalogue.models.length - live.length;
  const rows = live.map((m) => {
    const ft = m.fineTuning;
    const life = lifecycleOf(catalogue, m, asOf);
    const status = fineTuningAvailability(catalogue, m, asOf, 12);
    const provenance = `${m.sourceKind === 'official' ? 'provider' : 'secondary'}${m.verified ? '' : '*'}`;
    return [
      m.id,
      m.provider,
      m.selfHosted ? 'GPU time' : rates(m.prices.input, m.prices.cachedInput, m.prices.output),
      ft ? (m.selfHosted ? 'GPU time' : rates(ft.input, ft.output)) : '—',
      ft ? (m.selfHosted ? 'GPU hours' : formatRate(ft.training).slice(1)) : '—',
      ft && ft.hostingPerMonth + ft.storagePerMonth > 0 ? formatUsd(ft.hostingPerMonth + ft.storagePerMonth) : '—',
      life.retires ?? '—',
      ft ? (life.newJobsUntil ?? '—') : '—',
      ft ? (life.tunedServedUntil ?? '—') : '—',
      status.available ? (life.gates.length ? 'gated' : 'yes') : ft ? 'closing' : 'no',
      provenance,
      m.checked_on,
    ];
  });
  const lines = [
    `Price catalogue as of ${catalogue.as_of}, read as of ${asOf}; US$ per 1M tokens; fine-tuning judged for a 12-month horizon`,
    '("closing": offered today, but it ends inside that horizon; "gated": only some organisations may start jobs; * not verified).',
    ...(gone ? [`${gone} model${gone === 1 ? '' : 's'} shut down by ${asOf} ${gone === 1 ? 'is' : 'are'} not listed.`] : []),
    '',
    ...renderTable(['Model', 'Provider', 'In / cached / out', 'Tuned in / out', 'Training', 'Fixed/mo', 'Retires', 'Tuning until', 'Tuned stop', 'Fine-tune', 'Source', 'Checked'], rows, 200),
    '',
    'Sources and notes:',
    ...live.map((m) => `  ${m.id}: ${m.source}${m.note ? ` (${m.note})` : ''}${m.successor && lifecycleOf(catalogue, m, asOf).retires ? ` Successor: ${m.successor}.` : ''}`),
  ];
  for (const p of catalogue.providers) {
    const windDown = p.fineTuningWindDown;
    if (windDown && (!windDown.announced || windDown.announced <= asOf)) {
      const gates = windDown.gates
        .filter((g) => g.announced <= asOf)
        .map((g) => ` Since ${g.from}, ${g.who}.`)
        .join('');
      lines.push(`  ${p.name}: ${windDown.note ?? ''}${gates} ${windDown.source}`);
    } else if (p.note) lines.push(`  ${p.name}: ${p.note}`);
  }
  return `${lines.join('\n')}\n`;
}
