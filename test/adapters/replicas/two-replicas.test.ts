import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeAction } from '../../../src/index.js';
import { cardText, FakeBotConnector } from '../../helpers/fake-bot-connector.js';
import { FakeSlackApi, visibleText, type SlackMessage } from '../../helpers/fake-slack-api.js';
import { freshDatabaseUrl, postgresSkipReason, tellPostgresSkipped } from '../../helpers/postgres.js';
import { elementsOf } from '../../helpers/slack-interview-driver.js';
import { blockActionsBody, messageEventBody, postSigned, SIGNING_SECRET, slashCommandBody } from '../../helpers/slack-requests.js';
import { ALICE, channelPost, GENERAL, message, postActivity } from '../../helpers/teams-activities.js';

const SERVER = fileURLToPath(new URL('../../../dist/adapters/server.js', import.meta.url));
const FORM = 'application/x-www-form-urlencoded';
const INTERVIEWS = 200;
const AT_ONCE = 10;

interface Replica {
  name: string;
  url: string;
  child: ChildProcess;
  alive: boolean;
}

/** One service process (the built server, as `npm start` runs it), on a port of its choosing. */
async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, [SERVER], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica ${name} did not start:\n${out}`)), 15_000);
    const read = (chunk: Buffer) => {
      out += chunk;
      const found = /"port":(\d+)/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`replica ${name} exited with ${code}:\n${out}`)));
  });
  // Keep reading its log so the pipe never fills and stalls it (kept in REPLICA_LOG_DIR when set, to look into a failure).
  child.stdout!.removeAllListeners('data');
  child.stderr!.removeAllListeners('data');
  const dir = process.env.REPLICA_LOG_DIR;
  if (dir) {
    const file = createWriteStream(join(dir, `replica-${name}.log`));
    child.stdout!.pipe(file);
    child.stderr!.pipe(file);
  } else {
    child.stdout!.resume();
    child.stderr!.resume();
  }
  const replica: Replica = { name, url: `http://127.0.0.1:${port}`, child, alive: true };
  child.once('exit', () => (replica.alive = false));
  return replica;
}

/** What a load balancer does: send to the replica asked for, or to one alive when it is gone. */
async function send(replicas: Replica[], preferred: number, body: string, contentType: string, headers: Record<string, string> = {}) {
  for (let attempt = 0; attempt < replicas.length; attempt++) {
    const replica = replicas[(preferred + attempt) % replicas.length]!;
    if (!replica.alive) continue;
    try {
      return await postSigned(replica.url, body, contentType, { headers });
    } catch {
      // Connection refused or cut: the replica died under the request; the balancer tries the next.
    }
  }
  throw new Error('no replica alive');
}

