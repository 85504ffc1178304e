import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText } from '../../helpers/fake-bot-connector.js';
import { expectValidTeamsCard } from './expect-valid-teams-card.js';
import { BOB, installed, message, postActivity } from '../../helpers/teams-activities.js';
import { TICKET_ROUTER } from '../../helpers/interview-scenarios.js';
import { actionsOf, startTeamsTestService, TeamsInterviewDriver, type TeamsTestService } from '../../helpers/teams-service.js';

describe('the Teams interview, end to end over HTTP (local mode)', () => {
  let svc: TeamsTestService;
  beforeEach(async () => {
    svc = await startTeamsTestService();
  });
  afterEach(async () => {
    await svc.stop();
  });

  it('greets a person who installs the app, with the commands', async () => {
    const res = await postActivity(svc.service.url, installed({ serviceUrl: svc.connector.url }));
    expect(res.status).toBe(200);
    expect(cardText(svc.connector.messages.at(-1)!)).toContain('`start` or `finetune-advisor <your task>` starts an interview');
  });

  it('runs the whole interview with buttons, menus, text inputs and typed replies, and posts the verdict card', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('finetune-advisor route support tickets to 12 queues');
    // The task kind and the 12 categories were read from the sentence: testing comes first.
    expect(driver.questionText()).toContain('tested your best prompt');
    const verdict = await driver.answerUntilVerdict(TICKET_ROUTER);
    const text = cardText(verdict);
    expect(text).toContain('Verdict: Fine-tuning');
    expect(text).toContain('60% right after 4 rounds of prompt improvement');
    expect(text).toContain('Source: Prompt engineering vs fine-tuning (decision guide), decision flowchart, step');
    expect(text).not.toContain('.txt');
    expect(JSON.stringify(verdict.activity.attachments)).toContain('"type":"Table"');
    expect(JSON.stringify(verdict.activity.attachments)).toContain('"type":"Chart.Line"');
    expect(Buffer.byteLength(JSON.stringify(verdict.activity.attachments![0]!.content))).toBeLessThan(28_000);
    // Every card the bot sent, as Teams received it, passes the Adaptive Cards 1.5 checks.
    for (const sent of driver.messages()) for (const a of sent.activity.attachments ?? []) expectValidTeamsCard(a.content as never);
    // Every answered card was replaced for everyone, so the chat reads as a record.
    const answered = driver
      .messages()
      .filter((m) => m.updated)
      .map(cardText);
    expect(answered.join('\n')).toContain('How many of them came out right? 60%');
    expect(driver.currentQuestion()).toBeUndefined();
  });

  it('lists a fine-tune verdict in history with the fine-tuning cost against the alternative', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('finetune-advisor route support tickets to 12 queues');
    await driver.answerUntilVerdict(TICKET_ROUTER);
    await driver.say('history');
    const listed = cardText(driver.messages().at(-1)!);
    expect(listed).toContain('Your last verdicts');
    expect(listed).toContain('Fine-tune nova-pro: $938/month after $5,635 up front vs prompting nova-pro $4,176/month (today, claude-sonnet-4.5: $15,750/month)');
  });

  it('answers an Action.Execute click with the answered card, and replaces the clicked card for everyone', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('start');
    const question = driver.currentQuestion()!;
    const res = await driver.answer({ choose: 'classification' });
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify((res.body as { value: unknown }).value)).toContain('Classification');
    expect(svc.connector.messages.find((m) => m.id === question.id)!.updated).toBe(true);
    expect(driver.questionText()).toContain('tested your best prompt');
  });

  it('takes the Action.Submit fallback of older clients the same way', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('start');
    await driver.answer({ choose: 'extraction' }, { via: 'submit' });
    expect(driver.questionText()).toContain('tested your best prompt');
    expect(
      driver
        .messages()
        .filter((m) => m.updated)
        .map(cardText)
        .join(),
    ).toContain('Extraction');
  });

  it('changes nothing twice when the same invoke is delivered twice or a button is double-clicked', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('start');
    const question = driver.currentQuestion()!;
    const select = driver.action(question, 'answer');
    const invoke = { ...select.data, fta_choice: 'classification' };
    const first = await driver.click(question, invoke);
    const again = await driver.click(question, invoke);
    expect(first.body).toMatchObject({ statusCode: 200 });
    expect(again.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('out of date') });
    expect(driver.messages().filter((m) => cardText(m).includes('tested your best prompt'))).toHaveLength(1);
  });

  it("keeps one person's interview from another's clicks in a shared chat", async () => {
    const driver = new TeamsInterviewDriver(svc, undefined, '19:groupchat-ml@thread.v2');
    await postActivity(svc.service.url, { ...message('start', { serviceUrl: svc.connector.url, conversation: { id: driver.conversationId, conversationType: 'groupChat' } }) });
    const question = driver.currentQuestion()!;
    const res = await driver.click(question, { ...driver.action(question, 'answer').data, fta_choice: 'extraction' }, { person: BOB });
    expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('only they can answer it') });
    expect(driver.questionText()).toContain('What kind of task is it?');
  });

  it('says what it did not understand when a typed answer does not parse, and keeps the question', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('start');
    await driver.answer({ choose: 'classification' });
    await driver.say('a handful');
    expect(driver.messages().map(cardText).join('\n')).toContain('I didn\'t understand "a handful"');
    expect(driver.questionText()).toContain('tested your best prompt');
  });

  it('answers help, history and unknown text in words', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('help');
    await driver.say('history');
    await driver.say('what is this');
    const said = driver.messages().map(cardText).join('\n');
    expect(said).toContain('`subscribe` posts every verdict');
    expect(said).toContain('You have no verdicts yet');
    expect(said).toContain("I didn't catch that. Type `start`");
  });

  it('goes back and cancels from the card', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('start');
    await driver.answer({ choose: 'classification' });
    const q = driver.currentQuestion()!;
    await driver.click(q, driver.action(q, 'back').data);
    expect(driver.questionText()).toContain('What kind of task is it?');
    const again = driver.currentQuestion()!;
    await driver.click(again, driver.action(again, 'cancel').data);
    expect(driver.currentQuestion()).toBeUndefined();
    expect(actionsOf(driver.messages().at(-1)!)).toEqual([]);
  });
});

describe('starting a Teams interview with a sentence', () => {
  let svc: TeamsTestService;
  beforeEach(async () => {
    svc = await startTeamsTestService();
  });
  afterEach(async () => {
    await svc.stop();
  });

  it('shows what it understood with a Change button each, and asks an answer again on Change', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('finetune-advisor we classify 50k support tickets a day into 12 categories with a 3k-token prompt on gpt-4.1, about 70% right after 4 tries, we have 2,000 labelled tickets');
    const understood = driver.messages().find((m) => cardText(m).includes('Here is what I understood'))!;
    expect(cardText(understood)).toContain('How many calls a month? 1.5M calls a month');
    expect(driver.questionText()).toContain('tested your best prompt');
    const change = actionsOf(understood).find((a) => a.data.fta === 'change' && String(a.data.payload).includes('"q":"categories"'))!;
    expect(change.title).toBe('Change 6');
    await driver.click(understood, change.data);
    expect(driver.questionText()).toContain('How many categories does the classifier choose from?');
    await driver.answer({ form: '8' });
    expect(
      driver
        .messages()
        .filter((m) => m.updated)
        .map(cardText)
        .join('\n'),
    ).toContain('How many categories does the classifier choose from? 8');
    expect(driver.questionText()).toContain('tested your best prompt');
  });
});
