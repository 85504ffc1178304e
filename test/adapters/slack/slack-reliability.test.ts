import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleText } from '../../helpers/fake-slack-api.js';
import { elementFor, SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { SLACK_TEST_DATE, startSlackTestService, type SlackTestService } from '../../helpers/slack-service.js';
import { BOB, slashCommandBody } from '../../helpers/slack-requests.js';
import { TICKET_ROUTER } from '../../helpers/interview-scenarios.js';

const FORM = 'application/x-www-form-urlencoded';

describe('the Slack endpoint under bad requests, retries and failures', () => {
  let svc: SlackTestService;
  beforeEach(async () => {
    svc = await startSlackTestService();
  });
  afterEach(async () => {
    await svc.stop();
  });

  const command = () => slashCommandBody({ text: 'the support bot', responseUrl: svc.responseUrl() });

  it('refuses a bad or missing signature, and a timestamp older than 5 minutes, with 401 and changes nothing', async () => {
    const badSignature = await svc.post(command(), FORM, { secret: 'not-the-secret' });
    const noSignature = await svc.post(command(), FORM, { signature: null });
    const old = await svc.post(command(), FORM, { timestamp: Math.floor(SLACK_TEST_DATE.getTime() / 1000) - 6 * 60 });
    expect([badSignature.status, noSignature.status, old.status]).toEqual([401, 401, 401]);
    await new Promise((r) => setTimeout(r, 100));
    expect(svc.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it("answers Slack's unsigned SSL check with 200 and lets nothing else in it through", async () => {
    const check = await svc.post(`ssl_check=1&${command()}`, FORM, { signature: null });
    expect(check.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(svc.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('answers malformed payloads with a 4xx and stays up', async () => {
    const notJson = await svc.post('payload=%7Bnot-json', FORM);
    const emptyJson = await svc.post('{', 'application/json');
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
    expect(emptyJson.status).toBeGreaterThanOrEqual(400);
    expect(emptyJson.status).toBeLessThan(500);
    const health = await fetch(`${svc.service.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', platforms: { slack: 'http', teams: false } });
  });

  it('takes a double click on the same answer once: one answered card, one next question', async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    const question = driver.currentQuestion()!;
    const select = elementFor(question, 'fta:answer');
    const click = { action_id: select.action_id, block_id: select.blockId, selected: 'classification' };
    await Promise.all([driver.click(question, click), driver.click(question, click)]);
    await driver.settle();
    const asked = driver.thread().filter((m) => visibleText(m).includes('tested your best prompt'));
    expect(asked).toHaveLength(1);
    expect(svc.slack.callsOf('chat.update')).toHaveLength(1);
    expect(svc.slack.callsOf('chat.postEphemeral').map((c) => String(c.body.text))).toEqual([expect.stringContaining('Already moved on')]);
  });

  it('changes nothing when Slack retries a typed reply (same event id)', async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    await driver.answer({ choose: 'classification' });
    await driver.type('20', { eventId: 'Ev0RETRIED' });
    await driver.settle();
    await driver.type('20', { eventId: 'Ev0RETRIED', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await driver.settle();
    expect(driver.questionText()).toContain('How many of them came out right?');
    expect(driver.thread().filter((m) => visibleText(m).includes('How many of them came out right?'))).toHaveLength(1);
  });

  it('posts one verdict card when the last answer is clicked twice', async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('route support tickets to 12 queues');
    const lastQuestion = /tell the failing cases apart/;
    const allButLast = TICKET_ROUTER.filter(([p]) => p.source !== lastQuestion.source);
    for (let i = 0; i < 30 && !lastQuestion.test(driver.questionText()); i++) {
      const match = allButLast.find(([p]) => p.test(driver.questionText()))!;
      await driver.answer(match[1]);
    }
    const last = driver.currentQuestion()!;
    const no = last.blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as { action_id: string; value: string }[])
      .find((e) => e.value?.includes('"a":"no"'))!;
    await Promise.all([driver.click(last, no), driver.click(last, no)]);
    await driver.settle();
    expect(svc.slack.channel(driver.channel).filter((m) => visibleText(m).includes('Verdict:'))).toHaveLength(1);
  });

  it('resumes an interview after a restart, from the card posted before it', async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    await driver.answer({ choose: 'classification' });
    await driver.answer({ type: '20' });
    await svc.restart();
    await driver.answer({ type: '8/10' });
    expect(driver.questionText()).toContain('rounds of prompt improvement');
    const thread = driver.thread().map(visibleText).join('\n');
    expect(thread).toContain('How many of them came out right? 80%');
  });

  it("keeps one person's interview from another's clicks, telling them privately", async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    const question = driver.currentQuestion()!;
    const select = elementFor(question, 'fta:answer');
    await driver.click(question, { action_id: select.action_id, block_id: select.blockId, selected: 'extraction' }, BOB);
    await driver.settle();
    expect(driver.questionText()).toContain('What kind of task is it?');
    const note = svc.slack.callsOf('chat.postEphemeral').at(-1)!;
    expect(note.body.user).toBe(BOB);
    expect(String(note.body.text)).toContain('Not your interview');
    // Bob can run his own interview in the same channel at the same time.
    const bobs = new SlackInterviewDriver(svc, BOB);
    await bobs.start('our assistant');
    await bobs.answer({ choose: 'summarization' });
    expect(driver.questionText()).toContain('What kind of task is it?');
    expect(bobs.questionText()).toContain('tested your best prompt');
  });

  it('retries a rate-limited post and still asks the question', async () => {
    svc.slack.failNext('chat.postMessage', { error: 'ratelimited', status: 429, retryAfter: 0 });
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    expect(driver.questionText()).toContain('What kind of task is it?');
  });

  it('tells the person in words when Slack refuses a post, and keeps the answer', async () => {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('the support bot');
    svc.slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const question = driver.currentQuestion()!;
    const select = elementFor(question, 'fta:answer');
    await driver.click(question, { action_id: select.action_id, block_id: select.blockId, selected: 'classification' });
    await driver.settle();
    const told = svc.slack
      .callsOf('chat.postEphemeral')
      .map((c) => String(c.body.text))
      .join('\n');
    expect(told).toContain("Your answer is saved, but I couldn't post what comes next in Slack: I can't see that channel");
    // The answer was kept: a typed reply answers the next question.
    await driver.type('20');
    await driver.settle();
    expect(driver.thread().map(visibleText).join('\n')).toContain('How many of them came out right?');
  });
});
