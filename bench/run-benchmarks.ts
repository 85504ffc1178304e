/**
 * How fast the core decides: verdicts per second for a fixed set of answers, each run
 * headless (validation, flowchart, costs, mistakes) the way the chat apps call it.
 * Prints figures; asserts nothing. `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { loadPriceCatalogue } from '../adapters/catalogue/load-price-catalogue.js';
import { adviseFromAnswers, type AdviceContext } from '../src/index.js';
import { readTaskText } from '../src/intake/read-task-text.js';
import { ticketTriage } from '../test/helpers/answers.js';
import { MUST_NOT_MISREAD, READER_CORPUS } from '../test/intake/reader-corpus/reader-corpus.js';
import { scoreReader } from '../test/intake/reader-corpus/score-reader.js';
import { readByKeywords } from './keyword-reader.js';
import { runServiceBench } from './service-bench.js';
import { runStartBench } from './start-time.js';

const ctx: AdviceContext = { catalogue: loadPriceCatalogue(), asOf: '2026-11-23' };

const SCENARIOS: Record<string, unknown> = {
  'test prompts first (early exit)': { testedExamples: 5 },
  'prompt engineering (8/10, low volume)': { testedExamples: 20, successRate: 0.8, promptIterations: 1, model: 'gpt-4.1-mini', promptTokens: 800, monthlyCalls: 20_000 },
  // 60% of 50 after 4 rounds: 70% of 50 would now ask for more test examples first (the interval reaches 80%).
  'fine-tune (60% after 4 rounds)': ticketTriage,
  'cost-driven (4k prompt at 10M calls)': {
    testedExamples: 40,
    successRate: 0.92,
    model: 'gpt-4.1',
    promptTokens: 4000,
    inputTokens: 300,
    outputTokens: 200,
    monthlyCalls: 10_000_000,
    labeledExamples: 3000,
    horizonMonths: 24,
  },
};

function measure(answers: unknown): { perVerdictUs: number; perSecond: number; verdict: string } {
  const first = adviseFromAnswers(answers, ctx);
  if (!first.ok) throw new Error(first.errors.join('; '));
  for (let i = 0; i < 500; i++) adviseFromAnswers(answers, ctx); // warm up the JIT
  const runs = 5_000;
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const result = adviseFromAnswers(answers, ctx);
    if (!result.ok) throw new Error(result.errors.join('; '));
  }
  const ms = performance.now() - start;
  // The verdict reached, printed beside the figure, so a scenario's name can't drift from what it times.
  return { perVerdictUs: (ms * 1000) / runs, perSecond: Math.round(runs / (ms / 1000)), verdict: first.verdict.verdict };
}

console.log(`finetune-advisor core benchmark — node ${process.version}, ${ctx.catalogue.models.length} catalogue models`);
console.log('scenario'.padEnd(42), 'µs/verdict'.padStart(11), 'verdicts/s'.padStart(12), ' verdict reached');
for (const [name, answers] of Object.entries(SCENARIOS)) {
  const { perVerdictUs, perSecond, verdict } = measure(answers);
  console.log(name.padEnd(42), perVerdictUs.toFixed(1).padStart(11), perSecond.toLocaleString('en-US').padStart(12), ` ${verdict}`);
}

// ---------------------------------------------------------------- task-text reader

const SENTENCES: readonly string[] = [
  'we classify 50k support tickets a day into 12 categories with a 3k-token prompt on gpt-4.1, about 70% right after 4 tries, we have 2,000 labelled tickets',
  'We summarize about 20k customer calls per day using Claude Sonnet 4.5. Our prompt is ~6k tokens. Quality is maybe 80% good. Need something by end of month.',
  "We're extracting line items from 300k invoices a month with gpt-4o-mini; the output is bad JSON about 15% of the time. We have 5,000 annotated invoices.",
  'Our bot answers questions about our products from the docs; it hallucinates facts. 3 million chats/month, gemini 2.5 flash, accuracy 0.62, tested on 200 conversations.',
  'we translate 1M product descriptions a year into 5 languages with gpt-5-mini, 95% correct on 100 samples',
  'Routing emails to 7 departments, 4k emails daily, 2 prompt versions, 88% accurate, 1.2k labeled emails, cache hit rate 70%, spec is stable, no rush',
  'Legal contract review, 500 documents per week, terminology errors are the main issue, o4-mini, we tested 30 contracts and 21 were right',
  'Prompt: 2k tokens. Input: 300 tokens. Output: 50 tokens. Volume: 50-60k/day. The spec keeps changing.',
  'We have 3 teams and 40 engineers; last year we made 120M calls. We need a decision this week.',
  'hello, can you help me decide whether to fine-tune?',
];

/** Sentences a second over a set of sentences, after warming up. */
function sentencesPerSecond(read: (text: string) => unknown, sentences: readonly string[]): { perSentenceUs: number; perSecond: number } {
  for (let i = 0; i < 20; i++) for (const text of sentences) read(text); // warm up the JIT
  const rounds = Math.max(5, Math.ceil(20_000 / sentences.length));
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const text of sentences) read(text);
  const ms = performance.now() - start;
  const runs = rounds * sentences.length;
  return { perSentenceUs: (ms * 1000) / runs, perSecond: Math.round(runs / (ms / 1000)) };
}

const rulesReader = (text: string) => readTaskText(text, ctx).answers;
const percent = (share: number) => `${(share * 100).toFixed(2)}%`;

console.log('');
console.log(`task-text reader — ${SENTENCES.length} sentences, ${Math.round(SENTENCES.reduce((n, s) => n + s.length, 0) / SENTENCES.length)} characters on average`);
console.log('reader'.padEnd(42), 'µs/sentence'.padStart(11), 'sentences/s'.padStart(12));
{
  const { perSentenceUs, perSecond } = sentencesPerSecond(rulesReader, SENTENCES);
  console.log('readTaskText (rules, all fields)'.padEnd(42), perSentenceUs.toFixed(1).padStart(11), perSecond.toLocaleString('en-US').padStart(12));
}

// How well it reads: the corpus of sentences people write (test/intake/reader-corpus), beside a keyword baseline.
const corpus = [...READER_CORPUS, ...MUST_NOT_MISREAD];
const corpusTexts = corpus.map(([text]) => text);
console.log('');
console.log(`task-text reader on the corpus — ${READER_CORPUS.length} sentences with their readings, ${MUST_NOT_MISREAD.length} that must not be misread`);
console.log('reader'.padEnd(42), 'fields right'.padStart(13), 'misread'.padStart(9), 'µs/sentence'.padStart(12), 'sentences/s'.padStart(12));
for (const [name, read] of [
  ['readTaskText (rules)', rulesReader],
  ['baseline: first number by a keyword', readByKeywords],
] as const) {
  const score = scoreReader(read, corpus);
  const { perSentenceUs, perSecond } = sentencesPerSecond(read, corpusTexts);
  console.log(
    name.padEnd(42),
    `${percent(score.rightShare)} `.padStart(13),
    percent(score.misreadShare).padStart(9),
    perSentenceUs.toFixed(1).padStart(12),
    perSecond.toLocaleString('en-US').padStart(12),
  );
}
console.log(`(fields right: of the ${scoreReader(rulesReader, corpus).expectedFields} fields the sentences state; misread: of the fields a reader returned, wrong or not stated)`);

await runStartBench();
await runServiceBench();
