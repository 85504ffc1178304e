import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutboxWorker, type OutboxSender } from '../../../adapters/conversation/outbox-worker.js';
import { createLogger } from '../../../adapters/logging/create-logger.js';
import { SqliteConversationStore } from '../../../adapters/sqlite/sqlite-conversation-store.js';
import { buildMessageCard, refsOf, type Conversation, type OutboxItem, type OutboxMessage } from '../../../src/index.js';
import { activeConversation, freshDbPath, nextTurnOf, open } from '../sqlite/helpers.js';

const card = (title: string) => buildMessageCard(title, `${title}, in words.`);
const question = (title: string): OutboxItem => ({ kind: 'post-thread', role: 'question', card: card(title) });
const quiet = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));

/** A Slack-like sender that records what it was asked to do, with the card each update replaces. */
function recordingSender() {
  const done: string[] = [];
  let posted = 0;
  const sender: OutboxSender = {
    async send(message: OutboxMessage, conversation: Conversation | undefined) {
      const refs = refsOf(conversation!.refs, 'slack');
      if (message.item.kind === 'update-question') {
        done.push(`update ${refs.questionTs}: ${message.item.card.title}`);
        return { postRef: refs.questionTs ?? null };
      }
      const ts = `1763888500.00000${++posted}`;
      done.push(`post ${ts}: ${message.item.kind === 'post-thread' ? message.item.card.title : message.item.kind}`);
      return { postRef: ts, questionRef: { questionTs: ts } };
    },
    explain: () => ({ retry: false, words: 'refused' }),
    tellHeldUp: async () => undefined,
  };
  return { sender, done };
}

describe('the outbox worker', () => {
  it('delivers turn after turn in one drain, each update replacing the card the message before it put up, reading the conversation once', async () => {
    const store = new SqliteConversationStore(open(freshDbPath()));
    let reads = 0;
    const getConversation = store.getConversation.bind(store);
    store.getConversation = (id) => (reads++, getConversation(id));
    const { sender, done } = recordingSender();
    const worker = new OutboxWorker({ store, senders: { slack: sender }, logger: quiet, now: () => new Date() });
    const conv = activeConversation();
    await store.applyTurn(conv.id, null, () => ({ next: conv, outbox: { actorId: 'U123', items: [question('Question 1')] }, result: null }));
    for (const n of [2, 3])
      await store.applyTurn(conv.id, `ev-${n}`, (c) => ({
        next: nextTurnOf(c!),
        outbox: { actorId: 'U123', items: [{ kind: 'update-question', card: card(`Answered ${n - 1}`) }, question(`Question ${n}`)] },
        result: null,
      }));

    await worker.drain(conv.id);

    expect(done).toEqual([
      'post 1763888500.000001: Question 1',
      'update 1763888500.000001: Answered 1',
      'post 1763888500.000002: Question 2',
      'update 1763888500.000002: Answered 2',
      'post 1763888500.000003: Question 3',
    ]);
    expect(reads).toBe(1);
    expect(refsOf((await store.getConversation(conv.id))!.refs, 'slack').questionTs).toBe('1763888500.000003');
  });
});
