import { SqliteConversationStore } from '../../../adapters/sqlite/sqlite-conversation-store.js';
import { describeOutboxContract } from '../store-contract/outbox-contract.js';
import { freshDbPath, open } from './helpers.js';

describeOutboxContract('SQLite', async () => {
  const db = open(freshDbPath());
  return {
    store: new SqliteConversationStore(db),
    damageOutboxRow: async (conversationId) =>
      void db
        .prepare(
          "INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at) VALUES (?, 'slack', 'U1', '{\"kind\":\"post-thread\"', 'pending', 0, '2000-01-01', '2000-01-01')",
        )
        .run(conversationId),
  };
});
