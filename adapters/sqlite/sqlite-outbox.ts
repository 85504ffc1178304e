import type { Statement } from 'better-sqlite3';
import type { AddOutboxOptions, NextOutboxMessage, OutboxHold, OutboxItem, OutboxLease, OutboxMessage, OutboxStore, Platform, QuestionRef, TakenOutboxMessage } from '../../src/index.js';
import { outboxError, readItem, toOutboxMessage, type OutboxRow } from '../store/outbox-rows.js';

/**
 * The outbox table of the SQLite store. Statements run on the store's connection; `enqueue`
 * runs inside the turn's transaction.
 */
export class SqliteOutbox implements OutboxStore {
  constructor(
    private readonly sql: (text: string) => Statement,
    private readonly now: () => Date,
    /** Runs `work` as one write transaction on the store's connection (with others that arrive with it): its result once committed. */
    private readonly inTransaction: <T>(work: () => T) => Promise<T>,
    /** Records a question card on its conversation (the store's setQuestionRef), inside the transaction; false when the conversation is gone. */
    private readonly recordQuestion: (conversationId: string, ref: QuestionRef) => boolean,
  ) {}

  /** Saves a turn's messages, in order; called inside the turn's transaction. */
  enqueue(conversationId: string, platform: Platform, actorId: string, items: OutboxItem[]): void {
    const at = this.now().toISOString();
    const insert = this.sql(`INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`);
    for (const item of items) insert.run(conversationId, platform, actorId, JSON.stringify(item), at, at);
  }

  /** Marks a message a turn fulfilled sent and lets its conversation go; called inside the turn's transaction. */
  complete(id: number): void {
    const at = this.now().toISOString();
    this.sql(`UPDATE outbox SET status = 'sent', updated_at = ? WHERE id = ?`).run(at, id);
    this.sql('DELETE FROM outbox_leases WHERE conversation_id = (SELECT conversation_id FROM outbox WHERE id = ?)').run(id);
  }

  /** The first message of a conversation just created, taken for `heldBy`; called inside the turn's transaction. */
  holdFirst(conversationId: string, heldBy: OutboxHold): OutboxMessage | undefined {
    const now = this.now().toISOString();
    if (!this.claim(conversationId, heldBy.holder, heldBy.until, now)) return undefined;
    const taken = this.takeNext(conversationId, heldBy.holder, null);
    // As taken: the attempt this one is about to make is not counted in what it carries.
    return taken.kind === 'message' ? taken.message : undefined;
  }

  async addOutboxMessage(conversationId: string, platform: Platform, actorId: string, item: OutboxItem, options: AddOutboxOptions = {}): Promise<OutboxMessage | null> {
    return this.inTransaction(() => {
      const at = this.now().toISOString();
      const { onceFor, heldBy } = options;
      if (onceFor !== undefined && this.sql('INSERT OR IGNORE INTO processed_events (key, seen_at) VALUES (?, ?)').run(onceFor, at).changes === 0) return null;
      const row = this.sql(`INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?) RETURNING *`).get(
        conversationId,
        platform,
        actorId,
        JSON.stringify(item),
        heldBy ? 1 : 0,
        at,
        at,
      ) as OutboxRow;
      if (heldBy) this.claim(conversationId, heldBy.holder, heldBy.until, at);
      // As taken: the attempt this one is about to make is not counted in what it carries.
      return toOutboxMessage({ ...row, attempts: 0 }, item);
    });
  }

  async nextOutboxMessage(conversationId: string): Promise<OutboxMessage | undefined> {
    return this.readNext(conversationId);
  }

  async takeOutboxMessage(conversationId: string, holder: string, until: string, now: string, dueBy: string | null): Promise<TakenOutboxMessage> {
    return this.inTransaction((): TakenOutboxMessage => (this.claim(conversationId, holder, until, now) ? this.takeNext(conversationId, holder, dueBy) : { kind: 'held' }));
  }

