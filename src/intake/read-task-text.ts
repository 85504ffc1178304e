import { formatQuantity } from '../interview/format-quantity.js';
import type { AdviceContext } from '../interview/advice-context.js';
import { answersSchema } from '../interview/answers.js';
import { INTAKE_FIELDS, type IntakeField, type RulesReading } from './intake-types.js';
import { matchModelName } from './match-model-name.js';
import { readCategories, readLabeledExamples, readPromptIterations, readTestedExamples } from './read-counts.js';
import { readDeadline, readFailureMode, readSpecStable } from './read-circumstances.js';
import { readCacheHitRate, readScoreOfTested, readSuccess } from './read-rates.js';
import { readInputTokens, readOutputTokens, readPromptTokens } from './read-token-counts.js';
import { readMonthlyCalls } from './read-volumes.js';
import { MAX_TEXT_LENGTH, phraseOf, scanText, type Hit, type ScanText } from './scan-text.js';
import { readTaskKind } from './task-kind-keywords.js';

/**
 * The deterministic reader of a team's first message ("we classify 50k support tickets a day
 * into 12 categories with a 3k-token prompt on gpt-4.1, about 70% right after 4 tries, we have
 * 2,000 labelled tickets"): every answer it can pull from the words, the words each came from,
 * and notes on what it interpreted ("read 50k a day as 1.5M a month"). It reads only what is
 * said plainly and leaves the rest to the interview; it never throws.
 */
export function readTaskText(text: string, ctx: AdviceContext): RulesReading {
  const reading: RulesReading = { answers: {}, phrases: {}, notes: [] };
  if (typeof text !== 'string' || text.trim() === '') return reading;
  const scan = scanText(text);
  const found = findAll(scan, ctx);

  const notes: Hit<unknown>[] = [];
  for (const field of INTAKE_FIELDS) {
    const hit = found[field];
    if (!hit) continue;
    // Only what the core accepts: a value that fails its schema is dropped with its phrase and note.
    const checked = answersSchema.shape[field].safeParse(hit.value);
    if (!checked.success) continue;
    (reading.answers as Record<IntakeField, unknown>)[field] = checked.data;
    reading.phrases[field] = phraseOf(scan, hit.start, hit.end);
    if (hit.note !== undefined) notes.push(hit);
  }
  reading.notes = notes.sort((a, b) => a.start - b.start).map((hit) => hit.note ?? '');
  if (text.length > MAX_TEXT_LENGTH) reading.notes.push(`read only the first ${formatQuantity(MAX_TEXT_LENGTH)} characters`);
  return reading;
}

/** A word every spec pattern has (readSpecStable): "the spec keeps changing", "the schema is fixed". */
const SPEC_WORDS = /still|spec|schema|format|requirement|taxonom|categor|label|rule|guideline|chang|evolv|moving|shifting|flux/;

function findAll(scan: ScanText, ctx: AdviceContext): Partial<Record<IntakeField, Hit<unknown>>> {
  const success = attempt(() => readSuccess(scan)) ?? {};
  const tested = attempt(() => readTestedExamples(scan));
  // "tested on 25 emails, 19 were right": a score said after the test, when no share was.
  const scored = success.successRate ?? (tested && attempt(() => readScoreOfTested(scan, tested)));
  // Readers whose every pattern needs a word are skipped when the word isn't there: half the sentences say nothing of tokens.
  const tokens = scan.lower.includes('token');
  return {
    taskKind: attempt(() => readTaskKind(scan)),
    testedExamples: tested ?? success.testedExamples,
    successRate: scored,
    promptIterations: attempt(() => readPromptIterations(scan)),
    failureMode: attempt(() => readFailureMode(scan)),
    model: attempt(() => matchModelName(scan, ctx.catalogue)),
    labeledExamples: attempt(() => readLabeledExamples(scan)),
    categories: attempt(() => readCategories(scan)),
    promptTokens: tokens ? attempt(() => readPromptTokens(scan)) : undefined,
    inputTokens: tokens ? attempt(() => readInputTokens(scan)) : undefined,
    outputTokens: tokens ? attempt(() => readOutputTokens(scan)) : undefined,
    monthlyCalls: attempt(() => readMonthlyCalls(scan)),
    cacheHitRate: /cach/.test(scan.lower) ? attempt(() => readCacheHitRate(scan)) : undefined,
    deadline: attempt(() => readDeadline(scan)),
    specStable: SPEC_WORDS.test(scan.lower) ? attempt(() => readSpecStable(scan)) : undefined,
  };
}

/**
 * One reader's result, or nothing if it failed: a fault in one reader must not cost the
 * others, nor the interview (this reader runs on every first message).
 */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
