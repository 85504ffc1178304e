import { describe, expect, it } from 'vitest';
import { verdictFor } from '../helpers/advice.js';

describe('a cheaper model beside a forced move', () => {
  it('offers the switch instead of the move a retiring model forces, not as a second migration beside it', () => {
    const v = verdictFor({
      taskKind: 'classification',
      testedExamples: 40,
      successRate: 0.95,
      promptIterations: 1,
      failureMode: 'none',
      model: 'gpt-4.1-mini',
      promptTokens: 26,
      inputTokens: 8,
      outputTokens: 1,
      monthlyCalls: 2_000_000,
      labeledExamples: 500,
    });
    const move = v.nextSteps.find((s) => s.startsWith('Move the prompt to GPT-5.4 mini'));
    const sub = v.nextSteps.find((s) => s.startsWith('Try prompting Amazon Nova Lite'));
    expect(move).toBeDefined();
    expect(sub).toContain("for staying where you are (and moving to GPT-5.4 mini when today's model retires): it would replace that move, no training.");
  });
});
