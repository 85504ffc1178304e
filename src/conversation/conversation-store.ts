import type { Verdict } from '../verdict/decide-verdict.js';
import type { Conversation, Platform } from './conversation.js';
import type { QuestionRef } from './conversation-refs.js';
import type { OutboxHold, OutboxItem, OutboxMessage, OutboxStore } from './outbox.js';
import type { TrialStore } from './trial-store.js';

/** A verdict as kept for history, "Show assumptions", "Start over" and managers' summaries. */
export interface VerdictRecord {
  id: string;
  conversationId: string;
  platform: Platform;
  ownerId: string;
  ownerLabel: string;
  /** The owner's name as plain text, for places that can't show a platform mention. */
  ownerName: string;
  task: string | null;
  verdict: Verdict;
  /** Where the full card can be seen (a permalink), once the adapter knows it. */
  link: string | null;
  createdAt: string;
}

export interface TurnCommit<T> {
  /** The conversation to save, or null to change nothing. */
  next: Conversation | null;
  /** A verdict reached in this turn, saved with it. */
  verdict?: VerdictRecord | null;
  /**
   * False when the input was refused (an answer that did not parse): the event is not kept as
   * seen, so the person's corrected resubmission of the same form is taken.
   */
  consumesEvent?: boolean;
  /** Messages the turn leaves to deliver, saved with it (in order) and sent by the outbox worker. */
  outbox?: { actorId: string; items: OutboxItem[] };
  /** An outbox message this turn fulfils (the start it is), marked sent and its conversation let go, in the same transaction. */
  completesOutbox?: number;
  /**
   * The deliverer that sends this turn's messages at once. When the turn creates its conversation
   * (no deliverer can be sending earlier ones), its messages are saved held by it, and the first is
   * given back taken, its attempt counted (TurnApplied.held): a write to take it saved.
   */
  holdFor?: OutboxHold;
  result: T;
}

export type TurnApplied<T> = { duplicate: true } | { duplicate: false; result: T; held?: OutboxMessage };

/**
 * Where conversations live. The port the adapters implement (SQLite here; a server
 * database where several replicas run). Every method may be asynchronous for that reason.
 */
export interface ConversationStore {
  /** The messages turns left to deliver: written by applyTurn in the turn's transaction. */
  readonly outbox: OutboxStore;
  /** Prompt trials: running, then their results until the retention period ends. */
  readonly trials: TrialStore;
  /**
   * Runs one turn all or nothing: if `eventKey` was seen before, nothing happens and
   * `duplicate` is true; otherwise the conversation is loaded, `turn` decides, and what it
   * returns is saved in the same transaction, with the save refused if the stored version
   * moved meanwhile. A store may run `turn` again on the version another turn left (one that saves
   * without a lock, and finds the row moved on): it must decide from `current` alone.
   */
  applyTurn<T>(conversationId: string, eventKey: string | null, turn: (current: Conversation | undefined) => TurnCommit<T>): Promise<TurnApplied<T>>;
  getConversation(id: string): Promise<Conversation | undefined>;
  /** The person's interview still running in a place (Teams: a chat or thread, `refs.place`; Slack: a channel), if any. */
  findActiveConversation(platform: Platform, ownerId: string, place: string): Promise<Conversation | undefined>;
  /** Records the message id of the question card on the table (the platform's own), without a turn. */
  setQuestionRef(id: string, ref: QuestionRef): Promise<void>;
  getVerdict(id: string): Promise<VerdictRecord | undefined>;
  setVerdictLink(id: string, link: string): Promise<void>;
  /** Records that the verdict card is up: the platform's own message id, and the link to it. */
  markVerdictPosted(id: string, postRef: string, link: string | null): Promise<void>;
  /** The person's most recent verdicts, newest first. */
  listVerdicts(platform: Platform, ownerId: string, limit: number): Promise<VerdictRecord[]>;
  /** Every verdict reached from `from` (inclusive) to `to` (exclusive), ISO 8601, on any platform, oldest first: a week's digest. */
  listVerdictsBetween(from: string, to: string): Promise<VerdictRecord[]>;
  /** Records an event key; false when it was recorded before (a retry). */
  markEventSeen(key: string): Promise<boolean>;
}

/** The record kept of a verdict reached in a conversation: under the id its turn gave it (verdictIdFor), never another. */
export function verdictRecordFor(conversation: Conversation, verdict: Verdict, createdAt: string): VerdictRecord {
  if (!conversation.verdictId) throw new Error(`conversation ${conversation.id} has no verdict id: only a finishing turn makes a verdict record`);
  return {
    id: conversation.verdictId,
    conversationId: conversation.id,
    platform: conversation.platform,
    ownerId: conversation.ownerId,
    ownerLabel: conversation.ownerLabel,
    ownerName: 'ownerName' in conversation.refs ? conversation.refs.ownerName : conversation.ownerLabel,
    task: conversation.answers.task ?? null,
    verdict,
    link: null,
    createdAt,
  };
}
