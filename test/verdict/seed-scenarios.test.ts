import { describe, expect, it } from 'vitest';
import { answersFor } from '../helpers/answers.js';
import { reasonText, ruleIdsOf, verdictFor } from '../helpers/advice.js';

/** Seed 001, "Five Real-World Scenarios", as a team would answer for each. */
describe("the seed guide's five real-world scenarios", () => {
  it('1a. stops at prompt engineering for PDF extraction at 90% ("If success rate exceeds 85%, stop")', () => {
    const v = verdictFor(
      answersFor({
        task: 'Extract invoice fields from messy PDFs',
        taskKind: 'extraction',
        testedExamples: 30,
        successRate: 0.9,
        promptIterations: 2,
        model: 'gpt-4.1-mini',
        promptTokens: 2500,
        inputTokens: 3000,
        outputTokens: 300,
        monthlyCalls: 20_000,
      }),
    );
    expect(v.verdict).toBe('prompt-engineering');
    expect(reasonText(v, 'eight-of-ten')).toContain('90%');
  });

  it('1b. adds fine-tuning for PDF extraction stalled at 60% with vocabulary failures and 600 examples', () => {
    const v = verdictFor(
      answersFor({
        task: 'Extract invoice fields from messy PDFs',
        taskKind: 'extraction',
        testedExamples: 40,
        successRate: 0.6,
        promptIterations: 5,
        failureMode: 'vocabulary',
        model: 'gpt-4.1-mini',
        promptTokens: 2500,
        inputTokens: 3000,
        outputTokens: 300,
        monthlyCalls: 20_000,
        labeledExamples: 600,
      }),
    );
    expect(['fine-tune', 'hybrid']).toContain(v.verdict);
    expect(v.verdict).toBe('fine-tune');
    expect(ruleIdsOf(v)[0]).toBe('below-80-after-iterations');
    expect(reasonText(v, 'below-80-after-iterations')).toContain('60% right after 5 rounds');
  });

  it('2. keeps support-ticket classification at 85% and low volume on prompt engineering', () => {
    const v = verdictFor(
      answersFor({
        task: 'Route support tickets to one of 8 queues',
        taskKind: 'classification',
        testedExamples: 40,
        successRate: 0.85,
        promptIterations: 2,
        model: 'claude-haiku-4.5',
        promptTokens: 1200,
        inputTokens: 250,
        outputTokens: 10,
        monthlyCalls: 30_000,
      }),
    );
    expect(v.verdict).toBe('prompt-engineering');
    expect(ruleIdsOf(v)).toContain('fine-tuning-does-not-pay');
    expect(v.answers.categories).toBeUndefined();
  });

  it('3. fine-tunes legal clauses in the company style stuck at 55% after 4 rounds with 500 documents', () => {
    const v = verdictFor(
      answersFor({
        task: 'Draft contract clauses in our house style',
        taskKind: 'style',
        testedExamples: 30,
        successRate: 0.55,
        promptIterations: 4,
        failureMode: 'style',
        model: 'gpt-4.1',
        promptTokens: 3000,
        inputTokens: 800,
        outputTokens: 600,
        monthlyCalls: 5_000,
        labeledExamples: 500,
        deadline: 'this-quarter',
        specStable: true,
      }),
    );
    expect(v.verdict).toBe('fine-tune');
    // GPT-4.1's tuned models stop on 2027-01-14 (OpenAI's wind-down): the headline names the move.
    expect(v.headline).toBe('Move to Amazon Nova Pro on Bedrock and fine-tune it: the prompt is stuck below 80% after 4 rounds');
    expect(reasonText(v, 'below-80-after-iterations')).toContain('55% right after 4 rounds');
    expect(v.cost!.fineTuning!.training).toBeGreaterThan(0);
  });

  it('4. needs no fine-tuning for research-paper summaries at 92%', () => {
    const v = verdictFor(
      answersFor({
        task: 'Summarise long research papers into key insights',
        taskKind: 'summarization',
        testedExamples: 25,
        successRate: 0.92,
        model: 'claude-sonnet-4.5',
        promptTokens: 1500,
        inputTokens: 12_000,
        outputTokens: 500,
        monthlyCalls: 2_000,
      }),
    );
    expect(v.verdict).toBe('prompt-engineering');
    expect(reasonText(v, 'eight-of-ten')).toContain('92%');
    expect(v.answers.promptIterations).toBeUndefined();
  });

  /** Scenario 5: "Prompt engineering + few-shot examples covers 88% of cases. Fine-tune on remaining 12% of edge cases." */
  const translation = (over = {}) =>
    answersFor({
      task: 'Translate technical docs into plain English',
      taskKind: 'translation',
      testedExamples: 50,
      successRate: 0.88,
      promptIterations: 3,
      failureMode: 'vocabulary',
      model: 'gemini-2.5-flash',
      promptTokens: 2000,
      inputTokens: 1500,
      outputTokens: 1500,
      monthlyCalls: 50_000,
      labeledExamples: 1000,
      ...over,
    });

  it('5a. stops at 88% for technical-doc translation with vocabulary failures while nobody says what a wrong answer costs: the seeds disagree, scenario 1 is followed', () => {
    const v = verdictFor(translation());
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.headline).toBe('Stay with prompt engineering: above 85% the seeds say stop');
    expect(ruleIdsOf(v)).toEqual(['seeds-disagree-85-90', 'wrong-answer-break-even']);
    expect(reasonText(v, 'seeds-disagree-85-90')).toContain('scenario 1 stops above 85%, scenario 5 fine-tunes the last 12% at 88%');
    expect(reasonText(v, 'wrong-answer-break-even')).toContain(
      'would fix about 36,000 wrong answers (half of those that fail, assumed): it pays for itself if a wrong answer costs you more than $0.14.',
    );
    expect(v.nextSteps).toContain('Run this check again if a wrong answer costs you more than $0.14: fine-tuning pays from there.');
  });

  it('5b. fine-tunes the remaining 12% (scenario 5) when a wrong answer costs $1, and not "both": a router on every call costs more than tuning every call', () => {
    const v = verdictFor(translation({ costOfWrongAnswer: 1, failuresIdentifiable: true }));
    expect(v.verdict).toBe('fine-tune');
    expect(v.headline).toBe('Fine-tune Gemini 2.5 Flash on Vertex AI: the answers it would fix are worth more than it costs');
    expect(ruleIdsOf(v)).toEqual(['edge-cases-worth-fixing', 'fixes-worth-it']);
    expect(reasonText(v, 'fixes-worth-it')).toContain('fixing 50% (assumed) of the 12% that fail is 36,000 answers worth $36,000 over 12 months');
    expect(v.cost!.hybrid!.fineTunedShare).toBeCloseTo(0.12, 10);
    expect(v.cost!.hybrid!.total).toBeGreaterThan(v.cost!.fineTuning!.total);
  });
});
