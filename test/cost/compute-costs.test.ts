import { describe, expect, it } from 'vitest';
import { OPENAI_OPEN } from '../helpers/catalogue.js';
import { expensiveWorkingPrompt, stuckPrompt } from '../helpers/answers.js';
import { costsFor, itemOf, verdictFor } from '../helpers/advice.js';

describe("the seed's rough math: a 4k-token prompt at 10M calls is 40B input tokens", () => {
  it.each([
    [1, 40_000],
    [10, 400_000],
  ])('at $%d per 1M input tokens, costs $%d a month for the prompt', (input, amount) => {
    const v = verdictFor(expensiveWorkingPrompt({ prices: { input } }));
    const prompt = itemOf(v.cost!.promptEngineering, 'Prompt (');
    expect(prompt.amount).toBe(amount);
    expect(prompt.cadence).toBe('per month');
    expect(prompt.basis).toContain('40B tokens');
    expect(prompt.basis).toContain('your override');
  });
});

describe("the pricing facts' caching example (gpt-4.1-mini, 1,700 few-shot + 300 input, 200 output tokens)", () => {
  const fewShot = { promptTokens: 1700, inputTokens: 300, outputTokens: 200, monthlyCalls: 1_000_000, fineTunedPromptTokens: 0 };
  const sameModel = { prompt: 'gpt-4.1-mini', tune: 'gpt-4.1-mini', asOf: OPENAI_OPEN };

  it('prompts for $0.00112 a call uncached', () => {
    expect(costsFor(fewShot, sameModel).promptEngineering.perCall).toBeCloseTo(0.00112, 10);
  });

  it('prompts for $0.00061 a call with the prefix always cached', () => {
    const cost = costsFor({ ...fewShot, cacheHitRate: 1 }, sameModel);
    expect(cost.promptEngineering.perCall).toBeCloseTo(0.00061, 10);
    expect(itemOf(cost.promptEngineering, 'Prompt (instructions and examples), cached').basis).toContain('1.7B tokens');
  });

  it('runs the tuned model without the prefix for $0.00088 a call at OpenAI tuned prices', () => {
    expect(costsFor(fewShot, sameModel).fineTuning!.perCall).toBeCloseTo(0.00088, 10);
  });

  it('never breaks even fine-tuning the same model when the prefix is cached', () => {
    const cost = costsFor({ ...fewShot, cacheHitRate: 1 }, sameModel);
    expect(cost.breakEvenMonthlyCalls).toBeNull();
    expect(cost.fineTuning!.total).toBeGreaterThan(cost.promptEngineering.total);
  });

  it('credits distilling a cached prompted gpt-4.1 into gpt-4.1-mini to the switch: prompting gpt-4.1-mini with the same cached prompt is cheaper still, so tuning never breaks even', () => {
    const cost = costsFor({ ...fewShot, cacheHitRate: 1 }, { prompt: 'gpt-4.1', tune: 'gpt-4.1-mini', asOf: OPENAI_OPEN });
    expect(cost.promptEngineering.perCall).toBeCloseTo(0.00305, 10);
    // The tuned gpt-4.1-mini is cheaper per call than prompting gpt-4.1...
    expect(cost.fineTuning!.perCall).toBeCloseTo(0.00088, 10);
    // ...but prompting gpt-4.1-mini itself, same cached prompt, no training, is cheaper than both.
    expect(cost.substitutePrompt!.model).toBe('gpt-4.1-mini');
    expect(cost.substitutePrompt!.perCall).toBeCloseTo(0.00061, 10);
    expect(cost.baseline).toBe('substitutePrompt');
    expect(cost.breakEvenMonthlyCalls).toBeNull();
    expect(cost.breakEvenMonth).toBeNull();
  });
});

describe('training', () => {
  it('costs examples × (tight prompt + input + output tokens) × epochs × the training rate', () => {
    const answers = { promptTokens: 1000, fineTunedPromptTokens: 100, inputTokens: 300, outputTokens: 200, monthlyCalls: 10_000, labeledExamples: 1000, epochs: 4 };
    const tuned = costsFor(answers, { prompt: 'gpt-4.1-mini', tune: 'gpt-4.1-mini' }).fineTuning!;
    // 1,000 × 600 × 4 = 2.4M tokens at $5 per 1M
    expect(tuned.training).toBe(12);
    const training = itemOf(tuned, 'Training');
    expect(training.amount).toBe(12);
    expect(training.cadence).toBe('once');
    expect(training.basis).toContain('1,000 examples × 600 tokens × 4 epochs = 2.4M tokens');
    expect(training.basis).toContain("(GPT-4.1 mini training, provider's page, as of 2026-03-31)");
  });

  it('trains on 3 epochs and the tight prompt a tenth as long when not told otherwise', () => {
    const tuned = costsFor({ promptTokens: 1000, inputTokens: 300, outputTokens: 200, labeledExamples: 1000 }, { prompt: 'gemini-2.5-flash', tune: 'gemini-2.5-flash' }).fineTuning!;
    // 1,000 × (100 + 300 + 200) × 3 = 1.8M tokens at $5 per 1M
    expect(tuned.training).toBe(9);
  });

  it("trains on the seeds' minimum of 100 and counts labelling the missing examples", () => {
    const answers = { promptTokens: 1000, inputTokens: 300, outputTokens: 200, labeledExamples: 40, labelingCostPerExample: 2 };
    const tuned = costsFor(answers, { prompt: 'gemini-2.5-flash', tune: 'gemini-2.5-flash' }).fineTuning!;
    expect(itemOf(tuned, 'Training').basis).toMatch(/^100 examples/);
    const labelling = itemOf(tuned, 'Labelling');
    expect(labelling.amount).toBe(120);
    expect(labelling.basis).toContain('60 more examples to reach 100');
  });
});

