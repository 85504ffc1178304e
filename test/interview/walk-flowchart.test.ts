import { describe, expect, it } from 'vitest';
import { advise, buildQuestions, type Answers, type QuestionId, type Verdict } from '../../src/index.js';
import { contextFor } from '../helpers/catalogue.js';
import { plateauedPrompt, stuckPrompt, workingPrompt } from '../helpers/answers.js';

/**
 * Runs an interview: answers each question from `truth`, or skips it when it is in `skip`.
 * Returns the questions in the order asked and the verdict.
 */
function interview(truth: Answers, skip: QuestionId[] = []): { asked: QuestionId[]; verdict: Verdict } {
  const state = { answers: {} as Answers, skipped: [] as QuestionId[] };
  const asked: QuestionId[] = [];
  for (let step = 0; step < 40; step++) {
    const advice = advise(state, contextFor());
    if (advice.kind === 'verdict') return { asked, verdict: advice.verdict };
    asked.push(advice.question);
    if (skip.includes(advice.question)) state.skipped.push(advice.question);
    else if (truth[advice.question] === undefined) throw new Error(`asked ${advice.question}, which the test has no answer for`);
    else state.answers = { ...state.answers, [advice.question]: truth[advice.question] };
  }
  throw new Error(`no verdict after 40 questions: ${asked.join(', ')}`);
}

/** What a person types, read by each question's own parser. */
function typed(texts: Partial<Record<QuestionId, string>>): Answers {
  const questions = buildQuestions(contextFor());
  const answers: Answers = {};
  for (const [id, text] of Object.entries(texts) as [QuestionId, string][]) {
    const result = questions[id].parse(text);
    if (!result.ok) throw new Error(result.message);
    Object.assign(answers, { [id]: result.value });
  }
  return answers;
}

const everything: Answers = {
  ...stuckPrompt(),
  categories: 3,
  deadline: 'this-month',
  specStable: true,
  cacheHitRate: 0,
  horizonMonths: 12,
  fineTuneModel: 'gemini-2.5-pro',
  failuresIdentifiable: false,
  costOfWrongAnswer: 2,
};

