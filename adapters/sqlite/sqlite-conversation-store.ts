import type { Database, Statement } from 'better-sqlite3';

export { ConcurrentTurnError } from '../store/conversation-rows.js';
import { ConcurrentTurnError, toRecord, type ConversationRow, type VerdictRow } from '../store/conversation-rows.js';
import { ParsedConversations } from '../store/parsed-conversations.js';
import { SqliteOutbox } from './sqlite-outbox.js';
import { SqliteTrialStore } from './sqlite-trial-store.js';
import { GroupCommit } from './group-commit.js';
import { StatementCache } from './statement-cache.js';
import { questionRefField, type Conversation, type ConversationStore, type Platform, type QuestionRef, type TurnApplied, type TurnCommit, type VerdictRecord } from '../../src/index.js';

export interface SqliteConversationStoreOptions {
  now?: () => Date;
  /** How long an event key is remembered for duplicate detection; 48 by default. */
  eventTtlHours?: number;
}

/**
 * The ConversationStore on one SQLite file (see openDatabase). Reads run synchronously on the
 * connection; a turn's and the outbox's write transactions are committed together with the ones
 * that arrive with them (GroupCommit). Each answers through a Promise, as the port asks. Does not
 * close the db: call commitPending() before closing it.
 */
export class SqliteConversationStore implements ConversationStore {
  private readonly now: () => Date;
  private readonly ttlMs: number;
  private readonly statements: StatementCache;
  readonly outbox: SqliteOutbox;
  private readonly parsed = new ParsedConversations();
  readonly trials: SqliteTrialStore;
  /** A turn's and the outbox's writes, committed with the others that arrive with them. */
  private readonly writes: GroupCommit;

  constructor(
    private readonly db: Database,
    options: SqliteConversationStoreOptions = {},
  ) {
    this.statements = new StatementCache(db);
    this.writes = new GroupCommit(db);
    this.now = options.now ?? (() => new Date());
    const hours = options.eventTtlHours ?? 48;
    if (!(hours > 0)) throw new Error(`eventTtlHours must be a positive number of hours, not ${hours}`);
    this.ttlMs = hours * 3_600_000;
    this.outbox = new SqliteOutbox(
      (text) => this.sql(text),
      this.now,
      (work) => this.writes.run(work),
      (id, ref) => this.recordQuestion(id, ref),
    );
    this.trials = new SqliteTrialStore(
      (text) => this.sql(text),
      (work) => this.db.transaction(work).immediate(),
    );
    this.purgeExpiredEvents();
  }

  async applyTurn<T>(conversationId: string, eventKey: string | null, turn: (current: Conversation | undefined) => TurnCommit<T>): Promise<TurnApplied<T>> {
    return this.writes.run((): TurnApplied<T> => {
      if (eventKey !== null && !this.recordEvent(eventKey)) return { duplicate: true };
      const loaded = this.loadRow(conversationId);
      const commit = turn(loaded?.conversation);
      if (commit.next) this.save(conversationId, commit.next, loaded?.version ?? null);
      if (commit.verdict) this.insertVerdict(commit.verdict);
      const platform = commit.next?.platform ?? loaded?.conversation.platform;
      if (commit.outbox?.items.length && platform) this.outbox.enqueue(conversationId, platform, commit.outbox.actorId, commit.outbox.items);
      if (commit.completesOutbox !== undefined) this.outbox.complete(commit.completesOutbox);
      if (eventKey !== null && commit.consumesEvent === false) this.sql('DELETE FROM processed_events WHERE key = ?').run(eventKey);
      const held = commit.holdFor && commit.next && !loaded ? this.outbox.holdFirst(conversationId, commit.holdFor) : undefined;
      return { duplicate: false, result: commit.result, ...(held ? { held } : {}) };
    });
  }

  /** Commits the writes waiting for their batch, now: the database is about to close. */
  commitPending(): void {
    this.writes.commitNow();
  }

  async findActiveConversation(platform: Platform, ownerId: string, place: string): Promise<Conversation | undefined> {
    const row = this.sql(
      `SELECT id, version, data FROM conversations
       WHERE platform = ? AND owner_id = ? AND status = 'active' AND COALESCE(json_extract(data, '$.refs.place'), json_extract(data, '$.refs.channel')) = ?
       ORDER BY updated_at DESC LIMIT 1`,
    ).get(platform, ownerId, place) as (ConversationRow & { id: string }) | undefined;
    return row ? this.parsed.parse(row.id, row) : undefined;
  }

  async getConversation(id: string): Promise<Conversation | undefined> {
    return this.load(id);
  }

  /** One field set in place (a card goes up with every question: no reading, parsing and rewriting the whole interview). */
  async setQuestionRef(id: string, ref: QuestionRef): Promise<void> {
    if (!this.recordQuestion(id, ref)) throw new Error(`conversation ${id} not found (as a ${questionRefField(ref).kind} interview): cannot record its question card`);
  }

