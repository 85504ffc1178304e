import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startService, type RunningService } from '../../adapters/server.js';
import { createLogger } from '../../adapters/logging/create-logger.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { SlackInterviewDriver } from '../helpers/slack-interview-driver.js';
import { startSlackTestService } from '../helpers/slack-service.js';
import { postSigned, SIGNING_SECRET, slashCommandBody } from '../helpers/slack-requests.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'advisor-svc-')), 'nested', 'advisor.db');
const silent = createLogger('silent');

describe('the service', () => {
  let running: RunningService | null = null;
  afterEach(async () => {
    await running?.stop();
    running = null;
  });

  it('starts without Slack, answers /healthz with the version and platforms, and says where Slack would be', async () => {
    running = await startService({ port: 0, host: '127.0.0.1', databasePath: tempDb(), logLevel: 'silent', slack: null, teams: null }, { logger: silent });
    const health = await fetch(`${running.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', version: '0.1.0', platforms: { slack: false, teams: false } });
    const slack = await fetch(`${running.url}/slack/events`, { method: 'POST', body: '{}' });
    expect(slack.status).toBe(404);
    expect(((await slack.json()) as { error: string }).error).toContain('Slack is not configured');
  });

  it('serves the about, privacy and terms pages the Teams manifest links to', async () => {
    running = await startService({ port: 0, host: '127.0.0.1', databasePath: tempDb(), logLevel: 'silent', slack: null, teams: null }, { logger: silent });
    for (const path of ['/', '/privacy', '/terms']) {
      const res = await fetch(`${running.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    expect(await (await fetch(`${running.url}/privacy`)).text()).toContain('stores, in its own database');
  });

  it('creates the database file and its folder on first start, in WAL mode', async () => {
    const path = tempDb();
    running = await startService({ port: 0, host: '127.0.0.1', databasePath: path, logLevel: 'silent', slack: null, teams: null }, { logger: silent });
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('logs one line per request with a request id, and no secrets or typed text', async () => {
    const svc = await startSlackTestService();
    try {
      const driver = new SlackInterviewDriver(svc);
      await driver.start('a very secret task description');
      await driver.answer({ choose: 'classification' });
      await driver.type('twelve thousand and one secret answers');
      await driver.settle();
      const all = svc.logs.join('\n');
      expect(all).not.toContain('xoxb-test-token');
      expect(all).not.toContain(SIGNING_SECRET);
      expect(all).not.toContain('very secret task');
      expect(all).not.toContain('secret answers');
      const requests = svc.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      expect(requests.length).toBeGreaterThan(2);
      for (const line of requests) expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await svc.stop();
    }
  });

  it('installs into a new workspace over OAuth, keeps the installation in SQLite and answers that workspace with its token', async () => {
    const slack = await new FakeSlackApi().start();
    const databasePath = tempDb();
    running = await startService(
      {
        port: 0,
        host: '127.0.0.1',
        databasePath,
        logLevel: 'silent',
        teams: null,
        slack: { mode: 'oauth', signingSecret: SIGNING_SECRET, clientId: '123.456', clientSecret: 'client-secret', stateSecret: 'state-secret-long-enough', apiUrl: `${slack.url}/api/` },
      },
      { logger: silent },
    );
    const install = await fetch(`${running.url}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('scope')).toBe('commands,chat:write,channels:history,groups:history,im:history,im:write,files:read,files:write');
    const cookie = install.headers.get('set-cookie')!.split(';')[0]!;
    const done = await fetch(`${running.url}/slack/oauth_redirect?code=abc&state=${location.searchParams.get('state')}`, { headers: { cookie } });
    expect(done.status).toBe(200);
    expect(slack.callsOf('oauth.v2.access')).toHaveLength(1);

    const body = slashCommandBody({ text: 'the support bot', responseUrl: `${slack.url}/respond/x` }).replace('team_id=T0001', 'team_id=T0NEW');
    expect((await postSigned(running.url, body, 'application/x-www-form-urlencoded')).status).toBe(200);
    const opening = await slack.waitFor(() => slack.callsOf('chat.postMessage')[0]);
    expect(opening.token).toBe('xoxb-installed-token');
    await running.stop();
    running = null;
    await slack.stop();
  });

  it("posts a verdict late into an OAuth workspace with that workspace's token, after a restart", { timeout: 20_000 }, async () => {
    const slack = await new FakeSlackApi().start();
    const databasePath = tempDb();
    const config = {
      port: 0,
      host: '127.0.0.1',
      databasePath,
      logLevel: 'silent' as const,
      teams: null,
      slack: { mode: 'oauth' as const, signingSecret: SIGNING_SECRET, clientId: '123.456', clientSecret: 'client-secret', stateSecret: 'state-secret-long-enough', apiUrl: `${slack.url}/api/` },
    };
    const now = () => new Date('2026-11-27T10:00:00Z');
    running = await startService(config, { logger: silent, now });
    const install = await fetch(`${running.url}/slack/install`, { redirect: 'manual' });
    const state = new URL(install.headers.get('location')!).searchParams.get('state');
    const cookie = install.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${running.url}/slack/oauth_redirect?code=abc&state=${state}`, { headers: { cookie } })).status).toBe(200);

    // An interview in the installed workspace (T0NEW), whose verdict card Slack refuses once.
    const svc = {
      slack,
      responseUrl: (id = 'r') => `${slack.url}/respond/${id}`,
      post: (body: string, contentType: string) => postSigned(running!.url, body.replaceAll('T0001', 'T0NEW'), contentType, { timestamp: Math.floor(now().getTime() / 1000) }),
    };
    const driver = new SlackInterviewDriver(svc as never);
    await driver.start('the support bot');
    await driver.answer({ choose: 'classification' });
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await driver.type('5');
    await driver.settle(200);
    const verdicts = () => slack.channel(driver.channel).filter((m) => m.blocks.length > 0 && JSON.stringify(m.blocks).includes('Verdict:'));
    expect(verdicts()).toHaveLength(0);

    await running.stop();
    running = await startService(config, { logger: silent, now });
    const posted = await slack.waitFor(() => slack.callsOf('chat.postMessage').find((c) => JSON.stringify(c).includes('Verdict:') && verdicts().length > 0));
    expect(posted.token).toBe('xoxb-installed-token');
    expect(verdicts()).toHaveLength(1);
    await running.stop();
    running = null;
    await slack.stop();
  });

  it("asks its questions with the organisation's token when the app is installed org-wide in an Enterprise Grid", { timeout: 20_000 }, async () => {
    const slack = await new FakeSlackApi().start();
    slack.orgWideInstall = 'E0ORG';
    const config = {
      port: 0,
      host: '127.0.0.1',
      databasePath: tempDb(),
      logLevel: 'silent' as const,
      teams: null,
      slack: { mode: 'oauth' as const, signingSecret: SIGNING_SECRET, clientId: '123.456', clientSecret: 'client-secret', stateSecret: 'state-secret-long-enough', apiUrl: `${slack.url}/api/` },
    };
    const now = () => new Date('2026-11-27T10:00:00Z');
    running = await startService(config, { logger: silent, now });
    const install = await fetch(`${running.url}/slack/install`, { redirect: 'manual' });
    const state = new URL(install.headers.get('location')!).searchParams.get('state');
    const cookie = install.headers.get('set-cookie')!.split(';')[0]!;
    const redirected = await fetch(`${running.url}/slack/oauth_redirect?code=abc&state=${state}`, { headers: { cookie } });
    expect(redirected.status, await redirected.text()).toBe(200);

    // A workspace of the organisation, which has no installation of its own.
    const command = `${slashCommandBody({ text: 'the support bot', userId: 'U0GRID', channelId: 'C0GRID', responseUrl: `${slack.url}/respond/g` })
      .replaceAll('T0001', 'T0GRID')
      .replace('is_enterprise_install=false', 'is_enterprise_install=true')}&enterprise_id=E0ORG`;
    const res = await postSigned(running.url, command, 'application/x-www-form-urlencoded', { timestamp: Math.floor(now().getTime() / 1000) });
    expect(res.status, res.text).toBe(200);
    const question = await slack.waitFor(() => slack.callsOf('chat.postMessage').find((c) => JSON.stringify(c.body).includes('Question 1')), 5_000);
    expect(question.token).toBe('xoxb-installed-token');
    expect(question.body.thread_ts).toBeTruthy();
    await running.stop();
    running = null;
    await slack.stop();
  });

  it('logs a stray rejected promise and a stray thrown error and keeps serving', { timeout: 20_000 }, async () => {
    // Faults planted in the process beside the service: the last resort must catch what no code did.
    const faults = join(mkdtempSync(join(tmpdir(), 'advisor-faults-')), 'faults.mjs');
    writeFileSync(faults, "process.on('SIGUSR2', () => {\n  void Promise.reject(new Error('stray rejection'));\n  setTimeout(() => { throw new Error('stray throw'); }, 10);\n});\n");
    const server = fileURLToPath(new URL('../../dist/adapters/server.js', import.meta.url));
    const child = spawn(process.execPath, ['--import', pathToFileURL(faults).href, server], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: tempDb(), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    let exited: number | null | undefined;
    child.on('exit', (code) => (exited = code));
    const until = async (done: () => boolean) => {
      for (const deadline = Date.now() + 10_000; !done() && exited === undefined && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    };
    try {
      await until(() => out.includes('"port":'));
      child.kill('SIGUSR2');
      await until(() => out.includes('stray rejection') && out.includes('stray throw'));
      await new Promise((r) => setTimeout(r, 100));
      expect(exited).toBeUndefined();
      const port = /"port":(\d+)/.exec(out)?.[1];
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const logged = out
        .split('\n')
        .filter((l) => l.includes('stray'))
        .map((l) => JSON.parse(l) as { level: number; msg: string; err: { message: string } });
      expect(logged.map((l) => [l.level, l.err.message])).toEqual([
        [50, 'stray rejection'],
        [50, 'stray throw'],
      ]);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('finishes in-flight work and closes the database on SIGTERM', { timeout: 20_000 }, async () => {
    const slack = await new FakeSlackApi().start();
    const server = fileURLToPath(new URL('../../dist/adapters/server.js', import.meta.url));
    const child = spawn(process.execPath, [server], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_PATH: tempDb(),
        LOG_LEVEL: 'info',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-x',
        SLACK_API_URL: `${slack.url}/api/`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const port = await slack.waitFor(() => /"port":(\d+)/.exec(out)?.[1], 10_000);
    const url = `http://127.0.0.1:${port}`;
    expect((await postSigned(url, slashCommandBody({ text: 'the support bot', responseUrl: `${slack.url}/respond/x` }), 'application/x-www-form-urlencoded')).status).toBe(200);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('"msg":"stopped"');
    // The command acknowledged before SIGTERM still got its interview posted.
    expect(slack.callsOf('chat.postMessage').length).toBeGreaterThanOrEqual(2);
    await slack.stop();
  });
});
