import { describe, expect, it } from 'vitest';
import { buildMessageCard, type ConversationStore, type OutboxItem } from '../../../src/index.js';
import { activeConversation, nextTurnOf } from '../sqlite/helpers.js';

/** A store under test, and a way to write a damaged row into its outbox (as a broken disk or a bad hand edit would). */
export interface OutboxStoreUnderTest {
  store: ConversationStore;
  damageOutboxRow(conversationId: string): Promise<void>;
}

const card = (title: string) => buildMessageCard(title, `${title}, in words.`);
const question = (title: string): OutboxItem => ({ kind: 'post-thread', role: 'question', card: card(title) });

/** The outbox half of the store contract: every store the service runs on passes it. */
export function describeOutboxContract(name: string, make: () => Promise<OutboxStoreUnderTest>): void {
  describe(`${name}: the outbox`, () => {
    it("keeps a turn's messages with the turn, and gives them back oldest first, turn after turn", async () => {
      const { store } = await make();
      const conv = activeConversation();
      await store.applyTurn(conv.id, null, () => ({ next: conv, outbox: { actorId: 'U123', items: [question('Question 1')] }, result: null }));
      await store.applyTurn(conv.id, 'ev-2', (c) => ({
        next: nextTurnOf(c!),
        outbox: { actorId: 'U123', items: [{ kind: 'update-question', card: card('Answered 1') }, question('Question 2')] },
        result: null,
      }));
      const first = await store.nextOutboxMessage(conv.id);
      expect(first).toMatchObject({ conversationId: conv.id, platform: 'slack', actorId: 'U123', attempts: 0, item: question('Question 1') });
      await store.startOutboxAttempt(first!.id);
      await store.markOutboxSent(first!.id, '1763888401.000200');
      const second = await store.nextOutboxMessage(conv.id);
      expect(second?.item.kind).toBe('update-question');
      await store.markOutboxSent(second!.id, null);
      expect((await store.nextOutboxMessage(conv.id))?.item).toEqual(question('Question 2'));
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
      const only = await store.nextOutboxMessage(conv.id);
      await store.markOutboxSent(only!.id, null);
      expect(await store.nextOutboxMessage(conv.id)).toBeUndefined();
    });

    it('counts attempts, holds a deferred message back until its time, and lists the conversations whose time has come', async () => {
      const { store } = await make();
      const conv = activeConversation();
      await store.applyTurn(conv.id, null, () => ({ next: conv, outbox: { actorId: 'U123', items: [question('Question 1')] }, result: null }));
      expect(await store.dueOutboxConversations('slack', '2099-01-01T00:00:00.000Z', 10)).toEqual([conv.id]);
      expect(await store.dueOutboxConversations('teams', '2099-01-01T00:00:00.000Z', 10)).toEqual([]);
      const message = (await store.nextOutboxMessage(conv.id))!;
      await store.startOutboxAttempt(message.id);
      await store.deferOutboxMessage(message.id, '2099-01-01T00:00:10.000Z', 'Slack answered service_unavailable');
      expect(await store.dueOutboxConversations('slack', '2099-01-01T00:00:00.000Z', 10)).toEqual([]);
      expect(await store.dueOutboxConversations('slack', '2099-01-01T00:00:10.000Z', 10)).toEqual([conv.id]);
      expect(await store.nextOutboxMessage(conv.id)).toMatchObject({ attempts: 1, notBefore: '2099-01-01T00:00:10.000Z', lastError: 'Slack answered service_unavailable' });
      await store.giveUpOutboxMessage(message.id, 'the channel is gone');
      expect(await store.nextOutboxMessage(conv.id)).toBeUndefined();
    });

    it('gives up on a damaged row with its reason and goes on to the next message', async () => {
      const under = await make();
      const conv = activeConversation();
      await under.store.applyTurn(conv.id, null, () => ({ next: conv, result: null }));
      await under.damageOutboxRow(conv.id);
      await under.store.applyTurn(conv.id, 'ev-1', (c) => ({ next: nextTurnOf(c!), outbox: { actorId: 'U123', items: [question('Question 2')] }, result: null }));
      expect((await under.store.nextOutboxMessage(conv.id))?.item).toEqual(question('Question 2'));
    });
  });
}
