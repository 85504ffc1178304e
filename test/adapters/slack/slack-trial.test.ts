import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTrialConfig, type TrialConfig } from '../../../adapters/config/load-trial-config.js';
import { visibleText, type SlackMessage } from '../../helpers/fake-slack-api.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../helpers/fake-openai.js';
import { elementsOf, SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { ALICE, BOB, messageEventBody, slashCommandBody, viewSubmissionBody } from '../../helpers/slack-requests.js';
import { startSlackTestService, type SlackTestService } from '../../helpers/slack-service.js';
import { stopAfterEach } from '../../helpers/stop-after-each.js';
import { TICKET_ROUTER } from '../../helpers/interview-scenarios.js';
import { expectModalWithinSlackLimits, expectWithinSlackLimits } from './expect-within-slack-limits.js';
import { labellingModel, tickets } from '../../helpers/trial-fixtures.js';

const FORM = 'application/x-www-form-urlencoded';
const csv = (rows: { input: string; expected: string }[]) => `input,expected\r\n${rows.map((r) => `"${r.input}",${r.expected}`).join('\r\n')}\r\n`;

let openai: FakeOpenAi;
beforeEach(async () => {
  openai = (await startFakeOpenAi()).answerBy(labellingModel);
});
afterEach(() => openai.close());
const started = stopAfterEach();

function trialConfig(over: Record<string, string> = {}): TrialConfig {
  const loaded = loadTrialConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${openai.url}/v1`, TRIAL_TIMEOUT_SECONDS: '2', ...over });
  if (!loaded.ok || !loaded.config) throw new Error('trial settings refused');
  return loaded.config;
}

/** An interview on the examples question, with the trial button on it. */
async function onExamplesQuestion(svc: SlackTestService): Promise<SlackInterviewDriver> {
  const driver = new SlackInterviewDriver(svc);
  await driver.start('label support tickets as billing, refund or bug');
  if (driver.questionText().includes('What kind of task')) await driver.answer({ choose: 'classification' });
  expect(driver.questionText()).toContain('On how many real examples have you tested your best prompt?');
  return driver;
}

/** Presses "Run a trial" and sends the form with these fields; the submission's answer (errors, or nothing). */
async function runTrialForm(svc: SlackTestService, driver: SlackInterviewDriver, fields: Record<string, string>, userId = ALICE) {
  const before = svc.slack.callsOf('views.open').length;
  await driver.pressLabelled('Run a trial', userId);
  const call = await svc.slack.waitFor(() => svc.slack.callsOf('views.open')[before]);
  const view = call.body.view as { private_metadata: string; callback_id: string; blocks: { block_id?: string; element?: { initial_value?: string } }[] };
  expect(view.callback_id).toBe('fta:trial-modal');
  const res = await svc.post(viewSubmissionBody({ userId, viewId: `V${before}`, privateMetadata: view.private_metadata, callbackId: 'fta:trial-modal', fields }), FORM);
  return { res, view, errors: res.text ? (JSON.parse(res.text) as { errors?: Record<string, string> }).errors : undefined };
}

const progressOf = (driver: SlackInterviewDriver) => driver.thread().find((m) => /Trial (running|finished|stopped)/.test(visibleText(m)));
const resultsOf = (driver: SlackInterviewDriver) => driver.thread().find((m) => visibleText(m).includes('Trial results'));

describe('a prompt trial in Slack', () => {
  it('runs the prompt and two variants on two models from a CSV shared in the thread, and the verdict says which figures were measured', async () => {
    const svc = started(await startSlackTestService({ trial: trialConfig() }));
    const driver = await onExamplesQuestion(svc);
    svc.slack.shareFile(driver.channel, driver.threadTs, ALICE, 'tickets.csv', csv(tickets(30)));
    const { errors } = await runTrialForm(svc, driver, {
      prompt: 'Label the support ticket: billing, refund or bug.',
      variants: 'Label the support ticket: billing, refund or bug. Be strict.\n---\nYou label tickets. Answer billing, refund or bug.',
      examples: '',
      models: 'gpt-4.1-mini, gpt-4.1-nano',
      grader: 'label',
    });
    expect(errors).toBeUndefined();
    const results = await svc.slack.waitFor(() => resultsOf(driver), 10_000);
    await driver.settle();
    const text = visibleText(results);
    // Each of the trial's messages, and its form, within Block Kit's limits.
    for (const m of [results, progressOf(driver)!]) expectWithinSlackLimits({ text: m.text, blocks: m.blocks as never });
    expectModalWithinSlackLimits(svc.slack.callsOf('views.open')[0]!.body.view as never);
    expect(text).toContain('Best on gpt-4.1-mini: variant 1, 30 of 30 right');
    expect(text).toContain('gpt-4.1-nano, the prompt: 22 of 30 (');
    // The best prompt got everything right: the failures shown are the original prompt's.
    expect(text).toContain('What went wrong with the prompt on gpt-4.1-mini');
    expect(text).toContain('answered "refund" where "billing" was expected');
    expect(visibleText(progressOf(driver)!)).toContain('Trial finished');
    expect(visibleText(progressOf(driver)!)).toContain('180 of 180 done');
    // The Promptfoo configuration, in the thread.
    const [file] = svc.slack.uploadedFiles();
    expect(file).toMatchObject({ name: 'promptfooconfig.yaml', channel: driver.channel, threadTs: driver.threadTs });
    expect(file!.content).toContain('openai:chat:gpt-4.1-nano');
    // The examples question was answered by the trial; the success-rate question is never asked.
    expect(driver.thread().map(visibleText).join('\n')).toContain('On how many real examples have you tested your best prompt? Measured by the trial: 30');
    expect(driver.questionText()).not.toContain('How many of them came out right?');
    // The rest of the interview as told, not the measured questions: answering them would be a failure here.
    const verdict = visibleText(
      await driver.answerUntilVerdict(
        TICKET_ROUTER.filter(([q]) => !/tested your best prompt|came out right|rounds of prompt|instructions and examples|tokens of input|tokens does each answer/.test(q.source)),
      ),
    );
    expect(verdict).toContain('Measured');
    expect(verdict).toContain('30 of 30 is consistent with 89% to 100%');
    expect(verdict).toContain('gpt-4.1-mini: 30 of 30 (variant 1); gpt-4.1-nano: 30 of 30 (variant 1)');
    // The variant that did best is the one to ship, not "the prompt" it beat.
    expect(verdict).toContain('Ship variant 1 of the prompt (it did best in the trial), and keep your test examples as a regression suite.');
    expect(verdict).toContain('Measured by the trial of 2026-11-23: examples tested, success rate, prompt rounds (variants tried), prompt tokens, input tokens, output tokens; told: monthly calls');
    // Privacy: neither an example nor an answer nor the prompt is in the log.
    const log = svc.logs.join('\n');
    expect(log).toContain('trial finished');
    for (const secret of ['I was charged twice', 'Label the support ticket', 'Be strict']) expect(log).not.toContain(secret);
  });

  it('refuses a malformed pasted CSV in the form, naming the line, and keeps the interview where it was', async () => {
    const svc = started(await startSlackTestService({ trial: trialConfig() }));
    const driver = await onExamplesQuestion(svc);
    const { errors } = await runTrialForm(svc, driver, {
      prompt: 'Label the ticket.',
      examples: 'input,expected\n"Ticket 1: charged twice",billing\n"Ticket 2: refund please,refund\n',
      models: 'gpt-4.1-mini',
      grader: 'label',
    });
    expect(errors?.examples).toMatch(/^line 3: /);
    expect(openai.completions).toHaveLength(0);
    expect(driver.questionText()).toContain('On how many real examples have you tested your best prompt?');
  });

  it('stops at the spending cap and says so on the progress message, still feeding what ran to the interview', async () => {
    const svc = started(await startSlackTestService({ trial: trialConfig({ TRIAL_MAX_USD: '0.01' }) }));
    const driver = await onExamplesQuestion(svc);
    // 40 long tickets (about 2,000 tokens each): more than a cent on GPT-4.1 mini.
    const long = tickets(40).map((t) => ({ ...t, input: `${t.input} ${'details '.repeat(2000)}` }));
    svc.slack.shareFile(driver.channel, driver.threadTs, ALICE, 'tickets.jsonl', long.map((t) => JSON.stringify(t)).join('\n'));
    await runTrialForm(svc, driver, { prompt: 'Label the ticket.', examples: '', models: 'gpt-4.1-mini', grader: 'label' });
    await svc.slack.waitFor(() => resultsOf(driver), 10_000);
    expect(visibleText(progressOf(driver)!)).toContain('Trial stopped: stopped at the US$0.01 spending cap');
    expect(visibleText(resultsOf(driver)!)).toContain('The trial stopped early');
  });

  it('stops when the owner presses Cancel on the progress message, and only the owner can', async () => {
    const svc = started(await startSlackTestService({ trial: trialConfig({ TRIAL_CONCURRENCY: '1' }) }));
    const driver = await onExamplesQuestion(svc);
    openai.delay(30);
    svc.slack.shareFile(driver.channel, driver.threadTs, ALICE, 'tickets.csv', csv(tickets(200)));
    await runTrialForm(svc, driver, { prompt: 'Label the ticket.', examples: '', models: 'gpt-4.1-mini', grader: 'label' });
    const progress = await svc.slack.waitFor(() => progressOf(driver));
    const cancel = elementsOf(progress).find((e) => e.action_id.startsWith('fta:cancel-trial'))!;
    await driver.click(progress, { action_id: cancel.action_id, value: cancel.value! }, BOB);
    await driver.click(progress, { action_id: cancel.action_id, value: cancel.value! });
    await svc.slack.waitFor(() => resultsOf(driver), 10_000);
    expect(visibleText(progressOf(driver)!)).toContain('Trial stopped: cancelled');
    expect(openai.completions.length).toBeLessThan(150);
    const told = svc.slack.callsOf('chat.postEphemeral').map((c) => JSON.stringify(c.body));
    expect(told.some((t) => t.includes('Only the person who started the trial can cancel it'))).toBe(true);
  });

  it('posts what a trial measured so far when the service stops under it, and the interview takes it', async () => {
    const svc = started(await startSlackTestService({ trial: trialConfig({ TRIAL_CONCURRENCY: '1' }) }));
    const driver = await onExamplesQuestion(svc);
    openai.delay(30);
    svc.slack.shareFile(driver.channel, driver.threadTs, ALICE, 'tickets.csv', csv(tickets(200)));
    await runTrialForm(svc, driver, { prompt: 'Label the ticket.', examples: '', models: 'gpt-4.1-mini', grader: 'label' });
    await svc.slack.waitFor(() => progressOf(driver) && openai.completions.length > 8);
    await svc.restart();
    expect(visibleText(progressOf(driver)!)).toContain('Trial stopped: stopped because the service was restarting: run the trial again');
    expect(visibleText(resultsOf(driver)!)).toContain('The trial stopped early');
    expect(openai.completions.length).toBeLessThan(100);
  });

  it('opens the form from /finetune-advisor trial for the interview running in the channel', async () => {
    const svc = started(await startSlackTestService({ trial: trialConfig() }));
    const driver = await onExamplesQuestion(svc);
    const before = svc.slack.callsOf('views.open').length;
    const res = await svc.post(slashCommandBody({ text: 'trial', userId: ALICE, channelId: driver.channel, responseUrl: svc.responseUrl('trial') }), FORM);
    expect(res.status).toBe(200);
    const call = await svc.slack.waitFor(() => svc.slack.callsOf('views.open')[before]);
    expect((call.body.view as { callback_id: string }).callback_id).toBe('fta:trial-modal');
  });

  it('tells the owner privately that a file shared in the thread will be taken by the trial form, and takes it as no answer', async () => {
    const svc = started(await startSlackTestService({ trial: trialConfig() }));
    const driver = await onExamplesQuestion(svc);
    const file = svc.slack.shareFile(driver.channel, driver.threadTs, ALICE, 'tickets.csv', csv(tickets(5)));
    const res = await svc.post(messageEventBody({ channelId: driver.channel, threadTs: driver.threadTs, text: '', files: [file] }), 'application/json');
    expect(res.status).toBe(200);
    const told = await svc.slack.waitFor(() => svc.slack.callsOf('chat.postEphemeral').find((c) => JSON.stringify(c.body).includes('Got tickets.csv')));
    expect(told.body).toMatchObject({ channel: driver.channel, user: ALICE, thread_ts: driver.threadTs });
    await driver.settle();
    expect(driver.questionText()).toContain('On how many real examples have you tested your best prompt?');
    expect(driver.thread().some((m) => visibleText(m).includes("Didn't catch that"))).toBe(false);
  });

  it('has no trial button when no endpoint is configured', async () => {
    const svc = started(await startSlackTestService());
    const driver = await onExamplesQuestion(svc);
    expect(elementsOf(driver.currentQuestion() as SlackMessage).some((e) => e.action_id.startsWith('fta:open-trial'))).toBe(false);
  });
});
