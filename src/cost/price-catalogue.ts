import { z } from 'zod';
import { isIsoDate } from './iso-date.js';

const isoDate = z.string().refine(isIsoDate, 'a date as YYYY-MM-DD');
const perMillion = z.number().finite().min(0, 'a price per 1M tokens, 0 or more');
const perMonth = z.number().finite().min(0, 'US$ per month, 0 or more');

/** Model sizes matter to one mistake: fine-tuning a model too small for the task. */
export const MODEL_SIZES = ['small', 'medium', 'large'] as const;
export type ModelSize = (typeof MODEL_SIZES)[number];

/** Where a figure came from: the provider's own page, or a secondary source; and whether it was verified. */
const SOURCE_KINDS = ['official', 'secondary'] as const;

/** Who may still start fine-tuning jobs from a date: "organisations that have never fine-tuned cannot start". */
const gateSchema = z
  .object({
    from: isoDate,
    who: z.string().min(1),
    /** When this was made known: advice as of an earlier date does not use it. */
    announced: isoDate,
    source: z.string().url('a URL'),
    verified: z.boolean().default(true),
  })
  .strict();
export type TuningGate = z.infer<typeof gateSchema>;

/** When a provider stops fine-tuning: no new jobs after one date, tuned models off after another. */
const windDownSchema = z
  .object({
    newJobsUntil: isoDate.optional(),
    servedUntil: isoDate.optional(),
    /** When the wind-down was made known: advice as of an earlier date does not use it. */
    announced: isoDate.optional(),
    gates: z.array(gateSchema).default([]),
    note: z.string().optional(),
    source: z.string().url('a URL'),
  })
  .strict();
export type WindDown = z.infer<typeof windDownSchema>;

/**
 * A model on your own (or rented) GPUs: tokens priced from the GPU cost and the throughput, or a
 * fixed monthly hardware cost that serves up to `tokensPerSecond`.
 */
const selfHostedSchema = z
  .object({
    gpuPerHour: z.number().finite().positive().optional(),
    perMonth: z.number().finite().positive().optional(),
    tokensPerSecond: z.number().finite().positive(),
    /** How fast the same hardware trains (LoRA), for the GPU hours of a fine-tune. */
    trainingTokensPerSecond: z.number().finite().positive().optional(),
    hardware: z.string().optional(),
  })
  .strict()
  .refine((h) => h.gpuPerHour !== undefined || h.perMonth !== undefined, 'a GPU cost an hour (gpuPerHour) or a hardware cost a month (perMonth)');
export type SelfHosting = z.infer<typeof selfHostedSchema>;

/**
 * How a provider caches prompts: nothing shorter than `minTokens` is cached, and the tokens
 * written to the cache (the misses) cost `writeMultiplier` x the input price.
 */
const promptCachingSchema = z
  .object({
    minTokens: z.number().int().min(0),
    writeMultiplier: z.number().finite().min(1).default(1),
    source: z.string().url('a URL'),
  })
  .strict();
export type PromptCaching = z.infer<typeof promptCachingSchema>;

const fineTuningSchema = z
  .object({
    method: z.string().min(1),
    /** US$ per 1M training tokens; training tokens are every token of every example x epochs. */
    training: perMillion,
    input: perMillion,
    cachedInput: perMillion.nullable(),
    output: perMillion,
    /** Fixed fee while a tuned model is deployed, used or not (Azure, dedicated endpoints). */
    hostingPerMonth: perMonth.default(0),
    storagePerMonth: perMonth.default(0),
    minimumPerJob: z.number().finite().min(0).default(0),
    /** A wind-down of this model's fine-tuning alone (the provider's applies otherwise). */
    windDown: windDownSchema.optional(),
    /** Provenance of the tuning figures where it differs from the row's. */
    sourceKind: z.enum(SOURCE_KINDS).default('official'),
    verified: z.boolean().default(true),
    /** The date the tuning figures were last seen at their source, when not the row's. */
    checked_on: isoDate.optional(),
    note: z.string().optional(),
  })
  .strict();

export const catalogueModelSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.:_-]*$/, 'lower-case letters, digits, dots, dashes'),
    provider: z.string().min(1),
    name: z.string().min(1),
    snapshot: z.string().optional(),
    size: z.enum(MODEL_SIZES),
    prices: z.object({ input: perMillion, cachedInput: perMillion.nullable(), output: perMillion }).strict(),
    /** null: this provider offers no fine-tuning of this model. */
    fineTuning: fineTuningSchema.nullable(),
    /** This model's caching rule, where it differs from its provider's. */
    promptCaching: promptCachingSchema.optional(),
    /** The base model's announced retirement, when a tuned model must be retrained elsewhere. */
    retires: isoDate.nullable().default(null),
    /** When the retirement was made known (advice as of an earlier date does not use it). */
    retiresAnnounced: isoDate.optional(),
    retirementVerified: z.boolean().default(true),
    /** The catalogue id (or name) of the model that replaces it; priced when it is in the catalogue. */
    successor: z.string().optional(),
    /** Where the successor comes from, when the provider names none. */
    successorNote: z.string().optional(),
    selfHosted: selfHostedSchema.optional(),
    source: z.string().url('a URL'),
    /** The provider's own page or a secondary source, and whether the base prices were verified there. */
    sourceKind: z.enum(SOURCE_KINDS).default('official'),
    verified: z.boolean().default(true),
    /** The date the figures were last seen at their source. */
    checked_on: isoDate,
    /** What a reader of the verdict should know about this row (a doubt, a date). */
    note: z.string().optional(),
  })
  .strict();

