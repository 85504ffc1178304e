import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/logging/create-logger.js';
import { startService, type RunningService } from '../../../adapters/server.js';
import { FakeSlackApi } from '../../helpers/fake-slack-api.js';
import { postSigned, SIGNING_SECRET, slashCommandBody } from '../../helpers/slack-requests.js';

/** A loopback port where nothing listens: Slack's Web API, unreachable. */
async function closedPort(): Promise<number> {
  const gone = await new FakeSlackApi().start();
  await gone.stop();
  return Number(new URL(gone.url).port);
}

const logsTo = (logs: string[]) => createLogger('info', new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) }));
const tempDb = () => join(mkdtempSync(join(tmpdir(), 'advisor-unreachable-')), 'advisor.db');
const slackAt = (port: number) => ({ mode: 'http' as const, signingSecret: SIGNING_SECRET, botToken: 'xoxb-test-token', apiUrl: `http://127.0.0.1:${port}/api/` });

describe("the service when Slack's Web API cannot be reached", () => {
  let running: RunningService | null = null;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  afterEach(async () => {
    process.off('unhandledRejection', onRejection);
    await running?.stop();
    running = null;
  });

  it('starts, answers /healthz as degraded with the reason, and is still serving 6 seconds later', { timeout: 20_000 }, async () => {
    process.on('unhandledRejection', onRejection);
    const logs: string[] = [];
    running = await startService({ port: 0, host: '127.0.0.1', databasePath: tempDb(), logLevel: 'info', teams: null, slack: slackAt(await closedPort()) }, { logger: logsTo(logs) });
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 6_000));
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'degraded',
      version: '0.1.0',
      platforms: { slack: 'http', teams: false },
      problems: [expect.stringMatching(/^Slack's Web API could not be reached: .+/)],
    });
    expect(logs.join('')).toContain("Slack's Web API could not be reached");
    expect(rejections).toEqual([]);
  });

  it('serves Slack again once its Web API answers: the next request starts an interview and /healthz says ok', { timeout: 20_000 }, async () => {
    const port = await closedPort();
    const logs: string[] = [];
    running = await startService({ port: 0, host: '127.0.0.1', databasePath: tempDb(), logLevel: 'info', teams: null, slack: slackAt(port) }, { logger: logsTo(logs) });
    const url = running.url;
    const health = async () => ((await (await fetch(`${url}/healthz`)).json()) as { status: string }).status;
    for (let i = 0; i < 100 && (await health()) !== 'degraded'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await health()).toBe('degraded');
    const slack = await new FakeSlackApi().start(port);
    try {
      const res = await postSigned(url, slashCommandBody({ text: 'the support bot', responseUrl: `${slack.url}/respond/x` }), 'application/x-www-form-urlencoded');
      expect(res.status).toBe(200);
      await slack.waitFor(() => slack.callsOf('chat.postMessage')[0]);
      expect(await health()).toBe('ok');
    } finally {
      await running.stop();
      running = null;
      await slack.stop();
    }
  });
});

describe("Socket Mode when Slack's Web API cannot be reached", () => {
  it('starts anyway, answers /healthz as degraded with the reason, and does not end the process', { timeout: 20_000 }, async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const port = await closedPort();
    const running = await startService(
      {
        port: 0,
        host: '127.0.0.1',
        databasePath: tempDb(),
        logLevel: 'silent',
        teams: null,
        slack: { mode: 'socket', appToken: 'xapp-1-test', botToken: 'xoxb-socket', apiUrl: `http://127.0.0.1:${port}/api/` },
      },
      { logger: createLogger('silent') },
    );
    try {
      await new Promise((r) => setTimeout(r, 3_000));
      const health = await fetch(`${running.url}/healthz`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as { status: string; problems: string[] };
      expect(body.status).toBe('degraded');
      expect(body.problems.join('\n')).toMatch(/Socket Mode could not connect|could not be reached/);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      await running.stop();
    }
  });
});
