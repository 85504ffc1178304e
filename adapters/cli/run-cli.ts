import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  adviseFromAnswers,
  buildAssumptionsCard,
  buildQuestions,
  buildUnderstoodCard,
  buildVerdictCard,
  buildWhatIfCard,
  type Card,
  type Conversation,
  isIsoDate,
  type AdviceContext,
  type Verdict,
} from '../../src/index.js';
import { verdictWithSets } from './what-if-sets.js';
import { CatalogueError, loadPriceCatalogue } from '../catalogue/load-price-catalogue.js';
import { countTokens } from '../intake/count-tokens.js';
import { checkPrices } from './check-prices.js';
import { cliIntake, intakeJson, withTaskRead } from './cli-intake.js';
import type { CliIo } from './cli-io.js';
import { BadInput } from './bad-input.js';
import { buildPackage, printManifest } from './manifest-commands.js';
import { LIBRARY_PACKAGE, loadGenaiPrices } from './genai-prices-library.js';
import { renderPriceCheck } from './render-price-check.js';
import { renderPrices } from './render-prices.js';
import { readOutbox, renderOutbox, type OutboxReport } from './report-outbox.js';
import { renderTerminalCard } from './render-terminal-card.js';
import { runTerminalInterview } from './terminal-interview.js';
import { USAGE } from './usage.js';
import { writePromptfooYaml } from '../trial/write-promptfoo-yaml.js';
import { promptfooExportOf } from '../trial/trial-export.js';
import { estimateRun } from '../trial/run-trial.js';
import { describeEstimate, printTrialResults, runTrialInTerminal, terminalRunDeps, trialFromFiles, trialSettings, verdictFromTrial, type TrialOptions } from './trial-command.js';

/** The understood card's buttons need a conversation; the terminal has none to click. */
const readOnlyConversation = { id: 'cli', version: 0 } as Conversation;

const EXIT_OK = 0;
const EXIT_STOPPED = 1;
const EXIT_BAD_INPUT = 2;
/** `prices --check` found a base price the library disagrees with: for a scheduled job to alert on. */
const EXIT_PRICES_DISAGREE = 3;

function readAnswersFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BadInput([`--answers: ${code === 'ENOENT' ? `no file at ${file}` : `cannot read ${file} (${code})`}`]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new BadInput([`--answers: ${file} is not valid JSON (${(err as Error).message})`]);
  }
}

function context(values: { 'as-of'?: string; prices?: string }, io: CliIo): AdviceContext {
  const asOf = values['as-of'] ?? io.today();
  if (!isIsoDate(asOf)) throw new BadInput([`--as-of: "${asOf}" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-23`]);
  const overrideFile = values.prices ?? io.env.PRICES_FILE;
  try {
    return { catalogue: loadPriceCatalogue(overrideFile ? { overrideFile } : {}), asOf, countTokens };
  } catch (err) {
    if (err instanceof CatalogueError) throw new BadInput([`Price catalogue problem in ${err.file}:`, ...err.problems.map((p) => `  ${p}`)]);
    throw err;
  }
}

/** `prices --check`: the catalogue's base prices against the price library's bundled data; exit 3 on a disagreement. */
async function checkCataloguePrices(ctx: AdviceContext, json: boolean, io: CliIo): Promise<number> {
  const library = await loadGenaiPrices();
  if (!library) {
    throw new BadInput([
      `prices --check needs ${LIBRARY_PACKAGE}, a development dependency, which is not installed (as after npm install --omit=dev).`,
      `Install it with: npm install (without --omit=dev), or npm install --no-save ${LIBRARY_PACKAGE}`,
    ]);
  }
  const check = checkPrices(ctx.catalogue.models, library, ctx.asOf);
  io.stdout.write(json ? `${JSON.stringify(check, null, 2)}\n` : renderPriceCheck(check));
  return check.counts.disagrees > 0 ? EXIT_PRICES_DISAGREE : EXIT_OK;
}

function printVerdict(verdict: Verdict, io: CliIo, withAssumptions: boolean): void {
  printCard(buildVerdictCard(verdict), verdict, io, withAssumptions);
}

function printCard(card: Card, verdict: Verdict, io: CliIo, withAssumptions: boolean): void {
  io.stdout.write(renderTerminalCard(card));
  if (withAssumptions) io.stdout.write(renderTerminalCard(buildAssumptionsCard(verdict)));
  else if (verdict.cost) io.stdout.write('Every input, default and price behind these figures: add --assumptions.\n');
}

/**
 * `trial`: the prompt (and its variants) on the team's examples, on today's model and the one it
 * would switch to; the results, then the interview (or, with --answers, the verdict at once) on
 * the measured figures.
 */
async function trialCommand(values: TrialOptions & { 'as-of'?: string; prices?: string; json?: boolean; assumptions?: boolean; out?: string }, io: CliIo): Promise<number> {
  const ctx = context(values, io);
  const config = trialSettings(io.env, ctx);
  const { spec, answers, note } = trialFromFiles(values, ctx);
  if (note) io.stderr.write(`${note}\n`);
  const deps = terminalRunDeps(config, ctx);
  const estimate = estimateRun(spec, deps);
  io.stderr.write(`Trial: ${describeEstimate(spec, estimate, config.limits.capUsd)}\n`);
  const summary = await runTrialInTerminal(spec, deps, estimate, io);
  if (!values.json) printTrialResults(summary, io, answers.model);
  const written = await writePromptfooYaml(values.out ?? '.', promptfooExportOf(spec, config)).catch((err: NodeJS.ErrnoException) => {
    throw new BadInput([`--out: cannot write the Promptfoo configuration into ${values.out ?? '.'} (${err.code ?? err.message})`]);
  });
  io.stderr.write(`Promptfoo configuration written to ${written}: keep testing with  npx promptfoo@latest eval -c ${written}\n`);
  if (values.answers) {
    const verdict = verdictFromTrial(answers, summary, ctx);
    if (values.json) io.stdout.write(`${JSON.stringify({ trial: summary, verdict }, null, 2)}\n`);
    else printVerdict(verdict, io, values.assumptions ?? false);
    return EXIT_OK;
  }
  if (values.json) throw new BadInput(['--json needs --answers FILE: the interview itself is for a person at a terminal']);
  const verdict = await runTerminalInterview({ input: io.stdin, output: io.stdout, ctx, readIntake: cliIntake(io), trial: { summary } });
  if (!verdict) return EXIT_STOPPED;
  io.stdout.write('\n');
  printVerdict(verdict, io, values.assumptions ?? false);
  return EXIT_OK;
}

