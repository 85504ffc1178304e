import { cutMrkdwn, cutText, escapeEntities, escapeMrkdwn, oneLine, unmarked } from './shorten-text.js';

/** Wider than this, a grid wraps on most screens: each row becomes a record of `column: value` lines. */
const GRID_WIDTH = 100;
/** A cell longer than this is cut, so one cell cannot push every row off the screen. */
const CELL_MAX = 200;
const FENCE = '```';

function isNumericColumn(rows: string[][], i: number): boolean {
  return i > 0 && rows.length > 0 && rows.every((r) => /^[$\d—-]/.test(r[i] ?? ''));
}

/** The table's lines before escaping: `head` lines always shown, then one unit per row. */
function layout(columns: string[], rows: string[][]): { head: string[]; units: string[]; separator: string } {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const total = widths.reduce((sum, w) => sum + w, 0) + 2 * Math.max(0, columns.length - 1);
  if (total <= GRID_WIDTH) {
    const cell = (text: string, i: number) => (isNumericColumn(rows, i) ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
    const line = (cells: string[]) =>
      columns
        .map((_, i) => cell(cells[i] ?? '', i))
        .join('  ')
        .trimEnd();
    return { head: [line(columns), widths.map((w) => '-'.repeat(w)).join('  ')], units: rows.map(line), separator: '\n' };
  }
  const units = rows.map((r) => columns.map((c, i) => `${c}: ${r[i] ?? ''}`).join('\n'));
  return { head: [], units, separator: '\n\n' };
}

/**
 * A table as mrkdwn within `max` characters: its title in bold, then the rows in a code block,
 * columns padded. Rows that do not fit are dropped from the end with "… N more rows".
 */
export function tableText(title: string, columns: string[], rows: string[][], max: number): string {
  // Cells are data in a code block: no mention or link of the product's own, so every cell is escaped as plain text.
  const clean = (text: string) => cutText(oneLine(unmarked(text)).trim(), CELL_MAX);
  const cols = columns.map(clean);
  const cells = rows.map((r) => r.map(clean));
  const { head, units, separator } = layout(cols, cells);
  const top = `${title.trim() ? `*${escapeMrkdwn(oneLine(title).trim())}*\n` : ''}${FENCE}\n`;
  const headText = escapeEntities(head.join('\n'));
  const escaped = units.map(escapeEntities);
  const more = (n: number) => (n < escaped.length ? `\n_… ${escaped.length - n} more rows_` : '');
  const build = (n: number) => {
    const body = [headText, escaped.slice(0, n).join(separator)].filter(Boolean).join('\n');
    return `${top}${body || ' '}\n${FENCE}${more(n)}`;
  };
  // The length with n rows, without building each candidate.
  let bodyLength = headText.length;
  const lengths = [bodyLength];
  escaped.forEach((unit, i) => {
    const glue = i === 0 ? (headText ? 1 : 0) : separator.length;
    bodyLength += glue + unit.length;
    lengths.push(bodyLength);
  });
  for (let n = escaped.length; n >= 0; n--) {
    const length = top.length + Math.max(1, lengths[n]!) + 1 + FENCE.length + more(n).length;
    if (length <= max) return build(n);
  }
  return cutMrkdwn(build(0), max);
}
