import type { Answers, Measured, MeasuredField } from '../interview/answers.js';
import { bestCell, type TrialSummary } from './summarize-trial.js';

/**
 * The interview's answers filled from a trial: what was measured replaces what was told (the
 * tested examples, the success rate, the token counts of the best prompt on today's model), and
 * the answers remember which ones were measured, so the verdict card can say so. Rounds of
 * prompt improvement: the variants tried are rounds, but the team may have tried more before,
 * so a larger told figure stays.
 */
export function answersFromTrial(answers: Answers, summary: TrialSummary): { answers: Answers; measured: Measured } | { error: string } {
  // The figures are the model's they were measured on: the one the interview names when the trial ran it, else the trial's first.
  const today = answers.model && summary.models.includes(answers.model) ? answers.model : summary.models[0]!;
  const best = bestCell(summary, today);
  if (!best) return { error: `no answer from ${today} was graded, so nothing was measured` };
  // A run stopped early on fewer examples than the team says it tested is weaker evidence than what it told: that stays.
  const keepsTold = summary.stopped !== null && answers.testedExamples !== undefined && best.graded < answers.testedExamples;
  const next: Answers = keepsTold ? { ...answers } : { ...answers, testedExamples: best.graded, successRate: best.right / best.graded };
  const fields: MeasuredField[] = keepsTold ? [] : ['testedExamples', 'successRate'];
  const rounds = summary.prompts.length - 1;
  if (rounds > 0 && (answers.promptIterations === undefined || answers.promptIterations < rounds)) {
    next.promptIterations = rounds;
    fields.push('promptIterations');
  }
  if (best.tokens) {
    // The prompt's share unmeasured (its calibration call failed): only the answer's length is a measured figure.
    if (best.tokens.prompt !== null) {
      Object.assign(next, { promptTokens: best.tokens.prompt, inputTokens: best.tokens.input });
      fields.push('promptTokens', 'inputTokens');
    }
    next.outputTokens = best.tokens.output;
    fields.push('outputTokens');
  }
  next.model = today;
  const models = [today, ...summary.models.filter((m) => m !== today)].flatMap((model) => {
    const cell = bestCell(summary, model);
    return cell ? [{ model, promptLabel: cell.promptLabel, right: cell.right, tested: cell.graded }] : [];
  });
  const measured: Measured = { trialId: summary.id, at: summary.at, fields, models };
  return { answers: { ...next, measured }, measured };
}

/** A measured model's score, when the trial tried it. */
export function measuredScore(answers: Answers, model: string): Measured['models'][number] | undefined {
  return answers.measured?.models.find((m) => m.model === model && m.tested > 0);
}

/** A substitute that scored this much below today's model is not a like-for-like cheaper path. */
const WORSE_BY = 0.05;

/**
 * What is known of a substitute model's quality on the team's task: untested, or its measured
 * score beside today's. `worse` when the trial measured it clearly below today's model.
 */
export function substituteQuality(answers: Answers, substitute: string): { words: string; measured: boolean; worse: boolean; trialSays: string } {
  const sub = measuredScore(answers, substitute);
  const today = answers.model ? measuredScore(answers, answers.model) : undefined;
  if (!sub) return { words: 'untested', measured: false, worse: false, trialSays: '' };
  const rate = (s: { right: number; tested: number }) => s.right / s.tested;
  const against = today ? `, against ${today.right} of ${today.tested} on today's model` : '';
  const score = `${sub.right} of ${sub.tested} right${against}`;
  return { words: `measured: ${score}`, measured: true, worse: today !== undefined && rate(sub) < rate(today) - WORSE_BY, trialSays: `a trial measured it at ${score}` };
}

/** "whose quality on your task is untested until you run your examples on it", or what a trial measured of it untrained. */
export function qualityClause(answers: Answers, model: string): string {
  const q = substituteQuality(answers, model);
  if (!q.measured) return 'whose quality on your task is untested until you run your examples on it';
  const gap = q.worse ? ': a fine-tune has that gap to close before it saves anything' : '';
  return `which ${q.trialSays.replace('a trial measured it', 'a trial measured, prompted untrained,')}${gap}`;
}

/** The answers with `field` no longer marked measured: the person has changed it, so it is told now. */
export function withoutMeasured(answers: Answers, field: string): Answers {
  const measured = answers.measured;
  if (!measured?.fields.includes(field as MeasuredField)) return answers;
  return { ...answers, measured: { ...measured, fields: measured.fields.filter((f) => f !== field) } };
}
