import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleText } from '../../helpers/fake-slack-api.js';
import { elementFor, elementsOf, SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { expectWithinSlackLimits } from './expect-within-slack-limits.js';
import { TICKET_ROUTER } from '../../helpers/interview-scenarios.js';
import { startSlackTestService, type SlackTestService } from '../../helpers/slack-service.js';
import { ALICE, BOB, CHANNEL, slashCommandBody } from '../../helpers/slack-requests.js';

const FORM = 'application/x-www-form-urlencoded';

describe('the Slack interview, end to end over HTTP', () => {
  let svc: SlackTestService;
  beforeEach(async () => {
    svc = await startSlackTestService();
  });
  afterEach(async () => {
    await svc.stop();
  });

  it('opens the interview in the channel and asks the first question in its thread', async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    const opening = svc.slack.channel(CHANNEL)[0]!;
    expect(visibleText(opening)).toContain(`<@${ALICE}> is sizing up: the support bot`);
    expect(driver.questionText()).toContain('What kind of task is it?');
    expect(driver.currentQuestion()!.threadTs).toBe(opening.ts);
  });

  it('posts the verdict with a code-block table and a text chart where Slack refuses its table and chart blocks', async () => {
    svc.slack.refusesDataBlocks = true;
    const driver = new SlackInterviewDriver(svc);
    await driver.start('route support tickets to 12 queues');
    const verdict = await driver.answerUntilVerdict(TICKET_ROUTER);
    expectWithinSlackLimits(verdict as never);
    const card = visibleText(verdict);
    expect(card).toContain('Verdict: Fine-tuning');
    expect(card).toMatch(/```\nPath +Per month +Total\n[- ]+\nPrompt \(today\) +\$/);
    expect(card).toMatch(/\*Cumulative cost \(US\$\)\*\n```\nMonth +Prompt +Switched/);
  });

  it('runs the whole interview with buttons, menus, a modal and typed replies, and posts one verdict card in the channel', async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('route support tickets to 12 queues');
    const verdict = await driver.answerUntilVerdict(TICKET_ROUTER);

    const card = visibleText(verdict);
    expect(card).toContain('Verdict: Fine-tuning');
    expect(card).toContain('60% right after 4 rounds of prompt improvement');
    expect(card).toContain('Source: Prompt engineering vs fine-tuning (decision guide), decision flowchart, step');
    expect(card).not.toContain('.txt');
    expect(card).toMatch(/Prompt \(today\)\*\nclaude-sonnet-4\.5, \$/);
    expect(card).toMatch(/Prompt, switched\*\nnova-pro, \$/);
    expect(card).toContain('Saving by cause');
    expect(card).toMatch(/Worth fixing\?/);
    expect(card).toContain('$34.56 once (nova-pro)');
    expect(card).toContain('none within 12 months');
    expect(verdict.text.length).toBeGreaterThan(0);
    expect(svc.slack.channel(CHANNEL).filter((m) => visibleText(m).includes('Verdict:'))).toHaveLength(1);

    // The thread reads as a record: each question card was replaced by its answer.
    const thread = driver.thread().map(visibleText).join('\n');
    expect(thread).toContain('Here is what I understood');
    expect(thread).toContain('What kind of task is it? Classification');
    expect(thread).toContain('How many of them came out right? 60%');
    expect(thread).toContain('How many calls a month? 1.5M calls a month');
    expect(thread).toContain('50k a day is 1.5M a month');
    expect(thread).toMatch(/The verdict is <https:\/\/fake\.slack\.test\/archives\/C0001\/p\d+\|in the channel>/);
    expect(driver.currentQuestion()).toBeUndefined();
  });

  it("lists the person's verdicts with /finetune-advisor history", async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('route support tickets to 12 queues');
    await driver.answerUntilVerdict(TICKET_ROUTER);
    await svc.post(slashCommandBody({ text: 'history', responseUrl: svc.responseUrl('history') }), FORM);
    const reply = await svc.slack.waitFor(() => svc.slack.responses.find((r) => r.id === 'history'));
    expect(reply.body.response_type).toBe('ephemeral');
    // A card: the typed task in it is shown as typed (issue 15).
    const shown = visibleText(reply.body as { text: string; blocks: unknown[] });
    expect(shown).toMatch(/2026-11-23 · Move to Amazon Nova Pro on Bedrock and fine-tune it: .* · route support tickets to 12 queues/);
    // The decision with its cost against the alternative, not the prompt's cost alone.
    expect(shown).toContain('Fine-tune nova-pro: $938/month after $5,635 up front vs prompting nova-pro $4,176/month (today, claude-sonnet-4.5: $15,750/month)');
  });

  it('answers help and an unknown subcommand with usage, privately', async () => {
    for (const [text, id] of [
      ['help', 'help'],
      ['histroy', 'typo'],
    ]) {
      await svc.post(slashCommandBody({ text, responseUrl: svc.responseUrl(id) }), FORM);
    }
    const help = await svc.slack.waitFor(() => svc.slack.responses.find((r) => r.id === 'help'));
    expect(String(help.body.text)).toContain('/finetune-advisor history');
    const typo = await svc.slack.waitFor(() => svc.slack.responses.find((r) => r.id === 'typo'));
    expect(String(typo.body.text)).toContain('"histroy" is not something I know');
    expect(svc.slack.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('moves the interview to a direct message when the bot is not in the channel, and says so', async () => {
    svc.slack.notMemberOf.add('C0PRIVATE');
    const driver = new SlackInterviewDriver(svc);
    await driver.start('our assistant', 'C0PRIVATE');
    expect(driver.channel).toBe(`D${ALICE}`);
    expect(driver.questionText()).toContain('What kind of task is it?');
    const note = await svc.slack.waitFor(() => svc.slack.responses.find((r) => String(r.body.text).includes('direct message')));
    expect(String(note.body.text)).toContain('/invite @finetune-advisor');
  });

  it('goes back, starts over with the earlier answers offered, and cancels', async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    await driver.answer({ choose: 'classification' });
    await driver.answer({ type: '20' });
    await driver.press('fta:back');
    expect(driver.questionText()).toContain('tested your best prompt');

    await driver.press('fta:start-over');
    expect(driver.questionText()).toContain('What kind of task is it?');
    expect(driver.questionText()).toContain('Keep: Classification');

    await driver.press('fta:cancel');
    expect(driver.currentQuestion()).toBeUndefined();
    expect(driver.thread().map(visibleText).join('\n')).toContain('Interview cancelled.');
  });

  it('replies in the thread when a typed answer is not understood, and keeps the question', async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    await driver.answer({ choose: 'classification' });
    await driver.type('quite a few');
    await driver.settle();
    const thread = driver.thread().map(visibleText).join('\n');
    expect(thread).toContain('I didn\'t understand "quite a few"');
    expect(driver.questionText()).toContain('tested your best prompt');
  });
});

