import type { PriceCatalogue } from '../cost/price-catalogue.js';
import { callCost } from './summarize-trial.js';
import type { TrialSpec } from './trial-spec.js';

/** Tokens a chat call adds around its messages (roles, separators): a few, counted generously. */
const MESSAGE_OVERHEAD = 12;
/** What an answer is guessed to take when no expected answer shows its length. */
const UNKNOWN_ANSWER_TOKENS = 200;
/** A judge's verdict: PASS, or FAIL with a few words. */
export const JUDGE_OUTPUT_TOKENS = 60;

export interface TrialEstimate {
  /** Calls to the endpoint: one per example, prompt and model, the calibrations, and a judge's per answer for a rubric. */
  calls: number;
  /** US$ at the catalogue's prices; null when a model has no price in the catalogue. */
  usd: number | null;
  /** What one example's call is expected to cost on each model (its judge's included). */
  perCallUsd: Record<string, number>;
  /** The most one example's call could cost on each model: the longest input, an answer at the output limit, its judge's too. What a call in flight may still add to the spend. */
  worstPerCallUsd: Record<string, number>;
}

/**
 * What a trial is expected to cost, before it runs: each example's input and each prompt counted
 * with the adapter's tokenizer, each answer as long as its expected answer (else 200 tokens, at
 * most the output limit). Shown before the run; the cap is what stops it.
 */
export function estimateTrial(spec: TrialSpec, catalogue: PriceCatalogue, countTokens: (text: string) => number, limits: { maxOutputTokens: number; judgeModel?: string }): TrialEstimate {
  let usd: number | null = 0;
  let calls = 0;
  const perCallUsd: Record<string, number> = {};
  const worstPerCallUsd: Record<string, number> = {};
  const longestInput = Math.max(...spec.examples.map((e) => countTokens(e.input)));
  const add = (model: string, tokensIn: number, tokensOut: number) => {
    calls++;
    const cost = callCost(catalogue, model, tokensIn, tokensOut);
    usd = usd === null || cost === null ? null : usd + cost;
  };
  const promptTokens = spec.prompts.map((p) => countTokens(p.text) + MESSAGE_OVERHEAD);
  const judge = limits.judgeModel ?? spec.models[0]!;
  for (const model of spec.models) {
    const before = usd;
    for (const [p] of spec.prompts.entries()) add(model, promptTokens[p]! + 1, 1);
    const afterCalibration = usd;
    for (const [p] of spec.prompts.entries()) {
      for (const example of spec.examples) {
        const answer = Math.min(limits.maxOutputTokens, example.expected ? countTokens(example.expected) + 5 : UNKNOWN_ANSWER_TOKENS);
        add(model, promptTokens[p]! + countTokens(example.input), answer);
        if (spec.grader.kind === 'rubric') {
          add(judge, countTokens(spec.grader.rubric) + countTokens(example.input) + answer + 120, JUDGE_OUTPUT_TOKENS);
        }
      }
    }
    if (before !== null && afterCalibration !== null && usd !== null) perCallUsd[model] = (usd - afterCalibration) / (spec.prompts.length * spec.examples.length);
    const worst = callCost(catalogue, model, Math.max(...promptTokens) + longestInput, limits.maxOutputTokens);
    const worstJudge = spec.grader.kind === 'rubric' ? callCost(catalogue, judge, countTokens(spec.grader.rubric) + longestInput + limits.maxOutputTokens + 120, limits.maxOutputTokens) : 0;
    if (worst !== null && worstJudge !== null) worstPerCallUsd[model] = worst + worstJudge;
  }
  return { calls, usd, perCallUsd, worstPerCallUsd };
}
