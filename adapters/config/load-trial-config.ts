import { z } from 'zod';
import type { TrialLimits } from '../trial/run-trial.js';

/** What a trial runs against and within: the endpoint, the limits, and how long its data is kept. */
export interface TrialConfig {
  apiKey: string;
  baseURL?: string;
  /** Catalogue id -> the endpoint's model name, for the models the endpoint names otherwise. */
  modelNames: Record<string, string>;
  limits: TrialLimits;
  /** Examples and answers kept for the failure samples and the export are deleted after this. */
  retentionDays: number;
  /** The model that judges a rubric (catalogue id); the trial's first model by default. */
  judgeModel?: string;
}

const number = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${what}` })
    .finite(what)
    .min(min, `from ${min} to ${max}`)
    .max(max, `from ${min} to ${max}`);

const trialEnvSchema = z.object({
  TRIAL_MAX_USD: number('US$, e.g. 5', 0.01, 10_000).default(5),
  TRIAL_CONCURRENCY: number('calls at once, e.g. 4', 1, 32).int('a whole number').default(4),
  TRIAL_TIMEOUT_SECONDS: number('seconds, e.g. 60', 1, 600).default(60),
  TRIAL_MAX_OUTPUT_TOKENS: number('tokens, e.g. 1024', 1, 32_768).int('a whole number').default(1024),
  TRIAL_RETENTION_DAYS: number('days, e.g. 7', 0, 365).default(7),
  TRIAL_MODELS: z
    .string()
    .trim()
    .default('')
    .transform((v, ctx) => {
      const names: Record<string, string> = {};
      for (const pair of v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [id, name] = pair.split('=').map((s) => s.trim());
        if (!id || !name) ctx.addIssue({ code: 'custom', message: `"${pair}" is not catalogue-id=endpoint-name, e.g. gpt-4.1-mini=my-azure-deployment` });
        else names[id] = name;
      }
      return names;
    }),
  TRIAL_JUDGE_MODEL: z.string().trim().optional(),
});

/** The trial's settings from the environment; null when no endpoint key is set (trials are then off, and say so). */
export function loadTrialConfig(env: Record<string, string | undefined>): { ok: true; config: TrialConfig | null } | { ok: false; problems: string[] } {
  const parsed = trialEnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('TRIAL_') && v !== undefined && v.trim() !== '')));
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return { ok: true, config: null };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      apiKey,
      ...(env.OPENAI_BASE_URL?.trim() ? { baseURL: env.OPENAI_BASE_URL.trim() } : {}),
      modelNames: e.TRIAL_MODELS,
      limits: { capUsd: e.TRIAL_MAX_USD, concurrency: e.TRIAL_CONCURRENCY, timeoutMs: e.TRIAL_TIMEOUT_SECONDS * 1000, maxOutputTokens: e.TRIAL_MAX_OUTPUT_TOKENS },
      retentionDays: e.TRIAL_RETENTION_DAYS,
      ...(e.TRIAL_JUDGE_MODEL ? { judgeModel: e.TRIAL_JUDGE_MODEL } : {}),
    },
  };
}

/** A judge the catalogue has no price for would spend outside the cap: refused at start, in words. */
export function judgeProblem(config: TrialConfig | null | undefined, hasModel: (id: string) => boolean): string | null {
  if (!config?.judgeModel || hasModel(config.judgeModel)) return null;
  return `TRIAL_JUDGE_MODEL: "${config.judgeModel}" is not in the price catalogue (finetune-advisor prices lists the ids); a judge's calls must be priced for the spending cap to hold`;
}
