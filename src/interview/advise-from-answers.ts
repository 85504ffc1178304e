import { buildVerdict, type Verdict } from '../verdict/decide-verdict.js';
import type { AdviceContext } from './advice-context.js';
import { buildQuestions, type QuestionId } from './questions.js';
import { validateAnswers } from './validate-answers.js';
import { walkFlowchart } from './walk-flowchart.js';

export type HeadlessAdvice = { ok: true; verdict: Verdict } | { ok: false; errors: string[] };

/**
 * The verdict for a complete set of answers, with no one to ask: every question that
 * has a default is taken as skipped, and a missing required answer is an error that
 * names the field and shows a value it would take.
 */
export function adviseFromAnswers(json: unknown, ctx: AdviceContext): HeadlessAdvice {
  const check = validateAnswers(json, ctx);
  if (!check.ok) return check;
  const questions = buildQuestions(ctx);
  const skipped = (Object.values(questions) as { id: QuestionId; skipLabel?: string }[]).filter((q) => q.skipLabel).map((q) => q.id);
  const step = walkFlowchart({ answers: check.answers, skipped }, ctx);
  if (step.kind === 'exit') return { ok: true, verdict: buildVerdict(check.answers, step, ctx) };
  const q = questions[step.question];
  const example = q.parse(q.example);
  const shown = example.ok ? JSON.stringify(example.value) : q.example;
  return { ok: false, errors: [`${q.id}: missing, and these answers need it. ${q.prompt} For example "${q.id}": ${shown}`] };
}
