import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText } from '../../helpers/fake-bot-connector.js';
import { SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { TICKET_ROUTER } from '../../helpers/interview-scenarios.js';
import { postSigned } from '../../helpers/slack-requests.js';
import { quickTeamsVerdict, subscribe, thread } from '../../helpers/managers-thread.js';
import { channelPost, GENERAL, message, postActivity } from '../../helpers/teams-activities.js';
import { startTeamsTestService, TEAMS_TEST_DATE, TeamsInterviewDriver, type TeamsTestService } from '../../helpers/teams-service.js';

const OTHER_CHANNEL = '19:other-channel@thread.tacv2';

describe('verdict summaries in a Teams channel thread', () => {
  let svc: TeamsTestService;
  beforeEach(async () => {
    svc = await startTeamsTestService({ withSlack: true });
  });
  afterEach(async () => {
    await svc.stop();
  });

  it('starts a "Fine-tuning verdicts" thread on subscribe and posts a summary there of a verdict reached in Slack', async () => {
    await subscribe(svc);
    const root = svc.connector.messages.find((m) => m.conversationId === GENERAL)!;
    expect(cardText(root)).toContain('Fine-tuning verdicts');
    const slackDriver = new SlackInterviewDriver({
      ...svc,
      service: svc.service,
      slack: svc.slack!,
      responseUrl: (id = 'r') => `${svc.slack!.url}/respond/${id}`,
      post: (body: string, contentType: string) => postSigned(svc.service.url, body, contentType, { timestamp: Math.floor(TEAMS_TEST_DATE.getTime() / 1000) }),
    } as never);
    await slackDriver.start('route support tickets to 12 queues');
    await slackDriver.answerUntilVerdict(TICKET_ROUTER);
    const summary = await svc.connector.waitFor(() => svc.connector.in(thread(root.id))[0]);
    const text = cardText(summary);
    expect(text).toContain('Fine-tuning: route support tickets to 12 queues');
    expect(text).toContain('Asked by alice (Slack)');
    expect(text).toMatch(/Prompting a month \$15,750 \(claude-sonnet-4\.5\)/);
    expect(text).toMatch(/Fine-tuned a month \$938 \(nova-pro\)/);
    expect(text).toContain('Decision Fine-tune nova-pro: $938/month after $5,635 up front vs prompting nova-pro $4,176/month (today, claude-sonnet-4.5: $15,750/month)');
    expect(text).toContain('Break-even month 2');
    expect(text).toMatch(/Open the full verdict\]\(https:\/\/fake\.slack\.test\/archives\/C0001\/p\d+\)/);
  });

  it('posts summaries of Teams verdicts too, one per verdict, and lists and ends subscriptions', async () => {
    await subscribe(svc);
    await quickTeamsVerdict(svc);
    await quickTeamsVerdict(svc);
    const root = svc.connector.messages.find((m) => m.conversationId === GENERAL)!;
    const summaries = await svc.connector.waitFor(() => svc.connector.in(thread(root.id)).length === 2 && svc.connector.in(thread(root.id)));
    expect(cardText(summaries[0]!)).toContain('Asked by Bob Engineer (Teams)');
    expect(cardText(summaries[0]!)).toContain('Test the prompt first: the support bot');

    const where = channelPost(svc.connector.url);
    await postActivity(svc.service.url, message('subscriptions', where));
    expect(cardText(svc.connector.in(where.conversation!.id).at(-1)!)).toContain(`channel ${GENERAL} (this one), by Alice Manager on 2026-11-23`);
    await postActivity(svc.service.url, message('unsubscribe', where));
    expect(cardText(svc.connector.in(where.conversation!.id).at(-1)!)).toContain('Unsubscribed');
    await quickTeamsVerdict(svc);
    await new Promise((r) => setTimeout(r, 200));
    expect(svc.connector.in(thread(root.id))).toHaveLength(2);
  });

  it('explains subscribe outside a channel', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('subscribe');
    expect(cardText(driver.messages().at(-1)!)).toContain('`subscribe` works in a Teams channel');
  });

  it('starts a new thread when the old one was deleted, and still delivers', async () => {
    await subscribe(svc);
    const root = svc.connector.messages.find((m) => m.conversationId === GENERAL)!;
    svc.connector.failNext(new RegExp(`POST /v3/conversations/${thread(root.id).replace(/[.;:@]/g, '.')}/activities`), 404, 'ConversationNotFound');
    await quickTeamsVerdict(svc);
    await svc.connector.waitFor(() => svc.connector.created.length === 2);
    const newRoot = svc.connector.messages.filter((m) => m.conversationId === GENERAL).at(-1)!;
    const delivered = await svc.connector.waitFor(() => svc.connector.in(thread(newRoot.id))[0]);
    expect(cardText(delivered)).toContain('the support bot');
  });

  it('stops delivering to a team the bot was removed from, and keeps delivering to the others', async () => {
    await subscribe(svc, GENERAL);
    await subscribe(svc, OTHER_CHANNEL);
    const general = svc.connector.messages.find((m) => m.conversationId === GENERAL)!;
    const other = svc.connector.messages.find((m) => m.conversationId === OTHER_CHANNEL)!;
    svc.connector.failNext(new RegExp(`POST /v3/conversations/${GENERAL.replace(/[.;:@]/g, '.')};messageid`), 403, 'BotNotInConversationRoster');
    await quickTeamsVerdict(svc);
    await svc.connector.waitFor(() => svc.connector.in(thread(other.id, OTHER_CHANNEL))[0]);
    await quickTeamsVerdict(svc);
    await svc.connector.waitFor(() => svc.connector.in(thread(other.id, OTHER_CHANNEL)).length === 2);
    expect(svc.connector.in(thread(general.id))).toHaveLength(0);
    expect(svc.logs.join('\n')).toContain('could not deliver a verdict summary');
    const where = channelPost(svc.connector.url);
    await postActivity(svc.service.url, message('subscriptions', where));
    expect(cardText(svc.connector.in(where.conversation!.id).at(-1)!)).toContain('(inactive: I was removed from that team)');
  });

  it('delivers a summary once even when the service restarts before it could be sent', { timeout: 20_000 }, async () => {
    await subscribe(svc);
    const root = svc.connector.messages.find((m) => m.conversationId === GENERAL)!;
    const outage = svc.connector.outage(/POST \/v3\/conversations\/.*messageid=root/, 503, 'ServiceUnavailable');
    await quickTeamsVerdict(svc);
    await svc.connector.waitFor(() => svc.logs.some((l) => l.includes('could not deliver')), 10_000);
    expect(svc.connector.in(thread(root.id))).toHaveLength(0);
    outage.end();
    await svc.restart();
    const summaries = await svc.connector.waitFor(() => svc.connector.in(thread(root.id)).length > 0 && svc.connector.in(thread(root.id)));
    await svc.restart();
    await new Promise((r) => setTimeout(r, 200));
    expect(summaries).toHaveLength(1);
    expect(svc.connector.in(thread(root.id))).toHaveLength(1);
  });
});