/** The command line: returns the exit code, writes only to the injected streams. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        answers: { type: 'string' },
        set: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        'as-of': { type: 'string' },
        prices: { type: 'string' },
        assumptions: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        database: { type: 'string' },
        url: { type: 'string' },
        'socket-mode': { type: 'boolean', default: false },
        'bot-id': { type: 'string' },
        domain: { type: 'string' },
        out: { type: 'string' },
        prompt: { type: 'string' },
        variant: { type: 'string', multiple: true },
        examples: { type: 'string' },
        model: { type: 'string', multiple: true },
        grader: { type: 'string' },
        schema: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === 'help' || command === undefined) {
      io.stdout.write(USAGE);
      return command === undefined && !values.help ? EXIT_BAD_INPUT : EXIT_OK;
    }
    if (values.check && command !== 'prices') throw new BadInput([`--check: only for prices (finetune-advisor prices --check), not for ${command}`]);
    if (command === 'prices') {
      const ctx = context(values, io);
      if (values.check) return await checkCataloguePrices(ctx, values.json, io);
      io.stdout.write(values.json ? `${JSON.stringify(ctx.catalogue, null, 2)}\n` : renderPrices(ctx.catalogue, ctx.asOf));
      return EXIT_OK;
    }
    if (command === 'outbox') {
      // --database names a SQLite file; otherwise the service's own settings say where its data is.
      const source = values.database ? { path: values.database } : io.env.DATABASE_URL ? { url: io.env.DATABASE_URL } : { path: io.env.DATABASE_PATH ?? './data/advisor.db' };
      let report: OutboxReport;
      try {
        report = await readOutbox(source);
      } catch (err) {
        throw new BadInput([`outbox: ${(err as Error).message}`]);
      }
      io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderOutbox(report));
      return EXIT_OK;
    }
    if (command === 'manifest') {
      await printManifest(rest, values, io);
      return EXIT_OK;
    }
    if (command === 'package') {
      await buildPackage(rest, values, io);
      return EXIT_OK;
    }
    if (command === 'read') {
      const text = rest.join(' ').trim();
      if (!text) throw new BadInput(['read: give the task description in quotes, e.g. finetune-advisor read "we classify 50k tickets a day"']);
      const ctx = context(values, io);
      const intake = await cliIntake(io)(text, ctx);
      if (values.json) io.stdout.write(`${JSON.stringify(intakeJson(intake), null, 2)}\n`);
      else io.stdout.write(renderTerminalCard(buildUnderstoodCard(intake, readOnlyConversation, buildQuestions(ctx))));
      return EXIT_OK;
    }
    if (command === 'trial') return await trialCommand(values, io);
    if (command !== 'advise') throw new BadInput([`"${command}" is not a command; the commands are advise, trial, read, prices, outbox, manifest and package (see --help)`]);

    const ctx = context(values, io);
    if (values.answers) {
      const file = readAnswersFile(values.answers);
      const task = (file as { task?: unknown } | null)?.task;
      const read = typeof task === 'string' && task.trim() ? withTaskRead(file, await cliIntake(io)(task, ctx)) : { answers: file, readFromTask: {} };
      const result = adviseFromAnswers(read.answers, ctx);
      if (!result.ok) throw new BadInput(result.errors);
      if (values.set?.length) {
        const tried = verdictWithSets(values.set, result.verdict, ctx);
        if (values.json) io.stdout.write(`${JSON.stringify({ ...tried.verdict, readFromTask: read.readFromTask, changed: tried.changed }, null, 2)}\n`);
        else printCard(buildWhatIfCard(tried, result.verdict.asOf), tried.verdict, io, values.assumptions);
        return EXIT_OK;
      }
      if (values.json) io.stdout.write(`${JSON.stringify({ ...result.verdict, readFromTask: read.readFromTask }, null, 2)}\n`);
      else printVerdict(result.verdict, io, values.assumptions);
      return EXIT_OK;
    }
    if (values.set?.length) throw new BadInput(['--set needs --answers FILE: it changes answers the file gives, e.g. advise --answers answers.json --set monthlyCalls=5M']);
    if (values.json) throw new BadInput(['--json needs --answers FILE: the interview itself is for a person at a terminal']);
    const task = rest.join(' ').trim();
    const verdict = await runTerminalInterview({ input: io.stdin, output: io.stdout, ctx, readIntake: cliIntake(io), ...(task ? { task } : {}) });
    if (!verdict) return EXIT_STOPPED;
    io.stdout.write('\n');
    printVerdict(verdict, io, values.assumptions);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof BadInput) {
      io.stderr.write(`${err.problems.join('\n')}\n`);
      return EXIT_BAD_INPUT;
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`${err.message}\n\n${USAGE}`);
      return EXIT_BAD_INPUT;
    }
    throw err;
  }
}
