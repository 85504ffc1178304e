import { chartValue, chartValueText, samplePoints, type CardBlock, type CardListItem } from '../../src/index.js';
import type { AdaptiveElement, Container, FactSet, LineChart, Table, TableCell, TextBlock } from './adaptive-card-types.js';
import { COLOUR_WORDS, seriesColours } from './chart-palette.js';
import { TEAMS_LIMITS as L } from './teams-limits.js';
import { cutText, keepWhole, markdownOf, oneLine, unmarked } from './teams-text.js';

/** How much of a card the renderer shows: the fitter lowers these until the card fits. */
export interface RenderKnobs {
  /** Every TextBlock (and fact value, table cell) is cut to this many characters. */
  textMax: number;
  /** Data rows shown per table; the rest become "… N more rows". */
  rowsMax: number;
  /** false: each chart is replaced by its fallback (the same numbers in a table). */
  charts: boolean;
}

/** Body elements made from one card block (or one list item): kept or dropped together. */
export interface Part {
  elements: AdaptiveElement[];
  /** Content the fitter may drop from the end; inputs and buttons are never dropped. */
  droppable: boolean;
  /** A divider: the next element gets a separator line. */
  divider?: true;
}

export const NOTICE_STYLES = { info: 'accent', warning: 'warning', danger: 'attention' } as const;
export const NOTICE_EMOJI = { info: 'ℹ️', warning: '⚠️', danger: '🛑' } as const;
/** Indents a list item's detail under its text (a TextBlock has no indent of its own): two em spaces
 * reach about where a markdown bullet's text starts (one left "Source:" to the left of it, 2026-11-27). */
export const DETAIL_INDENT = '\u2003\u2003';

/** A number as a table cell shows it ($12,345, 0.5%, 1.2M, —): right-aligned. */
const NUMERIC = /^(?:[-+−]?[$€£]?\d[\d,]*(?:\.\d+)?\s?[%kKMB]?|—|-)$/;
const isNumeric = (text: string) => NUMERIC.test(text.trim());

export function textBlock(text: string, max: number, extra: Partial<Omit<TextBlock, 'type' | 'text'>> = {}): TextBlock[] {
  const cut = keepWhole(cutText(markdownOf(text.trim()), max));
  return cut ? [{ type: 'TextBlock', text: cut, wrap: true, ...extra }] : [];
}

const content = (elements: AdaptiveElement[]): Part[] => (elements.length ? [{ elements, droppable: true }] : []);

function factSet(fields: { label: string; value: string }[], k: RenderKnobs): FactSet[] {
  const facts = fields
    .map((f) => ({ title: keepWhole(cutText(markdownOf(oneLine(f.label).trim()), L.factTitleMax)), value: keepWhole(cutText(markdownOf(f.value.trim()), Math.min(L.factValueMax, k.textMax))) }))
    .filter((f) => f.title || f.value);
  return facts.length ? [{ type: 'FactSet', facts }] : [];
}

function listItem(item: CardListItem, k: RenderKnobs): AdaptiveElement[] {
  const text = oneLine(item.text).trim();
  const detail = oneLine(item.detail ?? '').trim();
  return [
    ...(text ? textBlock(`${item.marker ?? '-'} ${text}`, k.textMax) : []),
    ...(detail ? textBlock(detail, k.textMax - DETAIL_INDENT.length, { isSubtle: true, size: 'Small', spacing: 'None' }).map((t) => ({ ...t, text: `${DETAIL_INDENT}${t.text}` })) : []),
  ];
}

/** A list: its title in bold, then one part per item (the item as a markdown list line, its detail small and indented below). */
function listParts(title: string, items: CardListItem[], k: RenderKnobs): Part[] {
  const rendered = items.map((item) => listItem(item, k)).filter((e) => e.length);
  if (!rendered.length) return [];
  const heading = textBlock(oneLine(title), k.textMax, { weight: 'Bolder' });
  return [...content(heading), ...rendered.map((elements) => ({ elements, droppable: true }))];
}

function cell(text: string, max: number, extra: Partial<TextBlock>): TableCell {
  const cut = keepWhole(cutText(markdownOf(oneLine(text).trim()), max));
  return { type: 'TableCell', items: [{ type: 'TextBlock', text: cut || ' ', wrap: true, ...extra }] };
}

/** A 1.5 Table: the header row first, the first column twice as wide, number columns right-aligned. */
export function tableElement(columns: string[], rows: string[][], max: number): Table | null {
  if (!columns.length) return null;
  const body = rows.map((row) => columns.map((_, i) => row[i] ?? ''));
  const numeric = columns.map((_, i) => body.some((r) => isNumeric(r[i]!) && r[i] !== '—') && body.every((r) => !r[i]!.trim() || isNumeric(r[i]!)));
  const align = (i: number): Partial<TextBlock> => (numeric[i] ? { horizontalAlignment: 'Right' } : {});
  return {
    type: 'Table',
    columns: columns.map((_, i) => ({ width: i === 0 ? 2 : 1 })),
    firstRowAsHeaders: true,
    rows: [
      { type: 'TableRow', cells: columns.map((c, i) => cell(c, max, { weight: 'Bolder', ...align(i) })) },
      ...body.map((row) => ({ type: 'TableRow' as const, cells: row.map((c, i) => cell(c, max, align(i))) })),
    ],
  };
}

