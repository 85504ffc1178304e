import { describe, expect, it } from 'vitest';
import { RawConnection, requestHead } from '../../helpers/raw-http.js';
import { SLACK_TEST_DATE, startSlackTestService } from '../../helpers/slack-service.js';
import { stopAfterEach } from '../../helpers/stop-after-each.js';

const signedLooking = { 'content-type': 'application/json', 'x-slack-request-timestamp': Math.floor(SLACK_TEST_DATE.getTime() / 1000), 'x-slack-signature': `v0=${'0'.repeat(64)}` };

/** A request to Slack's endpoint whose body never finishes arriving: it stays in flight until its connection goes. */
async function holdOpen(url: string, headers: Record<string, string> = {}): Promise<RawConnection> {
  const conn = new RawConnection(url);
  await conn.send(requestHead('POST', '/slack/events', { ...signedLooking, ...headers, 'content-length': 1000 }));
  await conn.send('{"type":');
  return conn;
}

/**
 * Asks `path` until the answer is 429 or `tries` run out: the held requests are in flight once
 * the server has read their heads, which it does in its own time. The last answer.
 */
async function askUntilRefused(url: string, headers: Record<string, string> = {}, tries = 50): Promise<Response> {
  for (let i = 1; ; i++) {
    const res = await fetch(`${url}/nothing-here`, { headers, signal: AbortSignal.timeout(3_000) });
    if (res.status === 429 || i === tries) return res;
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('requests at once', () => {
  const started = stopAfterEach();

  it('answers 429 with Retry-After past the cap on requests in flight, while /healthz answers, and takes requests again once one ends', { timeout: 20_000 }, async () => {
    const svc = started(await startSlackTestService({ limits: { maxInFlight: 4 } }));
    const held = await Promise.all(Array.from({ length: 4 }, () => holdOpen(svc.service.url)));
    const refused = await askUntilRefused(svc.service.url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { error: string }).error).toBe('The service is answering as many requests as it takes at once; try again in a second.');
    const health = await fetch(`${svc.service.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    held[0]!.close();
    await held[0]!.closedWithin(2_000);
    let after = 429;
    for (let i = 0; i < 50 && after === 429; i++) after = (await fetch(`${svc.service.url}/nothing-here`)).status;
    expect(after).toBe(404);
    for (const conn of held) conn.close();
  });

  it('caps requests per client address when told to trust X-Forwarded-For, counting the address the proxy appended', { timeout: 20_000 }, async () => {
    const svc = started(await startSlackTestService({ limits: { maxInFlightPerClient: 2, trustForwardedFor: true } }));
    // A client may write its own X-Forwarded-For; the proxy appends the address it saw, last.
    const held = await Promise.all([holdOpen(svc.service.url, { 'x-forwarded-for': '203.0.113.7' }), holdOpen(svc.service.url, { 'x-forwarded-for': '10.9.9.9, 203.0.113.7' })]);
    const same = await askUntilRefused(svc.service.url, { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' });
    expect(same.status).toBe(429);
    expect((await fetch(`${svc.service.url}/nothing-here`, { headers: { 'x-forwarded-for': '203.0.113.7, 203.0.113.8' } })).status).toBe(404);
    for (const conn of held) conn.close();
  });

  it('does not cap per address without being told to trust X-Forwarded-For (every caller may be one proxy)', { timeout: 20_000 }, async () => {
    const svc = started(await startSlackTestService({ limits: { maxInFlightPerClient: 2 } }));
    const held = await Promise.all(Array.from({ length: 3 }, () => holdOpen(svc.service.url, { 'x-forwarded-for': '203.0.113.7' })));
    const res = await askUntilRefused(svc.service.url, { 'x-forwarded-for': '203.0.113.7' }, 10);
    expect(res.status).toBe(404);
    for (const conn of held) conn.close();
  });
});