  async finishOutboxMessage(message: { id: number; conversationId: string }, postRef: string | null, lease: OutboxLease, questionRef?: QuestionRef): Promise<NextOutboxMessage> {
    return this.inTransaction(() => {
      // A conversation deleted meanwhile has nothing to record the card on: the message still went out.
      if (questionRef) this.recordQuestion(message.conversationId, questionRef);
      this.markSent(message.id, postRef);
      this.claim(message.conversationId, lease.holder, lease.until, lease.now);
      return this.takeNext(message.conversationId, lease.holder, lease.now);
    });
  }

  /** With the conversation held: its oldest message waiting, the attempt counted; or the lease let go when nothing due waits. */
  private takeNext(conversationId: string, holder: string, dueBy: string | null): NextOutboxMessage {
    const message = this.readNext(conversationId);
    if (!message || (dueBy !== null && message.notBefore > dueBy)) {
      this.release(conversationId, holder);
      return { kind: 'none' };
    }
    this.countAttempt(message.id);
    return { kind: 'message', message };
  }

  /** The oldest message waiting; damaged rows on the way are given up on. */
  private readNext(conversationId: string): OutboxMessage | undefined {
    for (;;) {
      const row = this.sql(`SELECT * FROM outbox WHERE conversation_id = ? AND status = 'pending' ORDER BY id LIMIT 1`).get(conversationId) as OutboxRow | undefined;
      if (!row) return undefined;
      const read = readItem(row.item);
      if ('damaged' in read) {
        this.giveUp(row.id, `damaged in the database: ${read.damaged}`);
        continue;
      }
      return toOutboxMessage(row, read.item);
    }
  }

  async dueOutboxConversations(platform: Platform, now: string, limit: number): Promise<string[]> {
    const rows = this.sql(`SELECT conversation_id, MIN(id) AS first FROM outbox WHERE status = 'pending' AND platform = ? AND not_before <= ? GROUP BY conversation_id ORDER BY first LIMIT ?`).all(
      platform,
      now,
      limit,
    ) as { conversation_id: string }[];
    return rows.map((r) => r.conversation_id);
  }

  async claimOutboxConversation(conversationId: string, holder: string, until: string, now: string): Promise<boolean> {
    return this.claim(conversationId, holder, until, now);
  }

  private claim(conversationId: string, holder: string, until: string, now: string): boolean {
    const taken = this.sql(
      `INSERT INTO outbox_leases (conversation_id, holder, until) VALUES (?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET holder = excluded.holder, until = excluded.until
       WHERE outbox_leases.holder = excluded.holder OR outbox_leases.until < ?`,
    ).run(conversationId, holder, until, now).changes;
    return taken === 1;
  }

  async releaseOutboxConversation(conversationId: string, holder: string): Promise<void> {
    this.release(conversationId, holder);
  }

  private release(conversationId: string, holder: string): void {
    this.sql('DELETE FROM outbox_leases WHERE conversation_id = ? AND holder = ?').run(conversationId, holder);
  }

  async startOutboxAttempt(id: number): Promise<void> {
    this.countAttempt(id);
  }

  private countAttempt(id: number): void {
    this.sql('UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE id = ?').run(this.now().toISOString(), id);
  }

  async markOutboxSent(id: number, postRef: string | null): Promise<void> {
    this.markSent(id, postRef);
  }

  private markSent(id: number, postRef: string | null): void {
    this.sql(`UPDATE outbox SET status = 'sent', post_ref = ?, last_error = NULL, updated_at = ? WHERE id = ?`).run(postRef, this.now().toISOString(), id);
  }

  async deferOutboxMessage(id: number, notBefore: string, error: string): Promise<void> {
    this.sql('UPDATE outbox SET not_before = ?, last_error = ?, updated_at = ? WHERE id = ?').run(notBefore, outboxError(error), this.now().toISOString(), id);
  }

  async giveUpOutboxMessage(id: number, error: string): Promise<void> {
    this.giveUp(id, error);
  }

  /** Only a message still waiting: one its own turn already recorded sent (a start) stays sent whatever fails after. */
  private giveUp(id: number, error: string): void {
    this.sql(`UPDATE outbox SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ? AND status = 'pending'`).run(outboxError(error), this.now().toISOString(), id);
  }
}