  /** False when there is no such conversation of the ref's platform. */
  private recordQuestion(id: string, ref: QuestionRef): boolean {
    const { kind, field, value } = questionRefField(ref);
    return this.sql(`UPDATE conversations SET data = json_set(data, '$.refs.' || ?, ?) WHERE id = ? AND json_extract(data, '$.refs.kind') = ?`).run(field, value, id, kind).changes > 0;
  }

  async getVerdict(id: string): Promise<VerdictRecord | undefined> {
    const row = this.sql('SELECT * FROM verdicts WHERE id = ?').get(id) as VerdictRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  async setVerdictLink(id: string, link: string): Promise<void> {
    const changed = this.sql('UPDATE verdicts SET link = ? WHERE id = ?').run(link, id).changes;
    if (changed === 0) throw new Error(`verdict ${id} not found: cannot set its link`);
  }

  async markVerdictPosted(id: string, postRef: string, link: string | null): Promise<void> {
    const changed = this.sql('UPDATE verdicts SET posted_at = ?, post_ref = ?, link = COALESCE(?, link) WHERE id = ?').run(this.now().toISOString(), postRef, link, id).changes;
    if (changed === 0) throw new Error(`verdict ${id} not found: cannot record its post`);
  }

  async listVerdicts(platform: Platform, ownerId: string, limit: number): Promise<VerdictRecord[]> {
    const rows = this.sql('SELECT * FROM verdicts WHERE platform = ? AND owner_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?').all(
      platform,
      ownerId,
      Math.max(0, Math.floor(limit)),
    ) as VerdictRow[];
    return rows.map(toRecord);
  }

  async listVerdictsBetween(from: string, to: string): Promise<VerdictRecord[]> {
    const rows = this.sql('SELECT * FROM verdicts WHERE created_at >= ? AND created_at < ? ORDER BY created_at, rowid').all(from, to) as VerdictRow[];
    return rows.map(toRecord);
  }

  async markEventSeen(key: string): Promise<boolean> {
    return this.recordEvent(key);
  }

  /** Forgets event keys older than the TTL; returns how many. Run it on a timer (e.g. hourly). */
  purgeExpiredEvents(): number {
    const cutoff = new Date(this.now().getTime() - this.ttlMs).toISOString();
    return this.sql('DELETE FROM processed_events WHERE seen_at < ?').run(cutoff).changes;
  }

  private recordEvent(key: string): boolean {
    const stmt = this.sql('INSERT OR IGNORE INTO processed_events (key, seen_at) VALUES (?, ?)');
    return stmt.run(key, this.now().toISOString()).changes === 1;
  }

  private sql(text: string): Statement {
    return this.statements.get(text);
  }

  /** The conversation and the version its row holds (what the compare-and-set compares). */
  private loadRow(id: string): { conversation: Conversation; version: number } | undefined {
    const row = this.sql('SELECT version, data FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
    return row ? { conversation: this.parsed.parse(id, row), version: row.version } : undefined;
  }

  private load(id: string): Conversation | undefined {
    return this.loadRow(id)?.conversation;
  }

  private save(id: string, next: Conversation, loadedVersion: number | null): void {
    if (next.id !== id) throw new Error(`a turn on conversation ${id} returned conversation ${next.id}; nothing was saved`);
    const data = this.parsed.serialize(next);
    if (loadedVersion === null) {
      const inserted = this.sql(
        `INSERT INTO conversations (id, platform, owner_id, status, version, data, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ).run(id, next.platform, next.ownerId, next.status, next.version, data, next.createdAt, next.updatedAt).changes;
      if (inserted === 0) throw new ConcurrentTurnError(id, null);
      return;
    }
    const updated = this.sql('UPDATE conversations SET platform = ?, owner_id = ?, status = ?, version = ?, data = ?, updated_at = ? WHERE id = ? AND version = ?').run(
      next.platform,
      next.ownerId,
      next.status,
      next.version,
      data,
      next.updatedAt,
      id,
      loadedVersion,
    ).changes;
    if (updated === 0) throw new ConcurrentTurnError(id, loadedVersion);
  }

  private insertVerdict(record: VerdictRecord): void {
    this.sql(
      `INSERT OR IGNORE INTO verdicts (id, conversation_id, platform, owner_id, owner_label, owner_name, task, data, link, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(record.id, record.conversationId, record.platform, record.ownerId, record.ownerLabel, record.ownerName, record.task, JSON.stringify(record.verdict), record.link, record.createdAt);
    // The managers' summaries are queued with the verdict, in the turn's transaction: a failed
    // post or a crash before it can't lose them (the notifier sends what is pending).
    this.sql(
      `INSERT OR IGNORE INTO summary_deliveries (verdict_id, subscription_id, status, attempts, last_error, created_at, updated_at)
       SELECT ?, id, 'pending', 0, NULL, ?, ? FROM teams_subscriptions WHERE active = 1`,
    ).run(record.id, record.createdAt, record.createdAt);
  }
}
