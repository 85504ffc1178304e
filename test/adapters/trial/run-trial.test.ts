import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTrialConfig, type TrialConfig } from '../../../adapters/config/load-trial-config.js';
import { trialEndpoint } from '../../../adapters/trial/trial-endpoint.js';
import { checkJsonSchema } from '../../../adapters/trial/check-json-schema.js';
import { runTrial, type TrialProgress } from '../../../adapters/trial/run-trial.js';
import type { TrialSpec } from '../../../src/index.js';
import { CATALOGUE } from '../../helpers/catalogue.js';
import { fakeTokenCount, startFakeOpenAi, type FakeOpenAi } from '../../helpers/fake-openai.js';
import { labelSpec, labellingModel } from '../../helpers/trial-fixtures.js';

// A fake of its own for each test: a cancelled run's last calls may still arrive after it ends.
let openai: FakeOpenAi;
beforeEach(async () => {
  openai = (await startFakeOpenAi()).answerBy(labellingModel);
});
afterEach(() => openai.close());

function configFor(over: Record<string, string> = {}): TrialConfig {
  const loaded = loadTrialConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${openai.url}/v1`, TRIAL_TIMEOUT_SECONDS: '1', ...over });
  if (!loaded.ok || !loaded.config) throw new Error(`settings refused: ${JSON.stringify(loaded)}`);
  return loaded.config;
}

function run(spec: TrialSpec, options: { config?: TrialConfig; signal?: AbortSignal; onProgress?: (p: TrialProgress) => void; maxRetries?: number } = {}) {
  const config = options.config ?? configFor();
  return runTrial(
    spec,
    {
      endpoint: trialEndpoint(config, { maxRetries: options.maxRetries ?? 1 }),
      limits: config.limits,
      catalogue: CATALOGUE,
      checkSchema: checkJsonSchema,
      countTokens: fakeTokenCount,
      now: () => new Date('2026-11-27T10:00:00Z'),
    },
    { id: 'trial-1', signal: options.signal ?? new AbortController().signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
  );
}

describe('a trial against an OpenAI-compatible endpoint', () => {
  it('runs three prompts on two models side by side and grades every answer', async () => {
    const spec = labelSpec({
      models: ['gpt-4.1-mini', 'gpt-4.1-nano'],
      prompts: [
        { label: 'the prompt', text: 'Label the ticket: billing, refund or bug.' },
        { label: 'variant 2', text: 'Label the ticket: billing, refund or bug. Be strict.' },
        { label: 'variant 3', text: 'You label tickets. Answer billing, refund or bug.' },
      ],
    });
    const summary = await run(spec);
    expect(summary.stopped).toBeNull();
    const score = summary.cells.map((c) => `${c.model} ${c.promptLabel}: ${c.right}/${c.graded}`);
    // Every 5th ticket wrong on mini (0, 5, 10, 15), every 4th on nano (0, 4, 8, 12, 16); "strict" fixes both.
    expect(score).toEqual([
      'gpt-4.1-mini the prompt: 16/20',
      'gpt-4.1-mini variant 2: 20/20',
      'gpt-4.1-mini variant 3: 16/20',
      'gpt-4.1-nano the prompt: 15/20',
      'gpt-4.1-nano variant 2: 20/20',
      'gpt-4.1-nano variant 3: 15/20',
    ]);
    // 6 calibrations and 120 answers, each sent to the endpoint's model name.
    expect(openai.completions).toHaveLength(126);
    const nano = summary.cells.find((c) => c.model === 'gpt-4.1-nano' && c.prompt === 0)!;
    expect(nano.failures[0]).toMatchObject({ failure: 'answered "refund" where "billing" was expected', count: 2 });
    expect(nano.failures[0]!.samples[0]).toEqual({ input: 'Ticket 0: I was charged twice', expected: 'billing', answer: 'refund' });
  });

  it("takes the prompt's tokens from the calibration call and the rest from each call's usage", async () => {
    const spec = labelSpec();
    const summary = await run(spec);
    const prompt = fakeTokenCount(spec.prompts[0]!.text) + 3 + 3; // the fake counts 3 a message
    const inputs = spec.examples.map((e) => fakeTokenCount(e.input));
    expect(summary.cells[0]!.tokens).toEqual({ prompt, input: Math.round(inputs.reduce((a, b) => a + b) / inputs.length), output: 1 });
    expect(summary.cells[0]!.costPerCall).toBeGreaterThan(0);
    expect(summary.spentUsd).toBeGreaterThan(0);
  });

  it('asks the endpoint by the name the settings give a catalogue model', async () => {
    await run(labelSpec({ examples: labelSpec().examples.slice(0, 2) }), { config: configFor({ TRIAL_MODELS: 'gpt-4.1-mini=llama3.1:8b' }) });
    expect(new Set(openai.completions.map((r) => r.body.model))).toEqual(new Set(['llama3.1:8b']));
  });

  it('retries a 429 and still grades the answer', async () => {
    openai.garbage('ok').rateLimit(0).rateLimit(0); // the calibration call first, then two 429s
    const summary = await run(labelSpec({ examples: labelSpec().examples.slice(1, 4) }), { maxRetries: 3 });
    expect(summary.cells[0]).toMatchObject({ right: 3, graded: 3, callErrors: [] });
    expect(openai.completions.filter((r) => r.body.messages[1].content !== '.').length).toBe(5);
  });

  it('counts a call that times out, or answers junk, as a failed call named in words, not as a wrong answer', async () => {
    openai.garbage('ok').hang().hang().junk(); // the calibration call; a call that times out twice (one retry); junk
    const summary = await run(labelSpec({ examples: labelSpec().examples.slice(1, 5) }), { config: configFor({ TRIAL_CONCURRENCY: '1' }) });
    const cell = summary.cells[0]!;
    expect(cell.graded).toBe(2);
    expect(cell.callErrors.map((e) => e.reason).sort()).toEqual(['the endpoint answered something that is not a chat completion', 'timed out after 1 s']);
  }, 15_000);

  it('stops at the spending cap before it is passed', async () => {
    // Long tickets (4,000 tokens each): 40 of them with a judge's call each would cost more than a cent.
    const examples = labelSpec()
      .examples.concat(labelSpec().examples)
      .map((e) => ({ ...e, input: `${e.input} ${'details '.repeat(4000)}` }));
    const spec = labelSpec({ examples, grader: { kind: 'rubric', rubric: 'the right label' } });
    const summary = await run(spec, { config: configFor({ TRIAL_MAX_USD: '0.01', TRIAL_MAX_OUTPUT_TOKENS: '4000' }) });
    expect(summary.stopped?.reason).toBe('cap');
    expect(summary.stopped?.words).toContain('US$0.01');
    expect(summary.spentUsd).toBeLessThanOrEqual(0.01);
    expect(summary.cells[0]!.graded).toBeLessThan(40);
  });

  it('stays under the cap with many calls at once and long answers, counting each call in flight at its worst', async () => {
    openai.answerBy((body) => `${labellingModel(body)} ${'because the customer says so '.repeat(80)}`);
    const examples = labelSpec().examples.concat(labelSpec().examples);
    const summary = await run(labelSpec({ examples, models: ['gpt-4.1'] }), { config: configFor({ TRIAL_MAX_USD: '0.01', TRIAL_CONCURRENCY: '16' }) });
    expect(summary.stopped?.reason).toBe('cap');
    expect(summary.spentUsd).toBeLessThanOrEqual(0.01);
  });

  it('stops the run when the endpoint times out again and again, instead of waiting on every call', async () => {
    openai.garbage('ok');
    for (let i = 0; i < 40; i++) openai.hang();
    const started = Date.now();
    const summary = await run(labelSpec(), { config: configFor({ TRIAL_CONCURRENCY: '2' }), maxRetries: 0 });
    expect(summary.stopped).toEqual({ reason: 'endpoint', words: 'the endpoint timed out on 5 calls in a row (1 s each): it is too slow or overloaded; try later, or raise TRIAL_TIMEOUT_SECONDS' });
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 15_000);

  it('counts an answer cut off at the output limit, and a judge that gives no verdict, as failed calls, not wrong answers', async () => {
    openai.answerBy((body) => (body.messages[0]!.content.startsWith('You grade one answer') ? '' : labellingModel(body)));
    const summary = await run(labelSpec({ examples: labelSpec().examples.slice(1, 4), grader: { kind: 'rubric', rubric: 'the right label' } }));
    expect(summary.cells[0]).toMatchObject({ right: 0, graded: 0 });
    expect(summary.cells[0]!.callErrors).toEqual([{ reason: 'the judge gave no verdict (an empty reply: a reasoning model may need a larger TRIAL_MAX_OUTPUT_TOKENS)', count: 3 }]);
  });

  it('stops when cancelled, keeping what was graded', async () => {
    const controller = new AbortController();
    openai.delay(20);
    const summary = await run(labelSpec({ examples: labelSpec().examples }), {
      signal: controller.signal,
      config: configFor({ TRIAL_CONCURRENCY: '2' }),
      onProgress: (p) => {
        if (p.done >= 6) controller.abort();
      },
    });
    expect(summary.stopped).toEqual({ reason: 'cancelled', words: 'cancelled' });
    expect(summary.cells[0]!.graded).toBeGreaterThanOrEqual(6);
    expect(summary.cells[0]!.graded).toBeLessThan(20);
  });

  it('stops the whole run with words when the endpoint refuses the key', async () => {
    openai.fail(401);
    const summary = await run(labelSpec());
    expect(summary.stopped).toEqual({ reason: 'endpoint', words: 'the endpoint refused the key (401): check OPENAI_API_KEY' });
    expect(openai.completions.length).toBeLessThan(5);
  });
});
