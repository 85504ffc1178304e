import { describe, expect, it } from 'vitest';
import { visibleText } from '../../helpers/fake-slack-api.js';
import { slashCommandBody } from '../../helpers/slack-requests.js';
import { startSlackTestService, type SlackTestService } from '../../helpers/slack-service.js';
import { stopAfterEach } from '../../helpers/stop-after-each.js';

const FORM = 'application/x-www-form-urlencoded';

/** Issue 15: a slash command delivered again (a retry, a replay of the signed request) starts nothing new. */
describe('a replayed slash command', () => {
  const running = stopAfterEach();

  const openings = (svc: SlackTestService) => svc.slack.callsOf('chat.postMessage').filter((c) => JSON.stringify(c.body).includes('is sizing up'));

  it('starts one interview when the same signed command arrives three times', async () => {
    const svc = running(await startSlackTestService());
    const body = slashCommandBody({ text: 'classify support tickets', responseUrl: svc.responseUrl() });
    for (let i = 0; i < 3; i++) expect((await svc.post(body, FORM)).status).toBe(200);
    await svc.slack.waitFor(() => openings(svc).length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(openings(svc)).toHaveLength(1);
    expect(svc.slack.channel('C0001').filter((m) => !m.threadTs && visibleText(m).includes('is sizing up'))).toHaveLength(1);
  });

  it('starts one interview when a replica gets the same trigger_id again after a restart', async () => {
    const svc = running(await startSlackTestService());
    const first = slashCommandBody({ text: 'classify support tickets', responseUrl: svc.responseUrl('a'), triggerId: 'T-same' });
    await svc.post(first, FORM);
    await svc.slack.waitFor(() => openings(svc).length > 0);
    await svc.restart();
    await svc.post(slashCommandBody({ text: 'classify support tickets', responseUrl: svc.responseUrl('b'), triggerId: 'T-same' }), FORM);
    await new Promise((r) => setTimeout(r, 300));
    expect(openings(svc)).toHaveLength(1);
  });

  it('still starts a second interview for a second command typed in another channel', async () => {
    const svc = running(await startSlackTestService());
    await svc.post(slashCommandBody({ text: 'classify support tickets', responseUrl: svc.responseUrl('a') }), FORM);
    await svc.post(slashCommandBody({ text: 'summarise calls', channelId: 'C0002', responseUrl: svc.responseUrl('b') }), FORM);
    await svc.slack.waitFor(() => openings(svc).length === 2);
  });
});
