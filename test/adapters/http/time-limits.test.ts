import { describe, expect, it } from 'vitest';
import { RawConnection, requestHead } from '../../helpers/raw-http.js';
import { SLACK_TEST_DATE, startSlackTestService } from '../../helpers/slack-service.js';
import { stopAfterEach } from '../../helpers/stop-after-each.js';

/** Short limits, so a test sees them act within seconds: a head within 1 s, a whole request within 2 s, 1 s idle. */
const LIMITS = { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, keepAliveTimeoutMs: 1_000 };
/** Far longer than any of them: a socket still open by then was held by a slow client. */
const PATIENCE_MS = 9_000;

/** Writes `text` a byte at a time, one every `everyMs`, until it is all sent or the server has closed the socket. */
async function trickle(conn: RawConnection, text: string, everyMs: number): Promise<number> {
  let sent = 0;
  for (const byte of text) {
    if (conn.isClosed) break;
    await conn.send(byte);
    sent++;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return sent;
}

describe('clients that take their time', () => {
  const started = stopAfterEach();
  const signedLooking = { 'content-type': 'application/json', 'x-slack-request-timestamp': Math.floor(SLACK_TEST_DATE.getTime() / 1000), 'x-slack-signature': `v0=${'0'.repeat(64)}` };

  it('closes the socket of a client that trickles its head, with 408, before it is done', { timeout: 20_000 }, async () => {
    const svc = started(await startSlackTestService({ limits: LIMITS }));
    const conn = new RawConnection(svc.service.url);
    // 10 bytes a second: the head would take ~20 s to arrive.
    const head = requestHead('POST', '/slack/events', { ...signedLooking, 'content-length': 2 });
    const sending = trickle(conn, head, 100);
    const answer = await conn.closedWithin(PATIENCE_MS);
    conn.close();
    expect(answer.closed).toBe(true);
    expect(answer.status).toBe(408);
    expect(await sending).toBeLessThan(head.length);
  });

  it('closes the socket of a client that trickles its body, and keeps answering others meanwhile', { timeout: 20_000 }, async () => {
    const svc = started(await startSlackTestService({ limits: LIMITS }));
    const conn = new RawConnection(svc.service.url);
    await conn.send(requestHead('POST', '/slack/events', { ...signedLooking, 'content-length': 200 }));
    const sending = trickle(conn, '{'.padEnd(200, ' '), 100);
    expect((await fetch(`${svc.service.url}/healthz`)).status).toBe(200);
    const answer = await conn.closedWithin(PATIENCE_MS);
    conn.close();
    expect(answer.closed).toBe(true);
    expect(await sending).toBeLessThan(200);
  });

  it('closes a connection that never sends anything', { timeout: 20_000 }, async () => {
    const svc = started(await startSlackTestService({ limits: LIMITS }));
    const conn = new RawConnection(svc.service.url);
    const answer = await conn.closedWithin(PATIENCE_MS);
    conn.close();
    expect(answer.closed).toBe(true);
  });

  it('closes an idle keep-alive connection after its answer', { timeout: 20_000 }, async () => {
    const svc = started(await startSlackTestService({ limits: LIMITS }));
    const conn = new RawConnection(svc.service.url);
    await conn.send(requestHead('GET', '/healthz', { connection: 'keep-alive' }));
    expect((await conn.answered(5_000)).status).toBe(200);
    const answer = await conn.closedWithin(PATIENCE_MS);
    conn.close();
    expect(answer.closed).toBe(true);
  });
});
