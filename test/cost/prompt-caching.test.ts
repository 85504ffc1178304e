import { describe, expect, it } from 'vitest';
import { costsFor, itemOf } from '../helpers/advice.js';
import { OPENAI_OPEN } from '../helpers/catalogue.js';

const calls = { inputTokens: 300, outputTokens: 200, monthlyCalls: 1_000_000, cacheHitRate: 0.8 };

describe('prompt caching as each provider bills it', () => {
  it('caches nothing below the 1,024-token minimum, and says why', () => {
    const cost = costsFor({ ...calls, promptTokens: 700 }, { prompt: 'gpt-4.1-mini', tune: null, asOf: OPENAI_OPEN });
    expect(cost.promptEngineering.items.some((i) => i.label.includes('cached'))).toBe(false);
    const prompt = itemOf(cost.promptEngineering, 'Prompt (');
    expect(prompt.amount).toBe((700 * 1_000_000 * 0.4) / 1e6);
    expect(prompt.basis).toContain('not cached: below the 1,024-token minimum');
  });

  it("bills Anthropic's cache writes at 1.25x input and its cache reads at the cached rate", () => {
    const cost = costsFor({ ...calls, promptTokens: 3000 }, { prompt: 'claude-sonnet-4.5', tune: null });
    const written = itemOf(cost.promptEngineering, 'Prompt (instructions and examples), uncached');
    expect(written.amount).toBeCloseTo((3000 * 0.2 * 1_000_000 * 3.75) / 1e6, 2);
    expect(written.basis).toContain('written to the cache at 1.25x input');
    expect(itemOf(cost.promptEngineering, 'Prompt (instructions and examples), cached').amount).toBeCloseTo((3000 * 0.8 * 1_000_000 * 0.3) / 1e6, 2);
  });

  it("leaves Claude Haiku 4.5's 3,000-token prompt uncached: its minimum is 4,096", () => {
    const cost = costsFor({ ...calls, promptTokens: 3000 }, { prompt: 'claude-haiku-4.5', tune: null });
    expect(itemOf(cost.promptEngineering, 'Prompt (').basis).toContain('below the 4,096-token minimum');
  });

  it("spreads a tuned Azure deployment's hosting fee over the calls in the per-call figure", () => {
    const cost = costsFor({ ...calls, promptTokens: 2000, monthlyCalls: 10_000, cacheHitRate: 0 }, { prompt: 'azure-gpt-4o-mini', tune: 'azure-gpt-4o-mini', asOf: OPENAI_OPEN });
    const ft = cost.fineTuning!;
    expect(ft.perCall * 10_000).toBeCloseTo(ft.monthly, 1);
    expect(ft.perCall).toBeGreaterThan(0.12);
  });
});
