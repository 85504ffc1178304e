import { findModel, promptCachingOf, type PriceCatalogue } from '../cost/price-catalogue.js';
import { promptPrices } from '../cost/resolve-prices.js';
import { successInterval } from '../verdict/success-interval.js';
import type { GraderKind, TrialSpec } from './trial-spec.js';

/** One call of a trial, as the runner recorded it. */
export interface TrialCall {
  /** Index into the spec's prompts. */
  prompt: number;
  /** Catalogue id. */
  model: string;
  /** Index into the spec's examples. */
  example: number;
  /** The model's answer as kept (for a failure sample: a wrong one, cut to 200 characters; empty for a right one); null when the call failed. */
  answer: string | null;
  /** Graded right or wrong; null when the call failed (a failed call is no answer to grade). */
  right: boolean | null;
  /** Why it was wrong (the grader's words, shared by failures with the same cause), or why the call failed. */
  failure?: string;
  /** The API's usage figures; null when it gave none. */
  usage: { promptTokens: number; outputTokens: number } | null;
  latencyMs: number;
}

/** The prompt alone on a model, with a one-token input: what the prompt itself costs in input tokens. */
export interface PromptCalibration {
  prompt: number;
  model: string;
  promptTokens: number;
}

export interface FailureSample {
  input: string;
  expected?: string;
  answer: string;
}

export interface FailureGroup {
  failure: string;
  count: number;
  samples: FailureSample[];
}

/** One prompt on one model. */
export interface TrialCell {
  prompt: number;
  promptLabel: string;
  model: string;
  right: number;
  /** Answers graded (calls that failed are not among them). */
  graded: number;
  /** Wilson 95% interval of the success rate. */
  interval: { low: number; high: number };
  failures: FailureGroup[];
  /** Calls that got no answer, by reason. */
  callErrors: { reason: string; count: number }[];
  /**
   * Mean tokens a call, from the API's usage: the prompt, the example's input, the answer. The
   * prompt's share is null when its calibration call failed: `input` is then prompt and input together.
   */
  tokens: { prompt: number | null; input: number; output: number } | null;
  latencyMs: { p50: number; p95: number } | null;
  /** At the catalogue's prices for this model; null when the catalogue has no price for it. */
  costPerCall: number | null;
}

export type TrialStop = { reason: 'cap' | 'cancelled' | 'endpoint'; words: string };

export interface TrialSummary {
  id: string;
  /** When it ran, ISO 8601. */
  at: string;
  grader: GraderKind;
  examples: number;
  models: string[];
  prompts: string[];
  cells: TrialCell[];
  /** Why it stopped before the end, if it did. */
  stopped: TrialStop | null;
  spentUsd: number;
}

/** Failure samples kept per group: enough to see a pattern, few enough to keep little of the team's data. */
const SAMPLES_PER_GROUP = 3;
export const SAMPLE_CHARS = 200;

export const cutSample = (text: string) => (text.length > SAMPLE_CHARS ? `${text.slice(0, SAMPLE_CHARS - 1)}…` : text);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** US$ for one call of `tokensIn` and `tokensOut` on a catalogue model, or null when it has no price. */
export function callCost(catalogue: PriceCatalogue, modelId: string, tokensIn: number, tokensOut: number): number | null {
  const model = findModel(catalogue, modelId);
  if (!model) return null;
  const prices = promptPrices(model, promptCachingOf(catalogue, model));
  return (tokensIn * prices.input.perMillion + tokensOut * prices.output.perMillion) / 1e6;
}

function cell(spec: TrialSpec, prompt: number, model: string, calls: TrialCall[], calibration: PromptCalibration | undefined, catalogue: PriceCatalogue): TrialCell {
  const answered = calls.filter((c) => c.right !== null);
  const right = answered.filter((c) => c.right).length;
  const interval = successInterval(answered.length ? right / answered.length : 0, answered.length);
  const groups = new Map<string, FailureGroup>();
  for (const c of answered.filter((c) => !c.right)) {
    const key = c.failure ?? 'wrong';
    const group = groups.get(key) ?? { failure: key, count: 0, samples: [] };
    group.count++;
    const example = spec.examples[c.example]!;
    if (group.samples.length < SAMPLES_PER_GROUP)
      group.samples.push({ input: cutSample(example.input), ...(example.expected !== undefined ? { expected: cutSample(example.expected) } : {}), answer: cutSample(c.answer ?? '') });
    groups.set(key, group);
  }
  const errors = new Map<string, number>();
  for (const c of calls.filter((c) => c.right === null)) errors.set(c.failure ?? 'no answer', (errors.get(c.failure ?? 'no answer') ?? 0) + 1);
  const withUsage = calls.filter((c) => c.usage !== null);
  let tokens: TrialCell['tokens'] = null;
  if (withUsage.length) {
    const meanIn = withUsage.reduce((t, c) => t + c.usage!.promptTokens, 0) / withUsage.length;
    const meanOut = withUsage.reduce((t, c) => t + c.usage!.outputTokens, 0) / withUsage.length;
    // The calibration call sent the prompt with a one-token input: the rest of each call's input is the example's.
    const promptPart = calibration ? Math.min(meanIn, Math.max(0, calibration.promptTokens - 1)) : null;
    tokens = { prompt: promptPart === null ? null : Math.round(promptPart), input: Math.round(meanIn - (promptPart ?? 0)), output: Math.round(meanOut) };
  }
  const latencies = calls.map((c) => c.latencyMs).sort((a, b) => a - b);
  return {
    prompt,
    promptLabel: spec.prompts[prompt]!.label,
    model,
    right,
    graded: answered.length,
    interval: { low: interval.low, high: interval.high },
    failures: [...groups.values()].sort((a, b) => b.count - a.count),
    callErrors: [...errors].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    tokens,
    latencyMs: latencies.length ? { p50: percentile(latencies, 50), p95: percentile(latencies, 95) } : null,
    costPerCall: tokens ? callCost(catalogue, model, (tokens.prompt ?? 0) + tokens.input, tokens.output) : null,
  };
}

/** Per prompt and model: N of M right with its interval, failures grouped with samples, tokens, latency and cost. */
export function summarizeTrial(
  spec: TrialSpec,
  run: { id: string; at: string; calls: TrialCall[]; calibrations: PromptCalibration[]; stopped: TrialStop | null; spentUsd: number },
  catalogue: PriceCatalogue,
): TrialSummary {
  const cells = spec.models.flatMap((model) =>
    spec.prompts.map((_, prompt) =>
      cell(
        spec,
        prompt,
        model,
        run.calls.filter((c) => c.prompt === prompt && c.model === model),
        run.calibrations.find((c) => c.prompt === prompt && c.model === model),
        catalogue,
      ),
    ),
  );
  return {
    id: run.id,
    at: run.at,
    grader: spec.grader.kind,
    examples: spec.examples.length,
    models: spec.models,
    prompts: spec.prompts.map((p) => p.label),
    cells,
    stopped: run.stopped,
    spentUsd: run.spentUsd,
  };
}

/** The best prompt on a model: the most right, then the fewest tokens (a shorter prompt that does as well is better). */
export function bestCell(summary: TrialSummary, model: string): TrialCell | undefined {
  const rate = (c: TrialCell) => (c.graded ? c.right / c.graded : -1);
  const size = (c: TrialCell) => c.tokens?.prompt ?? Infinity;
  return summary.cells.filter((c) => c.model === model && c.graded > 0).sort((a, b) => rate(b) - rate(a) || size(a) - size(b) || a.prompt - b.prompt)[0];
}
