import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/logging/create-logger.js';
import { logStrayErrors } from '../../../adapters/logging/log-stray-errors.js';
import { boltLogger } from '../../../adapters/slack/bolt-logger.js';
import { SIGNING_SECRET, slashCommandBody } from '../../helpers/slack-requests.js';
import { startSlackTestService } from '../../helpers/slack-service.js';

const SECRETS = {
  authorization: 'Bearer xoxb-4242-secret-bot-token',
  cookie: 'd=secret-session-cookie; d-s=1700000000',
  signature: 'v0=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  token: 'xoxp-1111-secret-user-token',
  clientSecret: 'secret-client-secret-0001',
};

/** Everything a logger wrote, one JSON line each. */
function capture(level = 'debug') {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(...String(chunk).trim().split('\n')), done()) });
  return { logger: createLogger(level, sink), lines };
}

const leaked = (lines: string[]) => Object.entries(SECRETS).filter(([, secret]) => lines.some((l) => l.includes(secret.split('; ')[0]!.slice(-16))));

/** An error as HTTP clients make them: the request (and its headers) it failed on hangs off it. */
function requestError(): Error {
  const headers = { Authorization: SECRETS.authorization, Cookie: SECRETS.cookie, 'X-Slack-Signature': SECRETS.signature };
  return Object.assign(new Error(`Request failed: 500 (sent authorization: ${SECRETS.authorization}, cookie: ${SECRETS.cookie})`), {
    code: 'slack_webapi_platform_error',
    config: { url: 'https://slack.com/api/chat.postMessage', headers, data: `token=${SECRETS.token}` },
    request: { method: 'POST', path: '/api/chat.postMessage', headers },
    response: { status: 500, headers: { 'set-cookie': SECRETS.cookie }, data: { token: SECRETS.token } },
  });
}

describe('logs never hold credentials (issue 15)', () => {
  it('redacts Authorization, Cookie, x-slack-signature, tokens and secrets logged with a request, at every level', () => {
    const { logger, lines } = capture('trace');
    const req = { method: 'POST', url: '/slack/events', headers: { authorization: SECRETS.authorization, cookie: SECRETS.cookie, 'x-slack-signature': SECRETS.signature } };
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) {
      logger[level]({ req, err: requestError(), config: { token: SECRETS.token, clientSecret: SECRETS.clientSecret } }, 'a request went wrong');
      logger[level]({ request: { headers: req.headers } }, `headers were ${JSON.stringify(req.headers)}`);
    }
    expect(lines.length).toBe(12);
    expect(leaked(lines)).toEqual([]);
    // What helps to find the fault stays: the message's words, the code, where it was sent.
    const first = JSON.parse(lines[0]!) as { err: { message: string; code: string }; req: { url: string } };
    expect(first.err.message).toContain('Request failed: 500');
    expect(first.err.code).toBe('slack_webapi_platform_error');
    expect(first.req.url).toBe('/slack/events');
  });

  it('redacts credential fields however deep they sit, and errors nested anywhere, without changing what the caller logged', () => {
    const { logger, lines } = capture('info');
    const deep = { a: { b: { c: { d: { e: { headers: { Authorization: SECRETS.authorization } } } } } } };
    const logged = { deep, list: [{ cookie: SECRETS.cookie }], cause: requestError(), note: `signed ${SECRETS.signature}` };
    logger.info(logged, 'deep');
    expect(leaked(lines)).toEqual([]);
    const line = JSON.parse(lines[0]!) as { deep: typeof deep; cause: { message: string; url: string } };
    expect(line.deep.a.b.c.d.e.headers.Authorization).toBe('[redacted]');
    expect(line.cause.url).toBe('https://slack.com/api/chat.postMessage');
    expect(deep.a.b.c.d.e.headers.Authorization).toBe(SECRETS.authorization);
    expect(logged.list[0]!.cookie).toBe(SECRETS.cookie);
  });

  it("redacts an uncaught error's report and a stray rejection carrying a request", () => {
    const { logger, lines } = capture('info');
    const process = new EventEmitter();
    logStrayErrors(logger, process as unknown as NodeJS.Process);
    process.emit('uncaughtException', requestError());
    process.emit('unhandledRejection', requestError());
    expect(lines).toHaveLength(2);
    expect(leaked(lines)).toEqual([]);
    expect(lines[0]).toContain('Request failed: 500');
  });

  it('redacts what Bolt logs through its logger, objects included', () => {
    const { logger, lines } = capture('debug');
    const bolt = boltLogger(logger);
    bolt.setLevel('debug' as never);
    bolt.error('An unhandled error occurred', requestError());
    bolt.debug({ headers: { authorization: SECRETS.authorization, cookie: SECRETS.cookie, 'x-slack-signature': SECRETS.signature } });
    expect(lines).toHaveLength(2);
    expect(leaked(lines)).toEqual([]);
  });

  it('keeps credentials out of the log when a Slack request with them fails in the real service', async () => {
    const svc = await startSlackTestService();
    try {
      svc.slack.failNext('chat.postMessage', { status: 500, error: 'internal_error' }, 10);
      const headers = { authorization: SECRETS.authorization, cookie: SECRETS.cookie };
      await svc.post(slashCommandBody({ text: 'classify tickets', responseUrl: svc.responseUrl() }), 'application/x-www-form-urlencoded', { headers, signature: SECRETS.signature });
      await svc.post(slashCommandBody({ text: 'classify tickets', responseUrl: svc.responseUrl() }), 'application/x-www-form-urlencoded', { headers });
      await new Promise((r) => setTimeout(r, 500));
      const all = svc.logs.join('\n');
      expect(svc.logs.some((l) => l.includes('"level":40') || l.includes('"level":50'))).toBe(true);
      expect(leaked(svc.logs)).toEqual([]);
      expect(all).not.toContain('xoxb-test-token');
      expect(all).not.toContain(SIGNING_SECRET);
    } finally {
      await svc.stop();
    }
  });
});
