import { describe, expect, it } from 'vitest';
import { verdictFor } from '../helpers/advice.js';

describe("a tuned path capped at the tuned model's shutdown", () => {
  it('sends the calls back to the prompt (on the successor) once OpenAI stops serving a tuned GPT-4.1, when the team insists it can tune', () => {
    const v = verdictFor(
      {
        taskKind: 'extraction',
        testedExamples: 60,
        successRate: 0.6,
        promptIterations: 4,
        failureMode: 'format',
        model: 'gpt-4.1',
        fineTuneModel: 'gpt-4.1',
        fineTuningAvailable: true,
        promptTokens: 2000,
        inputTokens: 500,
        outputTokens: 200,
        monthlyCalls: 100_000,
        labeledExamples: 1000,
        specStable: true,
      },
      '2026-11-27',
    );
    const ft = v.cost!.fineTuning!;
    // Tuned GPT-4.1 stops on 2027-01-14: served in months 1-2, then back to prompting from month 3.
    const tuned = ft.items.filter((i) => i.label === 'Tight prompt');
    expect(tuned).toEqual([expect.objectContaining({ untilMonth: 2 })]);
    const back = ft.items.filter((i) => i.label.startsWith('Back to prompting'));
    expect(back.length).toBeGreaterThan(0);
    expect(back.every((i) => (i.fromMonth ?? 0) >= 3)).toBe(true);
    expect(back.some((i) => i.basis.includes('after the tuned model stops on 2027-01-14'))).toBe(true);
    // No retraining is planned after the shutdown, and no break-even is found past it.
    expect(ft.retrainings).toBe(0);
    expect(v.cost!.breakEvenMonth === null || v.cost!.breakEvenMonth <= 2).toBe(true);
    expect(v.notices.map((n) => n.text).join('\n')).toContain('A tuned GPT-4.1 stops serving on 2027-01-14.');
  });
});
