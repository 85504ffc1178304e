/**
 * The service under load, beside a baseline in the same run (same machine, same load generator,
 * same fake Slack on loopback): a bare Bolt app that verifies a slash command, acknowledges it
 * and posts one message, against the advisor's own slash-command path; then the interview turn
 * with 50 interviews at once, on SQLite and (when TEST_DATABASE_URL names a server) PostgreSQL.
 * Prints figures; asserts nothing. `npm run bench`.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { FakeSlackApi, type SlackMessage } from '../tools/slack/fake-slack-api.js';
import { messageEventBody, slashCommandBody } from '../tools/slack/slack-payloads.js';
import { postgresCpuMs, startAdvisor, spawnServer, startFlags, type Child } from './bench-processes.js';
import { rateWithinP99, type RateWithin, type SweptServer } from './rate-within-p99.js';
import { percentile, runLoad, runPaced, signed, SlackSender, type LoadResult } from './signed-load.js';

export { startAdvisor, type Child } from './bench-processes.js';

const FORM = 'application/x-www-form-urlencoded';
const CONNECTIONS = 10;
/** The steady load: a rate both servers keep up with, so the ack's own time shows. */
const PACED_RATE = 100;
const PACED_TOTAL = 1_000;
/** The issue's goal read as a service level: the highest steady rate whose ack p99 stays within it, each rate tried for some seconds. */
const P99_LIMIT_MS = 10;
const SWEEP_RATES = [100, 200, 300, 400, 500, 600, 700, 800, 1_000];
const SWEEP_SECONDS = 2;

/** `total` fresh slash commands, each with its own trigger id, as Slack sends them. */
function slashCommands(total: number, run: string): ReturnType<typeof signed>[] {
  return Array.from({ length: total }, (_, i) =>
    signed(slashCommandBody({ text: `the support bot ${i}`, userId: `U${run}${i}`, channelId: `C${i % 16}`, responseUrl: 'http://127.0.0.1:9/respond', triggerId: randomUUID() }), FORM),
  );
}

interface PathFigures extends LoadResult {
  /** The server's CPU time per command, every thread, until its work for the last one was posted. */
  cpuMsPerCommand: number;
}

/**
 * Sends `total` commands and waits until the server has posted all it posts for them (`posts`
 * messages each, seen by the fake Slack): a server that answered fast and left its work behind
 * would not be faster. Throughput counts to that moment.
 */
async function slashPath(server: Child, slack: FakeSlackApi, total: number, posts: number, run: string): Promise<PathFigures> {
  const requests = slashCommands(total, run);
  const postedBefore = postCount(slack);
  const cpuBefore = server.cpuMs();
  const started = performance.now();
  const acks = await runLoad(server.url, requests, CONNECTIONS);
  await until(`${total * posts} messages posted`, () => postCount(slack) - postedBefore >= total * posts, 120_000);
  const seconds = (performance.now() - started) / 1000;
  return { ...acks, perSecond: total / seconds, cpuMsPerCommand: (server.cpuMs() - cpuBefore) / total };
}

