import { describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../helpers/fake-slack-api.js';
import { RawConnection, requestHead } from '../../helpers/raw-http.js';
import { spawnService } from '../../helpers/service-process.js';
import { SLACK_TEST_DATE, startSlackTestService } from '../../helpers/slack-service.js';
import { SIGNING_SECRET } from '../../helpers/slack-requests.js';
import { startTeamsTestService } from '../../helpers/teams-service.js';
import { stopAfterEach } from '../../helpers/stop-after-each.js';

const MB = 1024 * 1024;
/** Headers that look signed (a fresh timestamp, a signature of the right shape): the body has to be read to find out. */
const signedLooking = (now: Date) => ({ 'x-slack-request-timestamp': Math.floor(now.getTime() / 1000), 'x-slack-signature': `v0=${'0'.repeat(64)}` });

/** Sends a head and then as much of the body as the server takes; the answer once the server has answered (or closed). */
async function post(url: string, path: string, headers: Record<string, string | number>, body: Buffer): Promise<{ status: number | null; closed: boolean }> {
  const conn = new RawConnection(url);
  await conn.send(requestHead('POST', path, headers));
  void conn.send(body);
  const { status } = await conn.answered(20_000);
  const { closed } = await conn.closedWithin(5_000);
  conn.close();
  return { status, closed };
}

describe('bodies larger than an endpoint takes', () => {
  const started = stopAfterEach();

  it('refuses 64 unsigned 4 MB bodies sent at once with 413 before reading them, and the service grows by less than 30 MB', { timeout: 60_000 }, async () => {
    const slack = started(await new FakeSlackApi().start());
    const service = started(await spawnService({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: `${slack.url}/api/` }));
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    const before = service.rssMb();
    // One 4 MB buffer for every request: the test's own memory stays out of it (the service is a process of its own anyway).
    const body = Buffer.alloc(4 * MB, '{"type":"event_callback"}');
    const answers = await Promise.all(Array.from({ length: 64 }, () => post(service.url, '/slack/events', { 'content-type': 'application/json', 'content-length': body.length }, body)));
    expect(answers.map((a) => a.status)).toEqual(Array(64).fill(413));
    const grew = service.rssMb() - before;
    expect(grew, `the service grew by ${grew.toFixed(1)} MB`).toBeLessThan(30);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  });

  it('cuts a chunked body off at the limit with a 413 and closes the connection', { timeout: 20_000 }, async () => {
    const svc = started(await startSlackTestService({ limits: { slackBodyBytes: 64 * 1024 } }));
    const conn = new RawConnection(svc.service.url);
    await conn.send(requestHead('POST', '/slack/events', { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...signedLooking(SLACK_TEST_DATE) }));
    const chunk = Buffer.alloc(16 * 1024, 'x');
    // Up to 4 MB in 16 KB chunks, stopping when the server has answered.
    for (let sent = 0; sent < 4 * MB && conn.answer().status === null && !conn.isClosed; sent += chunk.length)
      await conn.send(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));
    const answer = await conn.closedWithin(5_000);
    conn.close();
    expect(answer).toMatchObject({ status: 413, closed: true });
  });

  it("answers 401 without reading the body when a request to Slack's endpoint carries no signature or a stale timestamp", { timeout: 20_000 }, async () => {
    const svc = started(await startSlackTestService());
    const body = Buffer.alloc(512 * 1024, 'x');
    const unsigned = await post(svc.service.url, '/slack/events', { 'content-type': 'application/json', 'content-length': body.length }, body);
    const stale = await post(
      svc.service.url,
      '/slack/events',
      { 'content-type': 'application/json', 'content-length': body.length, ...signedLooking(new Date(SLACK_TEST_DATE.getTime() - 3_600_000)) },
      body,
    );
    expect([unsigned.status, stale.status]).toEqual([401, 401]);
    expect(svc.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('refuses an activity larger than the Teams endpoint takes with 413 from its Content-Length', { timeout: 20_000 }, async () => {
    const svc = started(await startTeamsTestService());
    const body = Buffer.alloc(2 * MB, ' ');
    const answer = await post(svc.service.url, '/api/messages', { 'content-type': 'application/json', 'content-length': body.length }, body);
    expect(answer.status).toBe(413);
    expect(svc.connector.requests).toEqual([]);
  });

  it('answers 401 without reading the body when an activity comes without a bearer token (Azure mode)', { timeout: 20_000 }, async () => {
    const svc = started(
      await startTeamsTestService({
        teams: { mode: 'azure', appId: '00000000-0000-0000-0000-00000000b07a', appType: 'SingleTenant', password: 'not-a-real-secret', tenantId: '00000000-0000-0000-0000-0000000000aa' },
      }),
    );
    const body = Buffer.alloc(200 * 1024, ' ');
    const answer = await post(svc.service.url, '/api/messages', { 'content-type': 'application/json', 'content-length': body.length }, body);
    expect(answer.status).toBe(401);
  });

  it('refuses a body on a path that takes none', async () => {
    const svc = started(await startSlackTestService());
    const answer = await post(svc.service.url, '/healthz-not', { 'content-type': 'text/plain', 'content-length': 10 }, Buffer.from('0123456789'));
    expect(answer.status).toBe(413);
  });
});
