import { cardFallback, mapRuns, type Card, type CardBlock } from '../../src/index.js';
import { actionSets, buttonActions, choiceElements, inputElements, type InputIds } from './adaptive-card-actions.js';
import { contentParts, textBlock, type Part } from './adaptive-card-parts.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, ADAPTIVE_CARD_SCHEMA, type AdaptiveAttachment, type AdaptiveCard, type AdaptiveElement, type ExecuteAction } from './adaptive-card-types.js';
import { fitAdaptiveCard, type BuiltCard, type FitKnobs } from './fit-adaptive-card.js';
import { TEAMS_LIMITS as L } from './teams-limits.js';
import { cutText, escapeSaidMarkdown, oneLine } from './teams-text.js';

export type { AdaptiveAttachment, AdaptiveCard } from './adaptive-card-types.js';

/** Where the renderer dropped parts of a card to keep it under TEAMS_LIMITS.cardBytes. */
export const SHORTENED_NOTE = '… shortened to fit in Teams';
const DEFAULT_FALLBACK = 'finetune-advisor';
const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s()]+)\)/g;

/** The card's notification and fallback text: its title and first text on one line, links as their labels. */
export function teamsFallbackText(card: Card): string {
  const raw = mapRuns(oneLine(cardFallback(card)), escapeSaidMarkdown, (own) => own.replace(LINK, '$1'))
    .trim()
    .replace(/^:\s*/, '')
    .replace(/:$/, '');
  return cutText(raw, L.fallbackTextMax) || DEFAULT_FALLBACK;
}

interface Layout {
  parts: Part[];
  /** Card-level actions: the buttons at the end of a card without inputs, when one row holds them. */
  actions: ExecuteAction[];
}

function interactive(block: CardBlock, ids: InputIds): AdaptiveElement[] {
  if (block.type === 'buttons') return actionSets(buttonActions(block.buttons));
  if (block.type === 'choices') return choiceElements(block, ids);
  if (block.type === 'input') return inputElements(block, ids);
  return [];
}

function layout(card: Card, knobs: FitKnobs): Layout {
  const parts: Part[] = [];
  const title = textBlock(oneLine(card.title ?? ''), knobs.textMax, { weight: 'Bolder', size: 'Medium' });
  if (title.length) parts.push({ elements: title, droppable: false });
  const hasInputs = card.blocks.some((b) => b.type === 'choices' || b.type === 'input');
  const last = card.blocks[card.blocks.length - 1];
  const atEnd = !hasInputs && last?.type === 'buttons' && buttonActions(last.buttons).length <= L.actionsMax ? last : null;
  const ids: InputIds = { choice: false, text: false };
  for (const block of card.blocks) {
    if (block === atEnd) continue;
    const content = contentParts(block, knobs);
    if (content) parts.push(...content);
    else {
      const elements = interactive(block, ids);
      if (elements.length) parts.push({ elements, droppable: false });
    }
  }
  return { parts, actions: atEnd ? buttonActions(atEnd.buttons) : [] };
}

/** The body: droppable parts past `keep` left out with a note where the first one was, dividers as separators. */
function bodyOf(parts: Part[], keep: number): AdaptiveElement[] {
  const body: AdaptiveElement[] = [];
  let seen = 0;
  let noted = false;
  let separator = false;
  for (const part of parts) {
    if (part.droppable && seen++ >= keep) {
      if (!noted) body.push(...textBlock(SHORTENED_NOTE, L.textMax, { isSubtle: true, size: 'Small' }));
      noted = true;
      continue;
    }
    if (part.divider) separator = body.length > 0;
    for (const element of part.elements) {
      body.push(separator ? { ...element, separator: true } : element);
      separator = false;
    }
  }
  return body;
}

function build(card: Card, knobs: FitKnobs, fallbackText: string): BuiltCard {
  const { parts, actions } = layout(card, knobs);
  const body = bodyOf(parts, knobs.keep);
  const wide = body.some((e) => e.type === 'Table' || e.type === 'Chart.Line' || (e.type === 'Container' && e.items.some((i) => i.type === 'Table')));
  return {
    card: {
      type: 'AdaptiveCard',
      $schema: ADAPTIVE_CARD_SCHEMA,
      version: L.adaptiveCardVersion,
      body,
      ...(actions.length ? { actions } : {}),
      fallbackText,
      ...(wide ? { msteams: { width: 'Full' as const } } : {}),
    },
    droppable: parts.filter((p) => p.droppable).length,
  };
}

/** The card sent when rendering failed or nothing fits: its fallback text alone. */
function fallbackCard(fallbackText: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: L.adaptiveCardVersion,
    body: [{ type: 'TextBlock', text: fallbackText, wrap: true }],
    fallbackText,
  };
}

/**
 * A card as an Adaptive Card (version TEAMS_LIMITS.adaptiveCardVersion) for Teams, within every
 * limit in TEAMS_LIMITS: too much content is shortened, never sent for Teams to refuse (see
 * fitAdaptiveCard for the order). Buttons are Action.Execute with verb `fta:<action>` and data
 * `{ fta, payload }`, each with an Action.Submit fallback carrying the same data. Pure; never throws.
 */
export function renderAdaptiveCard(card: Card): AdaptiveCard {
  let fallbackText = DEFAULT_FALLBACK;
  try {
    fallbackText = teamsFallbackText(card);
    const fitted = fitAdaptiveCard((knobs) => build(card, knobs, fallbackText), L.cardBytes);
    return fitted && (fitted.body.length || fitted.actions?.length) ? fitted : fallbackCard(fallbackText);
  } catch {
    return fallbackCard(fallbackText);
  }
}

/** The card as a Bot Framework attachment, for `MessageFactory.attachment` or an invoke response's `value`. */
export function renderAdaptiveAttachment(card: Card): AdaptiveAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderAdaptiveCard(card) };
}
