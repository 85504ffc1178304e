import { z } from 'zod';

/** The most examples one trial runs (each is a paid call per prompt and model). */
export const MAX_TRIAL_EXAMPLES = 200;
/** The prompt being tested and up to 5 variants of it. */
export const MAX_TRIAL_PROMPTS = 6;
/** Today's model and the ones it is compared with, side by side. */
export const MAX_TRIAL_MODELS = 3;
/** The largest examples file (or pasted text) read, in bytes. */
export const MAX_EXAMPLES_BYTES = 1_000_000;
/** The longest prompt, in characters. */
export const MAX_PROMPT_CHARS = 20_000;

/** One example: what the model is given, and what a right answer is where the grader needs it. */
export const trialExampleSchema = z.object({
  input: z.string().min(1, 'an input'),
  expected: z.string().optional(),
});
export type TrialExample = z.infer<typeof trialExampleSchema>;

export const GRADER_KINDS = ['exact', 'contains', 'label', 'regex', 'json', 'number', 'rubric'] as const;
export type GraderKind = (typeof GRADER_KINDS)[number];

/**
 * How an answer is judged right:
 * - exact: equal to `expected` once both are normalised (case, surrounding space and quotes, a final full stop);
 * - contains: `expected` appears in the answer (case-insensitive);
 * - label: the answer is one of `labels` and it is `expected` (classification);
 * - regex: the answer matches `pattern`;
 * - json: the answer is valid JSON, and matches `schema` (a JSON Schema) when one is given;
 * - number: the answer's number is within `tolerance` of `expected` (absolute);
 * - rubric: a model judges the answer against `rubric`, in words.
 */
export const graderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exact') }),
  z.object({ kind: z.literal('contains') }),
  z.object({ kind: z.literal('label'), labels: z.array(z.string().trim().min(1)).min(2, 'at least two labels').max(200, 'at most 200 labels') }),
  z.object({
    kind: z.literal('regex'),
    pattern: z.string().min(1, 'a pattern').max(500, 'at most 500 characters'),
    flags: z
      .string()
      .regex(/^[imsu]*$/, 'only the flags i, m, s, u')
      .optional(),
  }),
  z.object({ kind: z.literal('json'), schema: z.record(z.string(), z.unknown()).optional() }),
  z.object({ kind: z.literal('number'), tolerance: z.number().finite().min(0, 'cannot be negative') }),
  z.object({ kind: z.literal('rubric'), rubric: z.string().trim().min(1, 'the rubric, in words').max(2000, 'at most 2000 characters') }),
]);
export type Grader = z.infer<typeof graderSchema>;

/** Graders that compare with each example's `expected`. */
export function graderNeedsExpected(grader: Grader): boolean {
  return grader.kind === 'exact' || grader.kind === 'contains' || grader.kind === 'label' || grader.kind === 'number';
}

export const trialPromptSchema = z.object({
  /** "the prompt", "variant 1": how the results name it. */
  label: z.string().min(1).max(40),
  /** The instructions, sent as the system message; the example's input is the user message. */
  text: z
    .string()
    .trim()
    .min(1, 'the prompt text')
    .max(MAX_PROMPT_CHARS, `at most ${MAX_PROMPT_CHARS.toLocaleString('en-US')} characters`),
});
export type TrialPrompt = z.infer<typeof trialPromptSchema>;

/** Everything one trial runs: each prompt on each model over every example. */
export const trialSpecSchema = z.object({
  prompts: z
    .array(trialPromptSchema)
    .min(1, 'a prompt')
    .max(MAX_TRIAL_PROMPTS, `the prompt and at most ${MAX_TRIAL_PROMPTS - 1} variants`),
  examples: z.array(trialExampleSchema).min(1, 'at least one example').max(MAX_TRIAL_EXAMPLES, `at most ${MAX_TRIAL_EXAMPLES} examples`),
  /** Catalogue ids; the first is the model prompted today. */
  models: z.array(z.string().min(1)).min(1, 'a model').max(MAX_TRIAL_MODELS, `at most ${MAX_TRIAL_MODELS} models`),
  grader: graderSchema,
});
export type TrialSpec = z.infer<typeof trialSpecSchema>;
