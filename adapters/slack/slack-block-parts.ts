import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, PlainTextOption, SectionBlock } from '@slack/types';
import { decodeAction, encodeAction, type CardBlock, type CardButton, type CardListItem } from '../../src/index.js';
import { cutMrkdwn, cutText, escapeMrkdwn, oneLine, unmarked } from './shorten-text.js';
import { SLACK_LIMITS as L } from './slack-limits.js';
import { chartBlocks, tableBlocks, type DataBlockBudget } from './slack-data-blocks.js';

/** One Slack block made from a card block, with a way to fit its main text in fewer characters. */
export interface RenderedBlock {
  block: KnownBlock;
  /** The section's text again within `max` characters, whole items or rows rather than a plain cut. */
  refit?: (max: number) => string;
  /** The "… shortened" context the renderer puts where it dropped blocks. */
  note?: true;
}

export interface PartOptions {
  /** List details longer than this are cut; 0 leaves them out. */
  detailMax: number;
  /** Answered and message cards: headings as bold lines, no header blocks. */
  compact: boolean;
  /** block_ids already taken in this message (Slack wants them unique). */
  blockIds: Set<string>;
  /** The table and charts this message may still show as Slack's data blocks. */
  data: DataBlockBudget;
}

export const NOTICE_EMOJI = { info: 'ℹ️', warning: '⚠️', danger: '🛑' } as const;
/** The label of the button that opens the answer modal. */
export const OPEN_INPUT_LABEL = 'Type the answer…';
export const OPEN_INPUT_ACTION_ID = 'fta:open-input';

export function mrkdwnSection(text: string): RenderedBlock[] {
  const cut = cutMrkdwn(text, L.sectionText);
  return cut.trim() ? [{ block: { type: 'section', text: { type: 'mrkdwn', text: cut } } satisfies SectionBlock }] : [];
}

export function mrkdwnContext(text: string): RenderedBlock[] {
  const cut = cutMrkdwn(text, L.contextText);
  return cut.trim() ? [{ block: { type: 'context', elements: [{ type: 'mrkdwn', text: cut }] } satisfies ContextBlock }] : [];
}

function header(text: string): RenderedBlock[] {
  // plain_text: Slack shows it as typed, so a person's words need only their marks taken off.
  const cut = cutText(oneLine(unmarked(text)).trim(), L.headerText);
  return cut ? [{ block: { type: 'header', text: { type: 'plain_text', text: cut, emoji: true } } satisfies HeaderBlock }] : [];
}

function fieldsBlocks(fields: { label: string; value: string }[]): RenderedBlock[] {
  const texts = fields
    .map((f) => {
      const label = oneLine(f.label).trim();
      const value = f.value.trim();
      const parts = [label ? `*${escapeMrkdwn(label)}*` : '', value ? escapeMrkdwn(value) : ''].filter(Boolean);
      return cutMrkdwn(parts.join('\n'), L.fieldText);
    })
    .filter((t) => t.trim());
  const blocks: RenderedBlock[] = [];
  for (let i = 0; i < texts.length; i += L.sectionFields) {
    const chunk = texts.slice(i, i + L.sectionFields).map((text) => ({ type: 'mrkdwn' as const, text }));
    blocks.push({ block: { type: 'section', fields: chunk } satisfies SectionBlock });
  }
  return blocks;
}

function listItem(item: CardListItem, detailMax: number, max: number): string {
  const text = `${item.marker ?? '•'} ${escapeMrkdwn(item.text.trim())}`;
  const detail = item.detail?.trim() ? cutText(oneLine(item.detail.trim()), detailMax) : '';
  const withDetail = detail ? `${text}\n      _${escapeMrkdwn(detail)}_` : text;
  return cutMrkdwn(withDetail, max);
}

/** A list section's text within `max`: its first line, then whole items while they fit, then "… N more". */
function packItems(first: string, items: string[], max: number): string {
  const join = (a: string, b: string) => (a ? `${a}\n${b}` : b);
  const more = (n: number) => (n > 0 ? `_… ${n} more_` : '');
  let text = first;
  let shown = 0;
  for (const item of items) {
    const left = items.length - shown - 1;
    if (join(text, item).length + (left > 0 ? more(left).length + 1 : 0) > max) break;
    text = join(text, item);
    shown++;
  }
  if (shown === items.length) return text;
  if (shown === 0) {
    // Not one whole item fits: the first one cut, so the list still says something.
    const tail = items.length > 1 ? `\n${more(items.length - 1)}` : '';
    const room = max - (first ? first.length + 1 : 0) - tail.length;
    if (room >= 20) return `${join(first, cutMrkdwn(items[0]!, room))}${tail}`;
  }
  const withRest = join(text, more(items.length - shown));
  return withRest.length <= max ? withRest : cutMrkdwn(withRest, max);
}

/** A list: `*title*` and one bullet per item, its detail in italics below; several sections past 3000 characters. */
function listBlocks(title: string, items: CardListItem[], detailMax: number): RenderedBlock[] {
  if (!items.length) return [];
  const heading = title.trim() ? `*${escapeMrkdwn(oneLine(title).trim())}*` : '';
  const lines = items.map((item) => listItem(item, detailMax, L.sectionText - heading.length - 1));
  const sections: { first: string; items: string[] }[] = [{ first: heading, items: [] }];
  for (const line of lines) {
    const current = sections[sections.length - 1]!;
    const length = [current.first, ...current.items, line].filter(Boolean).join('\n').length;
    if (length <= L.sectionText || (!current.first && !current.items.length)) current.items.push(line);
    else sections.push({ first: '', items: [line] });
  }
  return sections.map(({ first, items: own }) => {
    const refit = (max: number) => packItems(first, own, max);
    return { block: { type: 'section', text: { type: 'mrkdwn', text: refit(L.sectionText) } } satisfies SectionBlock, refit };
  });
}

