import { describe, expect, it } from 'vitest';
import { mergeIntake, type ModelReading, type RulesReading } from '../../src/index.js';

const rules: RulesReading = {
  answers: { monthlyCalls: 1_500_000, successRate: 0.7 },
  phrases: { monthlyCalls: '50k tickets a day', successRate: '70% right' },
  notes: ['read 50k a day as 1.5M a month'],
};

describe('merging what the rules and a model read', () => {
  it('keeps what the rules read from the exact words and lets the model fill the rest', () => {
    const model: ModelReading = { ok: true, answers: { successRate: 0.9, failureMode: 'format', categories: 12 }, dropped: [] };
    const merged = mergeIntake(rules, model);
    expect(merged.answers).toEqual({ monthlyCalls: 1_500_000, successRate: 0.7, failureMode: 'format', categories: 12 });
    expect(merged.sources).toEqual({ monthlyCalls: 'rules', successRate: 'rules', failureMode: 'model', categories: 'model' });
    expect(merged.notes).toEqual(['read 50k a day as 1.5M a month']);
    expect(merged.degraded).toBe(false);
  });

  it('is the rules reading alone, not degraded, when no model is configured', () => {
    expect(mergeIntake(rules, null)).toMatchObject({ answers: rules.answers, degraded: false });
    expect(mergeIntake(rules, { ok: false, reason: 'not-configured' }).degraded).toBe(false);
  });

  it.each(['timeout', 'refused', 'rate-limited', 'error', 'invalid'] as const)('falls back to the rules and says a few questions are left when the model %s', (reason) => {
    const merged = mergeIntake(rules, { ok: false, reason });
    expect(merged.answers).toEqual(rules.answers);
    expect(merged.degraded).toBe(true);
  });
});
