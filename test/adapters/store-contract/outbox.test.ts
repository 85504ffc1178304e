import { describe, expect, it } from 'vitest';
import { buildMessageCard, type OutboxItem } from '../../../src/index.js';
import { tellPostgresSkipped } from '../../helpers/postgres.js';
import { activeConversation, nextTurnOf } from '../sqlite/helpers.js';
import { BACKENDS } from './backends.js';

const card = (title: string) => buildMessageCard(title, `${title}, in words.`);
const question = (title: string): OutboxItem => ({ kind: 'post-thread', role: 'question', card: card(title) });

tellPostgresSkipped();

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`the outbox on ${backend.name}`, () => {
    const make = async () => {
      const db = await backend.open();
      return {
        store: db.conversations(),
        // A damaged row, as a broken disk or a bad hand edit would leave it.
        damageOutboxRow: (conversationId: string) =>
          db.run(
            "INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at) VALUES (?, 'slack', 'U1', '{\"kind\":\"post-thread\"', 'pending', 0, '2000-01-01', '2000-01-01')",
            conversationId,
          ),
        run: db.run,
        all: db.all,
      };
    };

    it("keeps a turn's messages with the turn, and gives them back oldest first, turn after turn", async () => {
      const { store } = await make();
      const conv = activeConversation();
      await store.applyTurn(conv.id, null, () => ({ next: conv, outbox: { actorId: 'U123', items: [question('Question 1')] }, result: null }));
      await store.applyTurn(conv.id, 'ev-2', (c) => ({
        next: nextTurnOf(c!),
        outbox: { actorId: 'U123', items: [{ kind: 'update-question', card: card('Answered 1') }, question('Question 2')] },
        result: null,
      }));
      const first = await store.outbox.nextOutboxMessage(conv.id);
      expect(first).toMatchObject({ conversationId: conv.id, platform: 'slack', actorId: 'U123', attempts: 0, item: question('Question 1') });
      await store.outbox.startOutboxAttempt(first!.id);
      await store.outbox.markOutboxSent(first!.id, '1763888401.000200');
      const second = await store.outbox.nextOutboxMessage(conv.id);
      expect(second?.item.kind).toBe('update-question');
      await store.outbox.markOutboxSent(second!.id, null);
      expect((await store.outbox.nextOutboxMessage(conv.id))?.item).toEqual(question('Question 2'));
    });

    it('saves nothing to deliver when the turn is refused, and nothing of a repeated event', async () => {
      const { store } = await make();
      const conv = activeConversation();
      await store.applyTurn(conv.id, null, () => ({ next: conv, result: null }));
      await expect(
        store.applyTurn(conv.id, 'ev-bad', () => {
          throw new Error('the turn failed');
        }),
      ).rejects.toThrow('the turn failed');
      await store.applyTurn(conv.id, 'ev-1', (c) => ({ next: nextTurnOf(c!), outbox: { actorId: 'U123', items: [question('Question 2')] }, result: null }));
      await store.applyTurn(conv.id, 'ev-1', (c) => ({ next: nextTurnOf(c!), outbox: { actorId: 'U123', items: [question('Again')] }, result: null }));
      const only = await store.outbox.nextOutboxMessage(conv.id);
      await store.outbox.markOutboxSent(only!.id, null);
      expect(await store.outbox.nextOutboxMessage(conv.id)).toBeUndefined();
    });

    it('counts attempts, holds a deferred message back until its time, and lists the conversations whose time has come', async () => {
      const { store } = await make();
      const conv = activeConversation();
      await store.applyTurn(conv.id, null, () => ({ next: conv, outbox: { actorId: 'U123', items: [question('Question 1')] }, result: null }));
      expect(await store.outbox.dueOutboxConversations('slack', '2099-01-01T00:00:00.000Z', 10)).toEqual([conv.id]);
      expect(await store.outbox.dueOutboxConversations('teams', '2099-01-01T00:00:00.000Z', 10)).toEqual([]);
      const message = (await store.outbox.nextOutboxMessage(conv.id))!;
      await store.outbox.startOutboxAttempt(message.id);
      await store.outbox.deferOutboxMessage(message.id, '2099-01-01T00:00:10.000Z', 'Slack answered service_unavailable');
      expect(await store.outbox.dueOutboxConversations('slack', '2099-01-01T00:00:00.000Z', 10)).toEqual([]);
      expect(await store.outbox.dueOutboxConversations('slack', '2099-01-01T00:00:10.000Z', 10)).toEqual([conv.id]);
      expect(await store.outbox.nextOutboxMessage(conv.id)).toMatchObject({ attempts: 1, notBefore: '2099-01-01T00:00:10.000Z', lastError: 'Slack answered service_unavailable' });
      await store.outbox.giveUpOutboxMessage(message.id, 'the channel is gone');
      expect(await store.outbox.nextOutboxMessage(conv.id)).toBeUndefined();
    });

    it('gives up on a damaged row with its reason and goes on to the next message', async () => {
      const under = await make();
      const conv = activeConversation();
      await under.store.applyTurn(conv.id, null, () => ({ next: conv, result: null }));
      await under.damageOutboxRow(conv.id);
      await under.store.applyTurn(conv.id, 'ev-1', (c) => ({ next: nextTurnOf(c!), outbox: { actorId: 'U123', items: [question('Question 2')] }, result: null }));
      expect((await under.store.outbox.nextOutboxMessage(conv.id))?.item).toEqual(question('Question 2'));
    });

    it('takes the oldest message with its attempt counted and the conversation held, the next with each finish, and lets it go with the last one sent', async () => {
      const { store } = await make();
      const { outbox } = store;
      const conv = activeConversation();
      await store.applyTurn(conv.id, null, () => ({ next: conv, outbox: { actorId: 'U123', items: [question('Question 1'), question('Question 2')] }, result: null }));
      const [at, until, later] = ['2099-01-01T00:00:00.000Z', '2099-01-01T00:01:00.000Z', '2099-01-01T00:00:30.000Z'];
      const first = await outbox.takeOutboxMessage(conv.id, 'replica-a', until, at, at);
      expect(first).toMatchObject({ kind: 'message', message: { attempts: 0, item: question('Question 1') } });
      expect(await outbox.takeOutboxMessage(conv.id, 'replica-b', until, later, later)).toEqual({ kind: 'held' });
      const firstId = first.kind === 'message' ? first.message.id : -1;
      // Finished, the next one is taken with it: its attempt counted, the conversation still held.
      const second = await outbox.finishOutboxMessage({ id: firstId, conversationId: conv.id }, '1763888401.000200', { holder: 'replica-a', until, now: later });
      expect(second).toMatchObject({ kind: 'message', message: { attempts: 0, item: question('Question 2') } });
      expect(await outbox.takeOutboxMessage(conv.id, 'replica-b', until, later, later)).toEqual({ kind: 'held' });
      expect(await outbox.nextOutboxMessage(conv.id)).toMatchObject({ attempts: 1, item: question('Question 2') });
      const secondId = second.kind === 'message' ? second.message.id : -1;
      expect(await outbox.finishOutboxMessage({ id: secondId, conversationId: conv.id }, null, { holder: 'replica-a', until, now: later })).toEqual({ kind: 'none' });
      // Nothing waits and nobody holds it: another replica may take it (and finds nothing).
      expect(await outbox.takeOutboxMessage(conv.id, 'replica-b', until, later, later)).toEqual({ kind: 'none' });
      expect(await outbox.claimOutboxConversation(conv.id, 'replica-c', until, later)).toBe(true);
    });

    it('records the question card a message put up with its finish, and still finishes one whose conversation is gone', async () => {
      const { store } = await make();
      const { outbox } = store;
      const conv = activeConversation();
      await store.applyTurn(conv.id, null, () => ({ next: conv, outbox: { actorId: 'U123', items: [question('Question 1')] }, result: null }));
      const [at, until] = ['2099-01-01T00:00:00.000Z', '2099-01-01T00:01:00.000Z'];
      const taken = await outbox.takeOutboxMessage(conv.id, 'replica-a', until, at, at);
      if (taken.kind !== 'message') throw new Error(`expected a message, got ${taken.kind}`);
      const lease = { holder: 'replica-a', until, now: at };
      expect(await outbox.finishOutboxMessage(taken.message, '1763888402.000300', lease, { questionTs: '1763888402.000300' })).toEqual({ kind: 'none' });
      expect((await store.getConversation(conv.id))?.refs).toMatchObject({ kind: 'slack', questionTs: '1763888402.000300' });
      const gone = (await outbox.addOutboxMessage('slack:T1:C9:1763888499.000100', 'slack', 'U123', question('Question 9')))!;
      expect(await outbox.finishOutboxMessage({ id: gone.id, conversationId: 'slack:T1:C9:1763888499.000100' }, '1763888500.000100', lease, { questionTs: '1763888500.000100' })).toEqual({
        kind: 'none',
      });
      expect(await outbox.nextOutboxMessage('slack:T1:C9:1763888499.000100')).toBeUndefined();
    });

    it('adds a message asked for by a request once, however often the request comes, recording its key with it', async () => {
      const { store } = await make();
      const { outbox } = store;
      const first = await outbox.addOutboxMessage('slack-start:1', 'slack', 'U123', question('Start'), { onceFor: 'slash:T1:trigger-1' });
      expect(first).toMatchObject({ conversationId: 'slack-start:1', actorId: 'U123', attempts: 0, item: question('Start') });
      expect(await outbox.addOutboxMessage('slack-start:2', 'slack', 'U123', question('Start'), { onceFor: 'slash:T1:trigger-1' })).toBeNull();
      expect(await outbox.nextOutboxMessage('slack-start:2')).toBeUndefined();
      expect(await store.markEventSeen('slash:T1:trigger-1')).toBe(false);
      expect((await outbox.nextOutboxMessage('slack-start:1'))?.id).toBe(first!.id);
    });

    it('adds a message held by the deliverer that sends it at once, its attempt counted, so no other takes it meanwhile', async () => {
      const { store } = await make();
      const { outbox } = store;
      const until = '2099-01-01T00:01:00.000Z';
      const held = await outbox.addOutboxMessage('slack-start:3', 'slack', 'U123', question('Start'), { onceFor: 'slash:T1:trigger-3', heldBy: { holder: 'replica-a', until } });
      expect(held).toMatchObject({ attempts: 0, item: question('Start') });
      expect(await outbox.takeOutboxMessage('slack-start:3', 'replica-b', until, '2099-01-01T00:00:00.000Z', null)).toEqual({ kind: 'held' });
      // A replica that dies holding it leaves it, counted, to the next once the lease has passed.
      expect(await outbox.takeOutboxMessage('slack-start:3', 'replica-b', '2099-01-01T00:03:00.000Z', '2099-01-01T00:02:00.000Z', null)).toMatchObject({
        kind: 'message',
        message: { id: held!.id, attempts: 1 },
      });
    });

    it('gives back the first message of a turn that creates its conversation, held by the deliverer that sends it, so no other takes it meanwhile', async () => {
      const { store } = await make();
      const { outbox } = store;
      const conv = activeConversation();
      const until = '2099-01-01T00:01:00.000Z';
      const applied = await store.applyTurn(conv.id, null, () => ({
        next: conv,
        outbox: { actorId: 'U123', items: [question('Question 1'), question('Question 2')] },
        holdFor: { holder: 'replica-a', until },
        result: null,
      }));
      if (applied.duplicate) throw new Error('not a repeat');
      expect(applied.held).toMatchObject({ conversationId: conv.id, attempts: 0, item: question('Question 1') });
      expect(await outbox.takeOutboxMessage(conv.id, 'replica-b', until, '2099-01-01T00:00:00.000Z', null)).toEqual({ kind: 'held' });
      // Its attempt is counted: a replica that dies sending it leaves it to the next, which checks the platform first.
      expect(await outbox.nextOutboxMessage(conv.id)).toMatchObject({ id: applied.held!.id, attempts: 1 });
      const after = await outbox.finishOutboxMessage(applied.held!, '1763888401.000200', { holder: 'replica-a', until, now: '2099-01-01T00:00:00.000Z' });
      expect(after).toMatchObject({ kind: 'message', message: { item: question('Question 2') } });
    });

    it('holds nothing when the turn moves on a conversation that was there: a deliverer may be sending its earlier messages', async () => {
      const { store } = await make();
      const conv = activeConversation();
      await store.applyTurn(conv.id, null, () => ({ next: conv, outbox: { actorId: 'U123', items: [question('Question 1')] }, result: null }));
      const applied = await store.applyTurn(conv.id, 'ev-2', (c) => ({
        next: nextTurnOf(c!),
        outbox: { actorId: 'U123', items: [question('Question 2')] },
        holdFor: { holder: 'replica-a', until: '2099-01-01T00:01:00.000Z' },
        result: null,
      }));
      expect(applied).toEqual({ duplicate: false, result: null });
      expect(await store.outbox.nextOutboxMessage(conv.id)).toMatchObject({ attempts: 0, item: question('Question 1') });
    });

    it("marks the start a turn fulfils sent and lets the start's conversation go, in the turn's write", async () => {
      const { store } = await make();
      const { outbox } = store;
      const until = '2099-01-01T00:01:00.000Z';
      const start = await outbox.addOutboxMessage('slack-start:9', 'slack', 'U123', question('Start'), { onceFor: 'slash:T1:trigger-9', heldBy: { holder: 'replica-a', until } });
      const conv = activeConversation();
      await store.applyTurn(conv.id, null, () => ({ next: conv, completesOutbox: start!.id, result: null }));
      expect(await outbox.nextOutboxMessage('slack-start:9')).toBeUndefined();
      // Let go: another deliverer could claim the start's conversation at once (it has nothing left to send).
      expect(await outbox.claimOutboxConversation('slack-start:9', 'replica-b', until, '2099-01-01T00:00:00.000Z')).toBe(true);
    });

    it('goes on taking, adding and finishing messages after a newer release adds a column to the outbox', async () => {
      const under = await make();
      const { outbox } = under.store;
      const until = '2099-01-01T00:01:00.000Z';
      const lease = { holder: 'replica-a', until, now: '2099-01-01T00:00:00.000Z' };
      const conv = activeConversation();
      const turn = async (key: string | null, title: string) =>
        under.store.applyTurn(conv.id, key, (c) => ({ next: c ? nextTurnOf(c) : conv, outbox: { actorId: 'U123', items: [question(title)] }, result: null }));
      // Each statement has run once on this connection (PostgreSQL keeps it prepared by name)...
      await turn(null, 'Question 1');
      const first = await outbox.takeOutboxMessage(conv.id, 'replica-a', until, lease.now, null);
      if (first.kind !== 'message') throw new Error(`expected a message, got ${first.kind}`);
      await outbox.finishOutboxMessage(first.message, '1.1', lease);
      await outbox.addOutboxMessage('slack-start:m1', 'slack', 'U123', question('Start'), { onceFor: 'slash:T1:m1', heldBy: { holder: 'replica-a', until } });
      // ...when a replica of the next release migrates, as in a rolling deploy.
      await under.run('ALTER TABLE outbox ADD COLUMN priority INTEGER');
      await turn('ev-2', 'Question 2');
      const second = await outbox.takeOutboxMessage(conv.id, 'replica-a', until, lease.now, null);
      expect(second).toMatchObject({ kind: 'message', message: { item: question('Question 2') } });
      if (second.kind !== 'message') return;
      expect(await outbox.finishOutboxMessage(second.message, '1.2', lease)).toEqual({ kind: 'none' });
      expect(await outbox.addOutboxMessage('slack-start:m2', 'slack', 'U123', question('Start'), { onceFor: 'slash:T1:m2', heldBy: { holder: 'replica-a', until } })).toMatchObject({
        item: question('Start'),
      });
      expect(await outbox.nextOutboxMessage('slack-start:m1')).toMatchObject({ item: question('Start') });
    });

    it('keeps a message sent when a later failure of the same delivery would give it up (the report lists only what never went out)', async () => {
      const under = await make();
      const until = '2099-01-01T00:01:00.000Z';
      const start = await under.store.outbox.addOutboxMessage('slack-start:g1', 'slack', 'U123', question('Start'), { onceFor: 'slash:T1:g1', heldBy: { holder: 'replica-a', until } });
      const conv = activeConversation();
      await under.store.applyTurn(conv.id, null, () => ({ next: conv, completesOutbox: start!.id, result: null }));
      // The start's turn is saved; telling the person privately then fails, and the deliverer gives the message up.
      await under.store.outbox.giveUpOutboxMessage(start!.id, 'Slack answered channel_not_found');
      expect(await under.all<{ status: string }>('SELECT status FROM outbox WHERE id = ?', start!.id)).toEqual([{ status: 'sent' }]);
    });

    it('leaves a message whose time has not come, unless told to take it anyway, and counts each attempt', async () => {
      const { store } = await make();
      const { outbox } = store;
      const conv = activeConversation();
      await store.applyTurn(conv.id, null, () => ({ next: conv, outbox: { actorId: 'U123', items: [question('Question 1')] }, result: null }));
      const at = '2099-01-01T00:00:00.000Z';
      const until = '2099-01-01T00:01:00.000Z';
      const taken = await outbox.takeOutboxMessage(conv.id, 'replica-a', until, at, at);
      if (taken.kind !== 'message') throw new Error(`expected a message, got ${taken.kind}`);
      await outbox.deferOutboxMessage(taken.message.id, '2099-01-01T00:00:10.000Z', 'Slack answered service_unavailable');
      expect(await outbox.takeOutboxMessage(conv.id, 'replica-a', until, at, at)).toEqual({ kind: 'none' });
      // Not held after that: another replica may claim it.
      expect(await outbox.claimOutboxConversation(conv.id, 'replica-b', until, at)).toBe(true);
      await outbox.releaseOutboxConversation(conv.id, 'replica-b');
      expect(await outbox.takeOutboxMessage(conv.id, 'replica-a', until, at, null)).toMatchObject({ kind: 'message', message: { attempts: 1, lastError: 'Slack answered service_unavailable' } });
      expect(await outbox.nextOutboxMessage(conv.id)).toMatchObject({ attempts: 2 });
    });

    it('takes past a damaged row, giving it up with its reason', async () => {
      const under = await make();
      const conv = activeConversation();
      await under.store.applyTurn(conv.id, null, () => ({ next: conv, result: null }));
      await under.damageOutboxRow(conv.id);
      await under.store.applyTurn(conv.id, 'ev-1', (c) => ({ next: nextTurnOf(c!), outbox: { actorId: 'U123', items: [question('Question 2')] }, result: null }));
      const at = '2099-01-01T00:00:00.000Z';
      expect(await under.store.outbox.takeOutboxMessage(conv.id, 'replica-a', '2099-01-01T00:01:00.000Z', at, at)).toMatchObject({ kind: 'message', message: { item: question('Question 2') } });
    });

    it('lets one deliverer at a time hold a conversation, and another take it once the lease has run out', async () => {
      const { store } = await make();
      const { outbox } = store;
      expect(await outbox.claimOutboxConversation('c1', 'replica-a', '2026-11-23T10:01:00.000Z', '2026-11-23T10:00:00.000Z')).toBe(true);
      expect(await outbox.claimOutboxConversation('c1', 'replica-b', '2026-11-23T10:01:30.000Z', '2026-11-23T10:00:30.000Z')).toBe(false);
      expect(await outbox.claimOutboxConversation('c1', 'replica-a', '2026-11-23T10:02:00.000Z', '2026-11-23T10:01:00.000Z')).toBe(true);
      expect(await outbox.claimOutboxConversation('c2', 'replica-b', '2026-11-23T10:01:30.000Z', '2026-11-23T10:00:30.000Z')).toBe(true);
      // Replica a died holding c1: b takes it when the lease has passed.
      expect(await outbox.claimOutboxConversation('c1', 'replica-b', '2026-11-23T10:03:30.000Z', '2026-11-23T10:02:30.000Z')).toBe(true);
      await outbox.releaseOutboxConversation('c1', 'replica-a');
      expect(await outbox.claimOutboxConversation('c1', 'replica-a', '2026-11-23T10:04:00.000Z', '2026-11-23T10:03:00.000Z')).toBe(false);
      await outbox.releaseOutboxConversation('c1', 'replica-b');
      expect(await outbox.claimOutboxConversation('c1', 'replica-a', '2026-11-23T10:04:00.000Z', '2026-11-23T10:03:00.000Z')).toBe(true);
    });
  });
}
