import type OpenAI from 'openai';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import {
  callCost,
  cutSample,
  estimateTrial,
  gradeAnswer,
  readRubricVerdict,
  rubricJudgeMessages,
  summarizeTrial,
  type JsonSchemaCheck,
  type PriceCatalogue,
  type PromptCalibration,
  type TrialCall,
  type TrialEstimate,
  type TrialSpec,
  type TrialStop,
  type TrialSummary,
} from '../../src/index.js';

export interface TrialEndpoint {
  client: OpenAI;
  /** The endpoint's name for a catalogue model (an Azure deployment, an Ollama tag); the id itself by default. */
  modelName: (catalogueId: string) => string;
  baseUrlShown: string;
}

export interface TrialLimits {
  /** Calls at once. */
  concurrency: number;
  /** One call's limit, retries included. */
  timeoutMs: number;
  /** The longest answer asked for, in tokens. */
  maxOutputTokens: number;
  /** The run stops before its spend (measured, plus what the calls in flight may add) passes this. */
  capUsd: number;
}

export interface TrialProgress {
  done: number;
  total: number;
  right: number;
  spentUsd: number;
}

export interface TrialRunDeps {
  endpoint: TrialEndpoint;
  limits: TrialLimits;
  catalogue: PriceCatalogue;
  checkSchema: JsonSchemaCheck;
  countTokens: (text: string) => number;
  /** The model that judges a rubric; the first model of the trial by default. */
  judgeModel?: string;
  now: () => Date;
}

/** An endpoint answer that stops the whole run: every other call would fail the same way. */
class EndpointStop extends Error {}

/** An answer that ran out of tokens before any text (a reasoning model thinking past the limit): a failed call, not a wrong answer. */
class CutOff extends Error {
  constructor(limit: number) {
    super(`cut off at the output limit (${limit} tokens) before any answer: a reasoning model may need a larger TRIAL_MAX_OUTPUT_TOKENS`);
  }
}

/** Timeouts in a row that stop a run. */
const TIMEOUTS_TO_STOP = 5;

/** What the rubric reader says when a judge's reply holds neither PASS nor FAIL. */
const NO_VERDICT = 'the judge gave no verdict';

/** How long a call took and what it returned, or why it failed, in words a person can act on. */
function describeFailure(err: unknown, deps: TrialRunDeps, model: string): { words: string; stopsRun: boolean } {
  const name = deps.endpoint.modelName(model);
  if (err instanceof APIConnectionTimeoutError) return { words: `timed out after ${Math.round(deps.limits.timeoutMs / 1000)} s`, stopsRun: false };
  if (err instanceof APIConnectionError) return { words: `could not reach the endpoint at ${deps.endpoint.baseUrlShown}`, stopsRun: true };
  if (err instanceof APIError) {
    if (err.status === 401 || err.status === 403) return { words: `the endpoint refused the key (${err.status}): check OPENAI_API_KEY`, stopsRun: true };
    if (err.status === 404) return { words: `the endpoint has no model "${name}" (404): name it with TRIAL_MODELS, e.g. ${model}=your-deployment`, stopsRun: true };
    if (err.status === 429) return { words: 'rate limited by the endpoint, still after retries', stopsRun: false };
    if (err.status !== undefined && err.status >= 500) return { words: `the endpoint failed (${err.status}), still after retries`, stopsRun: false };
    if (err.status !== undefined) return { words: `the endpoint refused the call (${err.status})`, stopsRun: false };
  }
  return { words: 'the endpoint answered something that is not a chat completion', stopsRun: false };
}

interface Job {
  prompt: number;
  model: string;
  example: number;
}

/**
 * Runs a trial against an OpenAI-compatible endpoint: each prompt on each model over every
 * example, graded; a few calls at once, 429s and 5xx retried by the SDK with its backoff (it
 * honours Retry-After), a time limit per call, a spending cap and Cancel (the signal). Never
 * throws for what the endpoint does: a run that cannot go on stops with words.
 */
