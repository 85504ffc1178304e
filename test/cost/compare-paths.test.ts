import { describe, expect, it } from 'vitest';
import { expensiveWorkingPrompt, workingPrompt } from '../helpers/answers.js';
import { ruleIdsOf, verdictFor } from '../helpers/advice.js';
import { modelById } from '../helpers/catalogue.js';

/** A summariser on Claude Sonnet 4.5 that works at 92% (the seeds' scenario 4), tested on 50 papers. */
const sonnetSummaries = workingPrompt({
  taskKind: 'summarization',
  testedExamples: 50,
  successRate: 0.92,
  promptIterations: 3,
  model: 'claude-sonnet-4.5',
  promptTokens: 3000,
  inputTokens: 2000,
  outputTokens: 300,
  monthlyCalls: 100_000,
  labeledExamples: 1000,
});

describe('fine-tuning against the real alternatives', () => {
  it('prices prompting the model that would be tuned, untrained, and never credits the switch to fine-tuning', () => {
    const v = verdictFor(sonnetSummaries);
    const cost = v.cost!;
    expect(cost.substitutePrompt!.model).toBe('nova-pro');
    expect(cost.baseline).toBe('substitutePrompt');
    expect(v.comparison!.fromSwitching).toBeCloseTo(cost.promptEngineering.total - cost.substitutePrompt!.total, 2);
    expect(v.comparison!.fromTuning).toBeCloseTo(cost.substitutePrompt!.total - cost.fineTuning!.total, 2);
    // Fine-tuning Nova Pro is cheaper than prompting Sonnet, but dearer than prompting Nova Pro: no fine-tune.
    expect(cost.fineTuning!.total).toBeLessThan(cost.promptEngineering.total);
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.headline).not.toMatch(/^Fine-tune/);
    expect(v.nextSteps.join('\n')).toMatch(/Try prompting Amazon Nova Pro.* with the same prompt: .*Its quality on your task is untested/);
  });

  it('splits a recommended saving into what switching models gives and what tuning gives', () => {
    const v = verdictFor({ ...sonnetSummaries, monthlyCalls: 5_000_000 });
    expect(v.verdict).toBe('fine-tune');
    const c = v.comparison!;
    expect(c.fromSwitching).toBeGreaterThan(0);
    expect(c.fromTuning).toBeGreaterThanOrEqual(c.margin);
    expect(c.savingVsToday).toBeCloseTo(c.fromSwitching + c.fromTuning, 1);
    const reason = v.reasons.find((r) => r.rule === 'prompt-costs-more-than-fine-tuning')!.text;
    // Whichever model is cheapest to tune at this volume (a dedicated Llama endpoint at 5M calls), the switch is named apart.
    const tuned = modelById(v.fineTuneModel!).name;
    expect(v.fineTuneModel).not.toBe('claude-sonnet-4.5');
    expect(reason).toContain(`of the saving against today comes from moving to ${tuned}, which prompting it untrained would give too`);
    expect(reason).toContain('quality on your task is untested until you run your examples on it');
  });

  it('recommends a cost-only fine-tune from the volume it names, and not just below it', () => {
    const flip = verdictFor(expensiveWorkingPrompt({ monthlyCalls: 10_000 })).comparison!.flipMonthlyCalls!;
    expect(flip).toBeGreaterThan(10_000);
    expect(verdictFor(expensiveWorkingPrompt({ monthlyCalls: flip + 1 })).verdict).toBe('fine-tune');
    const below = verdictFor(expensiveWorkingPrompt({ monthlyCalls: Math.floor(flip * 0.98) }));
    expect(below.verdict).toBe('prompt-engineering');
    expect(ruleIdsOf(below)).toContain('fine-tuning-does-not-pay');
    // Just below the flip, whichever condition binds is named: the margin, or a doubled default.
    expect(below.reasons.find((r) => r.rule === 'fine-tuning-does-not-pay')!.text).toMatch(/20% margin|not if its uncertain defaults are off/);
    expect(below.nextSteps.join('\n')).toContain(`if volume passes ${flip.toLocaleString('en-US')} calls a month`);
  });

  it('shows how the saving moves when the tight prompt or the work doubles, only for what is a default', () => {
    const defaults = verdictFor(expensiveWorkingPrompt()).comparison!;
    expect(defaults.sensitivity.map((s) => s.label)).toEqual(['the tight prompt is twice as long', 'the fine-tuning work takes twice as long']);
    expect(defaults.sensitivity[0]!.saving).toBeLessThan(defaults.fromTuning);
    expect(defaults.sensitivity[1]!.saving).toBeCloseTo(defaults.fromTuning - 56 * 100, 1);
    const measured = verdictFor(expensiveWorkingPrompt({ fineTunedPromptTokens: 400, fineTuningHours: 80 })).comparison!;
    expect(measured.sensitivity).toEqual([]);
  });

  it('keeps a prompt that works when fine-tuning saves less than the margin over a year', () => {
    // 95% right; tuning would save a sliver: the tight prompt and the 56 hours are defaults.
    const v = verdictFor(expensiveWorkingPrompt({ monthlyCalls: 60_000 }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.comparison!.clearsMargin).toBe(false);
  });
});
