import { describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../../adapters/config/load-config.js';
import { createLogger } from '../../../adapters/logging/create-logger.js';
import { startService } from '../../../adapters/server.js';
import { cardText, FakeBotConnector } from '../../helpers/fake-bot-connector.js';
import { quickTeamsVerdict, subscribe, thread } from '../../helpers/managers-thread.js';
import { freshSchemaName, postgresSkipReason, TEST_DATABASE_URL, tellPostgresSkipped } from '../../helpers/postgres.js';
import { GENERAL } from '../../helpers/teams-activities.js';
import type { TeamsTestService } from '../../helpers/teams-service.js';

tellPostgresSkipped();

describe.skipIf(postgresSkipReason)('the weekly digest with two replicas on one PostgreSQL', () => {
  it('is posted once when both replicas start after its sending time at the same moment, and again by neither', { timeout: 60_000 }, async () => {
    const connector = await new FakeBotConnector().start();
    // Replicas in this process, each with its own pool, ids and leases, sharing only the database:
    // a spawned one could not be given the clock that puts it past the sending time.
    let at = new Date('2026-11-23T10:00:00.000Z');
    const now = () => at;
    const config: ServiceConfig = { port: 0, host: '127.0.0.1', databasePath: ':unused:', databaseUrl: TEST_DATABASE_URL!, logLevel: 'info', slack: null, teams: { mode: 'local' }, trial: null };
    const schema = freshSchemaName();
    const replica = () => startService(config, { now, logger: createLogger('silent'), postgresSchema: schema, delivery: { wallClock: now } });
    const first = await replica();
    const svc = { service: first, connector } as unknown as TeamsTestService;
    try {
      await subscribe(svc);
      const root = connector.messages.find((m) => m.conversationId === GENERAL)!;
      await quickTeamsVerdict(svc);
      await connector.waitFor(() => connector.in(thread(root.id)).length === 1);
      await first.stop();

      at = new Date('2026-11-30T08:00:00.000Z');
      const both = await Promise.all([replica(), replica()]);
      const digests = () => connector.in(thread(root.id)).filter((m) => cardText(m).includes('Verdicts of the week'));
      await connector.waitFor(() => digests().length > 0);
      // Stopping waits for the work each began at its start.
      await Promise.all(both.map((r) => r.stop()));
      expect(digests()).toHaveLength(1);
      const again = await Promise.all([replica(), replica()]);
      await Promise.all(again.map((r) => r.stop()));
      expect(digests()).toHaveLength(1);
      expect(cardText(digests()[0]!)).toContain('1 verdict from Slack and Teams, 23 Nov 2026, 08:00 to 30 Nov 2026, 08:00 UTC.');
    } finally {
      await first.stop();
      await connector.stop();
    }
  });
});
