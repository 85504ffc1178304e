import type { Severity } from '../verdict/price-notices.js';

/**
 * A platform-neutral card: what a person should see, with no platform's syntax. Each
 * platform has one renderer (terminal, Block Kit, Adaptive Cards) that applies its limits.
 */
export type CardBlock =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: CardField[] }
  | { type: 'list'; title: string; items: CardListItem[] }
  | { type: 'table'; title: string; columns: string[]; rows: string[][] }
  | { type: 'notice'; severity: Severity; text: string }
  | { type: 'chart'; title: string; xLabel: string; yLabel: string; labels: string[]; series: ChartSeries[] }
  | { type: 'context'; text: string }
  | { type: 'divider' }
  | { type: 'buttons'; buttons: CardButton[] }
  /** Pick one of several: buttons or a menu, as the platform prefers for the count (`menu` names the menu and its button; default "Your answer", "Answer"). */
  | { type: 'choices'; action: string; payload: string; options: { label: string; value: string }[]; menu?: { label: string; submit: string } }
  /** A typed value: a text box where the platform has one in messages, else a button that opens one. */
  | { type: 'input'; action: string; payload: string; label: string; placeholder: string; multiline: boolean };

export interface CardField {
  label: string;
  value: string;
}

export interface CardListItem {
  text: string;
  /** Shown in place of the renderer's bullet, e.g. "1." where the person refers to items by number. */
  marker?: string;
  /** A second line: the seed a reason comes from, the fix for a mistake. */
  detail?: string;
}

export interface ChartSeries {
  /** What the series stands for, so a renderer gives it the same colour on every card (`prompt`, `fine-tune`). */
  key: string;
  name: string;
  values: number[];
}

export interface CardButton {
  /** What the button does, e.g. `start-over`; adapters map it to their action ids. */
  action: string;
  label: string;
  /** A small payload the action needs back (kept short: platforms cap it). */
  value?: string;
  style?: 'primary' | 'danger';
}

export type CardKind = 'question' | 'answered' | 'verdict' | 'assumptions' | 'summary' | 'message';

export interface Card {
  kind: CardKind;
  title: string;
  blocks: CardBlock[];
}

/** The notification text for a card, from the card itself: its title and first line of text. */
export function cardFallback(card: Card): string {
  const firstText = card.blocks.find((b): b is Extract<CardBlock, { type: 'text' }> => b.type === 'text');
  return firstText ? `${card.title}: ${firstText.text}` : card.title;
}

/** The block with every text a person reads passed through `fn` (labels, items, cells); payloads untouched. */
export function mapBlockText(block: CardBlock, fn: (text: string) => string): CardBlock {
  switch (block.type) {
    case 'heading':
    case 'text':
    case 'notice':
    case 'context':
      return { ...block, text: fn(block.text) };
    case 'fields':
      return { ...block, fields: block.fields.map((f) => ({ label: fn(f.label), value: fn(f.value) })) };
    case 'list':
      return { ...block, title: fn(block.title), items: block.items.map((i) => ({ ...i, text: fn(i.text), ...(i.detail === undefined ? {} : { detail: fn(i.detail) }) })) };
    case 'table':
      return { ...block, title: fn(block.title), columns: block.columns.map(fn), rows: block.rows.map((r) => r.map(fn)) };
    case 'chart':
      return { ...block, title: fn(block.title), xLabel: fn(block.xLabel), yLabel: fn(block.yLabel), labels: block.labels.map(fn), series: block.series.map((s) => ({ ...s, name: fn(s.name) })) };
    case 'buttons':
      return { ...block, buttons: block.buttons.map((b) => ({ ...b, label: fn(b.label) })) };
    case 'choices':
      return { ...block, options: block.options.map((o) => ({ ...o, label: fn(o.label) })) };
    case 'input':
      return { ...block, label: fn(block.label), placeholder: fn(block.placeholder) };
    default:
      return block;
  }
}
