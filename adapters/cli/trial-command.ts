import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import {
  adviseFromAnswers,
  answersFromTrial,
  answersSchema,
  buildTrialResultsCard,
  defaultTrialModels,
  findModel,
  formatUsd,
  type AdviceContext,
  type Answers,
  type TrialEstimate,
  type TrialSpec,
  type TrialSummary,
  type Verdict,
} from '../../src/index.js';
import { judgeProblem, loadTrialConfig, type TrialConfig } from '../config/load-trial-config.js';
import { trialEndpoint } from '../trial/trial-endpoint.js';
import { countTokens } from '../intake/count-tokens.js';
import { assembleTrial } from '../trial/assemble-trial.js';
import { checkJsonSchema } from '../trial/check-json-schema.js';
import { runTrial, type TrialProgress, type TrialRunDeps } from '../trial/run-trial.js';
import { BadInput } from './bad-input.js';
import type { CliIo } from './cli-io.js';
import { renderTerminalCard } from './render-terminal-card.js';

export interface TrialOptions {
  prompt?: string;
  variant?: string[];
  examples?: string;
  model?: string[];
  grader?: string;
  schema?: string;
  answers?: string;
}

function readText(option: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BadInput([`${option}: ${code === 'ENOENT' ? `no file at ${file}` : `cannot read ${file} (${code})`}`]);
  }
}

function readJson(option: string, file: string): unknown {
  try {
    return JSON.parse(readText(option, file));
  } catch (err) {
    if (err instanceof BadInput) throw err;
    throw new BadInput([`${option}: ${file} is not valid JSON (${(err as Error).message})`]);
  }
}

/** The settings, or why trials are off here. */
export function trialSettings(env: Record<string, string | undefined>, ctx: AdviceContext): TrialConfig {
  const loaded = loadTrialConfig(env);
  if (!loaded.ok) throw new BadInput(loaded.problems.map((p) => `setting ${p}`));
  const judge = judgeProblem(loaded.config, (id) => findModel(ctx.catalogue, id) !== undefined);
  if (judge) throw new BadInput([`setting ${judge}`]);
  if (!loaded.config) throw new BadInput(['trial needs an OpenAI-compatible endpoint: set OPENAI_API_KEY, and OPENAI_BASE_URL for Azure OpenAI, vLLM, Ollama or another compatible server']);
  return loaded.config;
}

/** The spec and the answers it starts from, from the command line's files. */
export function trialFromFiles(values: TrialOptions, ctx: AdviceContext): { spec: TrialSpec; answers: Answers; note?: string } {
  if (!values.prompt) throw new BadInput(['--prompt FILE: the prompt to test (a text file; its variants with --variant FILE)']);
  if (!values.examples) throw new BadInput(['--examples FILE: the examples to run it on (CSV or JSONL with input and expected)']);
  let answers: Answers = {};
  if (values.answers) {
    const parsed = answersSchema.safeParse(readJson('--answers', values.answers));
    if (!parsed.success) throw new BadInput(parsed.error.issues.map((i) => `--answers: ${i.path.join('.')}: ${i.message}`));
    answers = parsed.data;
  }
  const models = values.model?.length ? values.model : defaultTrialModels(answers, ctx);
  if (!models.length) throw new BadInput(['--model ID: the model you prompt today (repeat --model to compare another), or --answers FILE with its model']);
  const schema = values.schema ? readJson('--schema', values.schema) : undefined;
  if (schema !== undefined && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) throw new BadInput([`--schema: ${values.schema} is not a JSON Schema object`]);
  const assembled = assembleTrial(
    {
      prompts: [readText('--prompt', values.prompt), ...(values.variant ?? []).map((f) => readText('--variant', f))],
      examplesText: readText('--examples', values.examples),
      examplesFileName: values.examples,
      models,
      ...(values.grader ? { grader: values.grader } : {}),
      ...(schema ? { jsonSchema: schema as Record<string, unknown> } : {}),
    },
    ctx.catalogue,
  );
  if (!assembled.ok) throw new BadInput(assembled.problems);
  return { spec: assembled.spec, answers, ...(assembled.note ? { note: assembled.note } : {}) };
}

