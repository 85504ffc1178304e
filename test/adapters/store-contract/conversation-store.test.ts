import { describe, expect, it, vi } from 'vitest';
import type { Conversation, ConversationStore } from '../../../src/index.js';
import { tellPostgresSkipped } from '../../helpers/postgres.js';
import { activeConversation, manualClock, nextTurnOf, verdictRecordFor } from '../sqlite/helpers.js';
import { BACKENDS, type TestDatabase } from './backends.js';

/** Saves `conv` as a new conversation, the way a start turn does. */
async function saveNew(store: ConversationStore, conv: Conversation): Promise<void> {
  await store.applyTurn(conv.id, null, () => ({ next: conv, result: 'started' }));
}

/** A conversation saved with its verdict, reached at `createdAt`. */
function saveVerdict(store: ConversationStore, changes: Partial<Conversation>, createdAt: string) {
  const conv = activeConversation(changes);
  return store.applyTurn(conv.id, null, () => ({ next: conv, verdict: verdictRecordFor(conv, { createdAt }), result: null }));
}

async function eventCount(db: TestDatabase, key: string): Promise<number> {
  const [row] = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM processed_events WHERE key = ?', key);
  return Number(row?.n ?? 0);
}

tellPostgresSkipped();

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`the conversation store on ${backend.name}`, () => {
    it('gives back the same conversation after a restart', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      await saveNew(store, conv);
      const reopened = (await db.reopen()).conversations();
      expect(await reopened.getConversation(conv.id)).toEqual(conv);
      expect(await reopened.getConversation('nobody')).toBeUndefined();
    });
    it('reads a conversation another replica changed as it now is, and one the turn saved as it saved it', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      await saveNew(store, conv);
      expect(await store.getConversation(conv.id)).toEqual(conv);
      // Another replica's turn: the row's text changes under this store.
      const moved = nextTurnOf(conv, { pending: 'successRate' });
      await db.run('UPDATE conversations SET version = 2, data = ? WHERE id = ?', JSON.stringify(moved), conv.id);
      expect(await store.getConversation(conv.id)).toEqual(moved);
      await store.applyTurn(conv.id, 'ev-2', (current) => ({ next: nextTurnOf(current!, { version: 3, pending: 'promptIterations' }), result: null }));
      expect(await store.getConversation(conv.id)).toMatchObject({ version: 3, pending: 'promptIterations' });
      // A turn that throws leaves the row as it was, and so does the read.
      await expect(
        store.applyTurn(conv.id, 'ev-3', (current) => {
          throw new Error(`refused at version ${current!.version}`);
        }),
      ).rejects.toThrow('refused at version 3');
      expect(await store.getConversation(conv.id)).toMatchObject({ version: 3 });
    });

    it('passes the stored conversation to the turn and returns its result', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      await saveNew(store, conv);
      const turn = vi.fn((current: Conversation | undefined) => ({ next: nextTurnOf(current!), result: current?.version }));
      expect(await store.applyTurn(conv.id, 'ev-1', turn)).toEqual({ duplicate: false, result: 1 });
      expect(turn).toHaveBeenCalledWith(conv);
      expect((await store.getConversation(conv.id))?.version).toBe(2);
    });
    it('ignores a repeated event key: the turn is not run and nothing changes', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      await saveNew(store, conv);
      await store.applyTurn(conv.id, 'slack:ev-1', (c) => ({ next: nextTurnOf(c!), result: 'first' }));
      const after = await store.getConversation(conv.id);
      const again = vi.fn((c: Conversation | undefined) => ({ next: nextTurnOf(c!), result: 'second' }));
      expect(await store.applyTurn(conv.id, 'slack:ev-1', again)).toEqual({ duplicate: true });
      expect(again).not.toHaveBeenCalled();
      expect(await store.getConversation(conv.id)).toEqual(after);
    });
    it('rolls everything back when the turn throws, so the same event can be processed again', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      await saveNew(store, conv);
      const failing = store.applyTurn(conv.id, 'ev-2', () => {
        throw new Error('the card could not be built');
      });
      await expect(failing).rejects.toThrow('the card could not be built');
      expect(await eventCount(db, 'ev-2')).toBe(0);
      expect(await store.getConversation(conv.id)).toEqual(conv);
      expect(await store.applyTurn(conv.id, 'ev-2', (c) => ({ next: nextTurnOf(c!), result: 'ok' }))).toEqual({ duplicate: false, result: 'ok' });
    });
    it('changes nothing when the turn returns no conversation, but remembers the event', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      await saveNew(store, conv);
      expect(await store.applyTurn(conv.id, 'ev-stale', () => ({ next: null, result: 'stale' }))).toEqual({ duplicate: false, result: 'stale' });
      expect(await store.getConversation(conv.id)).toEqual(conv);
      expect(await eventCount(db, 'ev-stale')).toBe(1);
    });
    it('saves a verdict with the turn and keeps the first one made under an id', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      await saveNew(store, conv);
      const record = verdictRecordFor(conv);
      const finished = nextTurnOf(conv, { status: 'finished', pending: null, verdictId: record.id });
      await store.applyTurn(conv.id, 'ev-last', () => ({ next: finished, verdict: record, result: 'finished' }));
      expect(await store.getVerdict(record.id)).toEqual(record);
      await store.applyTurn(conv.id, 'ev-retry', () => ({ next: null, verdict: { ...record, ownerLabel: 'someone else' }, result: 'again' }));
      expect(await store.getVerdict(record.id)).toEqual(record);
      expect(await store.getVerdict('missing')).toBeUndefined();
    });
    it('lists a person’s verdicts on one platform newest first, up to the limit', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const save = (id: string, ownerId: string, platform: 'slack' | 'teams', createdAt: string) => saveVerdict(store, { id, ownerId, platform }, createdAt);
      await save('a', 'U1', 'slack', '2026-11-20T10:00:00.000Z');
      await save('b', 'U1', 'slack', '2026-11-22T10:00:00.000Z');
      await save('c', 'U1', 'slack', '2026-11-21T10:00:00.000Z');
      await save('d', 'U2', 'slack', '2026-11-23T10:00:00.000Z');
      await save('e', 'U1', 'teams', '2026-11-23T10:00:00.000Z');
      const listed = await store.listVerdicts('slack', 'U1', 2);
      expect(listed.map((v) => v.conversationId)).toEqual(['b', 'c']);
      expect((await store.listVerdicts('slack', 'U1', 10)).map((v) => v.conversationId)).toEqual(['b', 'c', 'a']);
      expect(listed[0]?.verdict.verdict).toBe('test-prompts-first');
    });
    it('lists the verdicts of a week on every platform, oldest first, the end left out', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const save = (id: string, ownerId: string, platform: 'slack' | 'teams', createdAt: string) => saveVerdict(store, { id, ownerId, platform }, createdAt);
      await save('before', 'U1', 'slack', '2026-11-23T07:59:59.999Z');
      await save('first', 'U1', 'slack', '2026-11-23T08:00:00.000Z');
      await save('teams', 'T9', 'teams', '2026-11-27T10:00:00.000Z');
      await save('second', 'U2', 'slack', '2026-11-25T10:00:00.000Z');
      await save('end', 'U1', 'slack', '2026-11-30T08:00:00.000Z');
      const week = await store.listVerdictsBetween('2026-11-23T08:00:00.000Z', '2026-11-30T08:00:00.000Z');
      expect(week.map((v) => v.conversationId)).toEqual(['first', 'second', 'teams']);
      expect(week[2]?.platform).toBe('teams');
    });
    it('sets a verdict’s link later', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      const record = verdictRecordFor(conv);
      await store.applyTurn(conv.id, null, () => ({ next: conv, verdict: record, result: null }));
      await store.setVerdictLink(record.id, 'https://example.slack.com/archives/C1/p1763888700000100');
      expect((await store.getVerdict(record.id))?.link).toBe('https://example.slack.com/archives/C1/p1763888700000100');
      await expect(store.setVerdictLink('missing', 'x')).rejects.toThrow('verdict missing not found');
    });
    it('records the question card on the table without bumping the version', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      await saveNew(store, conv);
      await store.setQuestionRef(conv.id, { questionTs: '1763888460.000200' });
      const after = await store.getConversation(conv.id);
      expect(after?.refs).toEqual({ kind: 'slack', channel: 'C1', threadTs: '1763888400.000100', teamId: 'T1', ownerName: 'alice', questionTs: '1763888460.000200' });
      expect(after?.version).toBe(conv.version);
      await expect(store.setQuestionRef('missing', { questionTs: '1' })).rejects.toThrow('conversation missing not found');
      // A Teams card id is never written into a Slack interview.
      await expect(store.setQuestionRef(conv.id, { questionActivityId: 'act-9' })).rejects.toThrow('as a teams interview');
      expect((await store.getConversation(conv.id))?.refs).toEqual(after?.refs);
    });
    it('refuses refs that do not fit the platform, naming what is wrong', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const bad = activeConversation({ refs: { kind: 'slack', channel: '', threadTs: '1', teamId: 'T1', ownerName: 'a' } });
      await expect(saveNew(store, bad)).rejects.toThrow(/refs\.channel/);
    });
    it('marks an event seen once', async () => {
      const db = await backend.open();
      const store = db.conversations();
      expect(await store.markEventSeen('ev-9')).toBe(true);
      expect(await store.markEventSeen('ev-9')).toBe(false);
    });
    it('forgets event keys after the TTL', async () => {
      const clock = manualClock();
      const db = await backend.open();
      const store = db.conversations({ now: clock.now, eventTtlHours: 48 });
      await store.markEventSeen('old');
      clock.advanceHours(47);
      await store.markEventSeen('recent');
      expect(await store.purgeExpiredEvents()).toBe(0);
      clock.advanceHours(2);
      expect(await store.purgeExpiredEvents()).toBe(1);
      expect(await eventCount(db, 'old')).toBe(0);
      expect(await store.markEventSeen('old')).toBe(true);
      expect(await store.markEventSeen('recent')).toBe(false);
    });
    it('names the conversation whose row holds invalid JSON', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      await saveNew(store, conv);
      await db.run('UPDATE conversations SET data = ? WHERE id = ?', '{"id": "slack:T1', conv.id);
      await expect(store.getConversation(conv.id)).rejects.toThrow(`conversation ${conv.id} is damaged in the database: its data is not valid JSON`);
      await expect(store.applyTurn(conv.id, 'ev-x', () => ({ next: null, result: null }))).rejects.toThrow(`conversation ${conv.id} is damaged`);
      expect(await eventCount(db, 'ev-x')).toBe(0);
    });
    it('names the conversation whose row fails the schema, and the field', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      await saveNew(store, conv);
      await db.run('UPDATE conversations SET data = ? WHERE id = ?', JSON.stringify({ ...conv, status: 'exploded' }), conv.id);
      await expect(store.getConversation(conv.id)).rejects.toThrow(new RegExp(`conversation ${conv.id} is damaged in the database: status`));
    });
    it('refuses to save a conversation that could not be read back', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const bad = { ...activeConversation(), ownerId: '' };
      await expect(saveNew(store, bad)).rejects.toThrow(`conversation ${bad.id} not saved, it is invalid: ownerId`);
    });
    it('keeps every turn of two replicas racing on one interview, each computed on the one before', async () => {
      const db = await backend.open();
      const conv = activeConversation({ answers: { task: 'route tickets' } });
      await saveNew(db.conversations(), conv);
      const replicas = [db.conversations(), db.conversations()];
      const applied = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          replicas[i % 2]!.applyTurn(conv.id, `ev-race-${i}`, (c) => ({ next: nextTurnOf(c!, { answers: { task: `${c!.answers.task} +${i}` } }), result: c!.version })),
        ),
      );
      const computedOn = applied.map((a) => (a.duplicate ? null : a.result));
      // Each turn was computed on a version no other turn was computed on: none was lost to another.
      expect([...computedOn].sort((x, y) => x! - y!)).toEqual(Array.from({ length: 12 }, (_, i) => conv.version + i));
      const stored = await replicas[0]!.getConversation(conv.id);
      expect(stored?.version).toBe(conv.version + 12);
      const added = stored!.answers.task!.split(' +').slice(1).map(Number);
      expect([...added].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    });
    it('applies an event once when its retry lands on another replica at the same moment', async () => {
      const db = await backend.open();
      const conv = activeConversation({ answers: { task: 'route tickets' } });
      await saveNew(db.conversations(), conv);
      const [a, b] = [db.conversations(), db.conversations()];
      const append = (k: number) => (c: Conversation | undefined) => ({ next: nextTurnOf(c!, { answers: { task: `${c!.answers.task} +${k}` } }), result: k });
      for (let k = 0; k < 6; k++) {
        const both = await Promise.all([a.applyTurn(conv.id, `slack:event:Ev${k}`, append(k)), b.applyTurn(conv.id, `slack:event:Ev${k}`, append(k))]);
        expect(both.filter((r) => !r.duplicate)).toHaveLength(1);
      }
      const stored = await a.getConversation(conv.id);
      expect(stored?.answers.task).toBe('route tickets +0 +1 +2 +3 +4 +5');
      expect(stored?.version).toBe(conv.version + 6);
    });
    it('saves a refused answer’s turn without keeping its event, so the corrected resubmission is taken', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const conv = activeConversation();
      await saveNew(store, conv);
      const refused = await store.applyTurn(conv.id, 'slack:view:V1', (c) => ({ next: nextTurnOf(c!), consumesEvent: false, result: 'refused' }));
      expect(refused).toEqual({ duplicate: false, result: 'refused' });
      expect(await eventCount(db, 'slack:view:V1')).toBe(0);
      expect((await store.getConversation(conv.id))?.version).toBe(conv.version + 1);
      const corrected = await store.applyTurn(conv.id, 'slack:view:V1', (c) => ({ next: nextTurnOf(c!), result: 'taken' }));
      expect(corrected).toEqual({ duplicate: false, result: 'taken' });
      expect(await eventCount(db, 'slack:view:V1')).toBe(1);
    });
    it('returns the active interview of that person in that chat, and nothing once it is over', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const base = activeConversation({ id: 'teams:a1', platform: 'teams', ownerId: 'U1', refs: { kind: 'teams', place: 'chat-1', ownerName: 'U1', serviceUrl: 'http://127.0.0.1:1/' } });
      await store.applyTurn(base.id, null, () => ({ next: base, result: null }));
      expect((await store.findActiveConversation('teams', 'U1', 'chat-1'))?.id).toBe('teams:a1');
      expect(await store.findActiveConversation('teams', 'U2', 'chat-1')).toBeUndefined();
      expect(await store.findActiveConversation('teams', 'U1', 'chat-2')).toBeUndefined();
      const done = { ...base, status: 'finished' as const, version: 1 };
      await store.applyTurn(base.id, null, () => ({ next: done, result: null }));
      expect(await store.findActiveConversation('teams', 'U1', 'chat-1')).toBeUndefined();
    });
  });
}
