import { describe, expect, it } from 'vitest';
import { buildVerdictCard, type Answers, type CardBlock } from '../../src/index.js';
import { answersFromTrial } from '../../src/trial/measured-answers.js';
import { summarizeTrial, type TrialCall } from '../../src/trial/summarize-trial.js';
import type { TrialSpec } from '../../src/trial/trial-spec.js';
import { verdictFor } from '../helpers/advice.js';
import { CATALOGUE } from '../helpers/catalogue.js';

const told: Answers = {
  taskKind: 'summarization',
  testedExamples: 10,
  successRate: 0.8,
  promptIterations: 3,
  failureMode: 'none',
  model: 'claude-sonnet-4.5',
  promptTokens: 1500,
  inputTokens: 12_000,
  outputTokens: 500,
  monthlyCalls: 100_000,
  labeledExamples: 2000,
};

function specOf(models: string[], prompts = 1, examples = 50): TrialSpec {
  return {
    prompts: Array.from({ length: prompts }, (_, i) => ({ label: i === 0 ? 'the prompt' : `variant ${i + 1}`, text: `Summarise the ticket (${i}).` })),
    examples: Array.from({ length: examples }, (_, i) => ({ input: `ticket ${i}`, expected: `summary ${i}` })),
    models,
    grader: { kind: 'rubric', rubric: 'faithful and under 50 words' },
  };
}

/** Every example on every prompt and model, right for the first `right[model]` examples. */
function callsFor(spec: TrialSpec, right: Record<string, number>, usage = { promptTokens: 1900, outputTokens: 420 }): TrialCall[] {
  return spec.models.flatMap((model) =>
    spec.prompts.flatMap((_, prompt) =>
      spec.examples.map((_, example) => ({
        prompt,
        model,
        example,
        answer: `answer ${example}`,
        right: example < right[model]!,
        ...(example < right[model]! ? {} : { failure: 'judged wrong: leaves out the refund amount' }),
        usage,
        latencyMs: 100 + example,
      })),
    ),
  );
}

function fieldsOf(blocks: CardBlock[]): Record<string, string> {
  return Object.fromEntries(blocks.flatMap((b) => (b.type === 'fields' ? b.fields.map((f) => [f.label, f.value]) : [])));
}

