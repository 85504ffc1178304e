import { mapBlockText, type Card, type CardBlock } from '../../src/index.js';
import { terminalText } from './terminal-safe.js';

const WIDTH = 80;
/** Tables may run wider than prose: a cost table stacked into records is harder to compare. */
const TABLE_WIDTH = 100;

function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && `${indent + line} ${word}`.length > width) {
        lines.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(indent + line);
  }
  return lines;
}

export function renderTable(columns: string[], rows: string[][], width: number): string[] {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const total = widths.reduce((s, w) => s + w, 0) + 2 * (columns.length - 1);
  if (total > width) {
    // Too wide for a terminal: one stacked record per row instead of a grid.
    return rows.flatMap((r) => [...columns.map((c, i) => `  ${c}: ${r[i] ?? ''}`), '']);
  }
  const numeric = (i: number) => rows.every((r) => /^[$\d—-]/.test(r[i] ?? ''));
  const cell = (text: string, i: number) => (numeric(i) && i > 0 ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) => cells.map(cell).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

const NOTICE_MARK = { info: 'Note:', warning: 'Warning:', danger: 'Stop:' } as const;

function block(b: CardBlock): string[] {
  switch (b.type) {
    case 'heading':
      return ['', b.text.toUpperCase()];
    case 'text':
      return wrap(b.text, WIDTH);
    case 'fields': {
      const w = Math.max(...b.fields.map((f) => f.label.length)) + 2;
      return b.fields.flatMap((f) => {
        const [first = '', ...more] = wrap(f.value, WIDTH - w);
        return [`${`${f.label}:`.padEnd(w)}${first}`, ...more.map((l) => ' '.repeat(w) + l)];
      });
    }
    case 'list':
      return [
        '',
        b.title,
        ...b.items.flatMap((item) => [...wrap(`${item.marker ?? '-'} ${item.text}`, WIDTH).map((l, i) => (i ? `  ${l}` : l)), ...(item.detail ? wrap(item.detail, WIDTH, '    ') : [])]),
      ];
    case 'table':
      return ['', b.title, ...renderTable(b.columns, b.rows, TABLE_WIDTH)];
    case 'notice':
      return ['', ...wrap(`${NOTICE_MARK[b.severity]} ${b.text}`, WIDTH)];
    case 'context':
      return wrap(b.text, WIDTH, '  ');
    case 'chart': // the terminal shows the same numbers in the cost table
    case 'choices':
    case 'input':
      return [];
    case 'divider':
      return ['', '-'.repeat(WIDTH)];
    case 'buttons':
      return [];
  }
}

/**
 * A card as plain text for a terminal: 80 columns, no colours, tables aligned. Every string is
 * made safe before layout (a person's words lose control characters), so widths count what is printed.
 */
export function renderTerminalCard(card: Card): string {
  const rule = '='.repeat(WIDTH);
  return [rule, terminalText(card.title).toUpperCase(), rule, ...card.blocks.map((b) => mapBlockText(b, terminalText)).flatMap(block), ''].join('\n');
}
