/**
 * The service under load, beside a baseline in the same run (same machine, same load generator,
 * same fake Slack on loopback): a bare Bolt app that verifies a slash command, acknowledges it
 * and posts one message, against the advisor's own slash-command path; then the interview turn
 * with 50 interviews at once, on SQLite and (when TEST_DATABASE_URL names a server) PostgreSQL.
 * Prints figures; asserts nothing. `npm run bench`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { FakeSlackApi, visibleText } from '../tools/slack/fake-slack-api.js';
import { messageEventBody, postSigned, SIGNING_SECRET, slashCommandBody } from '../tools/slack/slack-payloads.js';

const FORM = 'application/x-www-form-urlencoded';
const CONNECTIONS = 10;

interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** `total` signed slash commands over CONNECTIONS connections, each with its own trigger id; the time to Slack's answer (the ack). */
async function slashLoad(url: string, total: number): Promise<LoadResult> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < total) {
        const i = next++;
        const body = slashCommandBody({ text: `the support bot ${i}`, userId: `U${i}`, channelId: `C${i % 16}`, responseUrl: 'http://127.0.0.1:9/respond' }).replace(
          /trigger_id=[^&]*/,
          `trigger_id=${randomUUID()}`,
        );
        const t = performance.now();
        const res = await postSigned(url, body, FORM);
        times.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`slash command answered ${res.status}: ${res.text}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: total / seconds, p50: percentile(times, 50), p99: percentile(times, 99) };
}

export interface Child {
  url: string;
  pid: number;
  /** Resident memory now, in MB (/proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

/** A server as a process of its own, so its CPU is its own: the load generator and the fake Slack stay in this one. */
async function spawnServer(script: string, flags: string[], env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, [...flags, fileURLToPath(new URL(script, import.meta.url))], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const found = /"port":(\d+)/.exec(out);
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
  child.stdout!.removeAllListeners('data').resume();
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The Node flags `npm start` runs the server with (its heap limits), read from package.json: the one place they are set. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: { start: string } };
  return /node ((?:--\S+ )*)dist\/adapters\/server\.js/.exec(pkg.scripts.start)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}

/** The advisor as `npm start` runs it (same flags), on SQLite or a PostgreSQL database, with any other settings given. */
export function startAdvisor(slackApi: string, databaseUrl?: string, settings: Record<string, string> = {}): Promise<Child> {
  return spawnServer('../adapters/server.js', startFlags(), {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info', // as run by default; its log goes to a pipe that is read and dropped
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slackApi,
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'advisor-bench-')), 'advisor.db'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...settings,
  });
}

/** A database of the benchmark's own on the server TEST_DATABASE_URL names. */
async function freshPostgresDatabase(url: string): Promise<string> {
  const name = `bench_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** 50 interviews at once, each answering its first questions by typing; the time Slack waits for each turn's answer. */
async function turnLoad(service: { url: string }, slack: FakeSlackApi, interviews: number, turns: number, run: string): Promise<{ p50: number; p99: number; count: number }> {
  const times: number[] = [];
  const answers = ['classification', '50', '6/10', 'format', '4'];
  await Promise.all(
    Array.from({ length: interviews }, async (_, i) => {
      const user = `U${run}${i}`;
      const channel = `C${run}${i}`;
      await postSigned(service.url, slashCommandBody({ text: 'the support bot', userId: user, channelId: channel, responseUrl: 'http://127.0.0.1:9/respond' }), FORM);
      const opening = await until(`the opening of ${user}`, () => slack.channel(channel).find((m) => !m.threadTs && visibleText(m).includes(user)));
      for (let t = 0; t < turns; t++) {
        const asked = await until(`a question for ${user}`, () => slack.thread(channel, opening.ts).length);
        const body = messageEventBody({ userId: user, channelId: channel, threadTs: opening.ts, text: answers[t % answers.length]!, eventId: `EvT${i}-${t}-${randomUUID()}` });
        const start = performance.now();
        await postSigned(service.url, body, 'application/json');
        times.push(performance.now() - start);
        // The next answer once this one's question is up, as a person would.
        await until(`the next question for ${user}`, () => slack.thread(channel, opening.ts).length > asked);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), count: times.length };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Waits for `check`, failing with what was awaited (the fake's own message lists every call). */
async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function runServiceBench(): Promise<void> {
  const slack = await new FakeSlackApi().start();
  const api = `${slack.url}/api/`;
  const total = 3_000;
  console.log(
    `\nservice: the slash command, ${total.toLocaleString('en-US')} requests over ${CONNECTIONS} connections, each server a process of its own (node ${process.version}; the advisor with ${startFlags().join(' ') || 'no flags'}, as npm start runs it)`,
  );
  const bare = await spawnServer('./bare-bolt-server.js', [], { SLACK_API_URL: api });
  await slashLoad(bare.url, 300); // warm up
  const baseline = await slashLoad(bare.url, total);
  await bare.stop();
  const advisor = await startAdvisor(api);
  await new Promise((r) => setTimeout(r, 1_000));
  const idleMb = advisor.rssMb();
  await slashLoad(advisor.url, 300);
  const ours = await slashLoad(advisor.url, total);
  console.log('path'.padEnd(30), 'req/s'.padStart(8), 'ack p50'.padStart(10), 'ack p99'.padStart(10));
  console.log('bare Bolt (baseline)'.padEnd(30), baseline.perSecond.toFixed(0).padStart(8), ms(baseline.p50).padStart(10), ms(baseline.p99).padStart(10));
  console.log('finetune-advisor'.padEnd(30), ours.perSecond.toFixed(0).padStart(8), ms(ours.p50).padStart(10), ms(ours.p99).padStart(10));
  console.log(`advisor / bare Bolt: ${((100 * ours.perSecond) / baseline.perSecond).toFixed(0)}% of the throughput (goal 70%), ack p99 ${ms(ours.p99)} (goal 10 ms)`);
  // Memory: idle with Slack on, then after 10,000 interviews started (the 3,300 above and the rest now).
  await slashLoad(advisor.url, 10_000 - total - 300);
  await new Promise((r) => setTimeout(r, 5_000));
  console.log(`memory: ${idleMb.toFixed(0)} MB idle (Slack on), ${advisor.rssMb().toFixed(0)} MB after 10,000 interviews started (goal: idle at most 150 MB, within 50 MB of it after)`);
  await advisor.stop();

  const interviews = 50;
  const turns = 4;
  console.log(`\nservice: an interview turn, ${interviews} interviews at once, ${turns} typed answers each`);
  const databases: [string, string | undefined][] = [['SQLite', undefined]];
  if (process.env.TEST_DATABASE_URL) databases.push(['PostgreSQL', await freshPostgresDatabase(process.env.TEST_DATABASE_URL)]);
  else console.log('(PostgreSQL skipped: set TEST_DATABASE_URL, e.g. from tools/postgres/start-test-postgres.sh)');
  for (const [name, url] of databases) {
    const service = await startAdvisor(api, url);
    const result = await turnLoad(service, slack, interviews, turns, name === 'SQLite' ? 'SQ' : 'PG');
    await service.stop();
    console.log(`${name.padEnd(12)} turn p50 ${ms(result.p50)}, p99 ${ms(result.p99)} over ${result.count} turns (goal p99 50 ms)`);
  }
  await slack.stop();
}
