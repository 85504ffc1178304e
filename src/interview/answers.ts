import { z } from 'zod';

/** What the team does with the model; drives which questions and rules apply. */
export const TASK_KINDS = ['classification', 'extraction', 'summarization', 'style', 'domain', 'reasoning', 'knowledge', 'translation', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** What the failing cases have in common. */
export const FAILURE_MODES = ['knowledge', 'format', 'style', 'vocabulary', 'reasoning', 'none'] as const;
export type FailureMode = (typeof FAILURE_MODES)[number];

export const DEADLINES = ['this-week', 'this-month', 'this-quarter', 'later'] as const;
export type Deadline = (typeof DEADLINES)[number];

const dollarsPerMillion = z.number().finite().min(0, 'a price cannot be negative');
const count = z.number().int('a whole number').min(0, 'cannot be negative');
const share = z.number().min(0, 'between 0 and 1').max(1, 'between 0 and 1');

/** Per-1M-token price overrides (US$); hosting is per month. Each one beats the catalogue. */
export const priceOverridesSchema = z
  .object({
    input: dollarsPerMillion,
    cachedInput: dollarsPerMillion,
    output: dollarsPerMillion,
    fineTunedInput: dollarsPerMillion,
    fineTunedCachedInput: dollarsPerMillion,
    fineTunedOutput: dollarsPerMillion,
    training: dollarsPerMillion,
    hostingPerMonth: z.number().finite().min(0, 'a fee cannot be negative'),
  })
  .partial()
  .strict();
export type PriceOverrides = z.infer<typeof priceOverridesSchema>;

/** A model the catalogue does not have, named and priced by the team (`model: "other"`). */
export const otherModelSchema = z
  .object({
    name: z.string().trim().min(1, "the model's name").max(100, 'at most 100 characters'),
    /** US$ per 1M tokens, as an API bills it. */
    input: dollarsPerMillion.optional(),
    cachedInput: dollarsPerMillion.optional(),
    output: dollarsPerMillion.optional(),
    /** Your own GPUs: what an hour (or a month) of them costs, and the tokens a second they serve. */
    gpuPerHour: z.number().finite().positive('more than 0').optional(),
    perMonth: z.number().finite().positive('more than 0').optional(),
    tokensPerSecond: z.number().finite().positive('more than 0').optional(),
    size: z.enum(['small', 'medium', 'large']).optional(),
    /** Whether it can be fine-tuned (self-hosted: yes, with LoRA on the same GPUs). */
    tunable: z.boolean().optional(),
    /** US$ per 1M training tokens, where an API tunes it. */
    training: dollarsPerMillion.optional(),
  })
  .strict()
  .refine((m) => m.input !== undefined || m.gpuPerHour !== undefined || m.perMonth !== undefined, {
    message: 'give its prices per 1M tokens (input, output) or, for your own GPUs, gpuPerHour or perMonth with tokensPerSecond',
  })
  // A GPU's cost says nothing per token without the tokens a second it serves: never assumed.
  .refine((m) => (m.gpuPerHour === undefined && m.perMonth === undefined) || m.tokensPerSecond !== undefined, {
    message: 'the tokens a second your GPUs serve, beside gpuPerHour or perMonth',
    path: ['tokensPerSecond'],
  })
  // An API model the team can tune needs the provider's training price: a free training run is never assumed.
  .refine((m) => !m.tunable || m.gpuPerHour !== undefined || m.perMonth !== undefined || m.training !== undefined, {
    message: 'a model you can fine-tune through an API needs its training price per 1M tokens (training)',
    path: ['training'],
  });
export type OtherModel = z.infer<typeof otherModelSchema>;

/** The answers a prompt trial filled (rather than the team's memory), and what each model scored. */
export const measuredSchema = z
  .object({
    trialId: z.string().min(1).max(100),
    /** When the trial ran, ISO 8601. */
    at: z.string().min(10).max(40),
    fields: z.array(z.enum(['testedExamples', 'successRate', 'promptIterations', 'promptTokens', 'inputTokens', 'outputTokens'])).max(6),
    /** The best prompt on each model tried, the first being today's. */
    models: z
      .array(z.object({ model: z.string().min(1).max(100), promptLabel: z.string().min(1).max(40), right: count, tested: count }).strict())
      .min(1)
      .max(3),
  })
  .strict();
export type Measured = z.infer<typeof measuredSchema>;
export type MeasuredField = Measured['fields'][number];

/**
 * Everything a team can tell the advisor. Every field is optional: the flowchart
 * asks for what a verdict needs, and the cost model fills the rest with defaults
 * it names on the card.
 */
export const answersSchema = z
  .object({
    task: z.string().trim().min(1, 'a short description of the task').max(3000, 'at most 3000 characters'),
    taskKind: z.enum(TASK_KINDS),
    testedExamples: count,
    successRate: share,
    promptIterations: count,
    failureMode: z.enum(FAILURE_MODES),
    model: z.string().trim().min(1, 'a model id from `finetune-advisor prices`, or "other" with otherModel'),
    otherModel: otherModelSchema,
    fineTuneModel: z.string().trim().min(1, 'a model id from `finetune-advisor prices`'),
    fineTuningAvailable: z.boolean(),
    labeledExamples: count,
    categories: z.number().int('a whole number').min(1, 'at least 1'),
    promptTokens: count,
    fineTunedPromptTokens: count,
    inputTokens: count,
    outputTokens: count,
    monthlyCalls: z.number().finite().min(0, 'cannot be negative'),
    cacheHitRate: share,
    deadline: z.enum(DEADLINES),
    specStable: z.boolean(),
    horizonMonths: z.number().int('a whole number of months').min(1, 'from 1 to 60').max(60, 'from 1 to 60'),
    prices: priceOverridesSchema,
    // Assumptions with defaults from the seeds (or named as ours); a team can override them.
    epochs: z.number().int('a whole number').min(1, 'from 1 to 20').max(20, 'from 1 to 20'),
    labelingCostPerExample: z.number().finite().min(0, 'cannot be negative'),
    engineeringHourlyRate: z.number().finite().min(0, 'cannot be negative'),
    promptEngineeringHours: z.number().finite().min(0, 'cannot be negative'),
    fineTuningHours: z.number().finite().min(0, 'cannot be negative'),
    retrainingHours: z.number().finite().min(0, 'cannot be negative'),
    hybridFineTunedShare: share,
    /** US$ lost per wrong answer (a refund, an agent's time): weighs quality against cost. */
    costOfWrongAnswer: z.number().finite().min(0, 'cannot be negative'),
    /** Whether a router can tell the failing cases apart before answering them. */
    failuresIdentifiable: z.boolean(),
    /** Share of today's failures fine-tuning is expected to fix (default: half). */
    failuresFixedShare: share,
    /** Which of these answers a prompt trial measured (set by the trial, not asked). */
    measured: measuredSchema,
  })
  .partial()
  .strict();
export type Answers = z.infer<typeof answersSchema>;
export type AnswerField = keyof Answers;