describe('a trial fills the interview', () => {
  const spec = specOf(['claude-sonnet-4.5', 'nova-pro'], 3);
  const calibrations = spec.models.flatMap((model) => spec.prompts.map((_, prompt) => ({ prompt, model, promptTokens: 1401 })));

  it("replaces the told success rate, examples and token counts with the best prompt on today's model, and says which were measured", () => {
    const summary = summarizeTrial(
      spec,
      { id: 'tr1', at: '2026-11-27T10:00:00.000Z', calls: callsFor(spec, { 'claude-sonnet-4.5': 46, 'nova-pro': 45 }), calibrations, stopped: null, spentUsd: 3.2 },
      CATALOGUE,
    );
    const filled = answersFromTrial(told, summary);
    if ('error' in filled) throw new Error(filled.error);
    expect(filled.answers).toMatchObject({ testedExamples: 50, successRate: 0.92, promptIterations: 3, promptTokens: 1400, inputTokens: 500, outputTokens: 420, monthlyCalls: 100_000 });
    expect(filled.measured.fields).toEqual(['testedExamples', 'successRate', 'promptTokens', 'inputTokens', 'outputTokens']);
    expect(filled.measured.models).toEqual([
      { model: 'claude-sonnet-4.5', promptLabel: 'the prompt', right: 46, tested: 50 },
      { model: 'nova-pro', promptLabel: 'the prompt', right: 45, tested: 50 },
    ]);
  });

  it('counts the variants as rounds of prompt improvement when more than the team told', () => {
    const summary = summarizeTrial(
      spec,
      { id: 'tr1', at: '2026-11-27T10:00:00.000Z', calls: callsFor(spec, { 'claude-sonnet-4.5': 46, 'nova-pro': 45 }), calibrations, stopped: null, spentUsd: 0 },
      CATALOGUE,
    );
    const filled = answersFromTrial({ ...told, promptIterations: 0 }, summary);
    if ('error' in filled) throw new Error(filled.error);
    expect(filled.answers.promptIterations).toBe(2);
    expect(filled.measured.fields).toContain('promptIterations');
  });

  it('puts the figures the trial measured and the ones told on the verdict card', () => {
    const summary = summarizeTrial(
      spec,
      { id: 'tr1', at: '2026-11-27T10:00:00.000Z', calls: callsFor(spec, { 'claude-sonnet-4.5': 46, 'nova-pro': 45 }), calibrations, stopped: null, spentUsd: 0 },
      CATALOGUE,
    );
    const filled = answersFromTrial(told, summary);
    if ('error' in filled) throw new Error(filled.error);
    const fields = fieldsOf(buildVerdictCard(verdictFor(filled.answers)).blocks);
    expect(fields.Measured).toBe('46 of 50 is consistent with 81% to 97%');
    expect(fields.Figures).toBe(
      'Measured by the trial of 2026-11-27: examples tested, success rate, prompt tokens, input tokens, output tokens; told: prompt rounds (variants tried), monthly calls, labelled examples',
    );
  });

  it('says every figure was told when no trial ran', () => {
    const fields = fieldsOf(buildVerdictCard(verdictFor(told)).blocks);
    expect(fields['Success rate (told)']).toBe('8 of 10 is consistent with 49% to 94%');
    expect(fields.Figures).toMatch(/^All told from memory \(examples tested, success rate, prompt rounds/);
  });

  it("keeps a cheaper model the trial measured as good as today's as the path to beat, naming its score", () => {
    const summary = summarizeTrial(
      spec,
      { id: 'tr1', at: '2026-11-27T10:00:00.000Z', calls: callsFor(spec, { 'claude-sonnet-4.5': 46, 'nova-pro': 45 }), calibrations, stopped: null, spentUsd: 0 },
      CATALOGUE,
    );
    const filled = answersFromTrial(told, summary);
    if ('error' in filled) throw new Error(filled.error);
    const v = verdictFor(filled.answers);
    expect(v.cost!.baseline).toBe('substitutePrompt');
    expect(v.nextSteps.find((s) => s.startsWith('Try prompting Amazon Nova Pro'))).toContain("A trial measured it at 45 of 50 right, against 46 of 50 on today's model.");
  });

  it('does not offer a cheaper model the trial measured clearly worse as a like-for-like saving', () => {
    const summary = summarizeTrial(
      spec,
      { id: 'tr1', at: '2026-11-27T10:00:00.000Z', calls: callsFor(spec, { 'claude-sonnet-4.5': 46, 'nova-pro': 30 }), calibrations, stopped: null, spentUsd: 0 },
      CATALOGUE,
    );
    const filled = answersFromTrial(told, summary);
    if ('error' in filled) throw new Error(filled.error);
    const v = verdictFor(filled.answers);
    expect(v.cost!.baseline).toBe('promptEngineering');
    expect(v.cost!.substitutePrompt).not.toBeNull();
    expect(v.nextSteps.some((s) => s.startsWith('Try prompting Amazon Nova Pro'))).toBe(false);
    // The tuned model is the one measured worse: the reason names the gap instead of "untested".
    const text = v.reasons.map((r) => r.text).join(' ');
    expect(text).toContain("which a trial measured, prompted untrained, at 30 of 50 right, against 46 of 50 on today's model: a fine-tune has that gap to close before it saves anything");
    expect(text).not.toContain('untested');
  });

  it("takes the figures of the interview's own model when the trial ran it second, and of the first model otherwise", () => {
    const run = { id: 'tr1', at: '2026-11-27T10:00:00.000Z', calls: callsFor(spec, { 'claude-sonnet-4.5': 46, 'nova-pro': 40 }), calibrations, stopped: null, spentUsd: 0 };
    const swapped = summarizeTrial({ ...spec, models: ['nova-pro', 'claude-sonnet-4.5'] }, run, CATALOGUE);
    const own = answersFromTrial(told, swapped);
    if ('error' in own) throw new Error(own.error);
    expect(own.answers).toMatchObject({ model: 'claude-sonnet-4.5', testedExamples: 50, successRate: 0.92 });
    expect(own.measured.models.map((m) => m.model)).toEqual(['claude-sonnet-4.5', 'nova-pro']);
    const other = answersFromTrial({ ...told, model: 'gpt-4.1' }, swapped);
    if ('error' in other) throw new Error(other.error);
    expect(other.answers).toMatchObject({ model: 'nova-pro', successRate: 0.8 });
  });

  it("refuses to fill anything when no answer from today's model was graded", () => {
    const summary = summarizeTrial(spec, { id: 'tr1', at: '2026-11-27T10:00:00.000Z', calls: [], calibrations: [], stopped: { reason: 'cancelled', words: 'cancelled' }, spentUsd: 0 }, CATALOGUE);
    expect(answersFromTrial(told, summary)).toEqual({ error: 'no answer from claude-sonnet-4.5 was graded, so nothing was measured' });
  });
});
