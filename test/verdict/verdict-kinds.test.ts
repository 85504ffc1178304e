import { describe, expect, it } from 'vitest';
import { buildVerdictCard } from '../../src/index.js';
import { OPENAI_OPEN } from '../helpers/catalogue.js';
import { answersFor, edgeCasesCheaperToRoute, expensiveWorkingPrompt, lowVolume, plateauedPrompt, stuckPrompt, untestedPrompt, workingPrompt } from '../helpers/answers.js';
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

  it('says test on 30-50 examples before training when fine-tuning is indicated on 12 tested examples', () => {
    const v = verdictFor(stuckPrompt({ testedExamples: 12 }));
    expect(v.verdict).toBe('test-prompts-first');
    expect(v.headline).toBe("Test on 30-50 examples before you train: your score can't yet carry a fine-tune");
    expect(ruleIdsOf(v)).toEqual(['below-80-after-iterations', 'too-few-tested']);
    expect(reasonText(v, 'too-few-tested')).toBe('Fine-tuning could be next, but your score rests on 12 tested examples (7 of 12 is consistent with 32% to 81%): test on 30-50 before you train.');
  });

  it('says test on more examples when 70% on 50 is consistent with 80% (its 95% interval reaches it)', () => {
    const v = verdictFor(edgeCasesCheaperToRoute({ failuresIdentifiable: true }), OPENAI_OPEN);
    expect(v.verdict).toBe('test-prompts-first');
    expect(v.headline).toBe("Test on 59 examples before you train: your score can't yet carry a fine-tune");
    expect(ruleIdsOf(v)).toEqual(['below-80-after-iterations', 'rate-uncertain']);
    expect(reasonText(v, 'rate-uncertain')).toBe(
      "35 of 50 is consistent with 56% to 81%: that reaches 80%, so your examples can't yet tell whether the prompt fails 20% or more. Test on about 59 examples before you train.",
    );
    expect(v.successInterval).toMatchObject({ right: 35, tested: 50 });
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
    expect(v.headline).toBe('Fine-tune Gemini 2.5 Pro on Vertex AI: the prompt is stuck below 80% after 4 rounds');
    expect(v.fineTuneModel).toBe('gemini-2.5-pro');
    expect(reasonText(v, 'below-80-after-iterations')).toContain('60% right after 4 rounds');
  });

  it('fine-tunes a prompt that works when its 4k tokens at 10M calls cost far more: the saving clears the 20% margin and survives doubled defaults', () => {
    const v = verdictFor(expensiveWorkingPrompt());
    expect(v.verdict).toBe('fine-tune');
    expect(v.headline).toBe('Fine-tune Gemini 2.5 Pro on Vertex AI: it saves $534,465 (60.4%) against prompting');
    expect(ruleIdsOf(v)).toEqual(['eight-of-ten', 'prompt-costs-more-than-fine-tuning']);
    const cost = v.cost!;
    expect(cost.fineTuning!.total).toBeLessThan(0.8 * cost.promptEngineering.total);
    expect(v.comparison).toMatchObject({ fromTuning: 534_465, fromSwitching: 0, clearsMargin: true, robust: true });
    const text = reasonText(v, 'prompt-costs-more-than-fine-tuning');
    expect(text).toMatch(/4,000-token prompt at 10M calls a month costs \$885,200 over 12 months/);
    expect(text).toContain('saving $534,465 (60.4%), past the 20% margin');
    expect(text).toContain('it still saves $474,405 if the tight prompt is twice as long and $528,865 if the fine-tuning work takes twice as long');
    expect(text).toContain(`breaking even in month ${cost.breakEvenMonth}`);
  });

  it('stays with prompt engineering when the same prompt is called 10,000 times a month', () => {
    const v = verdictFor(expensiveWorkingPrompt({ monthlyCalls: 10_000 }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.cost!.fineTuning!.total).toBeGreaterThan(v.cost!.promptEngineering.total);
  });

  it('stays with prompt engineering when fine-tuning saves less than the 20% margin, and says at what volume that would change', () => {
    const v = verdictFor(expensiveWorkingPrompt({ monthlyCalls: 150_000 }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.headline).toBe('Stay with prompt engineering: it works, and fine-tuning would not pay for itself');
    expect(ruleIdsOf(v)).toEqual(['eight-of-ten', 'fine-tuning-does-not-pay']);
    expect(reasonText(v, 'fine-tuning-does-not-pay')).toBe(
      'At 150,000 calls a month, fine-tuning Gemini 2.5 Pro on Vertex AI would save $2,565 over 12 months against prompting Gemini 2.5 Pro on Vertex AI ($13,475), ' +
        'less than the 20% margin ($2,695) a change away from the most reversible lever must clear. It would clear the margin from about 206,204 calls a month.',
    );
    expect(v.nextSteps).toContain('Run this check again if volume passes 206,204 calls a month: a fine-tune clears the margin there.');
  });

  it('says that the data comes first when the volume that would clear the margin still lacks the examples to train on', () => {
    const v = verdictFor(expensiveWorkingPrompt({ monthlyCalls: 150_000, labeledExamples: 40 }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.nextSteps).toContain(
      'Run this check again if volume passes 206,051 calls a month: a fine-tune clears the margin there, once you have the 100 labelled examples to train it on (you have 40).',
    );
    // The reason and the cost card say the same, as the card's flip ("collect data first") does.
    expect(reasonText(v, 'fine-tuning-does-not-pay')).toContain('It would clear the margin from about 206,051 calls a month, once you have the 100 labelled examples to train it on (you have 40).');
    expect(JSON.stringify(buildVerdictCard(v))).toContain(
      '206,051 calls a month (past the 20% margin, and still saving if the defaults double), once you have the 100 labelled examples to train it on (you have 40)',
    );
  });

  it('stays with prompt engineering when the saving clears the margin but not if the fine-tuning work took twice as long', () => {
    const v = verdictFor(expensiveWorkingPrompt({ monthlyCalls: 200_000 }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.comparison).toMatchObject({ clearsMargin: true, robust: false });
    expect(reasonText(v, 'fine-tuning-does-not-pay')).toContain(
      'would save $5,265 over 12 months against prompting Gemini 2.5 Pro on Vertex AI ($17,900), but not if its uncertain defaults are off: if the fine-tuning work takes twice as long it would cost $335 more.',
    );
  });

  it("never fine-tunes a knowledge task for cost: retrieved context can't be baked into weights", () => {
    const v = verdictFor(expensiveWorkingPrompt({ taskKind: 'knowledge' }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.headline).toBe("Stay with prompt engineering: it works, and knowledge can't be tuned into weights");
    expect(ruleIdsOf(v)).toEqual(['eight-of-ten', 'knowledge-not-cost-tuned']);
  });
});

describe("the ceiling (80-85%) and the seeds' 85-90% disagreement", () => {
  it('stays with prompt engineering at 88% after 3 rounds with vocabulary failures: scenario 1 stops above 85%, and states the break-even cost of a wrong answer', () => {
    const v = verdictFor(plateauedPrompt());
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.headline).toBe('Stay with prompt engineering: above 85% the seeds say stop');
    expect(ruleIdsOf(v)).toEqual(['seeds-disagree-85-90', 'wrong-answer-break-even']);
    expect(reasonText(v, 'seeds-disagree-85-90')).toContain('88% right after 3 rounds. Between 85% and 90% the seeds disagree');
    expect(reasonText(v, 'wrong-answer-break-even')).toBe(
      'Fine-tuning costs $5,310 more than prompting Gemini 2.5 Pro on Vertex AI over 12 months and would fix about 7,200 wrong answers (half of those that fail, assumed): ' +
        'it pays for itself if a wrong answer costs you more than $0.74.',
    );
    expect(v.nextSteps).toContain('Run this check again if a wrong answer costs you more than $0.74: fine-tuning pays from there.');
  });

  it('follows scenario 5 at 88% when a wrong answer costs $5: the 7,200 answers fixed are worth more than fine-tuning costs', () => {
    const v = verdictFor(plateauedPrompt({ costOfWrongAnswer: 5 }));
    expect(v.verdict).toBe('fine-tune');
    expect(v.headline).toBe('Fine-tune Gemini 2.5 Pro on Vertex AI: the answers it would fix are worth more than it costs');
    expect(ruleIdsOf(v)).toEqual(['edge-cases-worth-fixing', 'fixes-worth-it']);
    expect(reasonText(v, 'fixes-worth-it')).toBe(
      'At $5.00 a wrong answer, fixing 50% (assumed) of the 12% that fail is 7,200 answers worth $36,000 over 12 months, more than the $5,310 it costs beyond prompting Gemini 2.5 Pro on Vertex AI.',
    );
  });

  it('stays with prompt engineering at 88% when a wrong answer costs $0.10: the fixes are worth less than they cost', () => {
    const v = verdictFor(plateauedPrompt({ costOfWrongAnswer: 0.1 }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.headline).toBe('Stay with prompt engineering: fixing the failures would cost more than they do');
    expect(ruleIdsOf(v)).toEqual(['seeds-disagree-85-90', 'fixes-not-worth-it']);
    expect(reasonText(v, 'fixes-not-worth-it')).toContain(
      '7,200 answers worth $720 over 12 months, less than the $5,310 fine-tuning costs beyond prompting Gemini 2.5 Pro on Vertex AI; it would pay if a wrong answer cost more than $0.74.',
    );
  });

  it('does not ask for data at 88% until the fixes are shown to pay: with 50 labelled examples and no cost of a wrong answer, scenario 1 stops', () => {
    const stays = verdictFor(plateauedPrompt({ labeledExamples: 50 }));
    expect(stays.verdict).toBe('prompt-engineering');
    expect(ruleIdsOf(stays)).toEqual(['seeds-disagree-85-90', 'wrong-answer-break-even']);
    const collects = verdictFor(plateauedPrompt({ labeledExamples: 50, costOfWrongAnswer: 5 }));
    expect(collects.verdict).toBe('collect-data');
    expect(ruleIdsOf(collects)).toEqual(['edge-cases-worth-fixing', 'fixes-worth-it', 'too-few-examples']);
  });

  it("fine-tunes at 80% after 3 rounds with format failures: the prompt has hit the seeds' ceiling", () => {
    const v = verdictFor(plateauedPrompt({ successRate: 0.8, failureMode: 'format' }));
    expect(v.verdict).toBe('fine-tune');
    expect(v.headline).toBe('Fine-tune Gemini 2.5 Pro on Vertex AI: the prompt has hit its ceiling on a systematic failure');
    expect(ruleIdsOf(v)).toEqual(['plateau', 'wrong-answer-break-even']);
    expect(reasonText(v, 'plateau')).toContain('80% right after 3 rounds, and the 20% that fail share a pattern (format)');
  });

  it('stays with prompt engineering at 90% after 3 rounds with format failures: the 90% test passes, so there is no "both"', () => {
    const v = verdictFor(plateauedPrompt({ successRate: 0.9, failureMode: 'format', failuresIdentifiable: true }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(ruleIdsOf(v)).toEqual(['eight-of-ten', 'fine-tuning-does-not-pay']);
    expect(reasonText(v, 'eight-of-ten')).toContain('past the 8 of 10 test and the 90% test');
    expect(v.cost!.hybrid).toBeNull();
  });

  it('stops at 91%: above the plateau the prompt simply works', () => {
    expect(verdictFor(plateauedPrompt({ successRate: 0.91 })).verdict).toBe('prompt-engineering');
  });

  it('is no plateau when the failures have no pattern', () => {
    expect(verdictFor(plateauedPrompt({ failureMode: 'none' })).verdict).toBe('prompt-engineering');
  });

  it('takes 79% on 100 examples with no failure pattern as passing: too close to 80% to tell apart, and nothing for fine-tuning to fix', () => {
    const v = verdictFor(stuckPrompt({ successRate: 0.79, testedExamples: 100, failureMode: 'none' }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(ruleIdsOf(v)).toEqual(['eight-of-ten', 'fine-tuning-does-not-pay']);
    expect(reasonText(v, 'eight-of-ten')).toBe(
      'It gets 79% of your tested examples right (79 of 100 is consistent with 70% to 86%): too close to 8 of 10 to tell apart, and the failures share no pattern fine-tuning fixes, so it counts as passing: prompting works.',
    );
  });
});

describe('hybrid', () => {
  const routable = (over = {}) => edgeCasesCheaperToRoute({ testedExamples: 100, failuresIdentifiable: true, ...over });

  it('routes the failing 30% to a tuned model when a router can tell them apart and that is cheaper than fine-tuning every call, router call included', () => {
    const v = verdictFor(routable(), OPENAI_OPEN);
    expect(v.verdict).toBe('hybrid');
    expect(v.headline).toBe('Use both: the prompt for most calls, a fine-tuned GPT-4.1 mini for the slice it gets wrong');
    expect(ruleIdsOf(v)).toEqual(['below-80-after-iterations', 'edge-cases-cheapest', 'wrong-answer-break-even']);
    const { hybrid, fineTuning } = v.cost!;
    expect(hybrid!.fineTunedShare).toBeCloseTo(0.3, 10);
    expect(hybrid!.total).toBeLessThan(fineTuning!.total);
    expect(hybrid!.items.filter((i) => i.label === 'Router (every call)')).toHaveLength(1);
    expect(reasonText(v, 'edge-cases-cheapest')).toBe(
      'A router can tell the failing cases apart, so routing them (30% of calls) to a fine-tuned GPT-4.1 mini and the rest through the prompt costs $10,914 over 6 months, ' +
        'a router call on every request included ($188 a month), against $11,030 for fine-tuning every call.',
    );
    expect(reasonText(v, 'wrong-answer-break-even')).toBe(
      'Using both costs $7,354 more than prompting GPT-4.1 mini over 6 months and would fix about 900,000 wrong answers (half of those that fail, assumed): ' +
        'it pays for itself if a wrong answer costs you more than $0.0082.',
    );
  });

  it('fine-tunes every call when the failing cases can\'t be told apart: no router, no "both"', () => {
    const v = verdictFor(routable({ failuresIdentifiable: false }), OPENAI_OPEN);
    expect(v.verdict).toBe('fine-tune');
    expect(v.cost!.hybrid).toBeNull();
  });

  it('fine-tunes every call when the prompt fails more than half the time, even if the failures can be told apart', () => {
    const v = verdictFor(routable({ successRate: 0.4 }), OPENAI_OPEN);
    expect(v.verdict).toBe('fine-tune');
    expect(v.cost!.hybrid).toBeNull();
  });
});

describe('the context of a fine-tuning verdict', () => {
  it('says ship the prompt now, and fine-tune after the launch, when the deadline is this week', () => {
    const v = verdictFor(stuckPrompt({ deadline: 'this-week' }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.headline).toBe('Ship the prompt this week; fine-tuning is a later step');
    // Weighed first: fixing the failures is worth it past a stated cost of a wrong answer; then shipped later.
    expect(ruleIdsOf(v)).toEqual(['below-80-after-iterations', 'wrong-answer-break-even', 'ship-this-week']);
    expect(v.nextSteps).toEqual([
      'Ship the prompt, and keep your test examples as a regression suite.',
      "Fine-tune Gemini 2.5 Pro on Vertex AI after the launch, once the prompt's failures on real traffic are counted.",
    ]);
    expect(v.fineTuneModel).toBe('gemini-2.5-pro');
  });

  it('says prompt now and settle the spec first when it still moves', () => {
    const v = verdictFor(stuckPrompt({ specStable: false }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.headline).toBe('Prompt engineering for now: fine-tune once the spec stops moving');
    expect(ruleIdsOf(v)).toEqual(['below-80-after-iterations', 'wrong-answer-break-even', 'spec-moving']);
    expect(v.nextSteps).toContain('Settle the output spec; once it has held for a few weeks, run this advisor again.');
  });

  it('gives a verdict for low-volume answers without any labelled-data questions when the prompt works', () => {
    const v = verdictFor(answersFor({ testedExamples: 30, successRate: 0.95, ...lowVolume }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.answers.labeledExamples).toBeUndefined();
  });
});
