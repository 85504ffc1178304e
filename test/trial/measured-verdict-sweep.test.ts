import { describe, expect, it } from 'vitest';
import { buildVerdictCard, findModel, type Answers, type CardBlock } from '../../src/index.js';
import { answersFromTrial } from '../../src/trial/measured-answers.js';
import type { TrialCell, TrialSummary } from '../../src/trial/summarize-trial.js';
import { successInterval, describeInterval } from '../../src/verdict/success-interval.js';
import { verdictFor } from '../helpers/advice.js';
import { CATALOGUE } from '../helpers/catalogue.js';

/** A small seeded generator: the same sweep every run, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32;
}

const TODAY = ['claude-sonnet-4.5', 'gpt-4.1', 'gpt-4.1-mini', 'gemini-2.5-pro'];
const SUBSTITUTES = ['nova-pro', 'nova-lite', 'gpt-4.1-nano', 'gpt-5-mini'];

function cell(model: string, prompt: number, right: number, graded: number): TrialCell {
  const i = successInterval(graded ? right / graded : 0, graded);
  return {
    prompt,
    promptLabel: prompt ? `variant ${prompt + 1}` : 'the prompt',
    model,
    right,
    graded,
    interval: { low: i.low, high: i.high },
    failures: [],
    callErrors: [],
    tokens: { prompt: 900, input: 300, output: 120 },
    latencyMs: { p50: 400, p95: 900 },
    costPerCall: 0.001,
  };
}

function fieldsOf(blocks: CardBlock[]): Record<string, string> {
  return Object.fromEntries(blocks.flatMap((b) => (b.type === 'fields' ? b.fields.map((f) => [f.label, f.value]) : [])));
}

describe('verdicts on measured figures, over a generated sweep', () => {
  const next = random(20261127);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const cases = Array.from({ length: 300 }, (_, n) => {
    const today = pick(TODAY);
    const sub = pick(SUBSTITUTES);
    const graded = 10 + Math.floor(next() * 190);
    const prompts = 1 + Math.floor(next() * 3);
    const rights = [today, sub].map(() => Array.from({ length: prompts }, () => Math.floor(next() * (graded + 1))));
    const summary: TrialSummary = {
      id: `sweep-${n}`,
      at: '2026-11-27T10:00:00.000Z',
      grader: 'label',
      examples: graded,
      models: [today, sub],
      prompts: Array.from({ length: prompts }, (_, p) => (p ? `variant ${p + 1}` : 'the prompt')),
      cells: [today, sub].flatMap((m, mi) => rights[mi]!.map((r, p) => cell(m, p, r, graded))),
      stopped: null,
      spentUsd: 1,
    };
    const told: Answers = {
      taskKind: pick(['classification', 'extraction', 'summarization', 'style'] as const),
      failureMode: pick(['format', 'style', 'none', 'knowledge'] as const),
      model: today,
      promptIterations: Math.floor(next() * 6),
      monthlyCalls: pick([5_000, 100_000, 2_000_000, 30_000_000]),
      labeledExamples: pick([0, 200, 2000]),
      categories: pick([3, 12, 40]),
    };
    return { n, summary, told, today, sub };
  });

  it.each(cases)('case $n: the card shows the measured score, names what was measured, and never calls a measured model untested', ({ summary, told, today, sub }) => {
    const filled = answersFromTrial(told, summary);
    if ('error' in filled) throw new Error(filled.error);
    const best = Math.max(...summary.cells.filter((c) => c.model === today).map((c) => c.right));
    const v = verdictFor(filled.answers);
    const card = buildVerdictCard(v);
    const fields = fieldsOf(card.blocks);
    const text = JSON.stringify(card);
    expect(filled.answers.testedExamples).toBe(summary.examples);
    expect(filled.answers.successRate).toBeCloseTo(best / summary.examples, 12);
    if (fields.Measured !== undefined) expect(fields.Measured).toBe(describeInterval(successInterval(best / summary.examples, summary.examples)));
    expect(fields['Success rate (told)']).toBeUndefined();
    expect(fields.Figures).toMatch(/^Measured by the trial of 2026-11-27: examples tested, success rate/);
    expect(fields.Figures).not.toMatch(/told:.*(examples tested|success rate)/);
    const subName = findModel(CATALOGUE, sub)!.name;
    // A model the trial measured is never "untested" on the card.
    expect(text).not.toContain(`${sub} (prompted, untested)`);
    expect(text).not.toMatch(new RegExp(`${subName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^"]*whose quality on your task is untested`));
    // A substitute measured clearly worse is never offered as the cheaper like-for-like switch.
    const subBest = Math.max(...summary.cells.filter((c) => c.model === sub).map((c) => c.right));
    if (v.cost?.substitutePrompt?.model === sub && subBest / summary.examples < best / summary.examples - 0.05) {
      expect(v.nextSteps.some((s) => s.startsWith(`Try prompting ${subName}`))).toBe(false);
      expect(v.cost?.baseline ?? 'promptEngineering').toBe('promptEngineering');
    }
  });

  it('reaches both sides of the rule: substitutes measured clearly worse, and ones measured as good', () => {
    const kinds = cases.map(({ summary, told, today, sub }) => {
      const filled = answersFromTrial(told, summary);
      if ('error' in filled) return 'none';
      const v = verdictFor(filled.answers);
      if (v.cost?.substitutePrompt?.model !== sub) return 'other';
      const rate = (m: string) => Math.max(...summary.cells.filter((c) => c.model === m).map((c) => c.right)) / summary.examples;
      return rate(sub) < rate(today) - 0.05 ? 'worse' : 'as good';
    });
    expect(kinds.filter((k) => k === 'worse').length).toBeGreaterThan(10);
    expect(kinds.filter((k) => k === 'as good').length).toBeGreaterThan(5);
  });
});