/** A refittable section: a code-block table or text chart, cut to whole rows when the message is too long. */
function refittable(refit: (max: number) => string): RenderedBlock[] {
  return [{ block: { type: 'section', text: { type: 'mrkdwn', text: refit(L.sectionText) } } satisfies SectionBlock, refit }];
}

const boldTitle = (title: string): KnownBlock[] => (title.trim() ? mrkdwnSection(`*${escapeMrkdwn(oneLine(title).trim())}*`).map((p) => p.block) : []);

function tableParts(block: Extract<CardBlock, { type: 'table' }>, data: DataBlockBudget): RenderedBlock[] {
  const { blocks, refit } = tableBlocks(block, data, boldTitle);
  return refit ? refittable(refit) : blocks.map((b) => ({ block: b }));
}

function chartParts(block: Extract<CardBlock, { type: 'chart' }>, data: DataBlockBudget): RenderedBlock[] {
  const chart = chartBlocks(block);
  const native = chart.native(data);
  // @slack/types does not know the data_visualization block yet: it goes out as Slack documents it.
  return native ? [{ block: native as unknown as KnownBlock }] : refittable(chart.text);
}

interface ButtonSpec {
  actionId: string;
  label: string;
  value?: string | undefined;
  style?: CardButton['style'] | undefined;
}

/** Buttons as Slack sends them; one Slack would refuse (value or action_id too long) is left out. */
function buttonElements(specs: ButtonSpec[]): Button[] {
  const buttons: Button[] = [];
  for (const spec of specs) {
    if (!spec.actionId || spec.actionId.length > L.actionId) continue;
    if (spec.value !== undefined && spec.value.length > L.buttonValue) continue;
    const label = cutText(oneLine(unmarked(spec.label)).trim(), L.buttonText) || cutText(spec.actionId, L.buttonText);
    buttons.push({
      type: 'button',
      action_id: spec.actionId,
      text: { type: 'plain_text', text: label, emoji: true },
      ...(spec.value === undefined ? {} : { value: spec.value }),
      ...(spec.style === 'primary' || spec.style === 'danger' ? { style: spec.style } : {}),
    });
  }
  return buttons;
}

/** Buttons in actions blocks of at most 25. */
function actionsBlocks(buttons: Button[]): RenderedBlock[] {
  const blocks: RenderedBlock[] = [];
  for (let i = 0; i < buttons.length; i += L.actionsElements) {
    blocks.push({ block: { type: 'actions', elements: buttons.slice(i, i + L.actionsElements) } satisfies ActionsBlock });
  }
  return blocks;
}

function choicesBlocks(block: Extract<CardBlock, { type: 'choices' }>, blockIds: Set<string>): RenderedBlock[] {
  const options = block.options.filter((o) => o.value !== '');
  const asSelect =
    options.length > 5 &&
    options.length <= L.selectOptions &&
    block.payload.length > 0 &&
    block.payload.length <= L.blockId &&
    !blockIds.has(block.payload) &&
    options.every((o) => o.value.length <= L.optionValue);
  if (asSelect) {
    blockIds.add(block.payload);
    const selectOptions: PlainTextOption[] = options.map((o) => ({
      text: { type: 'plain_text', text: cutText(oneLine(unmarked(o.label)).trim(), L.optionText) || o.value, emoji: true },
      value: o.value,
    }));
    const select = {
      type: 'static_select' as const,
      action_id: `fta:${block.action}:select`,
      placeholder: { type: 'plain_text' as const, text: block.menu?.label ?? 'Choose…' },
      options: selectOptions,
    };
    if (select.action_id.length <= L.actionId) return [{ block: { type: 'actions', block_id: block.payload, elements: [select] } satisfies ActionsBlock }];
  }
  const base = decodeAction(block.payload);
  if (!base) return [];
  const specs = options.map((o, i) => ({ actionId: `fta:${block.action}:${i}`, label: o.label || o.value, value: encodeAction({ ...base, a: o.value }) }));
  return actionsBlocks(buttonElements(specs));
}

/** The Slack blocks for one card block. */
export function renderPart(block: CardBlock, options: PartOptions): RenderedBlock[] {
  switch (block.type) {
    case 'heading': {
      const text = oneLine(block.text).trim();
      if (!text) return [];
      return options.compact ? mrkdwnSection(`*${escapeMrkdwn(text)}*`) : header(text);
    }
    case 'text':
      return mrkdwnSection(escapeMrkdwn(block.text.trim()));
    case 'fields':
      return fieldsBlocks(block.fields);
    case 'list':
      return listBlocks(block.title, block.items, options.detailMax);
    case 'table':
      return tableParts(block, options.data);
    case 'notice':
      return mrkdwnContext(`${NOTICE_EMOJI[block.severity] ?? NOTICE_EMOJI.info} ${escapeMrkdwn(block.text.trim())}`);
    case 'chart':
      return chartParts(block, options.data);
    case 'divider':
      return [{ block: { type: 'divider' } }];
    case 'context':
      return mrkdwnContext(escapeMrkdwn(block.text.trim()));
    case 'buttons':
      return actionsBlocks(buttonElements(block.buttons.map((b, i) => ({ actionId: `fta:${b.action}:${i}`, label: b.label, value: b.value, style: b.style }))));
    case 'choices':
      return choicesBlocks(block, options.blockIds);
    case 'input':
      return actionsBlocks(buttonElements([{ actionId: OPEN_INPUT_ACTION_ID, label: OPEN_INPUT_LABEL, value: block.payload }]));
    default:
      return [];
  }
}

/** A header block, for the renderer's title. */
export function headerBlock(text: string): RenderedBlock[] {
  return header(text);
}
