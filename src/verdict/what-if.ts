import { resolveCostInputs } from '../cost/cost-assumptions.js';
import type { PathCost } from '../cost/compute-costs.js';
import { formatCount, formatPercent, formatUsd, formatUsdShort, groupThousands } from '../format/format-numbers.js';
import type { AdviceContext } from '../interview/advice-context.js';
import { adviseFromAnswers } from '../interview/advise-from-answers.js';
import type { Answers } from '../interview/answers.js';
import { buildQuestions } from '../interview/questions.js';
import type { Verdict } from './decide-verdict.js';
import { VERDICT_LABELS } from './verdict-kinds.js';

/** The main assumptions a person can try other values of from the verdict card. */
export const WHAT_IF_FIELDS = ['monthlyCalls', 'model', 'horizonMonths', 'costOfWrongAnswer', 'promptTokens', 'inputTokens', 'outputTokens', 'cacheHitRate'] as const;
export type WhatIfField = (typeof WHAT_IF_FIELDS)[number];
export type WhatIfChanges = Partial<Pick<Answers, WhatIfField>>;

const LABELS: Record<WhatIfField, string> = {
  monthlyCalls: 'Calls a month',
  model: 'Model prompted today',
  horizonMonths: 'Months to compare over',
  costOfWrongAnswer: 'Cost of a wrong answer (US$)',
  promptTokens: 'Prompt tokens (instructions and examples)',
  inputTokens: 'Input tokens per call',
  outputTokens: 'Output tokens per call',
  cacheHitRate: 'Share of the prompt from the cache',
};

/** One field of the "Try other numbers" form: today's value as a person would type it. */
export interface WhatIfFormField {
  id: WhatIfField;
  label: string;
  /** Today's value, typed the way the field reads it back ("1.5M", "$5", "30%"); empty when never given. */
  value: string;
  placeholder: string;
}

/** A value as a person would type it, so the form opens with what the verdict used and reads it back unchanged. */
function typed(field: WhatIfField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field === 'model') return String(value);
  if (field === 'costOfWrongAnswer') return formatUsd(value as number);
  if (field === 'cacheHitRate') return formatPercent(value as number);
  if (field === 'monthlyCalls') return formatCount(value as number);
  return groupThousands(value as number);
}

/** The figures the verdict used: the answer when given, else the default its costs assumed. */
function usedValue(verdict: Verdict, field: WhatIfField): unknown {
  const given = verdict.answers[field];
  if (given !== undefined) return given;
  return verdict.assumptions.find((a) => a.field === field)?.value;
}

/** The form, opened with the verdict's own figures. */
export function whatIfForm(verdict: Verdict, ctx: AdviceContext): WhatIfFormField[] {
  const questions = buildQuestions(ctx);
  return WHAT_IF_FIELDS.map((id) => ({ id, label: LABELS[id], value: typed(id, usedValue(verdict, id)), placeholder: questions[id].example }));
}

export type ReadWhatIf = { ok: true; changes: WhatIfChanges } | { ok: false; errors: Partial<Record<WhatIfField, string>> };

/**
 * What a person typed in the form, read with the interview's own parsers. A field left as it
 * opened (or emptied) is no change; every field that can't be read is named with its problem.
 */
export function readWhatIf(typedValues: Partial<Record<WhatIfField, string>>, verdict: Verdict, ctx: AdviceContext): ReadWhatIf {
  const questions = buildQuestions(ctx);
  const form = new Map(whatIfForm(verdict, ctx).map((f) => [f.id, f.value]));
  const changes: Record<string, unknown> = {};
  const errors: Partial<Record<WhatIfField, string>> = {};
  for (const id of WHAT_IF_FIELDS) {
    const text = typedValues[id]?.trim();
    if (!text || text === form.get(id)) continue;
    const read = questions[id].parse(text);
    if (read.ok) changes[id] = read.value;
    else errors[id] = read.message;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, changes: changes as WhatIfChanges };
}

/** One line of "What changed": an answer tried, the verdict, or a path's cost. */
export interface WhatIfChange {
  label: string;
  from: string;
  to: string;
}

export type WhatIfResult = { ok: true; verdict: Verdict; changes: WhatIfChanges; changed: WhatIfChange[] } | { ok: false; errors: string[] };

const PATHS: [string, (v: Verdict) => PathCost | null | undefined][] = [
  ['Prompt (today)', (v) => v.cost?.promptEngineering],
  ['Prompt, switched', (v) => v.cost?.substitutePrompt],
  ['Fine-tune', (v) => v.cost?.fineTuning],
  ['Both', (v) => v.cost?.hybrid],
];

/**
 * The verdict again with some answers changed: every rule, cost and flip recomputed from the
 * answers, as if the interview had been answered so. `changed` says what moved, for the card.
 */
export function whatIf(verdict: Verdict, changes: WhatIfChanges, ctx: AdviceContext): WhatIfResult {
  const advice = adviseFromAnswers({ ...verdict.answers, ...changes }, ctx);
  if (!advice.ok) return advice;
  const next = advice.verdict;
  const changed: WhatIfChange[] = [];
  for (const id of WHAT_IF_FIELDS) {
    if (!(id in changes)) continue;
    const before = typed(id, usedValue(verdict, id)) || 'not given';
    const after = typed(id, changes[id]);
    if (before !== after) changed.push({ label: LABELS[id], from: before, to: after });
  }
  if (next.verdict !== verdict.verdict) changed.push({ label: 'Verdict', from: VERDICT_LABELS[verdict.verdict], to: VERDICT_LABELS[next.verdict] });
  for (const [name, of] of PATHS) {
    const [a, b] = [of(verdict), of(next)];
    const show = (p: PathCost | null | undefined) => (p ? `${formatUsdShort(p.total)} (${formatUsdShort(p.monthly)} a month)` : 'none');
    if (show(a) !== show(b)) changed.push({ label: `${name}, total`, from: show(a), to: show(b) });
  }
  // The horizon the totals are over, once: a total over 24 months against one over 12 needs saying.
  const [before, after] = [verdict, next].map((v) => resolveCostInputs(v.answers).inputs.horizonMonths);
  if (before !== after && !changed.some((c) => c.label === LABELS.horizonMonths)) changed.unshift({ label: LABELS.horizonMonths, from: String(before), to: String(after) });
  return { ok: true, verdict: next, changes, changed };
}
