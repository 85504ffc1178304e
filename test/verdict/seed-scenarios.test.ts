import { describe, expect, it } from 'vitest';
import { answersFor } from '../helpers/answers.js';
import { reasonText, ruleIdsOf, verdictFor } from '../helpers/advice.js';

/** Seed 001, "Five Real-World Scenarios", as a team would answer for each. */
describe('the seed guide\'s five real-world scenarios', () => {
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
    expect(v.headline).toContain('the prompt is stuck below 80% after 3 or more rounds');
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

  it('5. uses both for technical-doc translation at 88% after 3 rounds with vocabulary failures and 1,000 examples', () => {
    const v = verdictFor(
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
      }),
    );
    expect(v.verdict).toBe('hybrid');
    expect(reasonText(v, 'plateau')).toContain('the 12% that fail share a pattern (vocabulary)');
    expect(v.cost!.hybrid!.fineTunedShare).toBeCloseTo(0.12, 10);
  });
});