describe('summaries waiting after a restart', () => {
  it('set aside a damaged verdict row: the service starts, answers /healthz, logs the damage and still sends the others', { timeout: 20_000 }, async () => {
    const svc = await startTeamsTestService();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      await subscribe(svc);
      const root = svc.connector.messages.find((m) => m.conversationId === GENERAL)!;
      const outage = svc.connector.outage(/POST \/v3\/conversations\/.*messageid=root/, 503, 'ServiceUnavailable');
      await quickTeamsVerdict(svc);
      await svc.connector.waitFor(() => svc.logs.some((l) => l.includes('could not deliver')), 10_000);
      outage.end();
      // A verdict whose stored JSON is damaged, waiting for its summary ahead of the good one.
      const db = new Database(svc.databasePath);
      const { id: subscriptionId } = db.prepare('SELECT id FROM teams_subscriptions').get() as { id: string };
      db.prepare(
        "INSERT INTO verdicts (id, conversation_id, platform, owner_id, owner_label, owner_name, task, data, link, created_at) VALUES ('v-damaged', 'c-damaged', 'teams', 'u1', 'alice', 'alice', 'a task', '{\"verdict\":', NULL, '2026-11-23T08:00:00.000Z')",
      ).run();
      db.prepare(
        "INSERT INTO summary_deliveries (verdict_id, subscription_id, status, attempts, last_error, created_at, updated_at) VALUES ('v-damaged', ?, 'pending', 0, NULL, '2026-11-23T08:00:00.000Z', '2026-11-23T08:00:00.000Z')",
      ).run(subscriptionId);
      db.close();
      await svc.restart();
      expect((await fetch(`${svc.service.url}/healthz`)).status).toBe(200);
      await svc.connector.waitFor(() => svc.connector.in(thread(root.id)).length === 1, 10_000);
      expect(svc.logs.join('\n')).toContain('verdict v-damaged is damaged in the database');
      const check = new Database(svc.databasePath, { readonly: true });
      expect(check.prepare("SELECT status FROM summary_deliveries WHERE verdict_id = 'v-damaged'").get()).toEqual({ status: 'failed' });
      check.close();
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      await svc.stop();
    }
  });

  it('cannot be sent when a subscription row is damaged, and the service says so in its log and keeps serving', async () => {
    const svc = await startTeamsTestService();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      await subscribe(svc);
      const db = new Database(svc.databasePath);
      db.prepare('UPDATE teams_addresses SET data = \'{"serviceUrl":\'').run();
      db.close();
      await svc.restart();
      await svc.connector.waitFor(() => svc.logs.some((l) => l.includes('sending the summaries left from before the start failed')));
      expect(svc.logs.join('\n')).toContain('is damaged in the database');
      expect((await fetch(`${svc.service.url}/healthz`)).status).toBe(200);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      await svc.stop();
    }
  });

  it('go into one thread per channel, started once, when several verdicts wait for a channel with no thread yet', { timeout: 20_000 }, async () => {
    const svc = await startTeamsTestService();
    try {
      await subscribe(svc);
      // After the restart the thread turns out to be deleted: one new thread must take both summaries.
      const root = svc.connector.messages.find((m) => m.conversationId === GENERAL)!;
      // Posting into the thread fails for a while: both summaries stay pending.
      const outage = svc.connector.outage(/POST \/v3\/conversations\/19:general-ml@thread\.tacv2;messageid=root/, 503, 'ServiceUnavailable');
      await quickTeamsVerdict(svc);
      await quickTeamsVerdict(svc);
      await svc.connector.waitFor(() => svc.logs.filter((l) => l.includes('could not deliver')).length >= 2, 15_000);
      outage.end();
      svc.connector.failNext(new RegExp(`POST /v3/conversations/${thread(root.id).replace(/[.;:@]/g, '.')}/activities`), 404, 'ConversationNotFound');
      const createdBefore = svc.connector.created.length;
      await svc.restart();
      await svc.connector.waitFor(() => svc.connector.messages.filter((m) => m.conversationId.includes(';messageid=root') && m.conversationId !== thread(root.id)).length === 2, 10_000);
      expect(svc.connector.created.length - createdBefore).toBe(1);
    } finally {
      await svc.stop();
    }
  });
});
