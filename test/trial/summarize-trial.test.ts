import { describe, expect, it } from 'vitest';
import { callCost, summarizeTrial, type TrialCall } from '../../src/trial/summarize-trial.js';
import type { TrialSpec } from '../../src/trial/trial-spec.js';
import { CATALOGUE } from '../helpers/catalogue.js';

const spec: TrialSpec = {
  prompts: [{ label: 'the prompt', text: 'Label the ticket: billing, refund or bug.' }],
  examples: Array.from({ length: 10 }, (_, i) => ({ input: `ticket ${i}`, expected: i < 6 ? 'billing' : 'refund' })),
  models: ['gpt-4.1-mini'],
  grader: { kind: 'label', labels: ['billing', 'refund', 'bug'] },
};

const call = (example: number, over: Partial<TrialCall>): TrialCall => ({
  prompt: 0,
  model: 'gpt-4.1-mini',
  example,
  answer: 'billing',
  right: true,
  usage: { promptTokens: 60, outputTokens: 2 },
  latencyMs: 100 * (example + 1),
  ...over,
});

describe('the summary of a trial', () => {
  const calls = [
    ...[0, 1, 2, 3, 4, 5].map((i) => call(i, {})),
    ...[6, 7, 8].map((i) => call(i, { right: false, failure: 'answered "billing" where "refund" was expected' })),
    call(9, { answer: null, right: null, failure: 'timed out after 30 s', usage: null }),
  ];
  const summary = summarizeTrial(
    spec,
    { id: 't', at: '2026-11-27T10:00:00Z', calls, calibrations: [{ prompt: 0, model: 'gpt-4.1-mini', promptTokens: 41 }], stopped: null, spentUsd: 0.01 },
    CATALOGUE,
  );
  const cell = summary.cells[0]!;

  it('counts right answers among the graded ones, with the Wilson interval, and a failed call apart', () => {
    expect({ right: cell.right, graded: cell.graded }).toEqual({ right: 6, graded: 9 });
    expect(cell.interval.low).toBeCloseTo(0.354, 3);
    expect(cell.interval.high).toBeCloseTo(0.879, 3);
    expect(cell.callErrors).toEqual([{ reason: 'timed out after 30 s', count: 1 }]);
  });

  it('groups the failures by cause with a few samples each', () => {
    expect(cell.failures).toEqual([
      {
        failure: 'answered "billing" where "refund" was expected',
        count: 3,
        samples: [6, 7, 8].map((i) => ({ input: `ticket ${i}`, expected: 'refund', answer: 'billing' })),
      },
    ]);
  });

  it("splits the API's input tokens into the prompt's and the example's with the calibration call", () => {
    expect(cell.tokens).toEqual({ prompt: 40, input: 20, output: 2 });
    expect(cell.costPerCall).toBeCloseTo(callCost(CATALOGUE, 'gpt-4.1-mini', 60, 2)!, 12);
    expect(cell.costPerCall).toBeGreaterThan(0);
  });

  it('gives the latency at the 50th and 95th percentiles over every call', () => {
    expect(cell.latencyMs).toEqual({ p50: 500, p95: 1000 });
  });

  it("leaves the prompt's share unmeasured when its calibration call failed, and fills only the answer's length", async () => {
    const { answersFromTrial } = await import('../../src/trial/measured-answers.js');
    const uncalibrated = summarizeTrial(spec, { id: 't', at: '2026-11-27T10:00:00Z', calls, calibrations: [], stopped: null, spentUsd: 0.01 }, CATALOGUE);
    expect(uncalibrated.cells[0]!.tokens).toEqual({ prompt: null, input: 60, output: 2 });
    const filled = answersFromTrial({ model: 'gpt-4.1-mini', promptTokens: 1200 }, uncalibrated);
    if ('error' in filled) throw new Error(filled.error);
    expect(filled.answers).toMatchObject({ promptTokens: 1200, outputTokens: 2 });
    expect(filled.answers.inputTokens).toBeUndefined();
    expect(filled.measured.fields).toEqual(['testedExamples', 'successRate', 'outputTokens']);
  });
});
