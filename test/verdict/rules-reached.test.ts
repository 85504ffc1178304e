import { describe, expect, it } from 'vitest';
import { RULES, type Answers, type RuleId, type Verdict } from '../../src/index.js';
import { OPENAI_OPEN } from '../helpers/catalogue.js';
import {
  edgeCasesCheaperToRoute,
  expensiveWorkingPrompt,
  plateauedPrompt,
  stuckPrompt,
  untestedPrompt,
  workingPrompt,
} from '../helpers/answers.js';
import { seedText, verdictFor } from '../helpers/advice.js';

/** For every rule, a situation whose verdict gives it as a reason (the type makes the table complete). */
const SCENARIO_FOR_RULE: Record<RuleId, { answers: Answers; asOf?: string }> = {
  'untested-prompt': { answers: untestedPrompt() },
  'eight-of-ten': { answers: workingPrompt() },
  'fine-tuning-does-not-pay': { answers: workingPrompt() },
  'prompt-costs-more-than-fine-tuning': { answers: expensiveWorkingPrompt() },
  'below-80-few-iterations': { answers: stuckPrompt({ promptIterations: 1 }) },
  'knowledge-failures': { answers: stuckPrompt({ failureMode: 'knowledge' }) },
  'ninety-percent-test': { answers: stuckPrompt({ successRate: 0.05 }) },
  'below-80-after-iterations': { answers: stuckPrompt() },
  'too-few-examples': { answers: stuckPrompt({ labeledExamples: 40 }) },
  plateau: { answers: plateauedPrompt() },
  'edge-cases-cheapest': { answers: edgeCasesCheaperToRoute(), asOf: OPENAI_OPEN },
  'provider-offers-no-fine-tuning': { answers: stuckPrompt({ model: 'claude-opus-4.5' }) },
  'no-fine-tuning-available': { answers: stuckPrompt({ fineTuningAvailable: false }) },
  'ship-this-week': { answers: stuckPrompt({ deadline: 'this-week' }) },
  'spec-moving': { answers: stuckPrompt({ specStable: false }) },
};

describe('every rule is reached by a scenario', () => {
  it('has a scenario for each rule in RULES', () => {
    expect(Object.keys(SCENARIO_FOR_RULE).sort()).toEqual(Object.keys(RULES).sort());
  });

  it.each(Object.entries(SCENARIO_FOR_RULE))('reaches %s', (rule, { answers, asOf }) => {
    const v: Verdict = verdictFor(answers, asOf);
    const reason = v.reasons.find((r) => r.rule === rule);
    expect(reason, `${rule} not among ${v.reasons.map((r) => r.rule).join(', ')}`).toBeDefined();
    expect(reason!.text.length).toBeGreaterThan(20);
    expect(reason!.source).toEqual(RULES[rule as RuleId].source);
    expect(seedText(reason!.source.file)).toContain(reason!.source.quote);
  });
});