export const providerSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    fineTuningWindDown: windDownSchema.optional(),
    promptCaching: promptCachingSchema.optional(),
    note: z.string().optional(),
  })
  .strict();

export const catalogueSchema = z
  .object({
    as_of: isoDate,
    currency: z.literal('USD'),
    unit: z.literal('per 1M tokens'),
    providers: z.array(providerSchema).min(1),
    models: z.array(catalogueModelSchema).min(1),
  })
  .strict();

/** An override file changes fields of existing rows or adds whole new ones. */
export const catalogueOverrideSchema = z
  .object({
    as_of: isoDate.optional(),
    providers: z.array(providerSchema.partial().extend({ id: z.string().min(1) })).optional(),
    models: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .strict();

export type CatalogueModel = z.infer<typeof catalogueModelSchema>;
export type FineTuningPrices = NonNullable<CatalogueModel['fineTuning']>;
export type Provider = z.infer<typeof providerSchema>;
export type PriceCatalogue = z.infer<typeof catalogueSchema>;

export type CatalogueResult = { ok: true; catalogue: PriceCatalogue } | { ok: false; errors: string[] };

/** One line per problem, naming where it is, e.g. `models[3].prices.input: a price per 1M tokens, 0 or more`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string[] {
  return issues.map((issue) => {
    const path = issue.path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), prefix);
    return `${path || '(top level)'}: ${issue.message}`;
  });
}

export function parseCatalogue(json: unknown): CatalogueResult {
  const parsed = catalogueSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error.issues) };
  const seen = new Set<string>();
  const errors: string[] = [];
  const providers = new Set(parsed.data.providers.map((p) => p.id));
  parsed.data.models.forEach((model, i) => {
    if (seen.has(model.id)) errors.push(`models[${i}].id: "${model.id}" appears twice; ids must be unique`);
    seen.add(model.id);
    if (!providers.has(model.provider)) errors.push(`models[${i}].provider: "${model.provider}" is not in providers; add it there first`);
  });
  return errors.length ? { ok: false, errors } : { ok: true, catalogue: parsed.data };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) merged[key] = deepMerge(base[key], value);
  return merged;
}

/**
 * Applies an override file: a model row with a known id is merged field by field,
 * an unknown id is added whole. The result is validated as a catalogue, so a bad
 * override is refused with messages naming the override's own rows.
 */
export function applyCatalogueOverride(base: PriceCatalogue, override: unknown): CatalogueResult {
  const shape = catalogueOverrideSchema.safeParse(override);
  if (!shape.success) return { ok: false, errors: describeIssues(shape.error.issues, 'override') };
  const models: unknown[] = [...base.models];
  const providers: unknown[] = [...base.providers];
  const errors: string[] = [];
  (shape.data.models ?? []).forEach((row, i) => {
    if (typeof row.id !== 'string') {
      errors.push(`override.models[${i}].id: every row needs the id of the model it changes or adds`);
      return;
    }
    const at = base.models.findIndex((m) => m.id === row.id);
    const merged = at >= 0 ? deepMerge(base.models[at], row) : row;
    const check = catalogueModelSchema.safeParse(merged);
    if (!check.success) {
      const what = at >= 0 ? `changes "${row.id}"` : `adds "${row.id}" (a new row needs every field)`;
      errors.push(...describeIssues(check.error.issues, `override.models[${i}]`).map((e) => `${e} (this row ${what})`));
      return;
    }
    if (at >= 0) models[at] = check.data;
    else models.push(check.data);
  });
  (shape.data.providers ?? []).forEach((row) => {
    const at = base.providers.findIndex((p) => p.id === row.id);
    if (at >= 0) providers[at] = deepMerge(base.providers[at], row);
    else providers.push(row);
  });
  if (errors.length) return { ok: false, errors };
  return parseCatalogue({ ...base, as_of: shape.data.as_of ?? base.as_of, providers, models });
}

export function findModel(catalogue: PriceCatalogue, id: string): CatalogueModel | undefined {
  const wanted = id.trim().toLowerCase();
  return catalogue.models.find((m) => m.id === wanted || m.snapshot?.toLowerCase() === wanted);
}

/** Caching with no rule in the catalogue: OpenAI's, the commonest (1,024 tokens, no write premium). */
const DEFAULT_CACHING: PromptCaching = { minTokens: 1024, writeMultiplier: 1, source: 'https://platform.openai.com/docs/guides/prompt-caching' };

export function promptCachingOf(catalogue: PriceCatalogue, model: CatalogueModel): PromptCaching {
  return model.promptCaching ?? findProvider(catalogue, model.provider)?.promptCaching ?? DEFAULT_CACHING;
}

export function findProvider(catalogue: PriceCatalogue, id: string): Provider | undefined {
  return catalogue.providers.find((p) => p.id === id);
}
