import { z } from 'zod';
import type { Card } from '../cards/card-model.js';
import type { Platform } from './conversation.js';
import type { QuestionRef } from './conversation-refs.js';
import type { Reply, TurnOutcome } from './run-turn.js';

/**
 * A message a turn leaves to be delivered, written in the turn's transaction so a crash or an
 * outage can't lose it. What a person sees only once (a note to the one who clicked) is not
 * kept: it goes straight back.
 */
export type OutboxItem =
  /** Replace the question card on the table (the one the conversation's refs name at delivery). */
  | { kind: 'update-question'; card: Card }
  /** Post in the interview's thread; a `question` card becomes the one on the table. */
  | { kind: 'post-thread'; card: Card; role: 'question' | 'message' }
  /** Post the verdict card where the team sees it: built from the stored verdict when it goes out. */
  | { kind: 'post-verdict'; verdictId: string }
  /**
   * Start an interview someone asked for with Slack's command: recorded before Slack is
   * answered, so a replica that dies after answering leaves the start to another. Its start turn
   * marks it done in the same transaction, so it never starts twice.
   */
  | { kind: 'start-slack-interview'; start: SlackStartRequest };

/** A start asked for in Slack: where, by whom, and about what. */
export interface SlackStartRequest {
  teamId: string;
  enterpriseId?: string | undefined;
  orgWide?: boolean | undefined;
  channelId: string;
  userId: string;
  userName?: string | undefined;
  task?: string | undefined;
  /** Where to tell only the person (the command's response_url), when there is one. */
  responseUrl?: string | undefined;
}

// Cards are built by the core and only read back here: their shape is checked, not their every block.
const cardShape = z.object({ kind: z.string(), title: z.string(), blocks: z.array(z.object({ type: z.string() }).passthrough()) }).passthrough();

export const outboxItemSchema: z.ZodType<OutboxItem> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('update-question'), card: cardShape }),
  z.object({ kind: z.literal('post-thread'), card: cardShape, role: z.enum(['question', 'message']) }),
  z.object({ kind: z.literal('post-verdict'), verdictId: z.string().min(1) }),
  z.object({
    kind: z.literal('start-slack-interview'),
    start: z.object({
      teamId: z.string(),
      enterpriseId: z.string().optional(),
      orgWide: z.boolean().optional(),
      channelId: z.string().min(1),
      userId: z.string().min(1),
      userName: z.string().optional(),
      task: z.string().optional(),
      responseUrl: z.string().optional(),
    }),
  }),
]) as unknown as z.ZodType<OutboxItem>;

/** A message as the outbox holds it. */
export interface OutboxMessage {
  /** Increasing in the order the turns were saved: a conversation's messages go out in this order. */
  id: number;
  conversationId: string;
  platform: Platform;
  /** Who acted: the person told if the message is held up. */
  actorId: string;
  item: OutboxItem;
  /** Attempts started so far; more than 0 means an earlier one may have reached the platform. */
  attempts: number;
  /** Not tried again before this time (ISO 8601). */
  notBefore: string;
  lastError: string | null;
  createdAt: string;
}

/** What a turn leaves to deliver: its replies, less the notes for the actor alone. */
export function outboxItemsOf(outcome: Pick<TurnOutcome, 'replies' | 'next'>): OutboxItem[] {
  return outcome.replies.flatMap((reply: Reply): OutboxItem[] => {
    switch (reply.kind) {
      case 'update-question':
        return [{ kind: 'update-question', card: reply.card }];
      case 'post-thread':
        return [{ kind: 'post-thread', card: reply.card, role: reply.role }];
      case 'post-verdict': {
        const verdictId = outcome.next?.verdictId;
        return verdictId ? [{ kind: 'post-verdict', verdictId }] : [];
      }
      case 'ephemeral':
        return [];
    }
  });
}

/** The message as a person would name it, for `finetune-advisor outbox`. */
export function describeOutboxItem(item: OutboxItem): string {
  switch (item.kind) {
    case 'update-question':
      return `answered card (${item.card.title})`;
    case 'post-thread':
      return item.role === 'question' ? `question card (${item.card.title})` : `message (${item.card.title})`;
    case 'post-verdict':
      return `verdict card ${item.verdictId}`;
    case 'start-slack-interview':
      return `an interview to start for ${item.start.userId} in ${item.start.channelId}`;
  }
}

const MAX_RETRY_MS = 5 * 60_000;

/**
 * How long to wait before attempt `attempts + 1`: doubling from the first wait up to five
 * minutes, and never sooner than the platform asked (Slack's and Teams' Retry-After).
 */
