import type { KnownBlock } from '@slack/types';
import { cardFallback, type Card, type CardBlock, type CardKind } from '../../src/index.js';
import { blocksOf, capBlockCount, dropToBudget, shrinkToBudget, slackTextLength } from './fit-slack-message.js';
import { headerBlock, mrkdwnSection, renderPart, type RenderedBlock } from './slack-block-parts.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { cutMrkdwn, escapeMrkdwn, oneLine } from './shorten-text.js';

export interface SlackMessage {
  /** The notification fallback (Slack shows it in notifications and where blocks cannot be shown). */
  text: string;
  blocks: KnownBlock[];
}

/** Cards a thread shows as a line or two: no header block. */
const COMPACT_KINDS: readonly CardKind[] = ['answered', 'message'];

/** List details are cut to these lengths in turn (then left out) when the message is too long. */
const DETAIL_STEPS = [Number.POSITIVE_INFINITY, 160, 0];

export const SHORTENED_VERDICT_NOTE = '… shortened: the full verdict is available with Show assumptions';
export const SHORTENED_NOTE = '… shortened to fit in Slack';

/** The notification text: the card's title and first text, escaped and cut to the limit. */
export function slackFallbackText(card: Card): string {
  // An empty title or text leaves a stray colon at one end: drop it.
  const raw = oneLine(cardFallback(card)).trim().replace(/^:\s*/, '').replace(/:$/, '');
  const text = cutMrkdwn(escapeMrkdwn(raw), SLACK_LIMITS.fallbackText);
  return text || 'finetune-advisor';
}

/** An answered or message card: its title in bold leading its first text ("*Question 3* What kind…"). */
function compactBlocks(card: Card): CardBlock[] {
  const title = oneLine(card.title).trim();
  if (!title) return card.blocks;
  const first = card.blocks.findIndex((b) => b.type === 'text');
  if (first < 0) return [{ type: 'text', text: `*${title}*` }, ...card.blocks];
  const text = (card.blocks[first] as Extract<CardBlock, { type: 'text' }>).text.trim();
  const glue = card.kind === 'answered' ? ' ' : '\n';
  return card.blocks.map((b, i) => (i === first ? { type: 'text', text: `*${title}*${glue}${text}` } : b));
}

function renderParts(card: Card, detailMax: number, native: boolean): RenderedBlock[] {
  const compact = COMPACT_KINDS.includes(card.kind);
  const blockIds = new Set<string>();
  const data = { native, tables: 0, charts: 0 };
  const parts: RenderedBlock[] = compact ? [] : headerBlock(card.title);
  for (const block of compact ? compactBlocks(card) : card.blocks) parts.push(...renderPart(block, { detailMax, compact, blockIds, data }));
  return parts;
}

export interface RenderOptions {
  /**
   * Slack's table and chart blocks (default true). false: a code-block table and a text chart,
   * for a workspace whose Slack refused them (`invalid_blocks`).
   */
  native?: boolean;
}

/**
 * A card as a Slack message: Block Kit blocks within every limit in SLACK_LIMITS and the
 * notification fallback. Too much content is shortened, never sent for Slack to refuse:
 * list details first, then the longest texts, then blocks from the end (the buttons stay).
 * Pure; never throws.
 */
export function renderBlockKit(card: Card, options: RenderOptions = {}): SlackMessage {
  const native = options.native ?? true;
  let text = 'finetune-advisor';
  try {
    text = slackFallbackText(card);
    const note = card.kind === 'verdict' ? SHORTENED_VERDICT_NOTE : SHORTENED_NOTE;
    const budget = SLACK_LIMITS.messageCharacters;
    let parts: RenderedBlock[] = [];
    for (const detailMax of DETAIL_STEPS) {
      parts = capBlockCount(renderParts(card, detailMax, native), note);
      if (slackTextLength(blocksOf(parts)) <= budget) break;
    }
    parts = dropToBudget(shrinkToBudget(parts, budget), note, budget);
    const blocks = blocksOf(parts);
    return { text, blocks: blocks.length ? blocks : fallbackBlocks(text) };
  } catch {
    return { text, blocks: fallbackBlocks(text) };
  }
}

function fallbackBlocks(text: string): KnownBlock[] {
  return blocksOf(mrkdwnSection(text));
}
