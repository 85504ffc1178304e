import type { z } from 'zod';
import { isAvailable, lifecycleOf } from '../cost/model-lifecycle.js';
import { OTHER_MODEL_ID } from '../cost/other-model.js';
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
        .map(
          (key) =>
            `${[...issue.path.map(String), key].join('.')}: not a field of the answers file; the fields are ${issue.path.length ? 'input, cachedInput, output, fineTunedInput, fineTunedCachedInput, fineTunedOutput, training, hostingPerMonth' : FIELDS}`,
        )
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
    const usable = ctx.catalogue.models.filter((m) => isAvailable(ctx.catalogue, m, ctx.asOf)).map((m) => m.id);
    for (const field of ['model', 'fineTuneModel'] as const) {
      const id = parsed.data[field];
      if (id === undefined || (field === 'model' && id === OTHER_MODEL_ID)) continue;
      const model = findModel(ctx.catalogue, id);
      if (!model) errors.push(`${field}: "${id}" is not in the price catalogue; one of ${usable.join(', ')}, or "other" with otherModel (see \`finetune-advisor prices\`)`);
      else if (!isAvailable(ctx.catalogue, model, ctx.asOf)) {
        const life = lifecycleOf(ctx.catalogue, model, ctx.asOf);
        const next = life.successor ? `; its successor is "${life.successor.model?.id ?? life.successor.id}"` : '';
        errors.push(`${field}: ${model.name} was shut down on ${life.retires}${next}. Choose a model you can still use: ${usable.join(', ')}`);
      }
    }
    if (parsed.data.model === OTHER_MODEL_ID && !parsed.data.otherModel)
      errors.push('otherModel: "model": "other" needs the model\'s name and prices, e.g. "otherModel": {"name": "Llama 3.1 70B on vLLM", "gpuPerHour": 5, "tokensPerSecond": 2500}');
  }
  if (errors.length || !parsed.success) return { ok: false, errors };
  const answers = { ...parsed.data };
  for (const field of ['model', 'fineTuneModel'] as const) {
    const id = answers[field];
    if (id !== undefined && id !== OTHER_MODEL_ID) answers[field] = findModel(ctx.catalogue, id)!.id;
  }
  return { ok: true, answers };
}
