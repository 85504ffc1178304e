import { describe, expect, it } from 'vitest';
import { ticketTriage } from '../../helpers/answers.js';
import { runCliWith, tempFile, AS_OF } from '../../helpers/cli.js';

describe('finetune-advisor advise --answers FILE --json', () => {
  it('prints the verdict as JSON with reasons, mistakes, next steps and the cost of each path', async () => {
    const run = await runCliWith(['advise', '--answers', tempFile('answers.json', ticketTriage), '--json', '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const verdict = JSON.parse(run.stdout);
    expect(verdict.verdict).toBe('fine-tune');
    // Claude can't be tuned: the headline says the move to another model.
    expect(verdict.headline).toMatch(/^Move to Amazon Nova Pro on Bedrock and fine-tune it: /);
    expect(verdict.reasons.map((r: { rule: string }) => r.rule)).toContain('below-80-after-iterations');
    for (const reason of verdict.reasons) expect(reason.source.file).toMatch(/^00[01]_.*\.txt$/);
    expect(Array.isArray(verdict.mistakes)).toBe(true);
    expect(verdict.nextSteps.length).toBeGreaterThan(0);
    const { cost } = verdict;
    expect(cost.horizonMonths).toBe(12);
    expect(cost.promptEngineering).toMatchObject({ model: 'claude-sonnet-4.5' });
    expect(cost.promptEngineering.perCall).toBeGreaterThan(0);
    expect(cost.fineTuning.training).toBeGreaterThan(0);
    expect(cost.fineTuning).toHaveProperty('retraining');
    // The router can't see the failing slice (not said), so there is no "both" path; prompting Nova Pro untrained is one.
    expect(cost.hybrid).toBeNull();
    expect(cost.substitutePrompt).toMatchObject({ model: 'nova-pro' });
    expect(verdict.comparison.fromSwitching).toBeGreaterThan(0);
    expect(verdict.comparison.fromTuning).toBeGreaterThan(verdict.comparison.margin);
    expect(verdict.successInterval).toMatchObject({ right: 30, tested: 50 });
    expect(cost.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof cost.breakEvenMonth).toBe('number');
  });

  it('answers bad input with exit 2 and one message per bad field, naming what is allowed', async () => {
    const file = tempFile('bad.json', { ...ticketTriage, successRate: 70, taskKind: 'tickets', sucessRate: 0.7 });
    const run = await runCliWith(['advise', '--answers', file, '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(run.stderr).toMatch(/successRate: .*between 0 and 1/);
    expect(run.stderr).toMatch(/taskKind: one of "classification", "extraction"/);
    expect(run.stderr).toMatch(/sucessRate: not a field of the answers file/);
  });

  it('names a required answer the file lacks, with a value it would take', async () => {
    const { labeledExamples: _dropped, ...withoutExamples } = ticketTriage;
    const run = await runCliWith(['advise', '--answers', tempFile('a.json', withoutExamples), '--json', '--as-of', AS_OF]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^labeledExamples: missing.*"labeledExamples": 2000/);
  });

  it('refuses a missing file, a file that is not JSON, and a date that is not a date', async () => {
    const missing = await runCliWith(['advise', '--answers', '/nonexistent/answers.json', '--json']);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('--answers: no file at /nonexistent/answers.json') });
    const notJson = await runCliWith(['advise', '--answers', tempFile('a.json', '{ testedExamples: 5'), '--json']);
    expect(notJson).toMatchObject({ code: 2, stderr: expect.stringContaining('is not valid JSON') });
    const badDate = await runCliWith(['advise', '--answers', tempFile('a.json', ticketTriage), '--as-of', '23/11/2026']);
    expect(badDate).toMatchObject({ code: 2, stderr: expect.stringContaining('--as-of: "23/11/2026" is not a date; write it as YYYY-MM-DD') });
  });

  it("uses an override file from --prices or PRICES_FILE for the seed's rough math", async () => {
    const answers = tempFile('a.json', { testedExamples: 20, successRate: 0.9, promptIterations: 1, model: 'gpt-4.1', promptTokens: 4000, monthlyCalls: 10_000_000, labeledExamples: 5000 });
    const override = tempFile('prices.json', { models: [{ id: 'gpt-4.1', prices: { input: 1 } }] });
    for (const run of [
      await runCliWith(['advise', '--answers', answers, '--json', '--as-of', AS_OF, '--prices', override]),
      await runCliWith(['advise', '--answers', answers, '--json', '--as-of', AS_OF], { env: { PRICES_FILE: override } }),
    ]) {
      expect(run.code).toBe(0);
      const prompt = JSON.parse(run.stdout).cost.promptEngineering.items.find((i: { label: string }) => i.label.startsWith('Prompt'));
      expect(prompt.amount).toBe(40_000);
      expect(prompt.basis).toContain('40B tokens at $1.00 per 1M');
    }
  });

  it('refuses an override file with a bad row, naming the row and keeping the catalogue as it was', async () => {
    const override = tempFile('prices.json', {
      models: [
        { id: 'gpt-4.1', prices: { input: -2 } },
        { id: 'my-model', provider: 'openai' },
      ],
    });
    const run = await runCliWith(['advise', '--answers', tempFile('a.json', ticketTriage), '--prices', override]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('override.models[0].prices.input');
    expect(run.stderr).toContain('override.models[1]');
    expect(run.stderr).toContain('adds "my-model" (a new row needs every field)');
  });

  it('prints a readable card without --json, and the assumptions with --assumptions', async () => {
    const run = await runCliWith(['advise', '--answers', tempFile('a.json', ticketTriage), '--as-of', AS_OF, '--assumptions']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('VERDICT: FINE-TUNING');
    expect(run.stdout).toMatch(/Cost over 12 months \(US\$, prices as of \d{4}-\d{2}-\d{2}\)\nPath +Per month +Total\n/);
    expect(run.stdout).toMatch(/Prompt \(today\): +claude-sonnet-4\.5, \$[\d.]+ per 1,000 calls/);
    expect(run.stdout).toContain('ASSUMPTIONS BEHIND THIS VERDICT');
    expect(run.stdout).toContain('Engineering rate (US$ per hour)');
  });
});
