import { describe, expect, it } from 'vitest';
import { cardText } from '../../helpers/fake-bot-connector.js';
import { visibleText } from '../../helpers/fake-slack-api.js';
import { SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { stopAfterEach } from '../../helpers/stop-after-each.js';
import { startSlackTestService } from '../../helpers/slack-service.js';
import { startTeamsTestService, TeamsInterviewDriver } from '../../helpers/teams-service.js';

/** Question cards still carrying buttons: only the one on the table may. */
const liveButtons = (texts: string[]) => texts.filter((t) => t.includes('Cancel'));

describe('fast type-ahead: every answer recorded, the thread in order', () => {
  const started = stopAfterEach();

  it('keeps a Slack thread in order when "20" and "7/10" are typed at once', async () => {
    const slack = started(await startSlackTestService());
    const driver = new SlackInterviewDriver(slack);
    await driver.start('the support bot');
    await driver.answer({ choose: 'classification' });
    await Promise.all([driver.type('20'), driver.type('7/10')]);
    await driver.settle(200);
    const thread = driver.thread().map(visibleText);
    const firstLines = thread.map((t) => t.replace(/\*/g, '').split('\n')[0]);
    expect(firstLines).toEqual([
      'Question 1 What kind of task is it? Classification',
      'Question 2 On how many real examples have you tested your best prompt? 20',
      'Question 3 How many of them came out right? 70%',
      'Question 4',
    ]);
    expect(liveButtons(thread)).toHaveLength(1);
  });

  it('keeps a Teams chat in order when two answers are typed at once', async () => {
    const teams = started(await startTeamsTestService());
    const driver = new TeamsInterviewDriver(teams);
    await driver.say('finetune-advisor the support bot');
    await driver.answer({ choose: 'classification' });
    await Promise.all([driver.say('20'), driver.say('7/10')]);
    const all = teams.connector.messages.map(cardText).join('\n');
    expect(all).toMatch(/On how many real examples[^\n]*20/);
    expect(all).toContain('How many of them came out right? 70%');
    expect(driver.questionText()).toContain('What do the failures have in common?');
  });
});