describe('the verdict card in Slack', () => {
  let svc: SlackTestService;
  beforeEach(async () => {
    svc = await startSlackTestService();
  });
  afterEach(async () => {
    await svc.stop();
  });

  it('stays within every Block Kit limit for a long verdict, shortening instead of being refused', async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start(`route support tickets ${'with a very long description of every queue and rule '.repeat(55)}`.slice(0, 2900));
    const verdict = await driver.answerUntilVerdict(TICKET_ROUTER);
    expectWithinSlackLimits({ text: verdict.text, blocks: verdict.blocks as never });
    expect(visibleText(verdict)).toContain('Verdict: Fine-tuning');
    expect(elementsOf(verdict).map((e) => e.action_id)).toEqual(['fta:new-from-verdict:0', 'fta:try-other-numbers:1', 'fta:show-assumptions:2']);
  });

  it('shows every input and default behind the figures, privately, with Show assumptions', async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('route support tickets to 12 queues');
    const verdict = await driver.answerUntilVerdict(TICKET_ROUTER);
    const show = elementFor(verdict, 'fta:show-assumptions');
    await driver.click(verdict, { action_id: show.action_id, value: show.value! }, BOB);
    const shown = await svc.slack.waitFor(() => svc.slack.callsOf('chat.postEphemeral').find((c) => JSON.stringify(c.body.blocks).includes('Assumptions')));
    expect(shown.body.user).toBe(BOB);
    const text = visibleText({ text: String(shown.body.text), blocks: shown.body.blocks as unknown[] });
    expect(text).toContain('Engineering rate (US$ per hour)');
    expect(text).toContain('Calls per month');
    expect(text).toMatch(/\$3\.00 per 1M \(Claude Sonnet 4\.5 input, provider's page, as of 2026-11-27\)/);
  });

  /** An interview to its verdict, then Start over clicked on the card: the new interview's driver, on its thread. */
  async function startOverFromAVerdict() {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('route support tickets to 12 queues');
    const verdict = await driver.answerUntilVerdict(TICKET_ROUTER);
    const again = new SlackInterviewDriver(svc);
    const openings = svc.slack.channel(CHANNEL).length;
    const startOver = elementFor(verdict, 'fta:new-from-verdict');
    await again.click(verdict, { action_id: startOver.action_id, value: startOver.value! });
    const opening = await svc.slack.waitFor(() => svc.slack.channel(CHANNEL)[openings]);
    expect(visibleText(opening)).toContain('is sizing up: route support tickets to 12 queues');
    again.threadTs = opening.ts;
    await svc.slack.waitFor(() => again.currentQuestion());
    return { verdict, again };
  }

  it('starts over from a verdict with its answers kept: change a few from a list, then the verdict', async () => {
    const { verdict, again } = await startOverFromAVerdict();
    const review = again.questionText();
    expect(review).toContain('Change a few answers');
    expect(review).toMatch(/\d+\. How many calls a month\? 1\.5M/);
    // One change: the question comes back with the earlier answer to keep, and the list after it.
    await again.answer({ choose: 'monthlyCalls' });
    expect(again.questionText()).toContain('How many calls a month?');
    expect(again.questionText()).toContain('Keep: 1.5M');
    await again.answer({ type: '5M' });
    expect(again.questionText()).toMatch(/\d+\. How many calls a month\? 5M/);
    const before = svc.slack.channel(CHANNEL).length;
    await again.pressLabelled('Show the verdict');
    const second = await svc.slack.waitFor(() =>
      svc.slack
        .channel(CHANNEL)
        .slice(before)
        .find((m) => visibleText(m).includes('Verdict:')),
    );
    expect(visibleText(second)).toMatch(/Cost over 12 months[\s\S]*Prompt \(today\)/);
    // 5M calls a month: prompting today costs $630k over the year, against $189k at 1.5M.
    expect(JSON.stringify(second.blocks)).toContain('"$630k"');
    expect(JSON.stringify(verdict.blocks)).toContain('"$189k"');
  }, 20_000);

  it('walks every question again with Keep buttons from the list, when asked', async () => {
    const { again } = await startOverFromAVerdict();
    await again.pressLabelled('Walk every question');
    expect(again.questionText()).toContain('Keep: Classification');
    await again.pressLabelled('Keep: Classification');
    expect(again.questionText()).toContain('Keep: 50');
  }, 20_000);
});
