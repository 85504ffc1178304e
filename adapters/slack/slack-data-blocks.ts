import type { KnownBlock, RawNumberElement, RawTextElement, TableBlock } from '@slack/types';
import { chartValue, chartValueText, samplePoints, type CardBlock } from '../../src/index.js';
import { cutText, oneLine as oneLineOf, unmarked } from './shorten-text.js';

/** Table cells and chart labels are plain text in Slack: a person's words there need only their marks taken off. */
const oneLine = (text: string) => oneLineOf(unmarked(text));
import { SLACK_LIMITS as L } from './slack-limits.js';
import { tableText } from './slack-table-text.js';

/**
 * Slack's data blocks: the `table` block and the `data_visualization` line chart, each within
 * its limits in SLACK_LIMITS. A card's table or chart that would pass a limit (a second table, a
 * third chart, too many rows or series) is shown the old way instead: a code-block table, and
 * the chart as a text chart (its numbers at sampled months, in a code block), as vercel/chat does.
 */

/** A line chart as Slack's data_visualization block takes it (@slack/types has no type for it yet). */
export interface DataVisualizationBlock {
  type: 'data_visualization';
  title: string;
  chart: {
    type: 'line';
    series: { name: string; data: { label: string; value: number }[] }[];
    axis_config: { categories: string[]; x_label?: string; y_label?: string };
  };
}

/** How many data blocks a message has used so far, and whether the client takes them at all. */
export interface DataBlockBudget {
  native: boolean;
  tables: number;
  charts: number;
}

const NUMERIC = /^[-−]?\$?\d[\d,]*(\.\d+)?[kMB%]?$/;

const cellText = (text: string) => cutText(oneLine(text).trim(), L.sectionText) || '—';

function cell(text: string, numeric: boolean): RawTextElement | RawNumberElement {
  const shown = cellText(text);
  const value = Number(shown.replace(/[$,%kMB−]/g, ''));
  // A number column's cells carry their value too, so Slack can sort and align them; the text stays as written.
  return numeric && NUMERIC.test(shown) && Number.isFinite(value) ? { type: 'raw_number', value, text: shown } : { type: 'raw_text', text: shown };
}

function nativeTable(columns: string[], rows: string[][]): TableBlock {
  const body = rows.map((row) => columns.map((_, i) => row[i] ?? ''));
  const numeric = columns.map((_, i) => i > 0 && body.length > 0 && body.every((r) => NUMERIC.test(r[i]!.trim())));
  return {
    type: 'table',
    column_settings: columns.map((_, i) => (numeric[i] ? { align: 'right' } : { is_wrapped: true })),
    rows: [columns.map((c) => cell(c, false)), ...body.map((r) => r.map((c, i) => cell(c, numeric[i]!)))],
  };
}

/** A card's table: Slack's table block under its title while the message has room for one, else a code block. */
export function tableBlocks(
  block: Extract<CardBlock, { type: 'table' }>,
  budget: DataBlockBudget,
  titleBlock: (text: string) => KnownBlock[],
): { blocks: KnownBlock[]; refit?: (max: number) => string } {
  const fits = budget.native && budget.tables < L.tablesPerMessage && block.rows.length + 1 <= L.tableRows && block.columns.length <= L.tableCells && block.columns.length > 0;
  if (!fits) return { blocks: [], refit: (max) => tableText(block.title, block.columns, block.rows, max) };
  budget.tables++;
  return { blocks: [...titleBlock(block.title), nativeTable(block.columns, block.rows)] };
}

/** A card's chart: a data_visualization line chart while the message has room for one, else a text chart in a code block. */
export function chartBlocks(block: Extract<CardBlock, { type: 'chart' }>): { native: (budget: DataBlockBudget) => DataVisualizationBlock | null; text: (max: number) => string } {
  const series = block.series.filter((s) => s.values.some((v) => Number.isFinite(v)));
  const label = (i: number, max: number) => cutText(oneLine(block.labels[i] ?? '').trim(), max) || String(i + 1);
  const native = (budget: DataBlockBudget): DataVisualizationBlock | null => {
    if (!budget.native || budget.charts >= L.chartsPerMessage || !series.length || series.length > L.chartSeries) return null;
    const points = samplePoints(block.labels.length, L.chartCategories);
    const names = series.map((s) => cutText(oneLine(s.name).trim(), L.chartLabel));
    if (!points.length || new Set(names).size !== names.length) return null;
    budget.charts++;
    const categories = points.map((i) => label(i, L.chartLabel));
    return {
      type: 'data_visualization',
      title: cutText(oneLine(block.title).trim(), L.chartTitle) || 'Chart',
      chart: {
        type: 'line',
        series: series.map((s, n) => ({ name: names[n]!, data: points.map((i, j) => ({ label: categories[j]!, value: Number.isFinite(s.values[i]) ? chartValue(s.values[i]!) : 0 })) })),
        axis_config: {
          categories,
          ...(block.xLabel.trim() ? { x_label: cutText(oneLine(block.xLabel).trim(), L.chartAxisLabel) } : {}),
          ...(block.yLabel.trim() ? { y_label: cutText(oneLine(block.yLabel).trim(), L.chartAxisLabel) } : {}),
        },
      },
    };
  };
  // The text chart: the same numbers at a dozen sampled months, one column per series.
  const text = (max: number) => {
    const points = samplePoints(block.labels.length, 12);
    const rows = points.map((i) => [label(i, L.chartLabel), ...series.map((s) => (Number.isFinite(s.values[i]) ? chartValueText(s.values[i]!) : '—'))]);
    const title = block.yLabel.trim() ? `${block.title.trim()} (${block.yLabel.trim()})` : block.title;
    return tableText(title, [block.xLabel.trim() || ' ', ...series.map((s) => s.name)], rows, max);
  };
  return { native, text };
}
