import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackTestService, type SlackTestService } from '../../helpers/slack-service.js';

/** What anyone on the internet can send to the public Slack paths, without a signature. */
const STRANGER_REQUESTS: Array<{ method: string; path: string }> = [
  { method: 'GET', path: '/slack/events' },
  { method: 'HEAD', path: '/slack/events' },
  { method: 'PUT', path: '/slack/events' },
  { method: 'DELETE', path: '/slack/events' },
  { method: 'GET', path: '/slack/install' },
  { method: 'GET', path: '/slack/oauth_redirect' },
  { method: 'POST', path: '/slack/other' },
  { method: 'GET', path: '/slack/' },
];

describe('the Slack paths under requests from strangers', () => {
  let svc: SlackTestService;
  beforeEach(async () => {
    svc = await startSlackTestService();
  });
  afterEach(async () => {
    await svc.stop();
  });

  it('answers every unsigned method and path at once with a 4xx, and keeps answering /healthz', async () => {
    const answers: string[] = [];
    for (const { method, path } of STRANGER_REQUESTS) {
      const res = await fetch(`${svc.service.url}${path}`, { method, signal: AbortSignal.timeout(2_000) });
      const error = method === 'HEAD' ? '' : ((await res.json()) as { error: string }).error;
      answers.push(`${method} ${path} ${res.status >= 400 && res.status < 500 ? '4xx' : res.status} ${/Slack/.test(error) || method === 'HEAD' ? 'explained' : error}`);
    }
    expect(answers).toEqual(STRANGER_REQUESTS.map(({ method, path }) => `${method} ${path} 4xx explained`));
    const health = await fetch(`${svc.service.url}/healthz`);
    expect(health.status).toBe(200);
    expect(svc.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('tells a stranger on GET /slack/events that the endpoint takes signed POSTs from Slack', async () => {
    const res = await fetch(`${svc.service.url}/slack/events`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(((await res.json()) as { error: string }).error).toBe("This is Slack's events endpoint: it takes signed POST requests from Slack only.");
  });
});