/** Waits for `check`, failing with what was awaited (not the fake's list of every call). */
async function waitUntil<T>(what: string, check: () => T | undefined | false, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const isQuestion = (m: SlackMessage, number: number) => new RegExp(`\\bQuestion ${number}\\b`).test(visibleText(m));
const liveQuestion = (thread: SlackMessage[]) => [...thread].reverse().find((m) => !m.updated && elementsOf(m).some((e) => e.action_id.startsWith('fta:cancel')));

tellPostgresSkipped();

describe.skipIf(postgresSkipReason)('two replicas on one PostgreSQL database', () => {
  it(`answers ${INTERVIEWS} interviews with triple retries and double clicks spread across both, one killed mid-run: one verdict card and one summary each, in order`, {
    timeout: 240_000,
  }, async () => {
    const slack = await new FakeSlackApi().start();
    const connector = await new FakeBotConnector().start();
    const env = {
      DATABASE_URL: await freshDatabaseUrl(),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: `${slack.url}/api/`,
      TEAMS_LOCAL: '1',
      // A replica killed while holding a conversation's deliveries leaves them to the other after 5 s.
      OUTBOX_LEASE_SECONDS: '5',
    };
    // Both start at once: the schema is migrated once, under the advisory lock.
    const replicas = await Promise.all([startReplica('a', env), startReplica('b', env)]);
    try {
      const subscribed = await postActivity(replicas[0]!.url, message('subscribe', channelPost(connector.url, ALICE)));
      expect(subscribed.status).toBe(200);
      const root = await connector.waitFor(() => connector.messages.find((m) => m.conversationId === GENERAL));
      const summaries = () => connector.in(`${GENERAL};messageid=${root.id}`);

      const threads: { channel: string; threadTs: string; task: string }[] = [];
      let started = 0;
      const interview = async (i: number) => {
        const user = `U${10_000 + i}`;
        const channel = `C${i % 8}`;
        const task = `the support bot number ${i}`;
        const known = new Set(slack.messages.keys());
        await send(replicas, i, slashCommandBody({ text: task, userId: user, channelId: channel, responseUrl: `${slack.url}/respond/${i}` }), FORM);
        if (++started === INTERVIEWS / 2) replicas[1]!.child.kill('SIGKILL');
        const opening = await slack.waitFor(
          () => [...slack.messages.entries()].find(([key, m]) => !known.has(key) && m.channel === channel && !m.threadTs && visibleText(m).includes(`<@${user}>`))?.[1],
          20_000,
        );
        const thread = () => slack.thread(channel, opening.ts);
        threads.push({ channel, threadTs: opening.ts, task });

        // Question 1: the click arrives three times (Slack's retries, the same action), on both replicas, and a double click beside it.
        const q1 = await waitUntil(`question 1 of interview ${i}`, () => liveQuestion(thread()), 20_000);
        const select = elementsOf(q1).find((e) => e.type === 'static_select');
        const button = elementsOf(q1).find((e) => e.action_id.startsWith('fta:answer') && decodeAction(e.value)?.a === 'classification');
        const element = select ? { action_id: select.action_id, block_id: select.blockId, selected: 'classification' } : { action_id: button!.action_id, value: button!.value! };
        const click = blockActionsBody({ userId: user, channelId: channel, messageTs: q1.ts, threadTs: opening.ts, element, responseUrl: `${slack.url}/respond/c${i}` });
        const again = blockActionsBody({ userId: user, channelId: channel, messageTs: q1.ts, threadTs: opening.ts, element, responseUrl: `${slack.url}/respond/d${i}` });
        await Promise.all([send(replicas, i, click, FORM), send(replicas, i + 1, click, FORM), send(replicas, i + 1, again, FORM), send(replicas, i, click, FORM)]);

        // Question 2, typed: the event arrives three times, the retries marked as Slack marks them.
        await waitUntil(`question 2 of interview ${i}`, () => liveQuestion(thread()) && visibleText(liveQuestion(thread())!).includes('tested your best prompt'), 20_000);
        const typed = messageEventBody({ userId: user, channelId: channel, threadTs: opening.ts, text: '5', eventId: `Ev${i}` });
        await send(replicas, i + 1, typed, 'application/json');
        await Promise.all([
          send(replicas, i, typed, 'application/json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }),
          send(replicas, i + 1, typed, 'application/json', { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' }),
        ]);
        await waitUntil(`the verdict of interview ${i}`, () => thread().some((m) => visibleText(m).includes('The verdict is')), 30_000);
      };

      let next = 0;
      await Promise.all(
        Array.from({ length: AT_ONCE }, async () => {
          while (next < INTERVIEWS) await interview(next++);
        }),
      );
      expect(replicas[1]!.alive).toBe(false);
      await waitUntil(`${INTERVIEWS} summaries (${summaries().length} so far)`, () => summaries().length >= INTERVIEWS, 30_000);
      await new Promise((r) => setTimeout(r, 1_000));

      for (const { channel, threadTs, task } of threads) {
        const thread = slack.thread(channel, threadTs);
        const verdicts = slack.channel(channel).filter((m) => (m.metadata?.event_payload as { verdict_id?: string } | undefined)?.verdict_id?.includes(threadTs));
        expect(verdicts, `verdict cards of "${task}"`).toHaveLength(1);
        // In order, each once: question 1, question 2 (both answered, no live buttons), then the note that the verdict is up.
        const order = thread.map((m) => (isQuestion(m, 1) ? 'q1' : isQuestion(m, 2) ? 'q2' : visibleText(m).includes('The verdict is') ? 'posted' : 'other'));
        expect(
          order.filter((o) => o !== 'other'),
          `thread of "${task}"`,
        ).toEqual(['q1', 'q2', 'posted']);
        expect(thread.filter((m) => isQuestion(m, 1) || isQuestion(m, 2)).every((m) => m.updated)).toBe(true);
        expect(
          summaries().filter((m) => cardText(m).includes(`${task}\n`) || cardText(m).endsWith(task)),
          `summaries of "${task}"`,
        ).toHaveLength(1);
      }
      expect(summaries()).toHaveLength(INTERVIEWS);
    } finally {
      for (const replica of replicas) replica.child.kill('SIGKILL');
      await slack.stop();
      await connector.stop();
    }
  });
});
