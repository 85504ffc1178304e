import { afterEach, describe, expect, it } from 'vitest';
import { runCliWith } from '../../helpers/cli.js';
import { cardText } from '../../helpers/fake-bot-connector.js';
import { visibleText } from '../../helpers/fake-slack-api.js';
import { TICKET_ROUTER } from '../../helpers/interview-scenarios.js';
import { SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { postSigned } from '../../helpers/slack-requests.js';
import { ALICE, BOB, channelPost, GENERAL, message, postActivity } from '../../helpers/teams-activities.js';
import { startTeamsTestService, TEAMS_TEST_DATE, TeamsInterviewDriver, type TeamsTestService } from '../../helpers/teams-service.js';

const threadOf = (root: string) => `${GENERAL};messageid=${root}`;

/** A Slack interview driven through the Teams test service (which also runs Slack). */
function slackDriverOn(svc: TeamsTestService): SlackInterviewDriver {
  return new SlackInterviewDriver({
    ...svc,
    service: svc.service,
    slack: svc.slack!,
    responseUrl: (id = 'r') => `${svc.slack!.url}/respond/${id}`,
    post: (body: string, contentType: string) => postSigned(svc.service.url, body, contentType, { timestamp: Math.floor(TEAMS_TEST_DATE.getTime() / 1000) }),
  } as never);
}

describe('a verdict and its summaries are never lost to a failed post', () => {
  let svc: TeamsTestService | null = null;
  afterEach(async () => {
    await svc?.stop();
    svc = null;
  });

  it("still sends the managers' summary once, after a restart, when the verdict could not be posted in Slack", async () => {
    svc = await startTeamsTestService({ withSlack: true });
    const subscribed = await postActivity(svc.service.url, message('subscribe', channelPost(svc.connector.url, ALICE)));
    expect(subscribed.status).toBe(200);
    const root = await svc.connector.waitFor(() => svc!.connector.messages.find((m) => m.conversationId === GENERAL));
    const driver = slackDriverOn(svc);
    await driver.start('route support tickets to 12 queues');
    const lastQuestion = /tell the failing cases apart/;
    for (let i = 0; i < 30 && !lastQuestion.test(driver.questionText()); i++) {
      const [, how] = TICKET_ROUTER.find(([p]) => p.test(driver.questionText()))!;
      await driver.answer(how);
    }
    // Slack refuses the verdict card (and nothing else): the turn is saved, the post fails.
    svc.slack!.failNext('chat.postMessage', { error: 'channel_not_found' });
    await driver.type('no');
    await driver.settle(200);
    expect(svc.slack!.channel(driver.channel).filter((m) => visibleText(m).includes('Verdict:'))).toHaveLength(0);

    // `finetune-advisor outbox` shows what is waiting.
    const waiting = await runCliWith(['outbox', '--database', svc.databasePath]);
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toMatch(/Verdict cards not yet posted \(1\)/);
    expect(waiting.stdout).toMatch(/slack:T0001:C0001:[\d.]+#\d+\s+(Platform: )?slack/);

    // The summary does not wait for the card: it was queued with the verdict.
    const summaries = await svc.connector.waitFor(() => svc!.connector.in(threadOf(root.id)).length > 0 && svc!.connector.in(threadOf(root.id)));
    expect(summaries).toHaveLength(1);
    expect(cardText(summaries[0]!)).toContain('Fine-tuning: route support tickets to 12 queues');

    // Slack is back: after a restart the verdict card is posted, once, and no summary is sent twice.
    await svc.restart();
    const verdicts = () => svc!.slack!.channel(driver.channel).filter((m) => visibleText(m).includes('Verdict:'));
    await svc.slack!.waitFor(() => verdicts().length > 0);
    await svc.restart();
    await new Promise((r) => setTimeout(r, 300));
    expect(verdicts()).toHaveLength(1);
    expect(verdicts()[0]!.metadata?.event_type).toBe('finetune_advisor_verdict');
    expect((await runCliWith(['outbox', '--database', svc.databasePath])).stdout).toContain('nothing: every verdict card is up, every message and summary sent');
    expect(svc.connector.in(threadOf(root.id))).toHaveLength(1);
  }, 20_000);

  it('posts a verdict once when Slack posted it but the answer was lost (a crash between the post and its record)', async () => {
    svc = await startTeamsTestService({ withSlack: true });
    const driver = slackDriverOn(svc);
    await driver.start('route support tickets to 12 queues');
    const lastQuestion = /tell the failing cases apart/;
    for (let i = 0; i < 30 && !lastQuestion.test(driver.questionText()); i++) {
      const [, how] = TICKET_ROUTER.find(([p]) => p.test(driver.questionText()))!;
      await driver.answer(how);
    }
    // Slack takes the card, but the answer never comes back (as if the process died right after).
    svc.slack!.failNext('chat.postMessage', { error: 'internal_error', afterDelivery: true });
    await driver.type('no');
    await driver.settle(200);
    const verdicts = () => svc!.slack!.channel(driver.channel).filter((m) => visibleText(m).includes('Verdict:'));
    expect(verdicts()).toHaveLength(1);
    await svc.restart();
    await new Promise((r) => setTimeout(r, 300));
    // Found by its metadata in the channel: recorded as posted, not posted again; the thread's note that it is up, once.
    expect(verdicts()).toHaveLength(1);
    expect(svc.slack!.callsOf('conversations.history').length).toBeGreaterThan(0);
    expect(driver.thread().filter((m) => visibleText(m).includes('The verdict is'))).toHaveLength(1);
  });
});

describe('a Teams verdict whose card could not be sent', () => {
  let svc: TeamsTestService | null = null;
  afterEach(async () => {
    await svc?.stop();
    svc = null;
  });

  it('is posted into its chat once the Bot Connector is back, after a restart, and no longer listed by outbox', { timeout: 30_000 }, async () => {
    svc = await startTeamsTestService();
    const driver = new TeamsInterviewDriver(svc, BOB);
    await driver.say('finetune-advisor the support bot');
    await driver.answer({ choose: 'classification' });
    // The connector refuses posts to this chat while the verdict goes out: the turn is saved, the card is not.
    const chat = `a:personal-${BOB.id}`;
    const outage = svc.connector.outage(new RegExp(`POST /v3/conversations/${chat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/activities`), 502, 'BadGateway');
    await driver.say('5');
    outage.end();
    const verdicts = () => svc!.connector.in(chat).filter((m) => cardText(m).includes('Verdict:'));
    expect(verdicts()).toHaveLength(0);
    expect((await runCliWith(['outbox', '--database', svc.databasePath])).stdout).toMatch(/Verdict cards not yet posted \(1\)/);

    await svc.restart();
    await svc.connector.waitFor(() => verdicts().length > 0);
    await svc.restart();
    await new Promise((r) => setTimeout(r, 300));
    expect(verdicts()).toHaveLength(1);
    expect(cardText(verdicts()[0]!)).toContain('Verdict: Test the prompt first');
    expect((await runCliWith(['outbox', '--database', svc.databasePath])).stdout).toContain('nothing: every verdict card is up');
  });
});
