import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliWith, tempFile } from '../../helpers/cli.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../helpers/fake-openai.js';
import { labellingModel, tickets } from '../../helpers/trial-fixtures.js';

let openai: FakeOpenAi;
beforeEach(async () => {
  openai = (await startFakeOpenAi()).answerBy(labellingModel);
});
afterEach(() => openai.close());

const env = () => ({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${openai.url}/v1` });
const csv = (rows: { input: string; expected: string }[]) => `Input,Expected\r\n${rows.map((r) => `"${r.input}",${r.expected}`).join('\r\n')}\r\n`;

describe('finetune-advisor trial (the terminal)', () => {
  it('runs the prompt and a variant on two models, prints the results, then advises on the measured figures', async () => {
    const prompt = tempFile('prompt.txt', 'Label the support ticket: billing, refund or bug.');
    const variant = tempFile('variant.txt', 'Label the support ticket: billing, refund or bug. Be strict.');
    const examples = tempFile('tickets.csv', csv(tickets(40)));
    const answers = tempFile('answers.json', { task: 'Label support tickets', taskKind: 'classification', model: 'gpt-4.1-mini', monthlyCalls: 200_000, labeledExamples: 500 });
    const out = mkdtempSync(join(tmpdir(), 'trial-out-'));
    const run = await runCliWith(
      ['trial', '--prompt', prompt, '--variant', variant, '--examples', examples, '--model', 'gpt-4.1-mini', '--model', 'gpt-4.1-nano', '--grader', 'label', '--answers', answers, '--out', out],
      { env: env() },
    );
    const exported = parse(readFileSync(join(out, 'promptfooconfig.yaml'), 'utf8'));
    expect(exported.prompts).toHaveLength(2);
    expect(exported.providers.map((p: { id: string }) => p.id)).toEqual(['openai:chat:gpt-4.1-mini', 'openai:chat:gpt-4.1-nano']);
    expect(exported.tests).toHaveLength(40);
    expect(run.stderr).toContain(`Promptfoo configuration written to ${join(out, 'promptfooconfig.yaml')}`);
    expect(run.stderr).toMatch(/^Trial: 40 examples × 2 prompts × gpt-4\.1-mini and gpt-4\.1-nano: 160 answers, about \$0\.\d+ at the catalogue's prices; it stops at the \$5\.00 cap/);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('TRIAL RESULTS');
    expect(run.stdout).toContain('Best on gpt-4.1-mini: variant 1, 40 of 40 right');
    expect(run.stdout).toContain('gpt-4.1-nano, the prompt: 30 of 40 (');
    expect(run.stdout).toContain('VERDICT: PROMPT ENGINEERING');
    expect(run.stdout).toMatch(/Measured:\s+40 of 40/);
    const words = run.stdout.replace(/\s+/g, ' ');
    expect(words).toMatch(
      /Figures: Measured by the trial of \d{4}-\d{2}-\d{2}: examples tested, success rate, prompt rounds \(variants tried\), prompt tokens, input tokens, output tokens; told: monthly calls, labelled examples/,
    );
  });

  it('goes on to the interview with the measured questions already answered', async () => {
    const prompt = tempFile('prompt.txt', 'Label the support ticket: billing, refund or bug.');
    const examples = tempFile(
      'tickets.jsonl',
      tickets(20)
        .map((t) => JSON.stringify(t))
        .join('\n'),
    );
    const run = await runCliWith(['trial', '--prompt', prompt, '--examples', examples, '--model', 'gpt-4.1-mini', '--grader', 'label', '--out', mkdtempSync(join(tmpdir(), 'trial-out-'))], {
      env: env(),
      lines: ['Label support tickets', 'classification', 'format', '2', '', '', '200k a month', '', '', '', '500', '', '', '', '', '', ''],
    });
    expect(run.stdout).toContain('16 of 20 right');
    expect(run.stdout).not.toContain('On how many real examples have you tested your best prompt?');
    expect(run.stdout).not.toContain('How many of them came out right?');
    expect(run.stdout).toContain('VERDICT:');
  });

  it('refuses a malformed examples file naming the line, and calls nothing', async () => {
    const prompt = tempFile('prompt.txt', 'Label the ticket.');
    const examples = tempFile('tickets.jsonl', '{"input": "Ticket 1", "expected": "billing"}\n{"input": "Ticket 2" "expected": "refund"}\n');
    const run = await runCliWith(['trial', '--prompt', prompt, '--examples', examples, '--model', 'gpt-4.1-mini', '--grader', 'label'], { env: env() });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^examples \(.*tickets\.jsonl\): line 2: /);
    expect(openai.completions).toHaveLength(0);
  });

  it('says how to turn trials on when no endpoint is set', async () => {
    const run = await runCliWith(['trial', '--prompt', 'p.txt', '--examples', 'e.csv'], { env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('trial needs an OpenAI-compatible endpoint: set OPENAI_API_KEY');
  });

  it('names a model the catalogue does not have', async () => {
    const prompt = tempFile('prompt.txt', 'Label the ticket.');
    const examples = tempFile('tickets.csv', csv(tickets(5)));
    const run = await runCliWith(['trial', '--prompt', prompt, '--examples', examples, '--model', 'gpt-9-ultra'], { env: env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('model: "gpt-9-ultra" is not in the price catalogue');
    expect(readFileSync(examples, 'utf8')).toContain('Ticket 0');
  });
});

describe('finetune-advisor trial settings', () => {
  it('refuses a judge model the catalogue cannot price, before any call', async () => {
    const openai = (await startFakeOpenAi()).answerBy(labellingModel);
    try {
      const prompt = tempFile('prompt.txt', 'Label the ticket.');
      const examples = tempFile('tickets.csv', csv(tickets(5)));
      const run = await runCliWith(['trial', '--prompt', prompt, '--examples', examples, '--model', 'gpt-4.1-mini', '--grader', 'rubric: the right label'], {
        env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${openai.url}/v1`, TRIAL_JUDGE_MODEL: 'my-local-judge' },
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('setting TRIAL_JUDGE_MODEL: "my-local-judge" is not in the price catalogue');
      expect(openai.completions).toHaveLength(0);
    } finally {
      await openai.close();
    }
  });
});
