import { describe, expect, it } from 'vitest';
import { RULES, type Answers, type RuleId, type Verdict, type VerdictKind } from '../../src/index.js';
import { OPENAI_OPEN } from '../helpers/catalogue.js';
import { edgeCasesCheaperToRoute, expensiveWorkingPrompt, plateauedPrompt, stuckPrompt, untestedPrompt, workingPrompt } from '../helpers/answers.js';
import { seedText, verdictFor } from '../helpers/advice.js';

/** For every rule, a situation whose verdict gives it as a reason, and that verdict (the type makes the table complete). */
const SCENARIO_FOR_RULE: Record<RuleId, { answers: Answers; verdict: VerdictKind; asOf?: string }> = {
  'untested-prompt': { answers: untestedPrompt(), verdict: 'test-prompts-first' },
  'eight-of-ten': { answers: workingPrompt(), verdict: 'prompt-engineering' },
  'seeds-disagree-85-90': { answers: plateauedPrompt(), verdict: 'prompt-engineering' },
  'edge-cases-worth-fixing': { answers: plateauedPrompt({ costOfWrongAnswer: 5 }), verdict: 'fine-tune' },
  'fine-tuning-does-not-pay': { answers: workingPrompt(), verdict: 'prompt-engineering' },
  'prompt-costs-more-than-fine-tuning': { answers: expensiveWorkingPrompt(), verdict: 'fine-tune' },
  'below-80-few-iterations': { answers: stuckPrompt({ promptIterations: 1 }), verdict: 'iterate-prompt' },
  'knowledge-failures': { answers: stuckPrompt({ failureMode: 'knowledge' }), verdict: 'rag-first' },
  'knowledge-not-cost-tuned': { answers: expensiveWorkingPrompt({ taskKind: 'knowledge' }), verdict: 'prompt-engineering' },
  'ninety-percent-test': { answers: stuckPrompt({ successRate: 0.05 }), verdict: 'rethink-task' },
  'below-80-after-iterations': { answers: stuckPrompt(), verdict: 'fine-tune' },
  // 35 of 50 is consistent with 56% to 81%.
  'rate-uncertain': { answers: stuckPrompt({ successRate: 0.7 }), verdict: 'test-prompts-first' },
  'too-few-tested': { answers: stuckPrompt({ testedExamples: 12 }), verdict: 'test-prompts-first' },
  'too-few-examples': { answers: stuckPrompt({ labeledExamples: 40 }), verdict: 'collect-data' },
  plateau: { answers: plateauedPrompt({ successRate: 0.82, failureMode: 'format' }), verdict: 'fine-tune' },
  'edge-cases-cheapest': { answers: edgeCasesCheaperToRoute({ testedExamples: 100, failuresIdentifiable: true }), verdict: 'hybrid', asOf: OPENAI_OPEN },
  'fine-tuning-also-saves': { answers: stuckPrompt({ promptTokens: 4000, monthlyCalls: 10_000_000 }), verdict: 'fine-tune' },
  'fixes-worth-it': { answers: stuckPrompt({ costOfWrongAnswer: 1 }), verdict: 'fine-tune' },
  'fixes-not-worth-it': { answers: stuckPrompt({ costOfWrongAnswer: 0.1 }), verdict: 'prompt-engineering' },
  'wrong-answer-break-even': { answers: stuckPrompt(), verdict: 'fine-tune' },
  'provider-offers-no-fine-tuning': { answers: stuckPrompt({ model: 'claude-opus-4.5' }), verdict: 'fine-tune' },
  'no-fine-tuning-available': { answers: stuckPrompt({ fineTuningAvailable: false }), verdict: 'iterate-prompt' },
  'ship-this-week': { answers: stuckPrompt({ deadline: 'this-week' }), verdict: 'prompt-engineering' },
  'spec-moving': { answers: stuckPrompt({ specStable: false }), verdict: 'prompt-engineering' },
};

describe('every rule is reached by a scenario', () => {
  it('has a scenario for each rule in RULES', () => {
    expect(Object.keys(SCENARIO_FOR_RULE).sort()).toEqual(Object.keys(RULES).sort());
  });

  it.each(Object.entries(SCENARIO_FOR_RULE))('reaches %s', (rule, { answers, verdict, asOf }) => {
    const v: Verdict = verdictFor(answers, asOf);
    expect(v.verdict).toBe(verdict);
    const reason = v.reasons.find((r) => r.rule === rule);
    expect(reason, `${rule} not among ${v.reasons.map((r) => r.rule).join(', ')}`).toBeDefined();
    expect(reason!.text.length).toBeGreaterThan(20);
    expect(reason!.source).toEqual(RULES[rule as RuleId].source);
    expect(seedText(reason!.source.file)).toContain(reason!.source.quote);
  });
});