/** chat.postMessage calls the fake has seen, counted on from where the last count stopped. */
let counted = 0;
let posts = 0;
function postCount(slack: FakeSlackApi): number {
  for (; counted < slack.calls.length; counted++) if (slack.calls[counted]!.method === 'chat.postMessage') posts++;
  return posts;
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

/** Messages posted to each channel, handed out in order as they come: no polling, which would take the server's CPU. */
export class PostsByChannel {
  private readonly posted = new Map<string, SlackMessage[]>();
  private readonly waiting = new Map<string, (message: SlackMessage) => void>();

  constructor(slack: FakeSlackApi) {
    slack.onPost((message) => {
      const waiter = this.waiting.get(message.channel);
      this.waiting.delete(message.channel);
      if (waiter) waiter(message);
      else this.posted.set(message.channel, [...(this.posted.get(message.channel) ?? []), message]);
    });
  }

  /** The next message posted to `channel`. */
  next(channel: string, what: string): Promise<SlackMessage> {
    const queued = this.posted.get(channel)?.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 30_000);
      this.waiting.set(channel, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  }
}

/**
 * `interviews` interviews at once, each answering its first questions by typing, `thinkMs()` after
 * each question is up (0: the moment it is, so the answers come in bursts); the time Slack waits
 * for each turn's answer.
 */
export async function turnLoad(
  service: Child,
  posts: PostsByChannel,
  interviews: number,
  turns: number,
  run: string,
  thinkMs: () => number = () => 0,
): Promise<{ p50: number; p99: number; count: number }> {
  const sender = new SlackSender(service.url, interviews);
  const times: number[] = [];
  const answers = ['classification', '50', '6/10', 'format', '4'];
  await Promise.all(
    Array.from({ length: interviews }, async (_, i) => {
      const user = `U${run}${i}`;
      const channel = `C${run}${i}`;
      await sender.send(signed(slashCommandBody({ text: 'the support bot', userId: user, channelId: channel, responseUrl: 'http://127.0.0.1:9/respond' }), FORM));
      const opening = await posts.next(channel, `the opening of ${user}`);
      await posts.next(channel, `the first question for ${user}`);
      for (let t = 0; t < turns; t++) {
        const think = thinkMs();
        if (think > 0) await new Promise((r) => setTimeout(r, think));
        const body = messageEventBody({ userId: user, channelId: channel, threadTs: opening.ts, text: answers[t % answers.length]!, eventId: `EvT${i}-${t}-${randomUUID()}` });
        const req = signed(body, 'application/json');
        const start = performance.now();
        await sender.send(req);
        times.push(performance.now() - start);
        // The next answer once this one's question is up, as a person would.
        await posts.next(channel, `the next question for ${user}`);
      }
    }),
  );
  sender.close();
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

/** One server's rounds: the median of each figure, with its range. */
const row = (name: string, rounds: PathFigures[]) => {
  const of = (pick: (f: PathFigures) => number, digits: number, unit = '') => `${median(rounds.map(pick)).toFixed(digits)}${unit} (${range(rounds.map(pick), digits)})`;
  console.log(name.padEnd(24), of((f) => f.perSecond, 0).padStart(11), of((f) => f.p50, 1).padStart(14), of((f) => f.p99, 1).padStart(14), of((f) => f.cpuMsPerCommand, 2).padStart(16));
};

/** Rounds of the saturated load, bare Bolt and the advisor back to back in each: this machine's speed drifts by a fifth over minutes, and a ratio of neighbours drifts less. */
const ROUNDS = 5;
const PER_ROUND = 1_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const range = (values: number[], digits = 0) => `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}`;

export async function runServiceBench(): Promise<void> {
  const slack = await new FakeSlackApi().start();
  const api = `${slack.url}/api/`;
  const warmUp = 300;
  console.log(
    `\nservice: the slash command, ${ROUNDS} rounds of ${PER_ROUND.toLocaleString('en-US')} requests to each server in turn over ${CONNECTIONS} keep-alive connections, each server a process of its own (node ${process.version}; the advisor with ${startFlags().join(' ') || 'no flags'}, as npm start runs it, Slack and Teams on)`,
  );
  const bare = await spawnServer('./bare-bolt-server.js', [], { SLACK_API_URL: api });
  const advisor = await startAdvisor(api, undefined, { TEAMS_LOCAL: '1' });
  await new Promise((r) => setTimeout(r, 1_000));
  const idleMb = advisor.rssMb();
  await slashPath(bare, slack, warmUp, 1, 'W');
  // The advisor posts two messages a command: the opening in the channel, the first question in its thread.
  await slashPath(advisor, slack, warmUp, 2, 'w');
  const rounds: { bare: PathFigures; ours: PathFigures }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Each goes first in turn, so neither always meets the machine as the other left it.
    const first = r % 2 === 0 ? 'bare' : 'ours';
    const a = first === 'bare' ? await slashPath(bare, slack, PER_ROUND, 1, `B${r}`) : await slashPath(advisor, slack, PER_ROUND, 2, `A${r}`);
    const b = first === 'bare' ? await slashPath(advisor, slack, PER_ROUND, 2, `A${r}`) : await slashPath(bare, slack, PER_ROUND, 1, `B${r}`);
    rounds.push(first === 'bare' ? { bare: a, ours: b } : { bare: b, ours: a });
  }
  const bareSteady = await runPaced(bare.url, slashCommands(PACED_TOTAL, 'b'), PACED_RATE);
  const oursSteady = await runPaced(advisor.url, slashCommands(PACED_TOTAL, 'a'), PACED_RATE);
  let sweptByAdvisor = 0;
  const swept = (server: Child, name: string, postsEach: number): SweptServer => ({
    name,
    p99At: async (rate) => {
      const total = Math.round(rate * SWEEP_SECONDS);
      if (server === advisor) sweptByAdvisor += total;
      const before = postCount(slack);
      const acks = await runPaced(server.url, slashCommands(total, `${name.slice(0, 1)}${rate}-${randomUUID().slice(0, 6)}`), rate);
      // The next rate starts with nothing of this one left to post.
      await until(`${total * postsEach} messages posted`, () => postCount(slack) - before >= total * postsEach, 120_000);
      return acks.p99;
    },
  });
  const within = await rateWithinP99([swept(bare, 'bare Bolt', 1), swept(advisor, 'finetune-advisor', 2)], SWEEP_RATES, P99_LIMIT_MS);
  await bare.stop();
  console.log('path'.padEnd(24), 'cmd/s'.padStart(11), 'ack p50 ms'.padStart(14), 'ack p99 ms'.padStart(14), 'CPU ms/command'.padStart(16), '(median, and range over the rounds)');
  row(
    'bare Bolt (baseline)',
    rounds.map((r) => r.bare),
  );
  row(
    'finetune-advisor',
    rounds.map((r) => r.ours),
  );
  const ratios = rounds.map((r) => (100 * r.ours.perSecond) / r.bare.perSecond);
  console.log(
    `advisor / bare Bolt, round by round: ${median(ratios).toFixed(0)}% of the throughput (${range(ratios)}%; goal 70%), ack p99 ${ms(median(rounds.map((r) => r.ours.p99)))} (goal 10 ms); cmd/s counts until every message the commands make is posted`,
  );
  console.log(
    `at a steady ${PACED_RATE} commands a second (${PACED_TOTAL} commands, each sent at its time): ack p50 / p99 bare Bolt ${ms(bareSteady.p50)} / ${ms(bareSteady.p99)}, finetune-advisor ${ms(oursSteady.p50)} / ${ms(oursSteady.p99)}`,
  );
  const [bareWithin, oursWithin] = within as [RateWithin, RateWithin];
  console.log(`ack p99 at a steady rate, the median of 3 tries of ${SWEEP_SECONDS} s each (a server stops at the first rate past ${P99_LIMIT_MS} ms):`);
  for (const rate of SWEEP_RATES) {
    const at = (w: RateWithin) => w.tried.find((t) => t.rate === rate);
    if (!at(bareWithin) && !at(oursWithin)) break;
    const cell = (w: RateWithin) =>
      at(w)
        ? `${ms(at(w)!.median)} (${at(w)!
            .p99s.map((p) => p.toFixed(1))
            .join(', ')})`
        : '';
    console.log(`  ${String(rate).padStart(5)} a second   bare Bolt ${cell(bareWithin).padEnd(30)} finetune-advisor ${cell(oursWithin)}`);
  }
  console.log(
    `the highest rate whose ack p99 stays at most ${P99_LIMIT_MS} ms: bare Bolt ${bareWithin.rate}, finetune-advisor ${oursWithin.rate}: ${bareWithin.rate ? `${((100 * oursWithin.rate) / bareWithin.rate).toFixed(0)}%` : 'no ratio'} (goal 70%)`,
  );
  const done = warmUp + ROUNDS * PER_ROUND + PACED_TOTAL + sweptByAdvisor;
  // Memory: idle, then after 10,000 interviews started (those above and the rest now; more when the sweep went far).
  const started = Math.max(10_000, done);
  if (started > done) await slashPath(advisor, slack, started - done, 2, 'M');
  await new Promise((r) => setTimeout(r, 5_000));
  const justAfterMb = advisor.rssMb();
  // V8 gives back what the burst made it take once the service has been quiet a while.
  await new Promise((r) => setTimeout(r, 20_000));
  console.log(
    `memory: ${idleMb.toFixed(0)} MB idle (Slack and Teams on); after ${started.toLocaleString('en-US')} interviews started, ${justAfterMb.toFixed(0)} MB 5 s after the last, ${advisor.rssMb().toFixed(0)} MB 25 s after (goal: idle at most 150 MB, within 50 MB of it after)`,
  );
  await advisor.stop();

  const interviews = 50;
  const turns = 4;
  console.log(`\nservice: an interview turn, ${interviews} interviews at once, ${turns} typed answers each`);
  const databases: [string, string | undefined][] = [['SQLite', undefined]];
  if (process.env.TEST_DATABASE_URL) databases.push(['PostgreSQL', await freshPostgresDatabase(process.env.TEST_DATABASE_URL)]);
  else console.log('(PostgreSQL skipped: set TEST_DATABASE_URL, e.g. from tools/postgres/start-test-postgres.sh)');
  const posts = new PostsByChannel(slack);
  // People answer a question some seconds after it is up: 1 to 4 s here, spread evenly.
  let seed = 7;
  const person = () => {
    seed = (seed * 48_271) % 2_147_483_647;
    return 1_000 + (3_000 * seed) / 2_147_483_647;
  };
  for (const [name, url] of databases) {
    const service = await startAdvisor(api, url);
    const run = name === 'SQLite' ? 'SQ' : 'PG';
    await turnLoad(service, posts, interviews, turns, `${run}W`); // warm up, unmeasured
    const before = { service: service.cpuMs(), database: url ? postgresCpuMs() : 0, generator: process.cpuUsage() };
    const burst = await turnLoad(service, posts, interviews, turns, `${run}B`);
    const events = interviews * (turns + 1); // each interview's start, then its turns
    const generator = process.cpuUsage(before.generator);
    const cpu = {
      service: (service.cpuMs() - before.service) / events,
      database: url ? (postgresCpuMs() - before.database) / events : 0,
      generator: (generator.user + generator.system) / 1000 / events,
    };
    const paced = await turnLoad(service, posts, interviews, turns, `${run}P`, person);
    await service.stop();
    console.log(`${name.padEnd(12)} answered as people do (1-4 s after each question): turn p50 ${ms(paced.p50)}, p99 ${ms(paced.p99)} over ${paced.count} turns (goal p99 50 ms)`);
    console.log(`${''.padEnd(12)} answered the moment each question is up (50 at once): turn p50 ${ms(burst.p50)}, p99 ${ms(burst.p99)}`);
    console.log(
      `${''.padEnd(12)} CPU a start or turn in that burst: the service ${ms(cpu.service)}${url ? `, PostgreSQL's server processes ${ms(cpu.database)}` : ''}, this process (load generator, fake Slack) ${ms(cpu.generator)}`,
    );
  }
  await slack.stop();
}