/** The settings a terminal trial runs with, the same for its estimate and for the run. */
export function terminalRunDeps(config: TrialConfig, ctx: AdviceContext): TrialRunDeps {
  return {
    endpoint: trialEndpoint(config),
    limits: config.limits,
    catalogue: ctx.catalogue,
    checkSchema: checkJsonSchema,
    countTokens,
    ...(config.judgeModel ? { judgeModel: config.judgeModel } : {}),
    now: () => new Date(),
  };
}

/** "50 examples × 2 prompts × 2 models: 200 answers, about $0.42; it stops at the $5.00 cap (TRIAL_MAX_USD)". */
export function describeEstimate(spec: TrialSpec, estimate: TrialEstimate, capUsd: number): string {
  const answers = spec.examples.length * spec.prompts.length * spec.models.length;
  const cost = estimate.usd === null ? 'cost unknown (a model has no price)' : `about ${formatUsd(estimate.usd)} at the catalogue's prices`;
  const over = estimate.usd !== null && estimate.usd > capUsd ? ' (more than the cap: it will stop there)' : '';
  return (
    `${spec.examples.length} examples × ${spec.prompts.length} prompt${spec.prompts.length === 1 ? '' : 's'} × ${spec.models.join(' and ')}: ` +
    `${answers} answers${spec.grader.kind === 'rubric' ? ' (each judged by a model)' : ''}, ${cost}; it stops at the ${formatUsd(capUsd)} cap (TRIAL_MAX_USD)${over}.`
  );
}

/** A progress bar on a terminal, a line every tenth of the way elsewhere (a log, a pipe). */
function progressPrinter(out: Writable & { isTTY?: boolean }): { update(p: TrialProgress): void; end(): void } {
  let lastTenth = -1;
  return {
    update(p) {
      const line = `${p.done} of ${p.total} done, ${p.right} right so far, ${formatUsd(p.spentUsd)} spent`;
      if (out.isTTY) {
        const filled = Math.round((20 * p.done) / Math.max(1, p.total));
        out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${line}  `);
        return;
      }
      const tenth = Math.floor((10 * p.done) / Math.max(1, p.total));
      if (tenth !== lastTenth) out.write(`${line}\n`);
      lastTenth = tenth;
    },
    end() {
      if (out.isTTY) out.write('\n');
    },
  };
}

/** Runs the trial with a progress display; Ctrl-C (the interrupt signal) cancels it. */
export async function runTrialInTerminal(spec: TrialSpec, deps: TrialRunDeps, estimate: TrialEstimate, io: CliIo): Promise<TrialSummary> {
  const progress = progressPrinter(io.stderr);
  const controller = new AbortController();
  const stopListening = io.onInterrupt?.(() => {
    io.stderr.write('\nCancelling the trial; the results so far follow.\n');
    controller.abort();
  });
  try {
    return await runTrial(spec, deps, { id: `trial-${randomUUID().slice(0, 8)}`, signal: controller.signal, estimate, onProgress: (p) => progress.update(p) });
  } finally {
    progress.end();
    stopListening?.();
  }
}

/** The verdict straight from an answers file and a trial (no questions): what a script gets. */
export function verdictFromTrial(answers: Answers, summary: TrialSummary, ctx: AdviceContext): Verdict {
  const filled = answersFromTrial(answers, summary);
  if ('error' in filled) throw new BadInput([`trial: ${filled.error}`]);
  const advice = adviseFromAnswers(filled.answers, ctx);
  if (!advice.ok) throw new BadInput(advice.errors.map((e) => `--answers: ${e}`));
  return advice.verdict;
}

/** The results; the terminal keeps nothing, so no retention is stated (the Promptfoo file is the team's own). */
export function printTrialResults(summary: TrialSummary, io: CliIo, model?: string): void {
  io.stdout.write(renderTerminalCard(buildTrialResultsCard(summary, model && summary.models.includes(model) ? { today: model } : {})));
}