describe('fixed fees', () => {
  it('adds the Azure hosting fee of a tuned deployment to every month', () => {
    const answers = { promptTokens: 1000, inputTokens: 300, outputTokens: 200, monthlyCalls: 100_000, labeledExamples: 600 };
    const tuned = costsFor(answers, { prompt: 'azure-gpt-4o-mini', tune: 'azure-gpt-4o-mini', asOf: OPENAI_OPEN }).fineTuning!;
    const hosting = itemOf(tuned, 'Hosting the tuned model');
    expect(hosting.amount).toBe(1241);
    expect(hosting.cadence).toBe('per month');
    // Azure's page shows the hourly fee; the tuning figures as a whole are from a secondary source.
    expect(hosting.basis).toBe('$1,241 a month (GPT-4o mini on Azure OpenAI hosting per month, secondary source, not verified, as of 2026-02-11)');
    // The month's items: not those that start later (the calls going back to the prompt once Azure stops serving it, from month 21).
    const tokens = tuned.items.filter((i) => i.cadence === 'per month' && i !== hosting && (i.fromMonth ?? 1) === 1).reduce((s, i) => s + i.amount, 0);
    expect(tuned.items.some((i) => i.label.startsWith('Back to prompting') && i.fromMonth === 21)).toBe(true);
    expect(tuned.monthly).toBeCloseTo(tokens + 1241, 2);
    expect(tuned.total).toBeGreaterThan(1241 * 12);
  });

  it('lets the team override the hosting fee', () => {
    const answers = { promptTokens: 1000, inputTokens: 300, outputTokens: 200, monthlyCalls: 100_000, prices: { hostingPerMonth: 0 } };
    const tuned = costsFor(answers, { prompt: 'azure-gpt-4o-mini', tune: 'azure-gpt-4o-mini', asOf: OPENAI_OPEN }).fineTuning!;
    expect(tuned.items.some((i) => i.label === 'Hosting the tuned model')).toBe(false);
  });
});

describe('where every figure comes from', () => {
  const fromTimeOrData = new Set(['Prompt engineering time', 'Fine-tuning work', 'Labelling', 'Retraining']);

  it('names the price, where it came from (provider\'s page or secondary source, verified or not) and its date, or "your override", in every priced item of every path, the router call of "both" too', () => {
    const v = verdictFor(stuckPrompt({ promptTokens: 4000, prices: { input: 1.5, fineTunedOutput: 9 }, cacheHitRate: 0.5, labeledExamples: 600, horizonMonths: 24, failuresIdentifiable: true }));
    const cost = v.cost!;
    expect(itemOf(cost.hybrid!, 'Router').basis).toMatch(
      /^a routing call on gemini-2.5-pro per call: 450 tokens in at \$1.50 per 1M \(your override\) and 5 out at \$10.00 per 1M \(Gemini 2\.5 Pro on Vertex AI output, provider's page, as of 2026-11-23\), × 10,000 calls$/,
    );
    const items = [cost.promptEngineering, cost.fineTuning!, cost.hybrid!].flatMap((p) => p.items);
    const priced = items.filter((i) => !fromTimeOrData.has(i.label));
    expect(priced.length).toBeGreaterThan(10);
    const source = String.raw`(provider's page|secondary source)(, not verified)?, as of \d{4}-\d{2}-\d{2}`;
    for (const item of priced) expect(item.basis, item.label).toMatch(new RegExp(String.raw`per 1M .*\((.* ${source}|your override)[;,)]|a month \(.* ${source}\)|seed rule of thumb`));
    expect(items.map((i) => i.basis).join('\n')).not.toContain('checked');
    expect(items.filter((i) => i.label.includes(', cached (')).length).toBeGreaterThan(0);
    expect(itemOf(cost.promptEngineering, 'Input per call').basis).toContain('your override');
    expect(itemOf(cost.promptEngineering, 'Output per call').basis).toContain("(Gemini 2.5 Pro on Vertex AI output, provider's page, as of 2026-11-23)");
    // Gemini's tuning figures come from a secondary source: the tuned tokens say so.
    expect(itemOf(cost.fineTuning!, 'Input per call').basis).toContain('(Gemini 2.5 Pro on Vertex AI fine-tuned input, secondary source, not verified, as of 2026-11-23)');
    expect(itemOf(cost.fineTuning!, 'Output per call').basis).toContain('your override');
    for (const item of items.filter((i) => fromTimeOrData.has(i.label))) expect(item.basis, item.label).toMatch(/hours|examples/);
  });

  it('dates the prices behind the costs', () => {
    expect(verdictFor(stuckPrompt()).cost!.pricesAsOf).toBe('2026-11-23');
  });
});
