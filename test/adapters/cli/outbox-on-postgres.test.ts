import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../../adapters/postgres/open-postgres.js';
import { PostgresConversationStore } from '../../../adapters/postgres/postgres-conversation-store.js';
import { buildMessageCard } from '../../../src/index.js';
import { runCliWith } from '../../helpers/cli.js';
import { freshDatabaseUrl, postgresSkipReason, tellPostgresSkipped } from '../../helpers/postgres.js';
import { activeConversation } from '../sqlite/helpers.js';

tellPostgresSkipped();

describe.skipIf(postgresSkipReason)('finetune-advisor outbox on PostgreSQL', () => {
  it('lists what waits in the database DATABASE_URL names, with the tries and the last error, and no password', async () => {
    const url = await freshDatabaseUrl();
    const db = await openPostgres(url);
    try {
      const store = new PostgresConversationStore(db.pool);
      const conv = activeConversation();
      await store.applyTurn(conv.id, null, () => ({
        next: conv,
        outbox: { actorId: 'U123', items: [{ kind: 'post-thread', role: 'question', card: buildMessageCard('Question 2', 'How many?') }] },
        result: null,
      }));
      const message = (await store.outbox.nextOutboxMessage(conv.id))!;
      await store.outbox.startOutboxAttempt(message.id);
      await store.outbox.deferOutboxMessage(message.id, '2099-01-01T00:00:00.000Z', 'Slack answered service_unavailable');
    } finally {
      await db.close();
    }
    const withPassword = url.replace('advisor@', 'advisor:hunter2@');
    const report = await runCliWith(['outbox'], { env: { DATABASE_URL: withPassword } });
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/Messages waiting \(1\)/);
    expect(report.stdout).toContain('question card (Question 2)');
    expect(report.stdout).toContain('Slack answered service_unavailable');
    expect(report.stdout).not.toContain('hunter2');
  });

  it('says which database it could not read, without the password', async () => {
    const report = await runCliWith(['outbox'], { env: { DATABASE_URL: 'postgres://advisor:hunter2@127.0.0.1:9/nowhere' } });
    expect(report.code).not.toBe(0);
    expect(report.stderr).toContain('postgres://advisor@127.0.0.1:9/nowhere');
    expect(report.stderr).not.toContain('hunter2');
  });
});
