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

async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.skipIf(postgresSkipReason)('PostgresConversationStore (what only PostgreSQL does)', () => {
  it('keeps a question card recorded between a turn’s read and its save: the turn is computed again on the row with it', async () => {
    const db = await openPostgres(TEST_DATABASE_URL!, { schema: freshSchemaName(), max: 4 });
    opened.push(db);
    const store = new PostgresConversationStore(db.pool);
    const conv = activeConversation();
    await store.applyTurn(conv.id, null, () => ({ next: conv, result: null }));

    // Another replica's delivery holds the row while it records the card it just posted.
    const delivery = await db.pool.connect();
    try {
      await delivery.query('BEGIN');
      await delivery.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [conv.id]);
      const seenBy: (string | undefined)[] = [];
      const turning = store.applyTurn(conv.id, 'slack:event:Ev1', (current) => {
        seenBy.push(current!.refs.kind === 'slack' ? current!.refs.questionTs : undefined);
        return { next: nextTurnOf(current!, { pending: 'successRate' }), result: 'answered' };
      });
      // The turn has read the row and waits to save it.
      await waitUntil('the turn waits for the row', async () => {
        const { rows } = await db.pool.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE conversations%'");
        return rows.length > 0;
      });
      await delivery.query(`UPDATE conversations SET data = jsonb_set(data::jsonb, '{refs,questionTs}', '"1763888460.000200"')::text WHERE id = $1`, [conv.id]);
      await delivery.query('COMMIT');

      expect(await turning).toEqual({ duplicate: false, result: 'answered' });
      expect(seenBy).toEqual([undefined, '1763888460.000200']);
      const stored = await store.getConversation(conv.id);
      expect(stored).toMatchObject({ version: conv.version + 1, pending: 'successRate', refs: { questionTs: '1763888460.000200' } });
    } finally {
      delivery.release();
    }
  });

  it('says a turn is a repeat when another replica recorded its event between the read and the save, and saves nothing', async () => {
    const db = await openPostgres(TEST_DATABASE_URL!, { schema: freshSchemaName(), max: 4 });
    opened.push(db);
    const clock = () => new Date('2026-11-23T09:30:00.000Z');
    const store = new PostgresConversationStore(db.pool, { now: clock });
    const conv = activeConversation();
    await store.applyTurn(conv.id, null, () => ({ next: conv, result: null }));

    const other = await db.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [conv.id]);
      const turning = store.applyTurn(conv.id, 'slack:event:Ev7', (current) => ({ next: nextTurnOf(current!, { pending: 'successRate' }), result: 'answered' }));
      await waitUntil('the turn waits for the row', async () => {
        const { rows } = await db.pool.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE conversations%'");
        return rows.length > 0;
      });
      // The retry, taken by another replica, recorded the event; the row it leaves as it was.
      await other.query("INSERT INTO processed_events (key, seen_at) VALUES ('slack:event:Ev7', '2026-11-23T09:30:00.000Z')");
      await other.query('COMMIT');

      expect(await turning).toEqual({ duplicate: true });
      expect(await store.getConversation(conv.id)).toEqual(conv);
      const { rows } = await db.pool.query('SELECT COUNT(*)::int AS n FROM outbox');
      expect(rows[0].n).toBe(0);
    } finally {
      other.release();
    }
  });

  it('stores the time the turn gives as the row’s last update, as the locked save does', async () => {
    const db = await openPostgres(TEST_DATABASE_URL!, { schema: freshSchemaName(), max: 4 });
    opened.push(db);
    const store = new PostgresConversationStore(db.pool, { now: () => new Date('2030-01-01T00:00:00.000Z') });
    const conv = activeConversation();
    await store.applyTurn(conv.id, null, () => ({ next: conv, result: null }));
    const next = nextTurnOf(conv, { updatedAt: '2026-11-23T09:03:00.000Z' });
    await store.applyTurn(conv.id, 'slack:event:Ev8', () => ({ next, result: null }));
    const { rows } = await db.pool.query('SELECT updated_at FROM conversations WHERE id = $1', [conv.id]);
    expect(rows[0].updated_at).toBe('2026-11-23T09:03:00.000Z');
  });
});
