import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../../helpers/fake-openai.js';
import { AS_OF, runCliWith, tempFile } from '../../helpers/cli.js';

const SENTENCE = 'we classify 50k support tickets a day into 12 categories with a 3k-token prompt on gpt-4.1, about 70% right after 4 tries, we have 2,000 labelled tickets';

describe('finetune-advisor read and the task text in advise', () => {
  let openai: FakeOpenAi | null = null;
  afterEach(async () => {
    await openai?.close();
    openai = null;
  });

  it('prints the answers it understood, with the same field names as the answers file, and who read each', async () => {
    const run = await runCliWith(['read', SENTENCE, '--json']);
    expect(run.code).toBe(0);
    const read = JSON.parse(run.stdout);
    expect(read.answers).toMatchObject({
      taskKind: 'classification',
      monthlyCalls: 1_500_000,
      categories: 12,
      promptTokens: 3000,
      model: 'gpt-4.1',
      successRate: 0.7,
      promptIterations: 4,
      labeledExamples: 2000,
    });
    expect(new Set(Object.values(read.readers))).toEqual(new Set(['rules']));
    expect(read.phrases.monthlyCalls).toContain('50k');
  });

  it("adds what a configured model reads, marked as the model's", async () => {
    openai = await startFakeOpenAi();
    openai.answerWith({ failureMode: 'format', deadline: 'this-month' });
    const run = await runCliWith(['read', `${SENTENCE}; the answers come back in the wrong format`, '--json'], {
      env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${openai.url}/v1` },
    });
    const read = JSON.parse(run.stdout);
    expect(read.readers.deadline).toBe('model');
    expect(read.answers.deadline).toBe('this-month');
    expect(read.readers.monthlyCalls).toBe('rules');
  });

  it('falls back to the rules when the model is rate-limited, and still exits 0', async () => {
    openai = await startFakeOpenAi();
    openai.rateLimit();
    const run = await runCliWith(['read', SENTENCE, '--json'], { env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${openai.url}/v1` } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ degraded: true, answers: { monthlyCalls: 1_500_000 } });
    expect(run.stderr).toContain('rate-limited');
  });

  it("reads the task of an answers file first, and lets the file's own fields win", async () => {
    const file = tempFile('answers.json', { task: SENTENCE, testedExamples: 40, successRate: 0.6, failureMode: 'format' });
    const run = await runCliWith(['advise', '--answers', file, '--json', '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    const verdict = JSON.parse(run.stdout);
    expect(verdict.answers.successRate).toBe(0.6);
    expect(verdict.answers.monthlyCalls).toBe(1_500_000);
    expect(verdict.readFromTask).toMatchObject({ monthlyCalls: 'rules', categories: 'rules' });
    expect(verdict.readFromTask.successRate).toBeUndefined();
  });

  it('shows in the terminal what it understood, keeps it on Enter and asks only the rest', async () => {
    const run = await runCliWith(['advise', SENTENCE], { lines: ['', '40', 'format', '', '', '', '', '', '', '', '', '', ''] });
    expect(run.stdout).toContain('HERE IS WHAT I UNDERSTOOD');
    expect(run.stdout).toContain('How many calls a month? 1.5M calls a month');
    expect(run.stdout).toContain('1. On how many real examples have you tested your best prompt?');
    // The task kind was read, so its question (and its help) never comes.
    expect(run.stdout).not.toContain('Classification, extraction and style tasks are where fine-tuning most often pays.');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('VERDICT:');
  });

  it('asks again the answers whose numbers the person types', async () => {
    const run = await runCliWith(['advise', SENTENCE], { lines: ['1', 'extraction', 'quit'] });
    expect(run.stdout).toContain('What kind of task is it?');
    expect(run.stdout).toContain('Got it: Extraction');
  });

  it('counts a prompt pasted in the terminal', async () => {
    const lines = ['', 'classification', '40', '6/10', 'format', '4', 'gpt-4.1', 'paste', 'You are a triage assistant.', 'Answer with one queue name only.', '.', 'quit'];
    const run = await runCliWith(['advise'], { lines });
    expect(run.stdout).toMatch(/Got it: \d+ tokens \(counted \d+ tokens in the pasted prompt \(o200k_base, exact for GPT-4\.1\)\)/);
  });
});
