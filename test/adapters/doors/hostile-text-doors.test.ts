import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS } from '../../fixtures/hostile-texts.js';
import { runCliWith } from '../../helpers/cli.js';
import { TICKET_ROUTER, type HowToAnswer } from '../../helpers/interview-scenarios.js';
import { slackProblems, teamsProblems, terminalProblems } from '../../helpers/hostile-text-checks.js';
import { SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { ALICE, slashCommandBody } from '../../helpers/slack-requests.js';
import { startSlackTestService, type SlackTestService } from '../../helpers/slack-service.js';
import { subscribe } from '../../helpers/managers-thread.js';
import { TeamsInterviewDriver, startTeamsTestService, type TeamsTestService } from '../../helpers/teams-service.js';
import type { Person } from '../../helpers/teams-activities.js';

const FORM = 'application/x-www-form-urlencoded';

/** The other-model answer with a hostile name: it reaches the answered card, the verdict, history and summaries. */
const otherModelAnswer = (name: string) =>
  `${
    name
      .replace(/[\r\n,$]/g, ' ')
      .slice(0, 90)
      .trim() || 'x'
  }, $0.60 in, $0.80 out`;

/** The ticket router's interview, its model "another model" named by the hostile text: a verdict whatever the task. */
const withOtherModel = (name: string): [RegExp, HowToAnswer][] =>
  TICKET_ROUTER.flatMap(([prompt, how]): [RegExp, HowToAnswer][] =>
    /Which model do you prompt today/.test(prompt.source)
      ? [
          [prompt, { choose: 'other' }],
          [/Which model, and what does it cost/, { type: otherModelAnswer(name) }],
        ]
      : [[prompt, how]],
  );

/** What Slack sends for typed text: `&`, `<` and `>` escaped (a real mention or link arrives live: the corpus has those too). */
const asSlackSends = (text: string) => text.replace(/&(?!lt;|gt;|amp;)/g, '&amp;');

describe('hostile texts through the Slack door: slash command, typed replies, verdict, history (issue 15)', () => {
  let svc: SlackTestService;
  beforeAll(async () => {
    svc = await startSlackTestService();
  });
  afterAll(() => svc.stop());

  it('starts an interview for each text and sends Slack nothing live', async () => {
    for (const [i, text] of HOSTILE_TEXTS.entries()) {
      const before = svc.slack.calls.length;
      const res = await svc.post(slashCommandBody({ text: asSlackSends(text), channelId: `C0H${i}`, responseUrl: svc.responseUrl(`h${i}`) }), FORM);
      expect(res.status).toBe(200);
      // An interview starts in the channel, or (one word that is no subcommand) the person is answered privately.
      await svc.slack.waitFor(() => svc.slack.calls.slice(before).some((c) => c.method === 'chat.postMessage') || svc.slack.responses.some((r) => r.id === `h${i}`));
      await new SlackInterviewDriver(svc).settle(30);
    }
    const problems = [...svc.slack.calls.map((c) => c.body), ...svc.slack.responses.map((r) => r.body)].flatMap(slackProblems);
    expect(problems).toEqual([]);
    expect(svc.slack.calls.filter((c) => c.method === 'chat.postMessage' && JSON.stringify(c.body).includes('is sizing up')).length).toBeGreaterThanOrEqual(HOSTILE_TEXTS.length - 1);
  }, 120_000);

  it('takes each text as a typed reply, then a hostile model name to the verdict and history, and sends nothing live', async () => {
    const driver = new SlackInterviewDriver(svc, ALICE);
    await driver.start('route <@U0VICTIM1> tickets', 'C0TYPED');
    const before = svc.slack.calls.length;
    for (const text of HOSTILE_TEXTS) await driver.type(asSlackSends(text));
    await driver.settle(30);
    await driver.answerUntilVerdict(withOtherModel('[Open the verdict](http://evil.example/md-phish) <!channel> *boldX*'));
    await svc.post(slashCommandBody({ text: 'history', channelId: 'C0TYPED', responseUrl: svc.responseUrl('history') }), FORM);
    await svc.slack.waitFor(() => svc.slack.responses.find((r) => r.id === 'history'));
    const problems = [...svc.slack.calls.slice(before).map((c) => c.body), ...svc.slack.responses.map((r) => r.body)].flatMap(slackProblems);
    expect(problems).toEqual([]);
    expect(JSON.stringify(svc.slack.responses.find((r) => r.id === 'history')!.body)).toContain('route &lt;@U0VICTIM1&gt; tickets');
  }, 120_000);
});

describe("hostile texts through the Teams door: messages, verdict, managers' summary (issue 15)", () => {
  let svc: TeamsTestService;
  beforeAll(async () => {
    svc = await startTeamsTestService();
  });
  afterAll(() => svc.stop());

  it('starts an interview for each text, a hostile display name too, and sends the Bot Connector nothing live', async () => {
    for (const [i, text] of HOSTILE_TEXTS.entries()) {
      const person: Person = { id: `29:hostile-${i}`, name: text.slice(0, 200), aadObjectId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}` };
      const driver = new TeamsInterviewDriver(svc, person);
      const res = await driver.say(`start ${text}`);
      expect(res.status).toBe(200);
    }
    const problems = svc.connector.messages.flatMap((m) => teamsProblems(m.activity));
    expect(problems).toEqual([]);
    expect(new Set(svc.connector.messages.map((m) => m.conversationId)).size).toBe(HOSTILE_TEXTS.length);
  }, 120_000);

  it("carries a hostile task and model name to the verdict and the managers' summary without a live link", async () => {
    await subscribe(svc);
    const person: Person = { id: '29:mallory', name: '[Mallory](http://evil.example/md-phish)', aadObjectId: '33333333-0000-0000-0000-000000000333' };
    const driver = new TeamsInterviewDriver(svc, person);
    const before = svc.connector.messages.length;
    await driver.say('start [Open the verdict](http://evil.example/md-phish) ![imgX](http://evil.example/p.png) <at>Everyone</at>');
    await driver.answerUntilVerdict(withOtherModel('[Open](http://evil.example/md-phish) **boldX**'));
    await driver.say('history');
    await svc.connector.waitFor(() => svc.connector.messages.slice(before).find((m) => JSON.stringify(m.activity).includes('Mallory') && m.conversationId.includes('messageid')));
    const problems = svc.connector.messages.slice(before).flatMap((m) => teamsProblems(m.activity));
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('hostile texts through the terminal (issue 15)', () => {
  it.each(HOSTILE_TEXTS.map((t, i) => [i, t]))('text %i: printed without control characters or direction marks', async (_i, text) => {
    const lines = ['classification', '50', '6/10', 'format', '4', 'other', otherModelAnswer(text), '3k', '400', '20', '50k/day', '', '', '', '12', '2,000', '', 'yes', 'no', ''];
    const run = await runCliWith(['advise', text.replace(/[\r\n]/g, ' ')], { lines });
    expect(terminalProblems(run.stdout)).toEqual([]);
  });
});