export function retryDelayMs(attempts: number, firstRetryMs: number, retryAfterMs = 0): number {
  const backoff = Math.min(MAX_RETRY_MS, firstRetryMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(backoff, retryAfterMs);
}

/** What a platform's sender reports of a message it delivered. */
export interface Delivered {
  /** The platform's own id of the message posted or replaced. */
  postRef: string | null;
  /** Set when a question card went up: the card a later answer replaces. */
  questionRef?: QuestionRef;
  /** The message was a start whose own turn recorded it sent and let its conversation go: nothing is left to finish. */
  settled?: boolean;
}

/** How a message asked for by a request is added: once per event key, and held by the deliverer that sends it at once. */
export interface AddOutboxOptions {
  onceFor?: string;
  heldBy?: OutboxHold;
}

/** A deliverer's hold on a conversation, until `until` unless renewed. */
export interface OutboxHold {
  holder: string;
  until: string;
}

/** A deliverer's hold on a conversation, renewed until `until`, as of `now`. */
export interface OutboxLease extends OutboxHold {
  now: string;
}

/** What a deliverer holding a conversation finds next: a message, taken, or nothing due (the hold let go). */
export type NextOutboxMessage = Exclude<TakenOutboxMessage, { kind: 'held' }>;

/** What a deliverer finds when it takes a conversation's next message. */
export type TakenOutboxMessage =
  /** Another deliverer (another replica) holds the conversation. */
  | { kind: 'held' }
  /** Nothing is waiting, or the next message's time has not come: the lease was not kept. */
  | { kind: 'none' }
  /** The oldest message waiting, its attempt counted (`attempts` is the count before); the lease is held. */
  | { kind: 'message'; message: OutboxMessage };

/**
 * Where the outbox lives: in the conversation store's database, written by applyTurn in the
 * turn's own transaction. One worker reads it, a conversation at a time, oldest message first.
 */
export interface OutboxStore {
  /**
   * The conversation's oldest message not yet delivered or given up on. A row that can't be read
   * (damaged) is given up on here, with its reason, and the next one is returned.
   */
  nextOutboxMessage(conversationId: string): Promise<OutboxMessage | undefined>;
  /** Conversations of a platform with a message whose time has come, oldest first. */
  dueOutboxConversations(platform: Platform, now: string, limit: number): Promise<string[]>;
  /**
   * Takes the right to deliver a conversation's messages until `until` (renewed by claiming
   * again); false while another holder (another replica) has it. A holder that died loses it
   * when `until` passes.
   */
  claimOutboxConversation(conversationId: string, holder: string, until: string, now: string): Promise<boolean>;
  releaseOutboxConversation(conversationId: string, holder: string): Promise<void>;
  /**
   * Adds one message outside a turn (a start asked for) and returns it as a deliverer takes it.
   * `onceFor`, an event key: recorded with the message in one write, and null (nothing added)
   * when the key was recorded before (a platform's retry of the request that asked for it).
   * `heldBy`: the deliverer that will send it at once, holding the conversation from this write
   * with the attempt counted, as takeOutboxMessage would (a take saved).
   */
  addOutboxMessage(conversationId: string, platform: Platform, actorId: string, item: OutboxItem, options?: AddOutboxOptions): Promise<OutboxMessage | null>;
  /** Counts an attempt before it is made: after a crash, the next attempt checks the platform first. */
  startOutboxAttempt(id: number): Promise<void>;
  markOutboxSent(id: number, postRef: string | null): Promise<void>;
  deferOutboxMessage(id: number, notBefore: string, error: string): Promise<void>;
  giveUpOutboxMessage(id: number, error: string): Promise<void>;
  /**
   * A deliverer's step in one write: claims the conversation (or renews the claim), takes its
   * oldest message waiting and counts the attempt. `dueBy`: a message whose time is later is
   * left to wait (null takes it anyway). Damaged rows are given up on, as nextOutboxMessage does.
   */
  takeOutboxMessage(conversationId: string, holder: string, until: string, now: string, dueBy: string | null): Promise<TakenOutboxMessage>;
  /**
   * Marks a message sent and, in the same write, records the question card it put up (if any) on
   * its conversation, then takes the next message waiting as takeOutboxMessage does (the lease
   * renewed until `lease.until`, the attempt counted), or lets the conversation go when nothing
   * due waits (`none`).
   */
  finishOutboxMessage(message: { id: number; conversationId: string }, postRef: string | null, lease: OutboxLease, questionRef?: QuestionRef): Promise<NextOutboxMessage>;
}
