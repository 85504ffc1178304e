import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/logging/create-logger.js';
import { startService } from '../../../adapters/server.js';
import { FakeSlackApi, visibleText } from '../../helpers/fake-slack-api.js';
import { ALICE, CHANNEL, TEAM } from '../../helpers/slack-requests.js';

describe('Slack in Socket Mode', () => {
  it('takes a slash command over the socket, acknowledges it, and runs the interview through the Web API', async () => {
    const slack = await new FakeSlackApi().start();
    slack.enableSocketMode();
    const service = await startService(
      {
        port: 0,
        host: '127.0.0.1',
        databasePath: join(mkdtempSync(join(tmpdir(), 'advisor-socket-')), 'advisor.db'),
        logLevel: 'silent',
        teams: null,
        slack: { mode: 'socket', appToken: 'xapp-1-test', botToken: 'xoxb-socket', apiUrl: `${slack.url}/api/` },
      },
      { logger: createLogger('silent') },
    );
    try {
      const ack = await slack.sendEnvelope('slash_commands', {
        token: 'legacy',
        team_id: TEAM,
        team_domain: 'acme',
        channel_id: CHANNEL,
        channel_name: 'ml-team',
        user_id: ALICE,
        user_name: 'alice',
        command: '/finetune-advisor',
        text: 'tag emails',
        api_app_id: 'A0ADVISOR',
        response_url: `${slack.url}/respond/socket`,
        trigger_id: '1.2.3',
      });
      expect(ack).toMatchObject({ envelope_id: expect.any(String) });
      const question = await slack.waitFor(() => [...slack.messages.values()].find((m) => m.threadTs && visibleText(m).includes('What kind of task is it?')));
      expect(question.channel).toBe(CHANNEL);
      expect(slack.callsOf('apps.connections.open')[0]!.token).toBe('xapp-1-test');
      expect(slack.callsOf('chat.postMessage')[0]!.token).toBe('xoxb-socket');
      // No HTTP endpoint for Slack in this mode.
      expect((await fetch(`${service.url}/slack/events`, { method: 'POST' })).status).toBe(404);
    } finally {
      await service.stop();
      await slack.stop();
    }
  });
});