describe('the interview', () => {
  it("asks in the flowchart's order: score, failures, rounds, then costs, then data, then whether the failures can be routed and what a wrong answer costs", () => {
    const { asked, verdict } = interview(everything);
    expect(asked).toEqual([
      'taskKind',
      'testedExamples',
      'successRate',
      'failureMode',
      'promptIterations',
      'model',
      'promptTokens',
      'inputTokens',
      'outputTokens',
      'monthlyCalls',
      'cacheHitRate',
      'horizonMonths',
      'fineTuneModel',
      'labeledExamples',
      'deadline',
      'specStable',
      'failuresIdentifiable',
      'costOfWrongAnswer',
    ]);
    expect(verdict.verdict).toBe('fine-tune');
    expect(verdict.reasons.map((r) => r.rule)).toEqual(['below-80-after-iterations', 'fixes-worth-it']);
  });

  it('asks whether the failing cases can be told apart only when they are the smaller part: at 40% right, "both" is not offered', () => {
    const { asked, verdict } = interview({ ...everything, successRate: 0.4 });
    expect(asked).not.toContain('failuresIdentifiable');
    expect(asked.at(-1)).toBe('costOfWrongAnswer');
    expect(verdict.verdict).toBe('fine-tune');
  });

  it('never asks what a wrong answer costs, or whether failures can be routed, when the prompt passes and fine-tuning is a cost question only', () => {
    const { asked } = interview({ ...everything, successRate: 0.95 });
    expect(asked).not.toContain('costOfWrongAnswer');
    expect(asked).not.toContain('failuresIdentifiable');
  });

  it('asks how many categories only for a classifier, before the labelled examples', () => {
    const { asked } = interview({ ...everything, taskKind: 'classification' });
    expect(asked.indexOf('categories')).toBe(asked.indexOf('labeledExamples') - 1);
    expect(interview(everything).asked).not.toContain('categories');
  });

  it('stops after 5 tested examples', () => {
    const { asked, verdict } = interview({ ...everything, testedExamples: 5 });
    expect(asked).toEqual(['taskKind', 'testedExamples']);
    expect(verdict.verdict).toBe('test-prompts-first');
  });

  it('never asks about rounds or failures at 95%', () => {
    const { asked, verdict } = interview({ ...everything, successRate: 0.95 });
    expect(asked).not.toContain('promptIterations');
    expect(asked).not.toContain('failureMode');
    expect(verdict.verdict).toBe('prompt-engineering');
  });

  it('never asks about labelled data when a working prompt is cheaper than fine-tuning', () => {
    const { asked } = interview({ ...everything, successRate: 0.95 });
    expect(asked).not.toContain('labeledExamples');
    expect(asked.at(-1)).toBe('horizonMonths');
  });

  it('never asks about models or volumes once the failures are missing knowledge', () => {
    const { asked, verdict } = interview({ ...everything, failureMode: 'knowledge' });
    expect(asked).toEqual(['taskKind', 'testedExamples', 'successRate', 'failureMode']);
    expect(verdict.verdict).toBe('rag-first');
  });

  it('asks about rounds before failures when the prompt passes 8/10 but may have plateaued, and at 88% what a wrong answer costs', () => {
    const { asked, verdict } = interview({ ...everything, ...plateauedPrompt(), fineTuneModel: 'gemini-2.5-pro' });
    expect(asked.indexOf('promptIterations')).toBeLessThan(asked.indexOf('failureMode'));
    expect(asked.at(-1)).toBe('costOfWrongAnswer');
    // $2 a wrong answer: the 7,200 answers fixed are worth more than fine-tuning costs (seed scenario 5).
    expect(verdict.verdict).toBe('fine-tune');
    expect(verdict.reasons.map((r) => r.rule)).toEqual(['edge-cases-worth-fixing', 'fixes-worth-it']);
  });

  it('stops after the rounds when below 80% with 2 rounds', () => {
    const { asked } = interview({ ...everything, promptIterations: 2 });
    expect(asked.at(-1)).toBe('promptIterations');
  });

  it('asks no question twice and uses the defaults of skipped ones', () => {
    const skip: QuestionId[] = ['taskKind', 'inputTokens', 'outputTokens', 'cacheHitRate', 'horizonMonths', 'fineTuneModel', 'deadline', 'specStable', 'failuresIdentifiable', 'costOfWrongAnswer'];
    const { asked, verdict } = interview(everything, skip);
    expect(new Set(asked).size).toBe(asked.length);
    for (const id of skip) expect(asked).toContain(id);
    expect(verdict.verdict).toBe('fine-tune');
    expect(verdict.cost!.horizonMonths).toBe(12);
    expect(verdict.fineTuneModel).toBe('gemini-2.5-pro');
    for (const field of ['inputTokens', 'outputTokens', 'cacheHitRate'])
      expect(
        verdict.assumptions.find((a) => a.field === field),
        field,
      ).toMatchObject({ origin: 'default', value: 0 });
  });

  it('reads a typed "8/10" as 0.8 and stays with prompt engineering after one round at low volume', () => {
    const answers = typed({ testedExamples: '10', successRate: '8/10', promptIterations: '1', model: 'gemini-2.5-pro', promptTokens: '1k', monthlyCalls: '10,000' });
    expect(answers.successRate).toBe(0.8);
    const { verdict } = interview({ ...workingPrompt(), ...answers }, ['taskKind', 'inputTokens', 'outputTokens', 'cacheHitRate', 'horizonMonths']);
    expect(verdict.verdict).toBe('prompt-engineering');
  });

  it('reads a typed "79%" as below the 8/10 test', () => {
    const answers = typed({ testedExamples: '10', successRate: '79%', failureMode: 'format', promptIterations: '1' });
    const { verdict } = interview({ taskKind: 'extraction', ...answers });
    expect(verdict.verdict).toBe('iterate-prompt');
  });
});
