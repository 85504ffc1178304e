import { describe, expect, it } from 'vitest';
import { runTurn, summarizeTrial, type Conversation, type TrialSummary, type TurnContext, type TurnInput } from '../../src/index.js';
import { CATALOGUE } from '../helpers/catalogue.js';

const ctx: TurnContext = { catalogue: CATALOGUE, asOf: '2026-11-23', now: '2026-11-23T10:00:00.000Z' };

function summary(right: number, graded: number, stopped: TrialSummary['stopped'] = null): TrialSummary {
  const spec = {
    prompts: [{ label: 'the prompt', text: 'Label it.' }],
    examples: Array.from({ length: graded }, (_, i) => ({ input: `t${i}`, expected: 'a' })),
    models: ['gpt-4.1-mini'],
    grader: { kind: 'exact' as const },
  };
  const calls = spec.examples.map((_, example) => ({ prompt: 0, model: 'gpt-4.1-mini', example, answer: '', right: example < right, usage: { promptTokens: 30, outputTokens: 2 }, latencyMs: 10 }));
  return summarizeTrial(spec, { id: 'trial-1', at: '2026-11-23T09:00:00.000Z', calls, calibrations: [{ prompt: 0, model: 'gpt-4.1-mini', promptTokens: 21 }], stopped, spentUsd: 0.001 }, CATALOGUE);
}

function turn(conv: Conversation, input: TurnInput) {
  const out = runTurn(conv, input, ctx);
  return { conv: out.next ?? conv, out };
}

function started(answers: Record<string, unknown> = {}): Conversation {
  const out = runTurn(
    undefined,
    {
      kind: 'start',
      conversationId: 'c1',
      platform: 'terminal',
      ownerId: 'you',
      ownerLabel: 'you',
      task: 'label tickets',
      intake: { answers: { taskKind: 'classification', model: 'gpt-4.1-mini', ...answers }, sources: {}, phrases: {}, notes: [], degraded: false },
    },
    ctx,
  );
  return out.next!;
}

describe('a trial result as a turn of the interview', () => {
  it('answers the examples question on the table with the measured count and does not ask the success rate', () => {
    const { conv, out } = turn(started(), { kind: 'trial-result', userId: 'you', summary: summary(18, 20) });
    expect(out.status).toBe('accepted');
    expect(conv.answers).toMatchObject({ testedExamples: 20, successRate: 0.9 });
    expect(out.replies.map((r) => r.card.title)).toEqual(['Question 1', 'Trial results', `Question ${conv.history.length + 1}`]);
    expect(conv.pending).not.toBe('successRate');
  });

  it('no longer calls a figure measured once the person changes it', () => {
    let { conv } = turn(started(), { kind: 'trial-result', userId: 'you', summary: summary(18, 20) });
    ({ conv } = turn(conv, { kind: 'change', userId: 'you', question: 'successRate' }));
    expect(conv.pending).toBe('successRate');
    ({ conv } = turn(conv, { kind: 'answer', userId: 'you', text: '50%' }));
    expect(conv.answers.successRate).toBe(0.5);
    expect(conv.answers.measured?.fields).not.toContain('successRate');
    expect(conv.answers.measured?.fields).toContain('testedExamples');
  });

  it('keeps a larger told count when the trial was stopped early on fewer examples', () => {
    const { conv } = turn(started({ testedExamples: 50, successRate: 0.7 }), { kind: 'trial-result', userId: 'you', summary: summary(3, 3, { reason: 'cancelled', words: 'cancelled' }) });
    expect(conv.answers).toMatchObject({ testedExamples: 50, successRate: 0.7 });
    expect(conv.answers.measured?.fields).toEqual(['promptTokens', 'inputTokens', 'outputTokens']);
  });
});
