import { describe, expect, it } from 'vitest';
import { cardText } from '../../helpers/fake-bot-connector.js';
import { visibleText } from '../../helpers/fake-slack-api.js';
import { runCliWith } from '../../helpers/cli.js';
import { SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { stopAfterEach } from '../../helpers/stop-after-each.js';
import { startSlackTestService } from '../../helpers/slack-service.js';
import { BOB, message, postActivity } from '../../helpers/teams-activities.js';
import { startTeamsTestService, TeamsInterviewDriver } from '../../helpers/teams-service.js';

const FORM = 'application/x-www-form-urlencoded';

describe('typed commands and de-duplication keys, the same on every door', () => {
  const started = stopAfterEach();

  it('goes back and cancels when "back" and "cancel" are typed in a Slack thread', async () => {
    const slack = started(await startSlackTestService());
    const driver = new SlackInterviewDriver(slack);
    await driver.start('the support bot');
    await driver.answer({ choose: 'classification' });
    await driver.answer({ type: '20' });
    expect(driver.questionText()).toContain('How many of them came out right?');
    await driver.type('back');
    await driver.settle();
    expect(driver.questionText()).toContain('tested your best prompt');
    await driver.type('cancel');
    await driver.settle();
    const thread = driver.thread().map(visibleText).join('\n');
    expect(thread).toContain('Interview cancelled.');
    expect(thread).not.toContain('Type a number like');
    expect(driver.currentQuestion()).toBeUndefined();
  });

  it('goes back and cancels when "back" and "cancel" are typed in a Teams chat', async () => {
    const teams = started(await startTeamsTestService());
    const driver = new TeamsInterviewDriver(teams);
    await driver.say('finetune-advisor the support bot');
    await driver.answer({ choose: 'classification' });
    await driver.answer({ type: '20' });
    expect(driver.questionText()).toContain('How many of them came out right?');
    await driver.say('back');
    expect(driver.questionText()).toContain('tested your best prompt');
    await driver.say('cancel');
    const all = teams.connector.messages.map(cardText).join('\n');
    expect(all).toContain('Interview cancelled.');
  });

  it('goes back and cancels when "back" and "cancel" are typed in the terminal', async () => {
    const run = await runCliWith(['advise'], { lines: ['', 'classification', '20', 'back', '30', 'cancel'] });
    expect(run.stdout).toContain('Went back');
    expect(run.stdout).toContain('Interview cancelled.');
  });

  it('takes a Slack form answer corrected after an error', async () => {
    const slack = started(await startSlackTestService());
    const driver = new SlackInterviewDriver(slack);
    await driver.start('the support bot');
    await driver.answer({ choose: 'classification' });
    await driver.answer({ type: '20' });
    const question = driver.currentQuestion()!;
    const wrong = await driver.submitModal(question, 'most of them');
    expect(wrong.status).toBe(200);
    expect(wrong.text).toContain("I didn't understand");
    // The person fixes the same form (same view) and submits it again.
    const views = slack.slack.callsOf('views.open');
    const { private_metadata: metadata } = views.at(-1)!.body.view as { private_metadata: string };
    const { viewSubmissionBody } = await import('../../helpers/slack-requests.js');
    const fixed = await slack.post(viewSubmissionBody({ userId: driver.userId, viewId: `V${views.length - 1}`, privateMetadata: metadata, value: '8/10' }), FORM);
    expect(fixed.status).toBe(200);
    await driver.settle();
    expect(driver.thread().map(visibleText).join('\n')).toContain('How many of them came out right? 80%');
  });

  it('starts both interviews when two Teams chats send messages with the same activity id', async () => {
    const teams = started(await startTeamsTestService());
    const where = (from: typeof BOB, id: string) => ({ serviceUrl: teams.connector.url, from, conversation: { id, conversationType: 'personal' as const } });
    const alice = { ...message('start the support bot', where({ id: '29:alice', name: 'Alice' } as typeof BOB, 'a:chat-alice')), id: '1700000000001' };
    const bob = { ...message('start the billing bot', where(BOB, 'a:chat-bob')), id: '1700000000001' };
    expect((await postActivity(teams.service.url, alice)).status).toBe(200);
    expect((await postActivity(teams.service.url, bob)).status).toBe(200);
    const opened = teams.connector.messages.filter((m) => cardText(m).includes('What kind of task is it?'));
    expect(opened.map((m) => m.conversationId)).toEqual(expect.arrayContaining(['a:chat-alice', 'a:chat-bob']));
  });
});
