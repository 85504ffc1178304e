import type pg from 'pg';
import {
  questionRefField,
  type Conversation,
  type ConversationStore,
  type OutboxItem,
  type Platform,
  type QuestionRef,
  type TurnApplied,
  type TurnCommit,
  type VerdictRecord,
} from '../../src/index.js';
import { ConcurrentTurnError, toRecord, VERDICT_COLUMNS, type ConversationRow, type VerdictRow } from '../store/conversation-rows.js';
import { ParsedConversations } from '../store/parsed-conversations.js';
import { conversationRowParams, saveTurnInOneStatement } from './one-statement-turn.js';
import { inTransaction } from './open-postgres.js';
import { PostgresOutbox } from './postgres-outbox.js';
import { PostgresTrialStore } from './postgres-trial-store.js';

/** Turns computed again when others keep landing first, before the turn waits its turn on the row's lock instead. */
const OPTIMISTIC_TRIES = 3;

export interface PostgresConversationStoreOptions {
  now?: () => Date;
  /** How long an event key is remembered for duplicate detection; 48 by default. */
  eventTtlHours?: number;
}

/**
 * The ConversationStore on PostgreSQL, for several replicas on one database. A turn is one
 * transaction that locks the conversation's row (SELECT … FOR UPDATE), so turns on one
 * conversation apply one after the other whichever replica takes them; an event key is a
 * primary key, so a retry landing on another replica is seen as one.
 */
