import { describe, expect, it } from 'vitest';
import { buildTrialProgressCard, buildTrialResultsCard, type TrialSummary } from '../../src/index.js';

const texts = (card: { blocks: unknown[] }) => JSON.stringify(card.blocks);

describe('the trial cards', () => {
  it('says nothing was measured when the endpoint answered nothing, never that the interview uses measured figures', () => {
    const summary: TrialSummary = {
      id: 't',
      at: '2026-11-27T10:00:00Z',
      grader: 'label',
      examples: 15,
      models: ['gpt-4.1-mini'],
      prompts: ['the prompt'],
      cells: [],
      stopped: { reason: 'endpoint', words: 'could not reach the endpoint at http://127.0.0.1:56400/v1' },
      spentUsd: 0,
    };
    const card = texts(buildTrialResultsCard(summary, { retentionDays: 7 }));
    expect(card).toContain('Nothing from gpt-4.1-mini was graded.');
    expect(card).toContain('The trial stopped early: could not reach the endpoint at http://127.0.0.1:56400/v1.');
    expect(card).toContain('Nothing was measured, so the interview goes on with what you tell it.');
    expect(card).not.toContain('marks them measured');
  });

  it("names the best prompt on the interview's model when the trial ran it second", () => {
    const cell = (model: string, right: number) => ({
      prompt: 0,
      promptLabel: 'the prompt',
      model,
      right,
      graded: 10,
      interval: { low: 0.5, high: 0.9 },
      failures: [],
      callErrors: [],
      tokens: null,
      latencyMs: null,
      costPerCall: null,
    });
    const summary: TrialSummary = {
      id: 't',
      at: '2026-11-27T10:00:00Z',
      grader: 'label',
      examples: 10,
      models: ['nova-pro', 'gpt-4.1'],
      prompts: ['the prompt'],
      cells: [cell('nova-pro', 6), cell('gpt-4.1', 9)],
      stopped: null,
      spentUsd: 0,
    };
    expect(texts(buildTrialResultsCard(summary, { today: 'gpt-4.1' }))).toContain('Best on gpt-4.1: the prompt, 9 of 10 right');
    expect(texts(buildTrialResultsCard(summary))).toContain('Best on nova-pro: the prompt, 6 of 10 right');
  });

  it('keeps Cancel and the estimate while running, and says only what was done and spent once ended', () => {
    const view = { done: 60, total: 60, right: 54, spentUsd: 0.0012, capUsd: 5, estimateUsd: 0.00098 };
    const cancel = { action: 'cancel-trial', label: 'Cancel the trial', value: '{}' };
    const running = buildTrialProgressCard({ ...view, done: 23, right: 19 }, cancel);
    expect(texts(running)).toContain('23 of 60 done, 19 right so far');
    expect(texts(running)).toContain('about $0.00098 in all; it stops at the $5.00 cap');
    expect(running.blocks.some((b) => b.type === 'buttons')).toBe(true);
    const ended = buildTrialProgressCard(view, cancel, 'Trial finished');
    expect(ended.title).toBe('Trial finished');
    expect(texts(ended)).toContain('60 of 60 done, 54 right');
    expect(texts(ended)).not.toContain('so far');
    expect(texts(ended)).not.toContain('in all');
    expect(ended.blocks.some((b) => b.type === 'buttons')).toBe(false);
  });
});
