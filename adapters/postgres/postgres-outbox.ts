import type pg from 'pg';
import {
  questionRefField,
  type AddOutboxOptions,
  type NextOutboxMessage,
  type OutboxHold,
  type OutboxItem,
  type OutboxLease,
  type OutboxMessage,
  type OutboxStore,
  type Platform,
  type QuestionRef,
  type TakenOutboxMessage,
} from '../../src/index.js';
import { OUTBOX_COLUMNS, outboxError, readItem, toOutboxMessage, type OutboxRow } from '../store/outbox-rows.js';

type Queryable = Pick<pg.Pool, 'query'>;

/** The outbox table on PostgreSQL; `enqueue` runs on the turn's transaction client. */
export class PostgresOutbox implements OutboxStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
  ) {}

  /** Saves a turn's messages, in order, on the turn's transaction. */
  async enqueue(client: Queryable, conversationId: string, platform: Platform, actorId: string, items: OutboxItem[]): Promise<void> {
    const at = this.now().toISOString();
    for (const item of items) {
      await client.query(`INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at) VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5)`, [
        conversationId,
        platform,
        actorId,
        JSON.stringify(item),
        at,
      ]);
    }
  }

  async addOutboxMessage(conversationId: string, platform: Platform, actorId: string, item: OutboxItem, options: AddOutboxOptions = {}): Promise<OutboxMessage | null> {
    // One statement: the event key, the message and the lease are recorded together, or none of them.
    const { rows } = await this.pool.query<OutboxRow>(
      `WITH seen AS (
         INSERT INTO processed_events (key, seen_at) SELECT $6, $5 WHERE $6::text IS NOT NULL ON CONFLICT (key) DO NOTHING RETURNING 1
       ), added AS (
         INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at)
         SELECT $1, $2, $3, $4, 'pending', CASE WHEN $7::text IS NULL THEN 0 ELSE 1 END, $5, $5 WHERE $6::text IS NULL OR EXISTS (SELECT 1 FROM seen) RETURNING ${OUTBOX_COLUMNS}
       ), held AS (
         INSERT INTO outbox_leases (conversation_id, holder, until) SELECT $1, $7, $8 WHERE $7::text IS NOT NULL AND EXISTS (SELECT 1 FROM added)
         ON CONFLICT (conversation_id) DO UPDATE SET holder = excluded.holder, until = excluded.until WHERE outbox_leases.until < $5
       )
       SELECT * FROM added`,
      [conversationId, platform, actorId, JSON.stringify(item), this.now().toISOString(), options.onceFor ?? null, options.heldBy?.holder ?? null, options.heldBy?.until ?? null],
    );
    // As taken: the attempt this one is about to make is not counted in what it carries.
    return rows[0] ? toOutboxMessage({ ...rows[0], attempts: 0 }, item) : null;
  }

  async nextOutboxMessage(conversationId: string): Promise<OutboxMessage | undefined> {
    for (;;) {
      const { rows } = await this.pool.query<OutboxRow>(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE conversation_id = $1 AND status = 'pending' ORDER BY id LIMIT 1`, [conversationId]);
      const row = rows[0];
      if (!row) return undefined;
      const read = readItem(row.item);
      if ('damaged' in read) {
        await this.giveUpOutboxMessage(Number(row.id), `damaged in the database: ${read.damaged}`);
        continue;
      }
      return toOutboxMessage(row, read.item);
    }
  }

  /** Marks a message a turn fulfilled sent and lets its conversation go, on the turn's transaction. */
  async complete(client: Queryable, id: number): Promise<void> {
    await client.query(
      `WITH done AS (UPDATE outbox SET status = 'sent', updated_at = $2 WHERE id = $1 RETURNING conversation_id)
       DELETE FROM outbox_leases WHERE conversation_id IN (SELECT conversation_id FROM done)`,
      [id, this.now().toISOString()],
    );
  }

  /** The first message of a conversation just created, taken for `heldBy`, on the turn's transaction. */
  async holdFirst(client: Queryable, conversationId: string, heldBy: OutboxHold): Promise<OutboxMessage | undefined> {
    const taken = await this.take(client, conversationId, heldBy.holder, heldBy.until, this.now().toISOString(), null);
    return taken.kind === 'message' ? taken.message : undefined;
  }

  async takeOutboxMessage(conversationId: string, holder: string, until: string, now: string, dueBy: string | null): Promise<TakenOutboxMessage> {
    return this.take(this.pool, conversationId, holder, until, now, dueBy);
  }

  /** One statement, one round trip: the claim, the oldest row waiting, its attempt counted if due (each CTE sees the rows as they were before the statement). */
  private async take(db: Queryable, conversationId: string, holder: string, until: string, now: string, dueBy: string | null): Promise<TakenOutboxMessage> {
    for (;;) {
      const { rows } = await db.query<Partial<OutboxRow> & { leased: boolean; counted: string | null }>(
        `WITH lease AS (
           INSERT INTO outbox_leases (conversation_id, holder, until) VALUES ($1, $2, $3)
           ON CONFLICT (conversation_id) DO UPDATE SET holder = excluded.holder, until = excluded.until
           WHERE outbox_leases.holder = excluded.holder OR outbox_leases.until < $4
           RETURNING 1
         ), next AS (
           SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE conversation_id = $1 AND status = 'pending' AND EXISTS (SELECT 1 FROM lease) ORDER BY id LIMIT 1
         ), counted AS (
           UPDATE outbox SET attempts = attempts + 1, updated_at = $6 WHERE id IN (SELECT id FROM next) AND ($5::text IS NULL OR not_before <= $5) RETURNING id
         )
         SELECT EXISTS (SELECT 1 FROM lease) AS leased, (SELECT id FROM counted) AS counted, next.* FROM (SELECT 1) AS one LEFT JOIN next ON true`,
        [conversationId, holder, until, now, dueBy, this.now().toISOString()],
      );
      const row = rows[0]!;
      if (!row.leased) return { kind: 'held' };
      if (row.id === null || row.id === undefined || row.counted === null) {
        await this.release(db, conversationId, holder);
        return { kind: 'none' };
      }
      const read = readItem(row.item!);
      if ('damaged' in read) {
        await this.giveUp(db, Number(row.id), `damaged in the database: ${read.damaged}`);
        continue;
      }
      return { kind: 'message', message: toOutboxMessage(row as OutboxRow, read.item) };
    }
  }

  async finishOutboxMessage(message: { id: number; conversationId: string }, postRef: string | null, lease: OutboxLease, questionRef?: QuestionRef): Promise<NextOutboxMessage> {
    const question = questionRef ? questionRefField(questionRef) : null;
    const { rows } = await this.pool.query<Partial<OutboxRow> & { counted: string | null }>(
      `WITH sent AS (
         UPDATE outbox SET status = 'sent', post_ref = $2, last_error = NULL, updated_at = $3 WHERE id = $1 RETURNING id
       ), question AS (
         -- A conversation deleted meanwhile has nothing to record the card on: the message still went out.
         UPDATE conversations SET data = jsonb_set(data::jsonb, ARRAY['refs', $6::text], to_jsonb($7::text))::text
         WHERE $6::text IS NOT NULL AND id = $4 AND (data::jsonb #>> '{refs,kind}') = $8 RETURNING 1
       ), next AS (
         SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE conversation_id = $4 AND status = 'pending' AND id <> $1 ORDER BY id LIMIT 1
       ), counted AS (
         UPDATE outbox SET attempts = attempts + 1, updated_at = $3 WHERE id IN (SELECT id FROM next) AND not_before <= $9 RETURNING id
       ), renewed AS (
         UPDATE outbox_leases SET until = $10 WHERE conversation_id = $4 AND holder = $5 AND EXISTS (SELECT 1 FROM counted)
       ), released AS (
         DELETE FROM outbox_leases WHERE conversation_id = $4 AND holder = $5 AND NOT EXISTS (SELECT 1 FROM counted)
       )
       SELECT (SELECT id FROM counted) AS counted, next.* FROM (SELECT 1) AS one LEFT JOIN next ON true`,
      [message.id, postRef, this.now().toISOString(), message.conversationId, lease.holder, question?.field ?? null, question?.value ?? null, question?.kind ?? null, lease.now, lease.until],
    );
    const row = rows[0]!;
    if (row.counted === null || row.id === null || row.id === undefined) return { kind: 'none' };
    const read = readItem(row.item!);
    if ('damaged' in read) {
      await this.giveUpOutboxMessage(Number(row.id), `damaged in the database: ${read.damaged}`);
      const take = await this.takeOutboxMessage(message.conversationId, lease.holder, lease.until, lease.now, lease.now);
      return take.kind === 'held' ? { kind: 'none' } : take;
    }
    return { kind: 'message', message: toOutboxMessage(row as OutboxRow, read.item) };
  }

  async dueOutboxConversations(platform: Platform, now: string, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ conversation_id: string }>(
      `SELECT conversation_id, MIN(id) AS first FROM outbox WHERE status = 'pending' AND platform = $1 AND not_before <= $2 GROUP BY conversation_id ORDER BY first LIMIT $3`,
      [platform, now, limit],
    );
    return rows.map((r) => r.conversation_id);
  }

  async claimOutboxConversation(conversationId: string, holder: string, until: string, now: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO outbox_leases (conversation_id, holder, until) VALUES ($1, $2, $3)
       ON CONFLICT (conversation_id) DO UPDATE SET holder = excluded.holder, until = excluded.until
       WHERE outbox_leases.holder = excluded.holder OR outbox_leases.until < $4`,
      [conversationId, holder, until, now],
    );
    return rowCount === 1;
  }

  async releaseOutboxConversation(conversationId: string, holder: string): Promise<void> {
    await this.release(this.pool, conversationId, holder);
  }

  private async release(db: Queryable, conversationId: string, holder: string): Promise<void> {
    await db.query('DELETE FROM outbox_leases WHERE conversation_id = $1 AND holder = $2', [conversationId, holder]);
  }

  async startOutboxAttempt(id: number): Promise<void> {
    await this.pool.query('UPDATE outbox SET attempts = attempts + 1, updated_at = $1 WHERE id = $2', [this.now().toISOString(), id]);
  }

  async markOutboxSent(id: number, postRef: string | null): Promise<void> {
    await this.pool.query(`UPDATE outbox SET status = 'sent', post_ref = $1, last_error = NULL, updated_at = $2 WHERE id = $3`, [postRef, this.now().toISOString(), id]);
  }

  async deferOutboxMessage(id: number, notBefore: string, error: string): Promise<void> {
    await this.pool.query('UPDATE outbox SET not_before = $1, last_error = $2, updated_at = $3 WHERE id = $4', [notBefore, outboxError(error), this.now().toISOString(), id]);
  }

  async giveUpOutboxMessage(id: number, error: string): Promise<void> {
    await this.giveUp(this.pool, id, error);
  }

  /** Only a message still waiting: one its own turn already recorded sent (a start) stays sent whatever fails after. */
  private async giveUp(db: Queryable, id: number, error: string): Promise<void> {
    await db.query(`UPDATE outbox SET status = 'failed', last_error = $1, updated_at = $2 WHERE id = $3 AND status = 'pending'`, [outboxError(error), this.now().toISOString(), id]);
  }
}
