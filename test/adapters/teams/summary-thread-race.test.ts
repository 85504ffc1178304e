import type { CloudAdapter } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/logging/create-logger.js';
import { SqliteConversationStore } from '../../../adapters/sqlite/sqlite-conversation-store.js';
import { SqliteSubscriptionStore } from '../../../adapters/sqlite/sqlite-subscription-store.js';
import { SummaryNotifier } from '../../../adapters/teams/summary-notifier.js';
import { freshDbPath, open } from '../sqlite/helpers.js';

const CHANNEL = '19:general-ml@thread.tacv2';

/** A Bot Connector that takes a while to start a thread, as Teams does: long enough for two replicas to overlap. */
function slowConnector(started: string[]) {
  return {
    createConversationAsync: async (_appId: string, _channel: string, _url: string, _aud: string, _params: unknown, callback: (context: unknown) => Promise<void>) => {
      const root = `root-${started.length + 1}`;
      started.push(root);
      await new Promise((r) => setTimeout(r, 50));
      await callback({ activity: { conversation: { id: `${CHANNEL};messageid=${root}` } } });
    },
    continueConversationAsync: async () => undefined,
  } as unknown as CloudAdapter;
}

describe("the managers' verdicts thread across replicas", () => {
  it('is started once when two replicas start it at the same moment, and both use it', async () => {
    const path = freshDbPath();
    const started: string[] = [];
    const replica = () => {
      const db = open(path);
      const subscriptions = new SqliteSubscriptionStore(db);
      const notifier = new SummaryNotifier({ adapter: slowConnector(started), appId: '', subscriptions, store: new SqliteConversationStore(db), logger: createLogger('silent') });
      return { subscriptions, notifier };
    };
    const a = replica();
    const b = replica();
    const sub = await a.subscriptions.subscribe(
      { serviceUrl: 'http://127.0.0.1:9', tenantId: 't', conversationId: CHANNEL, teamId: '19:team', channelId: CHANNEL, botId: '28:bot' },
      'Alice',
      '2026-11-27T10:00:00.000Z',
    );
    await Promise.all([a.notifier.ensureThread(sub.id), b.notifier.ensureThread(sub.id)]);
    expect(started).toEqual(['root-1']);
    expect((await b.subscriptions.listSubscriptions())[0]!.threadRootId).toBe('root-1');
  });
});
