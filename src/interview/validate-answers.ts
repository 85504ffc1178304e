import type { z } from 'zod';
import { findModel } from '../cost/price-catalogue.js';
import type { AdviceContext } from './advice-context.js';
import { answersSchema, type Answers } from './answers.js';

export type AnswersCheck = { ok: true; answers: Answers } | { ok: false; errors: string[] };

const FIELDS = Object.keys(answersSchema.shape).join(', ');

/** zod's type names, as a person reads them. */
const EXPECTED: Record<string, string> = { int: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false', object: 'a JSON object' };

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.') || '(answers)';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys
        .map((key) => `${[...issue.path.map(String), key].join('.')}: not a field of the answers file; the fields are ${issue.path.length ? 'input, cachedInput, output, fineTunedInput, fineTunedCachedInput, fineTunedOutput, training, hostingPerMonth' : FIELDS}`)
        .join('\n');
    case 'invalid_value':
      return `${field}: one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      // Our own messages ("a whole number") beat zod's generic ones.
      if (!issue.message.startsWith('Invalid input')) return `${field}: ${issue.message}`;
      return `${field}: expected ${EXPECTED[issue.expected] ?? issue.expected}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

/** Checks an answers file: one message per bad field, naming it and what is allowed. */
export function validateAnswers(json: unknown, ctx: AdviceContext): AnswersCheck {
  const parsed = answersSchema.safeParse(json);
  const errors = parsed.success ? [] : parsed.error.issues.flatMap((i) => describe(i).split('\n'));
  if (parsed.success) {
    for (const field of ['model', 'fineTuneModel'] as const) {
      const id = parsed.data[field];
      if (id !== undefined && !findModel(ctx.catalogue, id))
        errors.push(`${field}: "${id}" is not in the price catalogue; one of ${ctx.catalogue.models.map((m) => m.id).join(', ')} (see \`finetune-advisor prices\`)`);
    }
  }
  if (errors.length || !parsed.success) return { ok: false, errors };
  const answers = { ...parsed.data };
  for (const field of ['model', 'fineTuneModel'] as const) {
    const id = answers[field];
    if (id !== undefined) answers[field] = findModel(ctx.catalogue, id)!.id;
  }
  return { ok: true, answers };
}