export const moreRowsText = (n: number) => `… ${n} more ${n === 1 ? 'row' : 'rows'}`;

function tableParts(block: Extract<CardBlock, { type: 'table' }>, k: RenderKnobs): Part[] {
  const shown = Math.max(1, Math.min(k.rowsMax, L.tableRowsMax));
  const table = tableElement(block.columns, block.rows.slice(0, shown), k.textMax);
  if (!table) return content(textBlock(oneLine(block.title), k.textMax, { weight: 'Bolder' }));
  const more = block.rows.length - shown;
  return content([
    ...textBlock(oneLine(block.title), k.textMax, { weight: 'Bolder' }),
    table,
    ...(more > 0 ? textBlock(moreRowsText(more), k.textMax, { isSubtle: true, size: 'Small', spacing: 'None' }) : []),
  ]);
}

/** Teams' Chart.Line (one series per path), with the same numbers in a table as its fallback. */
function chartParts(block: Extract<CardBlock, { type: 'chart' }>, k: RenderKnobs): Part[] {
  const points = samplePoints(block.labels.length, L.chartPointsMax);
  const series = block.series.filter((s) => s.values.some((v) => Number.isFinite(v)));
  if (!points.length || !series.length) return [];
  const label = (i: number) => cutText(oneLine(unmarked(block.labels[i] ?? '')).trim(), L.factTitleMax) || String(i + 1);
  const colours = seriesColours(series.map((s) => s.key));
  const valueAt = (values: number[], i: number) => (Number.isFinite(values[i]) ? values[i]! : null);
  const title = cutText(oneLine(unmarked(block.title)).trim(), Math.min(k.textMax, L.factValueMax));
  const rows = points.map((i) => [
    label(i),
    ...series.map((s) => {
      const y = valueAt(s.values, i);
      return y === null ? '—' : chartValueText(y);
    }),
  ]);
  const table = tableElement([block.xLabel.trim() || ' ', ...series.map((s) => oneLine(s.name).trim())], rows, L.factTitleMax)!;
  const fallback: Container = { type: 'Container', items: [...textBlock(title, k.textMax, { weight: 'Bolder' }), table] };
  if (!k.charts) return content([fallback]);
  const chart: LineChart = {
    type: 'Chart.Line',
    title,
    ...(block.xLabel.trim() ? { xAxisTitle: cutText(oneLine(block.xLabel).trim(), L.factTitleMax) } : {}),
    ...(block.yLabel.trim() ? { yAxisTitle: cutText(oneLine(block.yLabel).trim(), L.factTitleMax) } : {}),
    data: series.map((s, n) => ({
      legend: cutText(oneLine(unmarked(s.name)).trim(), L.factTitleMax),
      color: colours[n]!,
      values: points.flatMap((i) => {
        const y = valueAt(s.values, i);
        return y === null ? [] : [{ x: label(i), y: chartValue(y) }];
      }),
    })),
    fallback,
  };
  // Which line is which, in words: a phone's legend can draw its names on top of each other, and a colour is not for every reader.
  const key = textBlock(series.map((s, n) => `${oneLine(s.name).trim()}: ${COLOUR_WORDS[colours[n]!]}`).join(' · '), k.textMax, { isSubtle: true, size: 'Small', spacing: 'None' });
  return content([chart, ...key]);
}

function notice(block: Extract<CardBlock, { type: 'notice' }>, k: RenderKnobs): Container[] {
  const severity = block.severity in NOTICE_STYLES ? block.severity : 'info';
  const text = textBlock(`${NOTICE_EMOJI[severity]} ${block.text.trim()}`, k.textMax);
  return block.text.trim() && text.length ? [{ type: 'Container', style: NOTICE_STYLES[severity], items: text }] : [];
}

/** The parts of a content block; buttons, choices and inputs are rendered elsewhere (null). */
export function contentParts(block: CardBlock, k: RenderKnobs): Part[] | null {
  switch (block.type) {
    case 'heading':
      return content(textBlock(oneLine(block.text), k.textMax, { weight: 'Bolder' }));
    case 'text':
      return content(textBlock(block.text, k.textMax));
    case 'context':
      return content(textBlock(block.text, k.textMax, { isSubtle: true, size: 'Small' }));
    case 'fields':
      return content(factSet(block.fields, k));
    case 'list':
      return listParts(block.title, block.items, k);
    case 'table':
      return tableParts(block, k);
    case 'chart':
      return chartParts(block, k);
    case 'notice':
      return content(notice(block, k));
    case 'divider':
      return [{ elements: [], droppable: true, divider: true }];
    default:
      return null;
  }
}
