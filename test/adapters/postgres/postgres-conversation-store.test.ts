import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres, type PostgresDatabase } from '../../../adapters/postgres/open-postgres.js';
import { PostgresConversationStore } from '../../../adapters/postgres/postgres-conversation-store.js';
import { freshSchemaName, postgresSkipReason, TEST_DATABASE_URL, tellPostgresSkipped } from '../../helpers/postgres.js';
import { activeConversation, nextTurnOf } from '../sqlite/helpers.js';

tellPostgresSkipped();

const opened: PostgresDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

/** A fresh database with one interview stored, and the store on it. */
async function storedInterview(now?: () => Date) {
  const db = await openPostgres(TEST_DATABASE_URL!, { schema: freshSchemaName(), max: 4 });
  opened.push(db);
  const store = new PostgresConversationStore(db.pool, now ? { now } : {});
  const conv = activeConversation();
  await store.applyTurn(conv.id, null, () => ({ next: conv, result: null }));
  return { db, store, conv };
}

/**
 * Another replica holds the interview's row: `turning` starts (it reads the row, then waits to
 * save it), `meanwhile` runs on the holder's transaction, which then commits.
 */
async function whileAnotherHoldsTheRow<T>(db: PostgresDatabase, id: string, turning: () => Promise<T>, meanwhile: (other: pg.PoolClient) => Promise<unknown>): Promise<T> {
  const other = await db.pool.connect();
  try {
    await other.query('BEGIN');
    await other.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [id]);
    const turn = turning();
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await db.pool.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE conversations%'");
      if (rows.length) break;
      if (Date.now() > deadline) throw new Error('the turn never waited for the row');
      await new Promise((r) => setTimeout(r, 10));
    }
    await meanwhile(other);
    await other.query('COMMIT');
    return await turn;
  } finally {
    other.release();
  }
}

describe.skipIf(postgresSkipReason)('PostgresConversationStore (what only PostgreSQL does)', () => {
  it('keeps a question card recorded between a turn’s read and its save: the turn is computed again on the row with it', async () => {
    const { db, store, conv } = await storedInterview();
    const seenBy: (string | undefined)[] = [];
    const applied = await whileAnotherHoldsTheRow(
      db,
      conv.id,
      () =>
        store.applyTurn(conv.id, 'slack:event:Ev1', (current) => {
          seenBy.push(current!.refs.kind === 'slack' ? current!.refs.questionTs : undefined);
          return { next: nextTurnOf(current!, { pending: 'successRate' }), result: 'answered' };
        }),
      // Another replica's delivery records the card it just posted.
      (delivery) => delivery.query(`UPDATE conversations SET data = jsonb_set(data::jsonb, '{refs,questionTs}', '"1763888460.000200"')::text WHERE id = $1`, [conv.id]),
    );
    expect(applied).toEqual({ duplicate: false, result: 'answered' });
    expect(seenBy).toEqual([undefined, '1763888460.000200']);
    expect(await store.getConversation(conv.id)).toMatchObject({ version: conv.version + 1, pending: 'successRate', refs: { questionTs: '1763888460.000200' } });
  });

  it('says a turn is a repeat when another replica recorded its event between the read and the save, and saves nothing', async () => {
    const { db, store, conv } = await storedInterview(() => new Date('2026-11-23T09:30:00.000Z'));
    const applied = await whileAnotherHoldsTheRow(
      db,
      conv.id,
      () => store.applyTurn(conv.id, 'slack:event:Ev7', (current) => ({ next: nextTurnOf(current!, { pending: 'successRate' }), result: 'answered' })),
      // The retry, taken by another replica, recorded the event; the row it left as it was.
      (other) => other.query("INSERT INTO processed_events (key, seen_at) VALUES ('slack:event:Ev7', '2026-11-23T09:30:00.000Z')"),
    );
    expect(applied).toEqual({ duplicate: true });
    expect(await store.getConversation(conv.id)).toEqual(conv);
    const { rows } = await db.pool.query('SELECT COUNT(*)::int AS n FROM outbox');
    expect(rows[0].n).toBe(0);
  });

  it('stores the time the turn gives as the row’s last update, as the locked save does', async () => {
    const { db, store, conv } = await storedInterview(() => new Date('2030-01-01T00:00:00.000Z'));
    const next = nextTurnOf(conv, { updatedAt: '2026-11-23T09:03:00.000Z' });
    await store.applyTurn(conv.id, 'slack:event:Ev8', () => ({ next, result: null }));
    const { rows } = await db.pool.query('SELECT updated_at FROM conversations WHERE id = $1', [conv.id]);
    expect(rows[0].updated_at).toBe('2026-11-23T09:03:00.000Z');
  });
});
