/**
 * The door under abuse: a normal Slack interview, answered turn by turn, while a stranger sends
 * big unsigned bodies, bodies with forged signatures, requests trickled a byte at a time, and a
 * flood of small requests. All on loopback, bounded by count and by time. The advisor runs as
 * `npm start` runs it, as deployed behind the TLS proxy Slack needs: TRUST_X_FORWARDED_FOR=1,
 * the proxy's header naming Slack's address or the stranger's. Prints how long Slack waited for
 * each of the interview's requests (it gives up after 3 s), beside the same interview with no
 * abuse, what the stranger got, and the service's memory. Asserts nothing. `npm run bench:door`.
 */
import { performance } from 'node:perf_hooks';
import { FakeSlackApi } from '../tools/slack/fake-slack-api.js';
import { postSigned, SIGNING_SECRET } from '../tools/slack/slack-payloads.js';
import { RawConnection, requestHead } from '../test/helpers/raw-http.js';
import { SlackInterviewDriver } from '../test/helpers/slack-interview-driver.js';
import { TICKET_ROUTER } from '../test/helpers/interview-scenarios.js';
import { startAdvisor, type Child } from './service-bench.js';

/** Where the proxy says each caller is. */
const SLACK_ADDRESS = '54.209.10.1';
const STRANGER_ADDRESS = '203.0.113.66';
/** Slack's own deadline for an answer. */
const SLACK_GIVES_UP_MS = 3_000;
/** The abuse stops when the interview is done, or after this, whichever is first. */
const ABUSE_AT_MOST_MS = 90_000;
const MB = 1024 * 1024;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What each kind of abuse sent and got back: status (or "closed") → count. */
type Tally = Record<string, Record<string, number>>;

function count(tally: Tally, kind: string, outcome: string): void {
  const kinds = (tally[kind] ??= {});
  kinds[outcome] = (kinds[outcome] ?? 0) + 1;
}

/** Runs `task` `total` times, `atOnce` at a time, until `stopped()`. */
async function repeat(total: number, atOnce: number, stopped: () => boolean, task: () => Promise<void>): Promise<void> {
  let started = 0;
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      while (started < total && !stopped()) {
        started++;
        await task();
      }
    }),
  );
}

/** A request written raw (a stranger lies about lengths and stops half-way); the status it got, or "closed". */
async function rawRequest(url: string, head: string, body: Buffer | string, everyMs = 0): Promise<string> {
  const conn = new RawConnection(url);
  await conn.send(head);
  if (everyMs === 0) void conn.send(body);
  else
    void (async () => {
      for (const byte of String(body)) {
        if (conn.isClosed) return;
        await conn.send(byte);
        await sleep(everyMs);
      }
    })();
  const answer = await conn.closedWithin(30_000);
  conn.close();
  return answer.status === null ? 'closed' : String(answer.status);
}

