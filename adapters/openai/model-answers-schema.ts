import { z } from 'zod';
import { answersSchema, INTAKE_FIELDS, type IntakeField } from '../../src/index.js';

/**
 * What each intake field means to a language model: the unit it must answer in, and that
 * null stands for "the text does not say". The constraints themselves come from the core.
 */
const DESCRIPTIONS: Record<IntakeField, string> = {
  taskKind: 'What the team uses the model for. null if the text does not make it clear.',
  testedExamples: 'How many real examples the best prompt was tested on (a count). null if not stated.',
  successRate: 'The share of tested examples that came out right, as a number from 0 to 1 (70% -> 0.7, 8/10 -> 0.8). null if not stated.',
  promptIterations: 'How many rounds of prompt improvement were tried (a count; "after 4 tries" -> 4). null if not stated.',
  failureMode: 'What the failing cases have in common. null if not stated.',
  model: 'The model they prompt today, as one of the listed catalogue ids. null if not stated or not in the list.',
  labeledExamples: 'How many labelled examples (input and ideal output) they have (a count). null if not stated.',
  categories: 'For classification: how many categories the classifier chooses from (at least 1). null if not stated.',
  promptTokens: 'Tokens of fixed instructions and examples in the prompt, per call ("3k-token prompt" -> 3000). null if not stated.',
  inputTokens: 'Tokens of variable input (the document, ticket or message) each call adds. null if not stated.',
  outputTokens: 'Tokens in each answer the model writes, per call. null if not stated.',
  monthlyCalls: 'Calls per month; convert other periods with 30 days a month ("50k a day" -> 1500000). null if not stated.',
  cacheHitRate: 'The share of prompt tokens served from the prompt cache, from 0 to 1. null if not stated.',
  deadline: 'When it needs to ship. null if not stated.',
  specStable: 'true if the output spec is settled, false if it still changes. null if not stated.',
};

type CoreShape = typeof answersSchema.shape;
/** The core's rule for one field, without its optional wrapper. */
type CoreField<F extends IntakeField> = ReturnType<CoreShape[F]['unwrap']>;
/** Every intake field, required and nullable; `model` is an enum of catalogue ids. */
export type ModelAnswersShape = { [F in IntakeField]: z.ZodNullable<F extends 'model' ? z.ZodType<string> : CoreField<F>> };

function coreField<F extends IntakeField>(field: F): CoreField<F> {
  return answersSchema.shape[field].unwrap() as unknown as CoreField<F>;
}

function modelField(modelIds: readonly string[]): z.ZodType<string> {
  const [first, ...rest] = modelIds;
  // An empty catalogue can't make an enum; the core's own rule (and the catalogue check after it) still applies.
  return first === undefined ? coreField('model') : z.enum([first, ...rest]);
}

/**
 * The answers a language model may propose, as a strict structured-output schema derived from
 * the core's answers schema: only the intake fields, each required and nullable (null = the
 * text does not say), each described with its unit, and `model` limited to the catalogue's ids.
 */
export function modelAnswersSchema(modelIds: readonly string[]): z.ZodObject<ModelAnswersShape, z.core.$strict> {
  const shape = Object.fromEntries(
    INTAKE_FIELDS.map((field) => {
      const type: z.ZodType = field === 'model' ? modelField(modelIds) : coreField(field);
      return [field, type.nullable().describe(DESCRIPTIONS[field])];
    }),
  ) as ModelAnswersShape;
  return z.object(shape).strict();
}