/** What a trial is expected to cost with these settings (its judge's calls included): shown before the run, and what holds its cap. */
export function estimateRun(spec: TrialSpec, deps: Pick<TrialRunDeps, 'catalogue' | 'countTokens' | 'limits' | 'judgeModel'>): TrialEstimate {
  return estimateTrial(spec, deps.catalogue, deps.countTokens, { maxOutputTokens: deps.limits.maxOutputTokens, ...(deps.judgeModel ? { judgeModel: deps.judgeModel } : {}) });
}

export async function runTrial(
  spec: TrialSpec,
  deps: TrialRunDeps,
  run: { id: string; signal: AbortSignal; onProgress?: (p: TrialProgress) => void; estimate?: TrialEstimate },
): Promise<TrialSummary> {
  const { limits, catalogue } = deps;
  const estimate = run.estimate ?? estimateRun(spec, deps);
  const calls: TrialCall[] = [];
  const calibrations: PromptCalibration[] = [];
  let spent = 0;
  let stopped: TrialStop | null = null;
  const judge = deps.judgeModel ?? spec.models[0]!;
  const stop = (s: TrialStop) => {
    stopped ??= s;
  };
  // Cancel says "cancelled"; an abort with words of its own (the service stopping) says those.
  const cancelled = (): TrialStop => ({ reason: 'cancelled', words: typeof run.signal.reason === 'string' ? run.signal.reason : 'cancelled' });

  const chat = async (model: string, messages: { role: 'system' | 'user'; content: string }[], maxTokens: number): Promise<{ text: string; usage: ChatCompletion['usage'] }> => {
    const completion = await deps.endpoint.client.chat.completions.create(
      { model: deps.endpoint.modelName(model), messages, max_completion_tokens: maxTokens },
      { signal: run.signal, timeout: limits.timeoutMs },
    );
    const usage = completion.usage;
    // A server that reports no usage is charged its worst case: the cap must hold whatever the endpoint says.
    spent += (usage ? callCost(catalogue, model, usage.prompt_tokens, usage.completion_tokens) : null) ?? estimate.worstPerCallUsd[model] ?? 0;
    timeoutsInARow = 0;
    const choice = completion.choices?.[0];
    const text = choice?.message?.content;
    if (typeof text !== 'string') throw new TypeError('no message content');
    if (choice?.finish_reason === 'length' && !text.trim()) throw new CutOff(maxTokens);
    return { text, usage };
  };

  let timeoutsInARow = 0;
  const failed = (err: unknown, model: string): string => {
    if (err instanceof APIUserAbortError || run.signal.aborted) throw err;
    if (err instanceof CutOff) return err.message;
    const failure = describeFailure(err, deps, model);
    if (failure.stopsRun) throw new EndpointStop(failure.words);
    // An endpoint that times out again and again would hold the run for hours: stop it in words.
    if (err instanceof APIConnectionTimeoutError && ++timeoutsInARow >= TIMEOUTS_TO_STOP)
      throw new EndpointStop(
        `the endpoint timed out on ${TIMEOUTS_TO_STOP} calls in a row (${Math.round(limits.timeoutMs / 1000)} s each): it is too slow or overloaded; try later, or raise TRIAL_TIMEOUT_SECONDS`,
      );
    return failure.words;
  };

  const total = spec.prompts.length * spec.models.length * spec.examples.length;
  let right = 0;
  const report = () => run.onProgress?.({ done: calls.length, total, right, spentUsd: spent });

  // The prompt alone (a one-token input) on each model: how many of a call's input tokens are the prompt's.
  const calibrate = async (prompt: number, model: string) => {
    try {
      const { usage } = await chat(
        model,
        [
          { role: 'system', content: spec.prompts[prompt]!.text },
          { role: 'user', content: '.' },
        ],
        16,
      );
      if (usage) calibrations.push({ prompt, model, promptTokens: usage.prompt_tokens });
    } catch (err) {
      failed(err, model); // a calibration that fails only loses the split of the tokens
    }
  };

  const one = async (job: Job) => {
    const example = spec.examples[job.example]!;
    const started = performance.now();
    const record = (call: Omit<TrialCall, 'prompt' | 'model' | 'example' | 'latencyMs'>) => {
      // Only what a failure sample shows is kept: a trial of 3,600 calls holds no 3,600 full answers.
      const kept = call.answer === null ? null : call.right ? '' : cutSample(call.answer);
      calls.push({ ...job, ...call, answer: kept, latencyMs: Math.round(performance.now() - started) });
      if (call.right) right++;
      report();
    };
    let answer: { text: string; usage: ChatCompletion['usage'] };
    try {
      answer = await chat(
        job.model,
        [
          { role: 'system', content: spec.prompts[job.prompt]!.text },
          { role: 'user', content: example.input },
        ],
        limits.maxOutputTokens,
      );
    } catch (err) {
      return record({ answer: null, right: null, failure: failed(err, job.model), usage: null });
    }
    const usage = answer.usage ? { promptTokens: answer.usage.prompt_tokens, outputTokens: answer.usage.completion_tokens } : null;
    if (spec.grader.kind !== 'rubric') return record({ answer: answer.text, ...gradeAnswer(spec.grader, example, answer.text, deps.checkSchema), usage });
    try {
      const verdict = await chat(judge, rubricJudgeMessages(spec.grader.rubric, example, answer.text), limits.maxOutputTokens);
      const grade = readRubricVerdict(verdict.text);
      // No verdict is no grade: counted apart, never as a wrong answer.
      if (!grade.right && grade.failure === NO_VERDICT)
        return record({
          answer: answer.text,
          right: null,
          failure: verdict.text.trim() ? NO_VERDICT : `${NO_VERDICT} (an empty reply: a reasoning model may need a larger TRIAL_MAX_OUTPUT_TOKENS)`,
          usage,
        });
      record({ answer: answer.text, ...grade, usage });
    } catch (err) {
      record({ answer: answer.text, right: null, failure: `the judge's call failed: ${failed(err, judge)}`, usage });
    }
  };

  // Examples outer, so a run stopped early has as many examples on each prompt and model.
  const jobs: Job[] = spec.examples.flatMap((_, example) => spec.models.flatMap((model) => spec.prompts.map((_, prompt) => ({ prompt, model, example }))));
  let next = 0;
  let inFlight = 0;
  // Each call in flight may still cost its worst (the longest input, an answer at the output limit): the cap holds at any concurrency.
  const fitsUnderCap = (model: string) => spent + (inFlight + 1) * (estimate.worstPerCallUsd[model] ?? 0) <= limits.capUsd;
  const worker = async () => {
    while (next < jobs.length && !stopped) {
      if (run.signal.aborted) return stop(cancelled());
      const job = jobs[next]!;
      if (!fitsUnderCap(job.model)) return stop({ reason: 'cap', words: `stopped at the US$${limits.capUsd} spending cap (TRIAL_MAX_USD)` });
      next++;
      inFlight++;
      try {
        await one(job);
      } catch (err) {
        stopFor(err);
      } finally {
        inFlight--;
      }
    }
  };
  const stopFor = (err: unknown) => {
    if (err instanceof EndpointStop) stop({ reason: 'endpoint', words: err.message });
    else if (err instanceof APIUserAbortError || run.signal.aborted) stop(cancelled());
    else throw err;
  };
  try {
    // Through the same concurrency limit as the answers: up to 18 at once would invite 429s from a small server.
    const calibrationJobs = spec.models.flatMap((model) => spec.prompts.map((_, prompt) => ({ prompt, model })));
    let nextCalibration = 0;
    await Promise.all(
      Array.from({ length: Math.min(Math.max(1, limits.concurrency), calibrationJobs.length) }, async () => {
        while (nextCalibration < calibrationJobs.length && !stopped) {
          const job = calibrationJobs[nextCalibration++]!;
          await calibrate(job.prompt, job.model);
        }
      }),
    );
  } catch (err) {
    stopFor(err);
  }
  report();
  if (!stopped) await Promise.all(Array.from({ length: Math.max(1, limits.concurrency) }, worker));
  if (run.signal.aborted) stop(cancelled());
  return summarizeTrial(spec, { id: run.id, at: deps.now().toISOString(), calls, calibrations, stopped, spentUsd: spent }, catalogue);
}