/** The stranger: four kinds of abuse at once, each bounded by a count, all stopping with `stopped()`. */
async function abuse(url: string, stopped: () => boolean, tally: Tally): Promise<void> {
  const stranger = { 'x-forwarded-for': STRANGER_ADDRESS, 'content-type': 'application/json' };
  const forged = () => ({ ...stranger, 'x-slack-request-timestamp': Math.floor(Date.now() / 1000), 'x-slack-signature': `v0=${'0'.repeat(64)}` });
  const big = Buffer.alloc(4 * MB, 'x');
  const nearLimit = Buffer.alloc(MB - 1024, 'x');
  await Promise.all([
    // Unsigned 4 MB bodies, 16 at a time.
    repeat(512, 16, stopped, async () => count(tally, 'unsigned 4 MB bodies', await rawRequest(url, requestHead('POST', '/slack/events', { ...stranger, 'content-length': big.length }), big))),
    // Bodies just under the limit with a forged signature: the costliest a stranger can make a request.
    repeat(256, 8, stopped, async () =>
      count(tally, 'forged-signature 1 MB bodies', await rawRequest(url, requestHead('POST', '/slack/events', { ...forged(), 'content-length': nearLimit.length }), nearLimit)),
    ),
    // Heads trickled a byte every 100 ms: they would take ~25 s.
    repeat(256, 32, stopped, async () => count(tally, 'trickled heads', await rawRequest(url, '', requestHead('POST', '/slack/events', { ...forged(), 'content-length': 2 }), 100))),
    // Whole heads, then bodies trickled a byte every 100 ms: in flight until the request timeout.
    repeat(256, 32, stopped, async () =>
      count(tally, 'trickled bodies', await rawRequest(url, requestHead('POST', '/slack/events', { ...forged(), 'content-length': 500 }), '{'.padEnd(500, ' '), 100)),
    ),
    // A flood of small unsigned requests, 64 at a time.
    repeat(20_000, 64, stopped, async () => {
      try {
        const res = await fetch(`${url}/slack/events`, { method: 'POST', headers: stranger, body: '{"type":"event_callback"}', signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        count(tally, 'flood of small unsigned requests', String(res.status));
      } catch {
        count(tally, 'flood of small unsigned requests', 'closed');
      }
    }),
  ]);
}

/** The tests' driver, waiting for the next question (or the verdict) after each answer, however long the service takes under load. */
class PatientDriver extends SlackInterviewDriver {
  override async answer(how: Parameters<SlackInterviewDriver['answer']>[0]): Promise<void> {
    await super.answer(how);
    await this.slack.waitFor(() => this.currentQuestion() ?? this.verdictMessage(), 30_000);
  }

  private get slack(): FakeSlackApi {
    return (this as unknown as { svc: { slack: FakeSlackApi } }).svc.slack;
  }
}

interface InterviewFigures {
  /** How long Slack waited for each of the interview's requests, in ms. */
  acks: number[];
  statuses: Record<string, number>;
  verdict: boolean;
}

/** One interview (the ticket router's answers), every request of it timed from sent to answered. */
async function interview(advisor: Child, slack: FakeSlackApi, user: string, channel: string): Promise<InterviewFigures> {
  const figures: InterviewFigures = { acks: [], statuses: {}, verdict: false };
  const svc = {
    slack,
    responseUrl: (id = 'r') => `${slack.url}/respond/${id}`,
    post: async (body: string, contentType: string, options: Parameters<typeof postSigned>[3] = {}) => {
      const started = performance.now();
      const res = await postSigned(advisor.url, body, contentType, { ...options, secret: SIGNING_SECRET, headers: { ...options.headers, 'x-forwarded-for': SLACK_ADDRESS } });
      figures.acks.push(performance.now() - started);
      figures.statuses[res.status] = (figures.statuses[res.status] ?? 0) + 1;
      return res;
    },
  };
  const driver = new PatientDriver(svc as never, user);
  await driver.start('the support bot', channel);
  figures.verdict = Boolean(await driver.answerUntilVerdict(TICKET_ROUTER));
  return figures;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

function describeInterview(name: string, f: InterviewFigures): void {
  const sorted = [...f.acks].sort((a, b) => a - b);
  const late = f.acks.filter((a) => a >= SLACK_GIVES_UP_MS).length;
  const statuses = Object.entries(f.statuses)
    .map(([s, n]) => `${n}× ${s}`)
    .join(', ');
  console.log(
    `  ${name.padEnd(14)} ${String(f.acks.length).padStart(3)} requests (${statuses}), ack p50 ${ms(sorted[Math.floor(sorted.length / 2)] ?? 0)}, max ${ms(sorted.at(-1) ?? 0)}; ${late} at or past Slack's 3 s; verdict ${f.verdict ? 'posted' : 'NOT posted'}`,
  );
}

/** The interview beside the stranger on this advisor; the stranger's tally; the service's memory. */
async function underAbuse(advisor: Child, slack: FakeSlackApi, user: string): Promise<void> {
  const tally: Tally = {};
  let done = false;
  const deadline = Date.now() + ABUSE_AT_MOST_MS;
  const stopped = () => done || Date.now() > deadline;
  const idleMb = advisor.rssMb();
  let peakMb = idleMb;
  const sampling = setInterval(() => (peakMb = Math.max(peakMb, advisor.rssMb())), 100);
  const started = performance.now();
  const abusing = abuse(advisor.url, stopped, tally);
  await sleep(1_000); // the stranger first, the interview into the thick of it
  const beside = await interview(advisor, slack, user, `C${user}`).finally(() => (done = true));
  await abusing;
  clearInterval(sampling);
  describeInterview('beside abuse', beside);
  console.log(`  the stranger, over ${((performance.now() - started) / 1000).toFixed(1)} s (stopped when the interview was done):`);
  for (const [kind, outcomes] of Object.entries(tally)) {
    const total = Object.values(outcomes).reduce((a, b) => a + b, 0);
    const shown = Object.entries(outcomes)
      .sort((a, b) => b[1] - a[1])
      .map(([o, n]) => `${n}× ${o}`)
      .join(', ');
    console.log(`    ${kind.padEnd(34)} ${String(total).padStart(6)}: ${shown}`);
  }
  console.log(`  service memory: ${idleMb.toFixed(0)} MB before, ${peakMb.toFixed(0)} MB at most under abuse, ${advisor.rssMb().toFixed(0)} MB after`);
}

const slack = await new FakeSlackApi().start();
console.log(`door under abuse: one Slack interview (${TICKET_ROUTER.length} prepared answers) alone, then beside a stranger; the advisor as npm start runs it (node ${process.version})`);
const setups: [string, Record<string, string>][] = [
  ['behind a trusted proxy (TRUST_X_FORWARDED_FOR=1: each address capped at 32 requests at once)', { TRUST_X_FORWARDED_FOR: '1' }],
  ['without it (no per-address cap: only the 64 in flight overall)', {}],
];
for (const [i, [name, settings]] of setups.entries()) {
  const advisor = await startAdvisor(`${slack.url}/api/`, undefined, settings);
  try {
    console.log(`\n${name}`);
    await sleep(500);
    describeInterview('alone', await interview(advisor, slack, `U${i}ALONE`, `C${i}ALONE`));
    await underAbuse(advisor, slack, `U${i}BESIDE`);
  } finally {
    await advisor.stop();
  }
}
await slack.stop();
