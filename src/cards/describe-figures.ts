import type { Answers, MeasuredField } from '../interview/answers.js';

type Figure = MeasuredField | 'monthlyCalls' | 'labeledExamples' | 'costOfWrongAnswer';

const FIGURE_NAMES: Record<Figure, string> = {
  testedExamples: 'examples tested',
  successRate: 'success rate',
  promptIterations: 'prompt rounds (variants tried)',
  promptTokens: 'prompt tokens',
  inputTokens: 'input tokens',
  outputTokens: 'output tokens',
  monthlyCalls: 'monthly calls',
  labeledExamples: 'labelled examples',
  costOfWrongAnswer: 'cost of a wrong answer',
};

/**
 * Which of the verdict's figures a prompt trial measured and which the team told from memory:
 * "Measured by the trial of 2026-11-27: examples tested, success rate; told: monthly calls".
 * Null when no figure was given at all.
 */
export function describeFigures(answers: Answers): string | null {
  const measured = new Set<Figure>(answers.measured?.fields ?? []);
  const given = (Object.keys(FIGURE_NAMES) as Figure[]).filter((f) => answers[f] !== undefined);
  const told = given.filter((f) => !measured.has(f)).map((f) => FIGURE_NAMES[f]);
  if (!answers.measured) return given.length ? `All told from memory (${told.join(', ')}); a trial would measure them on your examples` : null;
  const byTrial = [...measured].map((f) => FIGURE_NAMES[f]).join(', ');
  return `Measured by the trial of ${answers.measured.at.slice(0, 10)}: ${byTrial}${told.length ? `; told: ${told.join(', ')}` : ''}`;
}

/**
 * What the trial scored on each model it ran, with the prompt that did best: "gpt-4.1-mini: 15
 * of 15 (variant 1); gpt-4.1-nano: 14 of 15 (the prompt)". Null without a trial.
 */
export function describeTrialScores(answers: Answers): string | null {
  const models = answers.measured?.models;
  if (!models?.length) return null;
  return models.map((m) => `${m.model}: ${m.right} of ${m.tested} (${m.promptLabel})`).join('; ');
}
