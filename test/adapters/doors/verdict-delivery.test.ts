import { afterEach, describe, expect, it } from 'vitest';
import { cardText } from '../../helpers/fake-bot-connector.js';
import { visibleText } from '../../helpers/fake-slack-api.js';
import { TICKET_ROUTER } from '../../helpers/interview-scenarios.js';
import { SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { postSigned } from '../../helpers/slack-requests.js';
import { ALICE, channelPost, GENERAL, message, postActivity } from '../../helpers/teams-activities.js';
import { startTeamsTestService, TEAMS_TEST_DATE, type TeamsTestService } from '../../helpers/teams-service.js';

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

  it('still sends the managers\' summary once, after a restart, when the verdict could not be posted in Slack', async () => {
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

    await svc.restart();
    const summaries = await svc.connector.waitFor(() => svc!.connector.in(threadOf(root.id)).length > 0 && svc!.connector.in(threadOf(root.id)));
    expect(summaries).toHaveLength(1);
    expect(cardText(summaries[0]!)).toContain('Fine-tuning: route support tickets to 12 queues');
    // A second restart sends nothing again.
    await svc.restart();
    await new Promise((r) => setTimeout(r, 200));
    expect(svc.connector.in(threadOf(root.id))).toHaveLength(1);
  });
});
