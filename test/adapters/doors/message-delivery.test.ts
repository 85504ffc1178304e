import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliWith } from '../../helpers/cli.js';
import { cardText } from '../../helpers/fake-bot-connector.js';
import { visibleText } from '../../helpers/fake-slack-api.js';
import { SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { startSlackTestService, type SlackTestService } from '../../helpers/slack-service.js';
import { BOB } from '../../helpers/teams-activities.js';
import { startTeamsTestService, TeamsInterviewDriver, type TeamsTestService } from '../../helpers/teams-service.js';

/** Retries within a test's patience: the first after 50 ms, the sweep every 50 ms. */
const QUICK = { firstRetryMs: 50, sweepEveryMs: 50 };

const questionCards = (driver: SlackInterviewDriver, pattern: RegExp) => driver.thread().filter((m) => pattern.test(visibleText(m)));

describe('every message of a Slack interview goes out, once and in order', () => {
  let svc: SlackTestService | null = null;
  afterEach(async () => {
    await svc?.stop();
    svc = null;
  });

  it('posts the next question once Slack takes posts again, without a restart, after the answered card', { timeout: 15_000 }, async () => {
    svc = await startSlackTestService({ delivery: QUICK });
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    await driver.answer({ choose: 'classification' });
    // Slack is briefly unavailable while the next question goes out.
    svc.slack.failNext('chat.postMessage', { error: 'service_unavailable' }, 3);
    await driver.type('50');
    const next = await svc.slack.waitFor(() => questionCards(driver, /How many of them came out right/).at(0), 5_000);
    await driver.settle(150);
    expect(questionCards(driver, /How many of them came out right/)).toHaveLength(1);
    // In order: the answered card of question 2 before question 3, and question 3 is the one on the table.
    const thread = driver.thread();
    const answered = thread.findIndex((m) => visibleText(m).includes('50'));
    expect(answered).toBeGreaterThanOrEqual(0);
    expect(answered).toBeLessThan(thread.indexOf(next));
    expect(driver.currentQuestion()?.ts).toBe(next.ts);
    // The person can go on answering: the card on the table is the one the service recorded.
    await driver.answer({ form: '6/10' });
    expect(driver.questionText()).toMatch(/What do the failures have in common/);
    expect(questionCards(driver, /How many of them came out right/)[0]!.updated).toBe(true);
  });

  it('posts a question card once when Slack took it but its answer was lost (a crash between the post and its record)', { timeout: 15_000 }, async () => {
    svc = await startSlackTestService({ delivery: QUICK });
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    await driver.answer({ choose: 'classification' });
    svc.slack.failNext('chat.postMessage', { error: 'internal_error', afterDelivery: true });
    await driver.type('50');
    await svc.slack.waitFor(() => svc!.slack.callsOf('conversations.replies').length > 0, 5_000);
    await driver.settle(200);
    // Found by its metadata in the thread: recorded, not posted again, and it takes the answer.
    expect(questionCards(driver, /How many of them came out right/)).toHaveLength(1);
    await driver.answer({ form: '6/10' });
    expect(driver.questionText()).toMatch(/What do the failures have in common/);
  });

  it('posts the question card a turn left behind at the next start, after an outage that outlived the process', async () => {
    svc = await startSlackTestService({ delivery: { firstRetryMs: 60_000, sweepEveryMs: 60_000 } });
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    await driver.answer({ choose: 'classification' });
    svc.slack.failNext('chat.postMessage', { error: 'service_unavailable' }, 1);
    await driver.type('50');
    await driver.settle(150);
    expect(questionCards(driver, /How many of them came out right/)).toHaveLength(0);
    const waiting = await runCliWith(['outbox', '--database', svc.databasePath]);
    expect(waiting.stdout).toMatch(/Messages waiting \(1\)/);
    expect(waiting.stdout).toMatch(/question card/);
    expect(waiting.stdout).toMatch(/service_unavailable/);

    await svc.restart();
    await svc.slack.waitFor(() => questionCards(driver, /How many of them came out right/).at(0), 5_000);
    await driver.answer({ form: '6/10' });
    expect(driver.questionText()).toMatch(/What do the failures have in common/);
    expect((await runCliWith(['outbox', '--database', svc.databasePath])).stdout).toContain('nothing:');
  });

  it('keeps serving, and sets aside a damaged message row with its reason, when the outbox holds one', async () => {
    svc = await startSlackTestService({ delivery: QUICK });
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    await svc.service.stop();
    const db = new Database(svc.databasePath);
    const conv = db.prepare('SELECT id FROM conversations').get() as { id: string };
    db.prepare(
      "INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at) VALUES (?, 'slack', 'U1', '{not json', 'pending', 0, '2000-01-01', '2026-11-23')",
    ).run(conv.id);
    db.close();
    await svc.restart();
    const health = await fetch(`${svc.service.url}/healthz`);
    expect(health.status).toBe(200);
    await driver.answer({ choose: 'classification' });
    expect(driver.questionText()).toMatch(/tested your best prompt/);
    const report = await runCliWith(['outbox', '--database', svc.databasePath]);
    expect(report.stdout).toMatch(/given up/i);
    expect(report.stdout).toMatch(/damaged/);
  });
});

describe('every message of a Teams interview goes out, once and in order', () => {
  let svc: TeamsTestService | null = null;
  afterEach(async () => {
    await svc?.stop();
    svc = null;
  });

  for (const [status, code] of [
    [429, 'TooManyRequests'],
    [412, 'PreconditionFailed'],
    [502, 'BadGateway'],
    [504, 'GatewayTimeout'],
  ] as const) {
    it(`posts the next question once the Bot Connector stops answering ${status}`, { timeout: 20_000 }, async () => {
      svc = await startTeamsTestService({ delivery: QUICK });
      const driver = new TeamsInterviewDriver(svc, BOB);
      await driver.say('finetune-advisor the support bot');
      await driver.answer({ choose: 'classification' });
      const chat = `a:personal-${BOB.id}`;
      const outage = svc.connector.outage(new RegExp(`POST /v3/conversations/${chat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/activities`), status, code);
      await driver.say('50');
      await new Promise((r) => setTimeout(r, 200));
      outage.end();
      const asked = () => svc!.connector.in(chat).filter((m) => cardText(m).includes('How many of them came out right'));
      await svc.connector.waitFor(() => asked().length > 0, 5_000);
      await new Promise((r) => setTimeout(r, 200));
      expect(asked()).toHaveLength(1);
      expect(driver.questionText()).toContain('How many of them came out right');
      await driver.say('6/10');
      await svc.connector.waitFor(() => driver.currentQuestion() && cardText(driver.currentQuestion()!).includes('What do the failures have in common'), 5_000);
    });
  }
});
