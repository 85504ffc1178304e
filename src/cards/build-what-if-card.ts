import { encodeAction } from '../conversation/action-payload.js';
import { answersSchema } from '../interview/answers.js';
import type { AdviceContext } from '../interview/advice-context.js';
import type { Verdict } from '../verdict/decide-verdict.js';
import { WHAT_IF_FIELDS, whatIf, type WhatIfChanges, type WhatIfField, type WhatIfResult } from '../verdict/what-if.js';
import { VERDICT_LABELS } from '../verdict/verdict-kinds.js';
import { buildVerdictCard } from './build-verdict-card.js';
import type { Card, CardBlock } from './card-model.js';

/** Where the first verdict is stored: what the buttons of a tried version point back to. */
export interface WhatIfRef {
  conversationId: string;
  version: number;
  verdictId: string;
}

/**
 * The verdict recomputed with other numbers, for the person who tried them alone: what changed
 * first (the answers tried, the verdict if it moved, each path's cost), then the whole verdict,
 * and a button that posts this version to the channel beside the first.
 */
export function buildWhatIfCard(result: Extract<WhatIfResult, { ok: true }>, asOf: string, ref?: WhatIfRef): Card {
  const verdictCard = buildVerdictCard(result.verdict);
  const changed: CardBlock = {
    type: 'list',
    title: 'What changed',
    items: result.changed.length ? result.changed.map((c) => ({ text: `${c.label}: ${c.from} → ${c.to}` })) : [{ text: 'Nothing: these are the numbers the verdict used.' }],
  };
  const body = verdictCard.blocks.filter((b) => b.type !== 'buttons');
  const title = `What if: ${VERDICT_LABELS[result.verdict.verdict]}`;
  // Without a stored verdict (the terminal) there is no channel to post to, and no one else to see it.
  if (!ref) return { kind: 'verdict', title, blocks: [{ type: 'context', text: `Your numbers, tried on the verdict of ${asOf}.` }, changed, ...body] };
  const payload = { c: ref.conversationId, v: ref.version, d: ref.verdictId };
  const buttons: CardBlock = {
    type: 'buttons',
    buttons: [
      ...(result.changed.length ? [{ action: 'post-what-if', label: 'Post to the channel', style: 'primary' as const, value: encodeAction({ ...payload, w: encodeChanges(result.changes) }) }] : []),
      { action: 'try-other-numbers', label: 'Try other numbers', value: encodeAction(payload) },
    ],
  };
  return { kind: 'verdict', title, blocks: [{ type: 'context', text: `Your numbers, tried on the verdict of ${asOf}. Only you see this until you post it.` }, changed, ...body, buttons] };
}

/** The tried answers as a button carries them (short JSON). */
export function encodeChanges(changes: WhatIfChanges): string {
  return JSON.stringify(changes);
}

const changesSchema = answersSchema
  .pick(Object.fromEntries(WHAT_IF_FIELDS.map((f) => [f, true])) as Record<WhatIfField, true>)
  .partial()
  .strict();

/** The tried answers back from a button: null when they are not what we wrote (or were tampered with). */
export function decodeChanges(text: string | undefined): WhatIfChanges | null {
  if (!text) return null;
  try {
    const parsed = changesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The version tried with other numbers, as posted beside the first verdict for everyone: the
 * verdict worked out again from the numbers a button carried, saying who tried which. Words for
 * the person instead when the button can't be read or the numbers no longer give a verdict.
 */
export function buildVersionCard(first: Verdict, link: string | null, encodedChanges: string | undefined, by: string, ctx: AdviceContext): { card: Card } | { words: string } {
  const changes = decodeChanges(encodedChanges);
  if (!changes) return { words: 'That button is not one I can read any more; try the numbers again.' };
  const result = whatIf(first, changes, ctx);
  if (!result.ok) return { words: `These numbers no longer give a verdict: ${result.errors.join(' ')}` };
  return { card: buildVerdictCard(result.verdict, { askedBy: by, versionOf: { by, asOf: first.asOf, link, changed: result.changed } }) };
}
