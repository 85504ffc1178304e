import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTrialConfig, type TrialConfig } from '../../../adapters/config/load-trial-config.js';
import { cardText, type ConnectorMessage } from '../../helpers/fake-bot-connector.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../helpers/fake-openai.js';
import { TICKET_ROUTER } from '../../helpers/interview-scenarios.js';
import { stopAfterEach } from '../../helpers/stop-after-each.js';
import { message, postActivity } from '../../helpers/teams-activities.js';
import { actionsOf, startTeamsTestService, TeamsInterviewDriver, type TeamsTestService } from '../../helpers/teams-service.js';
import { labellingModel, tickets } from '../../helpers/trial-fixtures.js';

const csv = (rows: { input: string; expected: string }[]) => `input,expected\n${rows.map((r) => `"${r.input}",${r.expected}`).join('\n')}\n`;

let openai: FakeOpenAi;
beforeEach(async () => {
  openai = (await startFakeOpenAi()).answerBy(labellingModel);
});
afterEach(() => openai.close());
const started = stopAfterEach();

function trialConfig(): TrialConfig {
  const loaded = loadTrialConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${openai.url}/v1`, TRIAL_TIMEOUT_SECONDS: '2' });
  if (!loaded.ok || !loaded.config) throw new Error('trial settings refused');
  return loaded.config;
}

async function onExamplesQuestion(svc: TeamsTestService): Promise<TeamsInterviewDriver> {
  const driver = new TeamsInterviewDriver(svc);
  await driver.say('finetune-advisor label support tickets as billing, refund or bug');
  await svc.connector.waitFor(() => driver.currentQuestion());
  if (driver.questionText().includes('What kind of task')) {
    await driver.answer({ choose: 'classification' });
    await svc.connector.waitFor(() => driver.questionText().includes('tested your best prompt'));
  }
  return driver;
}

/** A file attached in the personal chat, as Teams sends it: a message with a download-info attachment. */
function attach(svc: TeamsTestService, driver: TeamsInterviewDriver, name: string, content: string) {
  const base = message('', { serviceUrl: svc.connector.url, conversation: { id: driver.conversationId, conversationType: 'personal' } });
  const activity = {
    ...base,
    text: '',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name,
        content: { downloadUrl: svc.connector.hostFile(content), uniqueId: 'u1', fileType: name.split('.').pop(), fileSize: content.length },
      },
    ],
  };
  return postActivity(svc.service.url, activity);
}

async function openForm(svc: TeamsTestService, driver: TeamsInterviewDriver): Promise<ConnectorMessage> {
  const question = driver.currentQuestion()!;
  await driver.click(question, driver.action(question, 'open-trial').data);
  return svc.connector.waitFor(() => driver.messages().find((m) => cardText(m).includes('Run a trial') && actionsOf(m).some((a) => a.data.fta === 'run-trial')));
}

const run = (driver: TeamsInterviewDriver, form: ConnectorMessage, fields: Record<string, string>) =>
  driver.click(form, { ...driver.action(form, 'run-trial').data, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`fta_trial_${k}`, v])) });

describe('a prompt trial in Teams', () => {
  it('runs the prompt on examples attached in the chat, offers the Promptfoo file, and feeds the measured figures to the verdict', async () => {
    const svc = started(await startTeamsTestService({ trial: trialConfig() }));
    const driver = await onExamplesQuestion(svc);
    await attach(svc, driver, 'tickets.csv', csv(tickets(25)));
    await svc.connector.waitFor(() => driver.messages().find((m) => (m.activity.text ?? '').includes('Got tickets.csv')));
    const form = await openForm(svc, driver);
    expect(cardText(form)).toContain('Examples file ready: tickets.csv');
    const res = await run(driver, form, { prompt: 'Label the support ticket: billing, refund or bug.', models: 'gpt-4.1-mini, gpt-4.1-nano', grader: 'label' });
    expect(JSON.stringify(res.body)).toContain('Trial started');
    const results = await svc.connector.waitFor(() => driver.messages().find((m) => cardText(m).includes('Trial results')), 10_000);
    expect(cardText(results)).toContain('Best on gpt-4.1-mini: the prompt, 20 of 25 right');
    expect(cardText(results)).toContain('gpt-4.1-nano, the prompt: 18 of 25 (');
    const progress = driver.messages().find((m) => /Trial (running|finished)/.test(cardText(m)))!;
    await svc.connector.waitFor(() => cardText(progress).includes('Trial finished'));
    // The export: a link back to the service, which serves the file with its key and refuses it without.
    const offer = await svc.connector.waitFor(() => driver.messages().find((m) => cardText(m).includes('Promptfoo configuration')));
    // The results first, then the file to keep testing with.
    expect(driver.messages().indexOf(results)).toBeLessThan(driver.messages().indexOf(offer));
    const link = /\((http:\/\/127\.0\.0\.1:\d+\/trials\/[^)]+)\)/.exec(cardText(offer))?.[1];
    expect(link).toBeDefined();
    const file = await fetch(link!);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('openai:chat:gpt-4.1-nano');
    expect((await fetch(link!.replace(/key=[^&]+/, 'key=wrong'))).status).toBe(404);
    // The examples and success-rate questions were measured; the rest is told, and the verdict says which is which.
    await svc.connector.waitFor(() => driver.currentQuestion() && !driver.questionText().includes('tested your best prompt'));
    expect(driver.questionText()).not.toContain('How many of them came out right?');
    // One prompt, no variants: the rounds of prompt improvement are still the team's to tell.
    const verdict = cardText(
      await driver.answerUntilVerdict(TICKET_ROUTER.filter(([q]) => !/tested your best prompt|came out right|instructions and examples|tokens of input|tokens does each answer/.test(q.source))),
    );
    expect(verdict).toContain('20 of 25 is consistent with');
    expect(verdict).toContain('Measured by the trial of 2026-11-23: examples tested, success rate');
  });

  it('shows the form again with the bad line named under Examples, keeping what was typed', async () => {
    const svc = started(await startTeamsTestService({ trial: trialConfig() }));
    const driver = await onExamplesQuestion(svc);
    const form = await openForm(svc, driver);
    const res = await run(driver, form, {
      prompt: 'Label the ticket.',
      examples: '{"input": "Ticket 1", "expected": "billing"}\n{"input": "Ticket 2" "expected": "refund"}',
      models: 'gpt-4.1-mini',
      grader: 'label',
    });
    const body = JSON.stringify(res.body);
    expect(body).toContain('application/vnd.microsoft.card.adaptive');
    expect(body).toMatch(/line 2: /);
    expect(body).toContain('"value":"Label the ticket."');
    expect(openai.completions).toHaveLength(0);
  });

  it('opens the form when trial is typed during an interview', async () => {
    const svc = started(await startTeamsTestService({ trial: trialConfig() }));
    const driver = await onExamplesQuestion(svc);
    await driver.say('trial');
    await svc.connector.waitFor(() => driver.messages().find((m) => actionsOf(m).some((a) => a.data.fta === 'run-trial')));
  });
});
