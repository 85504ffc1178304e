import { FIELD_LABEL, formatPerMillion, type FieldCheck, type PriceCheck, type RowCheck } from './check-prices.js';
import { renderTable } from './render-terminal-card.js';

const pair = (f: FieldCheck) => `${formatPerMillion(f.ours)} / ${f.theirs === null ? '—' : formatPerMillion(f.theirs)}`;
const libraryName = (r: Extract<RowCheck, { library: unknown }>) =>
  r.library.pricedAs ? `${r.library.provider} (as ${r.library.pricedAs}) ${r.library.model}` : `${r.library.provider} ${r.library.model}`;
const RESULT_WORD: Record<RowCheck['result'], string> = { agrees: 'agrees', disagrees: 'DISAGREES', 'not-found': 'not found', 'not-checkable': 'not checkable' };

/** A titled list; an entry's first line is its item, any further lines are indented below it. */
function section(title: string, entries: string[][]): string[] {
  return entries.length ? ['', `${title} (${entries.length}):`, ...entries.flatMap(([first, ...more]) => [`  ${first}`, ...more.map((m) => `    ${m}`)])] : [];
}

/** `prices --check`: every row with ours / theirs per price, then the disagreements, the rows not found and the notes, spelled out. */
export function renderPriceCheck(check: PriceCheck): string {
  const { library, counts } = check;
  const rows = check.rows.map((r) =>
    'library' in r ? [r.id, r.provider, libraryName(r), ...r.fields.map(pair), RESULT_WORD[r.result]] : [r.id, r.provider, '—', '—', '—', '—', RESULT_WORD[r.result]],
  );
  const disagreements = check.rows.flatMap((r) =>
    'library' in r && r.result === 'disagrees'
      ? [
          [
            `${r.id} (${r.provider}; library ${libraryName(r)}): ${r.fields
              .filter((f) => f.result === 'disagrees')
              .map((f) => `${FIELD_LABEL[f.field]} ours ${formatPerMillion(f.ours)} vs theirs ${formatPerMillion(f.theirs)}`)
              .join('; ')}`,
            ...r.notes,
            ...(r.library.comment ? [`the library's comment: ${r.library.comment}`] : []),
          ],
        ]
      : [],
  );
  const lines = [
    `Base prices against ${library.name} ${library.version} (its data as published ${library.released ?? 'on a day not recorded for this version'}), on ${check.asOf};`,
    `US$ per 1M tokens, ours / theirs; a difference of up to $${check.tolerancePerMillion.toFixed(2)} counts as agreement.`,
    'Fine-tuning prices, fees and lifecycles are not checked: no library carries them.',
    '',
    ...renderTable(['Model', 'Provider', 'Library', 'In', 'Cached in', 'Out', 'Result'], rows, 160),
    ...section('Disagreements', disagreements),
    ...section(
      'Not found in the library',
      check.rows.flatMap((r) => (r.result === 'not-found' ? [[`${r.id} (${r.provider}): ${r.reason}`]] : [])),
    ),
    ...section(
      'Not checkable',
      check.rows.flatMap((r) => (r.result === 'not-checkable' ? [[`${r.id} (${r.provider}): ${r.reason}`]] : [])),
    ),
    ...section(
      'Notes',
      check.rows.flatMap((r) => ('library' in r && r.result === 'agrees' ? r.notes.map((n) => [`${r.id}: ${n}`]) : [])),
    ),
    '',
    `${counts.disagrees} disagree, ${counts.agrees} agree, ${counts.notFound} not found, ${counts.notCheckable} not checkable (${counts.rows} rows).`,
  ];
  return `${lines.join('\n')}\n`;
}
