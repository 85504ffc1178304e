import type { KnownBlock, View } from '@slack/types';
import { expect } from 'vitest';
import { SLACK_LIMITS as L } from '../../../adapters/slack/slack-limits.js';

type Json = Record<string, unknown>;

const BLOCK_TYPES = new Set(['header', 'section', 'context', 'actions', 'divider', 'table', 'data_visualization']);

/** Every `text` string in the blocks, the way Slack sums a message toward msg_blocks_too_long. */
function textCharacters(node: unknown, key = ''): number {
  if (typeof node === 'string') return key === 'text' ? node.length : 0;
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + textCharacters(item, key), 0);
  if (node && typeof node === 'object') return Object.entries(node).reduce((sum, [k, v]) => sum + textCharacters(v, k), 0);
  return 0;
}

function expectText(object: unknown, max: number, where: string, type?: 'plain_text' | 'mrkdwn'): void {
  const text = object as Json | undefined;
  expect(text, `${where}: a text object`).toBeTypeOf('object');
  if (type) expect(text!.type, `${where}: type`).toBe(type);
  else expect(['plain_text', 'mrkdwn'], `${where}: type`).toContain(text!.type);
  const value = text!.text as string;
  expect(value.trim().length, `${where}: not empty`).toBeGreaterThan(0);
  expect(value.length, `${where}: at most ${max} characters`).toBeLessThanOrEqual(max);
  if (text!.type === 'mrkdwn') {
    expect(value, `${where}: & escaped`).not.toMatch(/&(?!amp;|lt;|gt;)/);
    const formatted = /<[@#][A-Z0-9]+(\|[^<>]*)?>|<https?:\/\/[^\s<>|]+(\|[^<>]*)?>/g;
    expect(value.replace(formatted, ''), `${where}: only mentions and links in <…>`).not.toMatch(/[<>]/);
    expect((value.match(/```/g) ?? []).length % 2, `${where}: code blocks closed`).toBe(0);
  }
}

function expectActionId(element: Json, where: string, ids: Set<string>): void {
  const id = element.action_id as string;
  expect(id.length, `${where}: action_id`).toBeGreaterThan(0);
  expect(id.length, `${where}: action_id`).toBeLessThanOrEqual(L.actionId);
  expect(ids.has(id), `${where}: action_id ${id} unique in its block`).toBe(false);
  ids.add(id);
}

function expectActions(block: Json, where: string): void {
  const elements = block.elements as Json[];
  expect(elements.length, `${where}: elements`).toBeGreaterThan(0);
  expect(elements.length, `${where}: elements`).toBeLessThanOrEqual(L.actionsElements);
  const ids = new Set<string>();
  elements.forEach((element, i) => {
    const at = `${where}.elements[${i}]`;
    expectActionId(element, at, ids);
    if (element.type === 'button') {
      expectText(element.text, L.buttonText, `${at}.text`, 'plain_text');
      if (element.value !== undefined) expect((element.value as string).length, `${at}.value`).toBeLessThanOrEqual(L.buttonValue);
      if (element.style !== undefined) expect(['primary', 'danger']).toContain(element.style);
    } else {
      expect(element.type, `${at}: a button or a static_select`).toBe('static_select');
      expectText(element.placeholder, L.placeholderText, `${at}.placeholder`, 'plain_text');
      const options = element.options as Json[];
      expect(options.length, `${at}.options`).toBeGreaterThan(0);
      expect(options.length, `${at}.options`).toBeLessThanOrEqual(L.selectOptions);
      options.forEach((option, j) => {
        expectText(option.text, L.optionText, `${at}.options[${j}].text`, 'plain_text');
        expect((option.value as string).length, `${at}.options[${j}].value`).toBeLessThanOrEqual(L.optionValue);
      });
    }
  });
}

function expectBlock(block: Json, where: string): void {
  expect(BLOCK_TYPES.has(block.type as string), `${where}: block type ${String(block.type)}`).toBe(true);
  if (block.type === 'header') expectText(block.text, L.headerText, `${where}.text`, 'plain_text');
  if (block.type === 'section') {
    expect(block.text ?? block.fields, `${where}: text or fields`).toBeDefined();
    if (block.text) expectText(block.text, L.sectionText, `${where}.text`);
    if (block.fields) {
      const fields = block.fields as Json[];
      expect(fields.length, `${where}.fields`).toBeGreaterThan(0);
      expect(fields.length, `${where}.fields`).toBeLessThanOrEqual(L.sectionFields);
      fields.forEach((field, i) => expectText(field, L.fieldText, `${where}.fields[${i}]`));
    }
  }
  if (block.type === 'context') {
    const elements = block.elements as Json[];
    expect(elements.length, `${where}.elements`).toBeGreaterThan(0);
    expect(elements.length, `${where}.elements`).toBeLessThanOrEqual(L.contextElements);
    elements.forEach((element, i) => expectText(element, L.contextText, `${where}.elements[${i}]`));
  }
  if (block.type === 'actions') expectActions(block, where);
  if (block.type === 'table') expectTable(block, where);
  if (block.type === 'data_visualization') expectLineChart(block, where);
}

/** Slack's table block: a header row and rows of raw_text or raw_number cells, all the same width. */
function expectTable(block: Json, where: string): void {
  const rows = block.rows as Json[][];
  expect(rows.length, `${where}.rows`).toBeGreaterThan(1);
  expect(rows.length, `${where}.rows`).toBeLessThanOrEqual(L.tableRows);
  for (const [i, row] of rows.entries()) {
    expect(row.length, `${where}.rows[${i}] cells`).toBeLessThanOrEqual(L.tableCells);
    expect(row.length, `${where}.rows[${i}] as wide as the header`).toBe(rows[0]!.length);
    for (const cell of row) {
      expect(['raw_text', 'raw_number'], `${where}.rows[${i}] cell type`).toContain(cell.type);
      expect((cell.text as string).length, `${where}.rows[${i}] cell text`).toBeGreaterThan(0);
      if (cell.type === 'raw_number') expect(Number.isFinite(cell.value), `${where}.rows[${i}] cell value`).toBe(true);
    }
  }
  expect(((block.column_settings as Json[] | undefined) ?? []).length).toBeLessThanOrEqual(L.tableCells);
}

/** Slack's data_visualization line chart: a short title, named series with a point per category. */
function expectLineChart(block: Json, where: string): void {
  expect((block.title as string).length, `${where}.title`).toBeGreaterThan(0);
  expect((block.title as string).length, `${where}.title`).toBeLessThanOrEqual(L.chartTitle);
  const chart = block.chart as { type: string; series: { name: string; data: { label: string; value: number }[] }[]; axis_config: { categories: string[]; x_label?: string; y_label?: string } };
  expect(chart.type).toBe('line');
  const { categories } = chart.axis_config;
  expect(categories.length, `${where} categories`).toBeGreaterThan(0);
  expect(categories.length, `${where} categories`).toBeLessThanOrEqual(L.chartCategories);
  for (const c of categories) expect(c.length, `${where} category "${c}"`).toBeLessThanOrEqual(L.chartLabel);
  for (const label of [chart.axis_config.x_label, chart.axis_config.y_label]) if (label !== undefined) expect(label.length).toBeLessThanOrEqual(L.chartAxisLabel);
  expect(chart.series.length, `${where} series`).toBeGreaterThan(0);
  expect(chart.series.length, `${where} series`).toBeLessThanOrEqual(L.chartSeries);
  expect(new Set(chart.series.map((s) => s.name)).size, `${where} series names unique`).toBe(chart.series.length);
  for (const s of chart.series) {
    expect(s.name.length).toBeLessThanOrEqual(L.chartLabel);
    expect(
      s.data.map((d) => d.label),
      `${where} series ${s.name} labels`,
    ).toEqual(categories);
    for (const d of s.data) expect(Number.isFinite(d.value)).toBe(true);
  }
}

/** Fails unless Slack would take this message: every limit in SLACK_LIMITS, escaping and a fallback text. */
export function expectWithinSlackLimits(message: { text: string; blocks: KnownBlock[] }): void {
  expect(message.text.trim().length, 'fallback text').toBeGreaterThan(0);
  expect(message.text.length, 'fallback text').toBeLessThanOrEqual(L.fallbackText);
  expect(message.blocks.length, 'blocks').toBeGreaterThan(0);
  expect(message.blocks.length, 'blocks per message').toBeLessThanOrEqual(L.blocksPerMessage);
  expect(textCharacters(message.blocks), 'characters in all the blocks').toBeLessThanOrEqual(L.messageCharacters);
  expect(message.blocks.filter((b) => b.type === 'table').length, 'table blocks').toBeLessThanOrEqual(L.tablesPerMessage);
  expect(message.blocks.filter((b) => (b.type as string) === 'data_visualization').length, 'chart blocks').toBeLessThanOrEqual(L.chartsPerMessage);
  const blockIds = new Set<string>();
  message.blocks.forEach((block, i) => {
    const json = block as unknown as Json;
    if (json.block_id !== undefined) {
      const id = json.block_id as string;
      expect(id.length, `blocks[${i}].block_id`).toBeLessThanOrEqual(L.blockId);
      expect(blockIds.has(id), `blocks[${i}].block_id unique`).toBe(false);
      blockIds.add(id);
    }
    expectBlock(json, `blocks[${i}]`);
  });
}

/** Fails unless Slack would open this modal: title, buttons, metadata, blocks and the input's texts. */
export function expectModalWithinSlackLimits(view: View): void {
  const modal = view as unknown as Json;
  expect(modal.type).toBe('modal');
  expectText(modal.title, L.modalTitle, 'title', 'plain_text');
  expectText(modal.submit, L.modalButton, 'submit', 'plain_text');
  expectText(modal.close, L.modalButton, 'close', 'plain_text');
  expect((modal.private_metadata as string).length, 'private_metadata').toBeLessThanOrEqual(L.privateMetadata);
  expect((modal.callback_id as string).length, 'callback_id').toBeLessThanOrEqual(L.blockId);
  const blocks = modal.blocks as Json[];
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(L.blocksPerModal);
  for (const block of blocks) {
    // A line of explanation above the fields (the trial form), else inputs only.
    if (block.type === 'section') {
      expectText(block.text, L.sectionText, 'section', 'mrkdwn');
      continue;
    }
    expect(block.type).toBe('input');
    expect((block.block_id as string).length).toBeLessThanOrEqual(L.blockId);
    expectText(block.label, L.inputLabel, 'label', 'plain_text');
    const element = block.element as Json;
    expect(element.type).toBe('plain_text_input');
    expect((element.action_id as string).length).toBeLessThanOrEqual(L.actionId);
    if (element.placeholder) expectText(element.placeholder, L.placeholderText, 'placeholder', 'plain_text');
  }
}

/** What a person reads: every text in the message, mrkdwn entities turned back into characters. */
export function visibleText(message: { blocks: KnownBlock[] }): string {
  const texts: string[] = [];
  const walk = (node: unknown, key = ''): void => {
    if (typeof node === 'string' && key === 'text') texts.push(node);
    else if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(message.blocks);
  return texts.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
