import { describe, expect, it } from 'vitest';
import { OPENAI_OPEN } from '../helpers/catalogue.js';
import {
  answersFor,
  edgeCasesCheaperToRoute,
  expensiveWorkingPrompt,
  lowVolume,
  plateauedPrompt,
  stuckPrompt,
  untestedPrompt,
  workingPrompt,
} from '../helpers/answers.js';
import { reasonText, ruleIdsOf, verdictFor } from '../helpers/advice.js';

describe('test-prompts-first', () => {
  it('says test prompts first when the best prompt was tried on 9 examples', () => {
    const v = verdictFor(untestedPrompt({ testedExamples: 9 }));
    expect(v.verdict).toBe('test-prompts-first');
    expect(v.headline).toContain('at least 10 real examples');
    expect(ruleIdsOf(v)).toEqual(['untested-prompt']);
    expect(reasonText(v, 'untested-prompt')).toContain('9 real examples');
    expect(v.cost).toBeNull();
  });

  it('goes on to the score once the prompt was tried on 10 examples', () => {
    expect(verdictFor(workingPrompt({ testedExamples: 10 })).verdict).not.toBe('test-prompts-first');
  });
});

describe('the 8/10 test', () => {
  it('stays with prompt engineering at exactly 80% after one round, at low volume', () => {
    const v = verdictFor(workingPrompt({ successRate: 0.8, promptIterations: 1 }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.headline).toContain('fine-tuning would not pay for itself');
    expect(ruleIdsOf(v)).toEqual(['eight-of-ten', 'fine-tuning-does-not-pay']);
    expect(reasonText(v, 'eight-of-ten')).toContain('80%');
    expect(reasonText(v, 'fine-tuning-does-not-pay')).toContain('10,000 calls a month');
  });

  it('says keep improving the prompt at 79% after one round', () => {
    const v = verdictFor(workingPrompt({ successRate: 0.79, promptIterations: 1, failureMode: 'format' }));
    expect(v.verdict).toBe('iterate-prompt');
    expect(v.headline).toContain('Keep improving the prompt');
    expect(ruleIdsOf(v)).toEqual(['below-80-few-iterations']);
    expect(reasonText(v, 'below-80-few-iterations')).toContain('79% right after 1 round');
  });
});

describe('iterate-prompt and its 3-round boundary', () => {
  it('says keep improving after 2 rounds below 80%', () => {
    const v = verdictFor(stuckPrompt({ promptIterations: 2 }));
    expect(v.verdict).toBe('iterate-prompt');
    expect(reasonText(v, 'below-80-few-iterations')).toContain('after 2 rounds');
  });

  it('considers fine-tuning after 3 rounds below 80%', () => {
    const v = verdictFor(stuckPrompt({ promptIterations: 3 }));
    expect(v.verdict).toBe('fine-tune');
    expect(ruleIdsOf(v)).toContain('below-80-after-iterations');
  });
});

describe('rag-first', () => {
  it('says add retrieval first when the failures are missing knowledge', () => {
    const v = verdictFor(stuckPrompt({ failureMode: 'knowledge' }));
    expect(v.verdict).toBe('rag-first');
    expect(v.headline).toContain('retrieval (RAG)');
    expect(ruleIdsOf(v)).toEqual(['knowledge-failures']);
  });

  it('says add retrieval first for a plateau whose failures are missing knowledge', () => {
    expect(verdictFor(plateauedPrompt({ failureMode: 'knowledge' })).verdict).toBe('rag-first');
  });
});

describe('rethink-task (the 90% test)', () => {
  it('says rethink the task at 10% right after 3 rounds', () => {
    const v = verdictFor(stuckPrompt({ successRate: 0.1, promptIterations: 3, failureMode: 'none' }));
    expect(v.verdict).toBe('rethink-task');
    expect(v.headline).toContain('when 90% fail');
    expect(reasonText(v, 'ninety-percent-test')).toContain('Only 10% right after 3 rounds');
  });

  it('considers fine-tuning at 11% right after 3 rounds', () => {
    const v = verdictFor(stuckPrompt({ successRate: 0.11, promptIterations: 3, failureMode: 'none' }));
    expect(v.verdict).toBe('fine-tune');
    expect(reasonText(v, 'below-80-after-iterations')).toContain('11% right');
  });
});

describe('collect-data', () => {
  it('says collect data with 99 labelled examples and fine-tunes with 100', () => {
    const few = verdictFor(stuckPrompt({ labeledExamples: 99 }));
    expect(few.verdict).toBe('collect-data');
    expect(few.headline).toBe('Collect data first: fine-tuning needs at least 100 labelled examples');
    expect(few.nextSteps[0]).toContain('Label 1 more example');
    expect(verdictFor(stuckPrompt({ labeledExamples: 100 })).verdict).toBe('fine-tune');
  });

  it('asks for 100 per category: 12 categories with 1,000 examples is too few', () => {
    const v = verdictFor(stuckPrompt({ taskKind: 'classification', categories: 12, labeledExamples: 1000 }));
    expect(v.verdict).toBe('collect-data');
    expect(v.headline).toContain('at least 1,200 labelled examples');
    expect(reasonText(v, 'too-few-examples')).toContain('100 for each of 12 categories');
    expect(v.nextSteps[0]).toContain('Label 200 more examples');
  });

  it('fine-tunes a 12-category classifier with 1,200 examples', () => {
    const v = verdictFor(stuckPrompt({ taskKind: 'classification', categories: 12, labeledExamples: 1200 }));
    expect(v.verdict).toBe('fine-tune');
    expect(ruleIdsOf(v)).not.toContain('too-few-examples');
  });

  it('says collect data when a long prompt at volume would pay for fine-tuning but there are 50 examples', () => {
    const v = verdictFor(expensiveWorkingPrompt({ labeledExamples: 50 }));
    expect(v.verdict).toBe('collect-data');
    expect(ruleIdsOf(v)).toEqual(['eight-of-ten', 'prompt-costs-more-than-fine-tuning', 'too-few-examples']);
  });
});

describe('fine-tune', () => {
  it('fine-tunes when the prompt is stuck at 60% after 4 rounds with 600 examples and a tunable model', () => {
    const v = verdictFor(stuckPrompt());
    expect(v.verdict).toBe('fine-tune');
    expect(v.headline).toBe('Fine-tune Gemini 2.5 Pro on Vertex AI: the prompt is stuck below 80% after 3 or more rounds');
    expect(v.fineTuneModel).toBe('gemini-2.5-pro');
    expect(reasonText(v, 'below-80-after-iterations')).toContain('60% right after 4 rounds');
  });

  it('fine-tunes a prompt that works when its 4k tokens at 10M calls cost more than fine-tuning', () => {
    const v = verdictFor(expensiveWorkingPrompt());
    expect(v.verdict).toBe('fine-tune');
    expect(v.headline).toContain('at your volume it costs less than the long prompt');
    expect(ruleIdsOf(v)).toEqual(['eight-of-ten', 'prompt-costs-more-than-fine-tuning']);
    const cost = v.cost!;
    expect(cost.fineTuning!.total).toBeLessThan(cost.promptEngineering.total);
    expect(reasonText(v, 'prompt-costs-more-than-fine-tuning')).toMatch(/4,000-token prompt at 10M calls a month costs \$[\d,]+ over 12 months/);
    expect(reasonText(v, 'prompt-costs-more-than-fine-tuning')).toContain(`breaking even in month ${cost.breakEvenMonth}`);
  });

  it('stays with prompt engineering when the same prompt is called 10,000 times a month', () => {
    const v = verdictFor(expensiveWorkingPrompt({ monthlyCalls: 10_000 }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.cost!.fineTuning!.total).toBeGreaterThan(v.cost!.promptEngineering.total);
  });
});

describe('hybrid', () => {
  it('uses both at 88% after 3 rounds with vocabulary failures', () => {
    const v = verdictFor(plateauedPrompt());
    expect(v.verdict).toBe('hybrid');
    expect(v.headline).toBe('Use both: the prompt for most calls, a fine-tuned Gemini 2.5 Pro on Vertex AI for the edge cases');
    expect(reasonText(v, 'plateau')).toContain('88% right after 3 rounds, and the 12% that fail share a pattern (vocabulary)');
  });

  it.each([0.8, 0.9])('calls %d after 3 rounds with format failures a plateau', (successRate) => {
    expect(verdictFor(plateauedPrompt({ successRate, failureMode: 'format' })).verdict).toBe('hybrid');
  });

  it('stops at 91%: above the plateau the prompt simply works', () => {
    expect(verdictFor(plateauedPrompt({ successRate: 0.91 })).verdict).toBe('prompt-engineering');
  });

  it('is no plateau when the failures have no pattern', () => {
    expect(verdictFor(plateauedPrompt({ failureMode: 'none' })).verdict).toBe('prompt-engineering');
  });

  it('routes the failing 30% to a tuned model when that is cheaper than fine-tuning every call', () => {
    const v = verdictFor(edgeCasesCheaperToRoute(), OPENAI_OPEN);
    expect(v.verdict).toBe('hybrid');
    expect(ruleIdsOf(v)).toEqual(['below-80-after-iterations', 'edge-cases-cheapest']);
    const { hybrid, fineTuning } = v.cost!;
    expect(hybrid!.fineTunedShare).toBeCloseTo(0.3, 10);
    expect(hybrid!.total).toBeLessThan(fineTuning!.total);
    expect(reasonText(v, 'edge-cases-cheapest')).toMatch(/^Routing 30% of calls .* fine-tuned GPT-4.1 mini .* over 6 months/);
  });

  it('fine-tunes every call when the prompt fails more than half the time, even if routing is cheaper', () => {
    const v = verdictFor(edgeCasesCheaperToRoute({ successRate: 0.4 }), OPENAI_OPEN);
    expect(v.verdict).toBe('fine-tune');
  });
});

describe('the context of a fine-tuning verdict', () => {
  it('says ship the prompt now when the deadline is this week', () => {
    const v = verdictFor(stuckPrompt({ deadline: 'this-week' }));
    expect(v.verdict).toBe('fine-tune');
    expect(ruleIdsOf(v)).toContain('ship-this-week');
    expect(v.nextSteps[0]).toBe('Ship the prompt this week; train the model behind it.');
  });

  it('says settle the spec first when it still moves', () => {
    const v = verdictFor(plateauedPrompt({ specStable: false }));
    expect(ruleIdsOf(v)).toContain('spec-moving');
    expect(v.nextSteps).toContain('Settle the output spec before you train: a change means training again.');
  });

  it('gives a verdict for low-volume answers without any labelled-data questions when the prompt works', () => {
    const v = verdictFor(answersFor({ testedExamples: 30, successRate: 0.95, ...lowVolume }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.answers.labeledExamples).toBeUndefined();
  });
});