export class PostgresConversationStore implements ConversationStore {
  private readonly now: () => Date;
  private readonly ttlMs: number;
  readonly outbox: PostgresOutbox;
  private readonly parsed = new ParsedConversations();
  readonly trials: PostgresTrialStore;

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresConversationStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    const hours = options.eventTtlHours ?? 48;
    if (!(hours > 0)) throw new Error(`eventTtlHours must be a positive number of hours, not ${hours}`);
    this.ttlMs = hours * 3_600_000;
    this.outbox = new PostgresOutbox(pool, this.now);
    this.trials = new PostgresTrialStore(pool);
  }

  /**
   * A turn on an interview already stored is two round trips: its row read without a lock, then
   * saved in one statement that holds only if the row is still what the turn was computed on
   * (saveTurnInOneStatement); when another write landed meanwhile, the turn is computed again on
   * what is there now. A turn that creates its conversation, fulfils a start, or saves no newer
   * version takes the locked path (applyLocked).
   */
  async applyTurn<T>(conversationId: string, eventKey: string | null, turn: (current: Conversation | undefined) => TurnCommit<T>): Promise<TurnApplied<T>> {
    for (let tries = 0; tries < OPTIMISTIC_TRIES; tries++) {
      const { rows } = await this.pool.query<Partial<ConversationRow> & { seen: boolean }>(
        `SELECT ($2::text IS NOT NULL AND EXISTS (SELECT 1 FROM processed_events WHERE key = $2)) AS seen, c.version, c.data
         FROM (SELECT 1) AS one LEFT JOIN conversations AS c ON c.id = $1`,
        [conversationId, eventKey],
      );
      const row = rows[0]!;
      if (row.seen) return { duplicate: true };
      if (row.data === null || row.data === undefined) break;
      const loaded = this.parsed.parse(conversationId, row as ConversationRow);
      const commit = turn(loaded);
      const next = commit.next;
      if (!next || next.version <= row.version! || commit.completesOutbox !== undefined || commit.holdFor) break;
      const saved = await saveTurnInOneStatement(this.pool, conversationId, {
        next,
        loadedVersion: row.version!,
        loadedData: row.data,
        eventKey,
        consumesEvent: commit.consumesEvent !== false,
        actorId: commit.outbox?.actorId ?? '',
        items: commit.outbox?.items ?? [],
        verdict: commit.verdict ?? null,
        data: this.parsed.serialize(next),
        now: this.now().toISOString(),
      });
      if (saved === 'duplicate') return { duplicate: true };
      if (saved === 'saved') return { duplicate: false, result: commit.result };
    }
    return this.applyLocked(conversationId, eventKey, turn);
  }

  /**
   * The turn in a transaction that locks the conversation's row: begin; the event key recorded and
   * the row locked and read (one statement); the conversation saved with the messages it leaves
   * (one statement); commit. A turn that creates its conversation for a deliverer (holdFor) takes
   * its first message in a fifth, instead of the deliverer's own take after.
   */
  private async applyLocked<T>(conversationId: string, eventKey: string | null, turn: (current: Conversation | undefined) => TurnCommit<T>): Promise<TurnApplied<T>> {
    return inTransaction(this.pool, async (client): Promise<TurnApplied<T>> => {
      const { rows } = await client.query<Partial<ConversationRow> & { fresh: boolean }>(
        `WITH seen AS (
           INSERT INTO processed_events (key, seen_at) SELECT $1, $2 WHERE $1::text IS NOT NULL ON CONFLICT (key) DO NOTHING RETURNING 1
         )
         SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM seen)) AS fresh, c.version, c.data
         FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT version, data FROM conversations WHERE id = $3 FOR UPDATE) AS c ON true`,
        [eventKey, this.now().toISOString(), conversationId],
      );
      const row = rows[0]!;
      if (!row.fresh) return { duplicate: true };
      const loaded = row.data !== null && row.data !== undefined ? { conversation: this.parsed.parse(conversationId, row as ConversationRow), version: row.version! } : undefined;
      const commit = turn(loaded?.conversation);
      const platform = commit.next?.platform ?? loaded?.conversation.platform;
      const items = commit.outbox?.items.length && platform ? commit.outbox.items : [];
      if (commit.next)
        await this.save(client, conversationId, commit.next, loaded?.version ?? null, { platform: platform!, actorId: commit.outbox?.actorId ?? '', items, completes: commit.completesOutbox ?? null });
      else if (items.length) await this.outbox.enqueue(client, conversationId, platform!, commit.outbox!.actorId, items);
      if (commit.verdict) await this.insertVerdict(client, commit.verdict);
      if (!commit.next && commit.completesOutbox !== undefined) await this.outbox.complete(client, commit.completesOutbox);
      if (eventKey !== null && commit.consumesEvent === false) await client.query('DELETE FROM processed_events WHERE key = $1', [eventKey]);
      const held = commit.holdFor && commit.next && !loaded && items.length ? await this.outbox.holdFirst(client, conversationId, commit.holdFor) : undefined;
      return { duplicate: false, result: commit.result, ...(held ? { held } : {}) };
    });
  }

  async findActiveConversation(platform: Platform, ownerId: string, place: string): Promise<Conversation | undefined> {
    const { rows } = await this.pool.query<ConversationRow & { id: string }>(
      `SELECT id, version, data FROM conversations
       WHERE platform = $1 AND owner_id = $2 AND status = 'active' AND COALESCE(data::jsonb #>> '{refs,place}', data::jsonb #>> '{refs,channel}') = $3
       ORDER BY updated_at DESC LIMIT 1`,
      [platform, ownerId, place],
    );
    return rows[0] ? this.parsed.parse(rows[0].id, rows[0]) : undefined;
  }

  async getConversation(id: string): Promise<Conversation | undefined> {
    const { rows } = await this.pool.query<ConversationRow>('SELECT version, data FROM conversations WHERE id = $1', [id]);
    return rows[0] ? this.parsed.parse(id, rows[0]) : undefined;
  }

  /** One field set in place (a card goes up with every question: no reading, parsing and rewriting the whole interview). */
  async setQuestionRef(id: string, ref: QuestionRef): Promise<void> {
    const { kind, field, value } = questionRefField(ref);
    const { rowCount } = await this.pool.query(
      `UPDATE conversations SET data = jsonb_set(data::jsonb, ARRAY['refs', $1::text], to_jsonb($2::text))::text WHERE id = $3 AND (data::jsonb #>> '{refs,kind}') = $4`,
      [field, value, id, kind],
    );
    if (rowCount === 0) throw new Error(`conversation ${id} not found (as a ${kind} interview): cannot record its question card`);
  }

  async getVerdict(id: string): Promise<VerdictRecord | undefined> {
    const { rows } = await this.pool.query<VerdictRow>(`SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async setVerdictLink(id: string, link: string): Promise<void> {
    const { rowCount } = await this.pool.query('UPDATE verdicts SET link = $1 WHERE id = $2', [link, id]);
    if (rowCount === 0) throw new Error(`verdict ${id} not found: cannot set its link`);
  }

  async markVerdictPosted(id: string, postRef: string, link: string | null): Promise<void> {
    const { rowCount } = await this.pool.query('UPDATE verdicts SET posted_at = $1, post_ref = $2, link = COALESCE($3, link) WHERE id = $4', [this.now().toISOString(), postRef, link, id]);
    if (rowCount === 0) throw new Error(`verdict ${id} not found: cannot record its post`);
  }

  async listVerdicts(platform: Platform, ownerId: string, limit: number): Promise<VerdictRecord[]> {
    const { rows } = await this.pool.query<VerdictRow>(`SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE platform = $1 AND owner_id = $2 ORDER BY created_at DESC, seq DESC LIMIT $3`, [
      platform,
      ownerId,
      Math.max(0, Math.floor(limit)),
    ]);
    return rows.map(toRecord);
  }

  async listVerdictsBetween(from: string, to: string): Promise<VerdictRecord[]> {
    const { rows } = await this.pool.query<VerdictRow>(`SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, seq`, [from, to]);
    return rows.map(toRecord);
  }

  async markEventSeen(key: string): Promise<boolean> {
    return this.recordEvent(this.pool, key);
  }

  /** Forgets event keys older than the TTL; returns how many. Run it on a timer (e.g. hourly). */
  async purgeExpiredEvents(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - this.ttlMs).toISOString();
    const { rowCount } = await this.pool.query('DELETE FROM processed_events WHERE seen_at < $1', [cutoff]);
    return rowCount ?? 0;
  }

  private async recordEvent(client: Pick<pg.Pool, 'query'>, key: string): Promise<boolean> {
    const { rowCount } = await client.query('INSERT INTO processed_events (key, seen_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, this.now().toISOString()]);
    return rowCount === 1;
  }

  /**
   * Saves the conversation (a new row, or the version loaded compared and set) and, in the same
   * statement, queues the turn's messages in order and marks the start it fulfils done, its
   * conversation let go.
   */
  private async save(
    client: pg.PoolClient,
    id: string,
    next: Conversation,
    loadedVersion: number | null,
    with_: { platform: Platform; actorId: string; items: readonly OutboxItem[]; completes: number | null },
  ): Promise<void> {
    if (next.id !== id) throw new Error(`a turn on conversation ${id} returned conversation ${next.id}; nothing was saved`);
    const data = this.parsed.serialize(next);
    const write =
      loadedVersion === null
        ? `INSERT INTO conversations (id, platform, owner_id, status, version, data, created_at, updated_at)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE $9::integer IS NULL ON CONFLICT (id) DO NOTHING RETURNING 1`
        : // created_at is kept (the COALESCE names $7 so both statements take the same parameters).
          `UPDATE conversations SET platform = $2, owner_id = $3, status = $4, version = $5, data = $6, created_at = COALESCE(created_at, $7), updated_at = $8
           WHERE id = $1 AND version = $9 RETURNING 1`;
    const { rows } = await client.query<{ saved: boolean }>(
      `WITH saved AS (${write}),
       queued AS (
         INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at)
         SELECT $1, $10, $11, item, 'pending', 0, $12, $12 FROM unnest($13::text[]) WITH ORDINALITY AS t(item, n) ORDER BY n
       ),
       done AS (UPDATE outbox SET status = 'sent', updated_at = $12 WHERE id = $14::bigint RETURNING conversation_id),
       let_go AS (DELETE FROM outbox_leases WHERE conversation_id IN (SELECT conversation_id FROM done))
       SELECT EXISTS (SELECT 1 FROM saved) AS saved`,
      [
        ...conversationRowParams(id, next, data),
        next.createdAt,
        next.updatedAt,
        loadedVersion,
        with_.platform,
        with_.actorId,
        this.now().toISOString(),
        with_.items.map((item) => JSON.stringify(item)),
        with_.completes,
      ],
    );
    // Nothing saved: another turn moved the conversation on; the transaction is rolled back, messages and all.
    if (!rows[0]!.saved) throw new ConcurrentTurnError(id, loadedVersion);
  }

  private async insertVerdict(client: pg.PoolClient, record: VerdictRecord): Promise<void> {
    await client.query(
      `INSERT INTO verdicts (id, conversation_id, platform, owner_id, owner_label, owner_name, task, data, link, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
      [record.id, record.conversationId, record.platform, record.ownerId, record.ownerLabel, record.ownerName, record.task, JSON.stringify(record.verdict), record.link, record.createdAt],
    );
    // The managers' summaries are queued with the verdict, in the turn's transaction.
    await client.query(
      `INSERT INTO summary_deliveries (verdict_id, subscription_id, status, attempts, last_error, created_at, updated_at)
       SELECT $1, id, 'pending', 0, NULL, $2, $2 FROM teams_subscriptions WHERE active = 1 ORDER BY created_at, seq
       ON CONFLICT DO NOTHING`,
      [record.id, record.createdAt],
    );
  }
}
