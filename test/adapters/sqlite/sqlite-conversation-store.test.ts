import { describe, expect, it } from 'vitest';
import { ConcurrentTurnError, SqliteConversationStore } from '../../../adapters/sqlite/sqlite-conversation-store.js';
import type { Conversation } from '../../../src/index.js';
import { activeConversation, freshDbPath, manualClock, nextTurnOf, open } from './helpers.js';

/** A store on a fresh database file, with the path to reopen it. */
function freshStore(options: ConstructorParameters<typeof SqliteConversationStore>[1] = {}) {
  const path = freshDbPath();
  const db = open(path);
  return { path, db, store: new SqliteConversationStore(db, options) };
}

/** Saves `conv` as a new conversation, the way a start turn does. */
async function saveNew(store: SqliteConversationStore, conv: Conversation): Promise<void> {
  await store.applyTurn(conv.id, null, () => ({ next: conv, result: 'started' }));
}

function eventCount(db: ReturnType<typeof open>, key: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM processed_events WHERE key = ?').get(key) as { n: number }).n;
}

describe('SqliteConversationStore (what only SQLite does)', () => {
  it('refuses a save computed on a version that moved meanwhile, and forgets the event key', async () => {
    const { db, store } = freshStore();
    const conv = activeConversation();
    await saveNew(store, conv);
    const racing = store.applyTurn(conv.id, 'ev-race', (current) => {
      // Another writer lands its turn between this turn's load and its save.
      db.prepare('UPDATE conversations SET version = version + 1 WHERE id = ?').run(conv.id);
      return { next: nextTurnOf(current!, { pending: 'successRate' }), result: 'lost' };
    });
    await expect(racing).rejects.toBeInstanceOf(ConcurrentTurnError);
    await expect(racing).rejects.toThrow(`conversation ${conv.id} changed after version 1 was loaded`);
    expect(await store.getConversation(conv.id)).toEqual(conv);
    expect(eventCount(db, 'ev-race')).toBe(0);
  });

  it('refuses to create a conversation another turn created meanwhile', async () => {
    const { db, store } = freshStore();
    const conv = activeConversation({ version: 0 });
    const racing = store.applyTurn(conv.id, 'ev-start', (current) => {
      expect(current).toBeUndefined();
      // Another start for the same thread lands between this turn's load and its save.
      db.prepare("INSERT INTO conversations (id, platform, owner_id, status, version, data, created_at, updated_at) VALUES (?, 'slack', 'U9', 'active', 0, '{}', '', '')").run(conv.id);
      return { next: conv, result: 'second start' };
    });
    await expect(racing).rejects.toThrow(new ConcurrentTurnError(conv.id, null).message);
    expect(await store.getConversation(conv.id)).toBeUndefined();
    expect(eventCount(db, 'ev-start')).toBe(0);
  });

  it('reads a conversation stored before refs were typed, taking its platform as their kind', async () => {
    const { store, db } = freshStore();
    const conv = activeConversation();
    await saveNew(store, conv);
    const { kind: _kind, ...untyped } = conv.refs as { kind: string };
    db.prepare("UPDATE conversations SET data = json_set(data, '$.refs', json(?)) WHERE id = ?").run(JSON.stringify(untyped), conv.id);
    expect((await store.getConversation(conv.id))?.refs).toEqual(conv.refs);
  });

  it('purges expired event keys when constructed', async () => {
    const clock = manualClock();
    const { db, store } = freshStore({ now: clock.now, eventTtlHours: 1 });
    await store.markEventSeen('old');
    clock.advanceHours(2);
    new SqliteConversationStore(db, { now: clock.now, eventTtlHours: 1 });
    expect(eventCount(db, 'old')).toBe(0);
  });
});
