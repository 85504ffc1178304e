import type { KnownBlock } from '@slack/types';
import { cutMrkdwn, cutText } from './shorten-text.js';
import { mrkdwnContext, type RenderedBlock } from './slack-block-parts.js';
import { SLACK_LIMITS as L } from './slack-limits.js';

/** Texts are not cut below this to save characters: under it, dropping blocks says more. */
const MIN_CUT = 100;
/** At most this many actions blocks at the end are kept when blocks are dropped (100 buttons). */
const MAX_TAIL = 4;

/** All the text a message's blocks hold (headers, sections, fields, context, labels, options), as Slack counts toward msg_blocks_too_long. */
export function slackTextLength(blocks: readonly unknown[]): number {
  return textLengthOf(blocks, '');
}

// Counted without building entry arrays: this runs over every message sent, more than once when one is cut to fit.
function textLengthOf(node: unknown, key: string): number {
  if (typeof node === 'string') return key === 'text' ? node.length : 0;
  let total = 0;
  if (Array.isArray(node)) for (const item of node) total += textLengthOf(item, key);
  else if (node && typeof node === 'object') for (const k in node) total += textLengthOf((node as Record<string, unknown>)[k], k);
  return total;
}

const totalOf = (parts: RenderedBlock[]) => slackTextLength(parts.map((p) => p.block));

function shortenedNote(text: string): RenderedBlock {
  const [part] = mrkdwnContext(text);
  return { block: part!.block, note: true };
}

/** The actions blocks at the end that carry the card's buttons: kept when other blocks are dropped. */
function tailOf(parts: RenderedBlock[]): Set<RenderedBlock> {
  const tail = new Set<RenderedBlock>();
  let i = parts.map((p) => p.block.type).lastIndexOf('actions');
  while (i >= 0 && parts[i]!.block.type === 'actions' && tail.size < MAX_TAIL) tail.add(parts[i--]!);
  return tail;
}

/** At most 50 blocks: the first ones, a "… shortened" note where blocks were dropped, and the buttons at the end. */
export function capBlockCount(parts: RenderedBlock[], note: string): RenderedBlock[] {
  if (parts.length <= L.blocksPerMessage) return parts;
  const tail = tailOf(parts);
  const head = parts.filter((p) => !tail.has(p));
  return [...head.slice(0, L.blocksPerMessage - 1 - tail.size), shortenedNote(note), ...parts.filter((p) => tail.has(p))];
}

interface TextSlot {
  length: number;
  cut(max: number): void;
}

/** Every text the renderer may shorten: headers, section texts, fields and context elements. */
function slotsOf(parts: RenderedBlock[]): TextSlot[] {
  const slots: TextSlot[] = [];
  for (const part of parts) {
    const block = part.block;
    if (block.type === 'header') {
      const text = block.text;
      slots.push({ length: text.text.length, cut: (max) => void (text.text = cutText(text.text, max)) });
    } else if (block.type === 'section') {
      const text = block.text;
      if (text) slots.push({ length: text.text.length, cut: (max) => void (text.text = part.refit ? part.refit(max) : cutMrkdwn(text.text, max)) });
      for (const field of block.fields ?? []) slots.push({ length: field.text.length, cut: (max) => void (field.text = cutMrkdwn(field.text, max)) });
    } else if (block.type === 'context' && !part.note) {
      for (const element of block.elements) {
        if ('text' in element && typeof element.text === 'string') {
          const el = element;
          slots.push({ length: el.text.length, cut: (max) => void (el.text = cutMrkdwn(el.text, max)) });
        }
      }
    }
  }
  return slots;
}

/**
 * Shortens the longest texts first until the message is within `budget` characters: finds
 * the largest length C such that cutting every text longer than C to C fits, then cuts them.
 * Texts are not cut below MIN_CUT; what is still too long is left to `dropToBudget`.
 */
export function shrinkToBudget(parts: RenderedBlock[], budget: number): RenderedBlock[] {
  const total = totalOf(parts);
  if (total <= budget) return parts;
  const slots = slotsOf(parts);
  const fixed = total - slots.reduce((sum, s) => sum + s.length, 0);
  const sizeAt = (cap: number) => fixed + slots.reduce((sum, s) => sum + Math.min(s.length, cap), 0);
  let low = MIN_CUT;
  let high = Math.max(MIN_CUT, ...slots.map((s) => s.length));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sizeAt(mid) <= budget) low = mid;
    else high = mid - 1;
  }
  for (const slot of slots) if (slot.length > low) slot.cut(low);
  return parts;
}

/** Drops blocks from the end (not the buttons) until the message is within `budget`, with a "… shortened" note. */
export function dropToBudget(parts: RenderedBlock[], note: string, budget: number): RenderedBlock[] {
  let kept = [...parts];
  while (kept.length > 1 && totalOf(kept) > budget) {
    const tail = tailOf(kept);
    const head = kept.filter((p) => !tail.has(p) && !p.note);
    const rest = kept.filter((p) => tail.has(p));
    if (head.length > 0) kept = [...head.slice(0, -1), shortenedNote(note), ...rest];
    else kept = kept.slice(0, -1);
  }
  return kept;
}

/** Blocks as Slack takes them. */
export function blocksOf(parts: RenderedBlock[]): KnownBlock[] {
  return parts.map((p) => p.block);
}
