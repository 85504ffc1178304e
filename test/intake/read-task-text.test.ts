import { describe, expect, it } from 'vitest';
import { loadPriceCatalogue } from '../../adapters/catalogue/load-price-catalogue.js';
import { answersSchema, type AdviceContext } from '../../src/index.js';
import { INTAKE_FIELDS, type IntakeField } from '../../src/intake/intake-types.js';
import { readTaskText } from '../../src/intake/read-task-text.js';

const ctx: AdviceContext = { catalogue: loadPriceCatalogue(), asOf: '2026-11-23' };
const read = (text: string) => readTaskText(text, ctx);

const EXAMPLE = 'we classify 50k support tickets a day into 12 categories with a 3k-token prompt on gpt-4.1, about 70% right after 4 tries, we have 2,000 labelled tickets';

describe('readTaskText on the example sentence', () => {
  const reading = read(EXAMPLE);

  it('reads every field the sentence states', () => {
    expect(reading.answers).toEqual({
      taskKind: 'classification',
      monthlyCalls: 1_500_000,
      categories: 12,
      promptTokens: 3000,
      model: 'gpt-4.1',
      successRate: 0.7,
      promptIterations: 4,
      labeledExamples: 2000,
    });
  });

  it('quotes the words each value was read from', () => {
    expect(reading.phrases).toEqual({
      taskKind: 'classify',
      monthlyCalls: '50k support tickets a day',
      categories: '12 categories',
      promptTokens: '3k-token prompt',
      model: 'gpt-4.1',
      successRate: '70% right',
      promptIterations: 'after 4 tries',
      labeledExamples: '2,000 labelled tickets',
    });
  });

  it('says how it read a daily volume', () => {
    expect(reading.notes).toEqual(['read 50k a day as 1.5M a month']);
  });
});

// [what a person writes, the field, the value read]
const READS: readonly [string, IntakeField, unknown][] = [
  // volumes: units, periods, ranges
  ['50k a day', 'monthlyCalls', 1_500_000],
  ['about 10M a month', 'monthlyCalls', 10_000_000],
  ['10M calls/month', 'monthlyCalls', 10_000_000],
  ['we get 250k/day', 'monthlyCalls', 7_500_000],
  ['1,000 per week', 'monthlyCalls', 4286],
  ['100 an hour', 'monthlyCalls', 72_000],
  ['120M a year', 'monthlyCalls', 10_000_000],
  ['1.5 million requests a month', 'monthlyCalls', 1_500_000],
  ['20 thousand emails per day', 'monthlyCalls', 600_000],
  ['0.5B tokens? no: 2B api calls a year', 'monthlyCalls', 166_666_667],
  ['we process 40k invoices every month', 'monthlyCalls', 40_000],
  ['roughly 3k new reviews daily', 'monthlyCalls', 90_000],
  ['every day we get 50k tickets', 'monthlyCalls', 1_500_000],
  ['our daily volume is about 20k', 'monthlyCalls', 600_000],
  ['10M calls', 'monthlyCalls', 10_000_000],
  ['50-60k a day', 'monthlyCalls', 1_650_000],
  ['between 50k and 60k tickets a day', 'monthlyCalls', 1_650_000],
  ['50K–60K chats per day', 'monthlyCalls', 1_650_000],
  ['last year we made 120M calls', 'monthlyCalls', 10_000_000],
  ['budget is 10k per month, 40k requests a day', 'monthlyCalls', 1_200_000],
  // prompt, input and output tokens
  ['a 3k-token prompt', 'promptTokens', 3000],
  ['a 3,000 token prompt', 'promptTokens', 3000],
  ['a prompt of 3k tokens', 'promptTokens', 3000],
  ['3k tokens of instructions and examples', 'promptTokens', 3000],
  ['4k tokens prompt', 'promptTokens', 4000],
  ['the prompt is 4k tokens', 'promptTokens', 4000],
  ['our system prompt is about 2.5k tokens', 'promptTokens', 2500],
  ['500-token inputs', 'inputTokens', 500],
  ['each ticket is about 500 tokens', 'inputTokens', 500],
  ['inputs average 1,200 tokens', 'inputTokens', 1200],
  ['800 input tokens per call', 'inputTokens', 800],
  ['200-token answers', 'outputTokens', 200],
  ['outputs of 200 tokens', 'outputTokens', 200],
  ['responses are 200 tokens', 'outputTokens', 200],
  ['about 150 output tokens', 'outputTokens', 150],
  // success rate
  ['70% right', 'successRate', 0.7],
  ['it gets 7/10 correct', 'successRate', 0.7],
  ['7 of 10 correct', 'successRate', 0.7],
  ['7 out of 10 come out right', 'successRate', 0.7],
  ['0.7 accuracy', 'successRate', 0.7],
  ['accuracy is about 82%', 'successRate', 0.82],
  ['it works 90% of the time', 'successRate', 0.9],
  ['precision of 0.85', 'successRate', 0.85],
  ['60-70% right', 'successRate', 0.65],
  ['35/50 right', 'successRate', 0.7],
  ['success rate of 75 percent', 'successRate', 0.75],
  ['accuracy improved from 60% to 75%', 'successRate', 0.75],
  ['it is right 7 times out of 10', 'successRate', 0.7],
  ['about 9 in 10 are right', 'successRate', 0.9],
  ['it is right 83% of the time on 120 hand-checked contracts', 'successRate', 0.83],
  // tested examples
  ['tested on 50 examples', 'testedExamples', 50],
  ['we tested the prompt on 50 real tickets', 'testedExamples', 50],
  ['about 75% right on 40 real tickets', 'testedExamples', 40],
  ['35 out of 50 tested were right', 'testedExamples', 50],
  ['35/50 right', 'testedExamples', 50],
  ['we have 200 test cases', 'testedExamples', 200],
  ['we tested 30 contracts', 'testedExamples', 30],
  ['it is right 83% of the time on 120 hand-checked contracts', 'testedExamples', 120],
  // prompt iterations
  ['after 4 tries', 'promptIterations', 4],
  ['4 iterations so far', 'promptIterations', 4],
  ['we did 4 rounds', 'promptIterations', 4],
  ['4 prompt versions', 'promptIterations', 4],
  ['we tried 3 prompts', 'promptIterations', 3],
  ['we ran 3 prompts on 40 examples', 'promptIterations', 3],
  ['three attempts', 'promptIterations', 3],
  ['after twelve iterations', 'promptIterations', 12],
  ['we rewrote the prompt 5 times', 'promptIterations', 5],
  // labelled examples, typos included
  ['2,000 labelled tickets', 'labeledExamples', 2000],
  ['2k labeled examples', 'labeledExamples', 2000],
  ['we have 500 examples', 'labeledExamples', 500],
  ['a dataset of 3k examples', 'labeledExamples', 3000],
  ['1,200 annotated samples', 'labeledExamples', 1200],
  ['1,500 labled emails', 'labeledExamples', 1500],
  ['800 lableled examples', 'labeledExamples', 800],
  ['5k hand-labelled support tickets', 'labeledExamples', 5000],
  ['no labelled data yet', 'labeledExamples', 0],
  // categories, typos included
  ['into 12 categories', 'categories', 12],
  ['12 classes', 'categories', 12],
  ['12 labels', 'categories', 12],
  ['route them to 8 queues', 'categories', 8],
  ['20 intents', 'categories', 20],
  ['into 12 categries', 'categories', 12],
  ['into 9 catagories', 'categories', 9],
  ['a 5-way classifier', 'categories', 5],
  // task kind
  ['we classify support emails', 'taskKind', 'classification'],
  ['we categorise invoices', 'taskKind', 'classification'],
  ['we triage bug reports', 'taskKind', 'classification'],
  ['we route tickets to teams', 'taskKind', 'classification'],
  ['we tag support tickets by product', 'taskKind', 'classification'],
  ['we parse resumes into JSON', 'taskKind', 'extraction'],
  ['it must plan delivery routes', 'taskKind', 'reasoning'],
  ['sort 30k emails a day into 6 buckets', 'taskKind', 'classification'],
  ['we label incoming emails by urgency', 'taskKind', 'classification'],
  ['we extract fields from invoices', 'taskKind', 'extraction'],
  ['we pull fields out of contracts into structured data', 'taskKind', 'extraction'],
  ['we summarise calls for managers', 'taskKind', 'summarization'],
  ['we write summaries of meetings', 'taskKind', 'summarization'],
  ['we translate product pages into German', 'taskKind', 'translation'],
  ['we write replies in our brand voice', 'taskKind', 'style'],
  ['we rewrite product copy in a friendlier tone', 'taskKind', 'style'],
  ['the model drafts legal clauses', 'taskKind', 'domain'],
  ['a bot that answers questions about our products', 'taskKind', 'knowledge'],
  ['it answers from our FAQ and knowledge base', 'taskKind', 'knowledge'],
  ['multi-step math word problems', 'taskKind', 'reasoning'],
  // deadline
  ['we need it this week', 'deadline', 'this-week'],
  ['it has to ship by Friday', 'deadline', 'this-week'],
  ['we need it in a few days', 'deadline', 'this-week'],
  ['the deadline is this Friday', 'deadline', 'this-week'],
  ['we want it live this month', 'deadline', 'this-month'],
  ['we need it in two weeks', 'deadline', 'this-month'],
  ['we must ship this quarter', 'deadline', 'this-quarter'],
  ['we plan to launch next quarter', 'deadline', 'this-quarter'],
  ['the deadline is in 2 months', 'deadline', 'this-quarter'],
  ['no rush', 'deadline', 'later'],
  ['we want to ship next year', 'deadline', 'later'],
  // failure mode
  ['it fails on format', 'failureMode', 'format'],
  ['we get the wrong format half the time', 'failureMode', 'format'],
  ['it returns bad JSON', 'failureMode', 'format'],
  ['the answers have the wrong tone', 'failureMode', 'style'],
  ["it doesn't know our products", 'failureMode', 'knowledge'],
  ['it hallucinates facts', 'failureMode', 'knowledge'],
  ['it gets our jargon wrong', 'failureMode', 'vocabulary'],
  ['mostly terminology errors', 'failureMode', 'vocabulary'],
  ['the misses are reasoning errors', 'failureMode', 'reasoning'],
  // cache hit rate
  ['80% cache hit rate', 'cacheHitRate', 0.8],
  ['we cached 80% of the prompt', 'cacheHitRate', 0.8],
  ['cache hit rate is 0.6', 'cacheHitRate', 0.6],
  ['80% of the prompt is cached', 'cacheHitRate', 0.8],
  ["we don't use caching", 'cacheHitRate', 0],
  // spec
  ['the spec keeps changing', 'specStable', false],
  ['the labels are still changing', 'specStable', false],
  ['the spec is not settled yet', 'specStable', false],
  ['the spec is fixed', 'specStable', true],
  ['the output format is settled', 'specStable', true],
  ['the schema is stable', 'specStable', true],
  ['the spec is not changing any more', 'specStable', true],
];

describe('readTaskText reads', () => {
  it.each(READS)('%j as %s = %j', (text, field, value) => {
    expect(read(text).answers[field]).toEqual(value);
  });
});

// Models: the catalogue's ids, names and snapshots, as people write them.
const MODELS: readonly [string, string][] = [
  ['on gpt-4.1 today', 'gpt-4.1'],
  ['we use GPT 4.1', 'gpt-4.1'],
  ['gpt4.1-mini', 'gpt-4.1-mini'],
  ['with gpt-4.1-mini', 'gpt-4.1-mini'],
  ['GPT-4.1 mini', 'gpt-4.1-mini'],
  ['claude sonnet 4.5', 'claude-sonnet-4.5'],
  ['Sonnet 4.5', 'claude-sonnet-4.5'],
  ['claude-sonnet-4-5', 'claude-sonnet-4.5'],
  ['on nova pro', 'nova-pro'],
  ['Amazon Nova Lite', 'nova-lite'],
  ['gemini 2.5 flash', 'gemini-2.5-flash'],
  ['Gemini 2.5 Flash-Lite', 'gemini-2.5-flash-lite'],
  ['plain gpt-4o', 'gpt-4o'],
  ['GPT-4o on Azure', 'azure-gpt-4o'],
  ['azure-gpt-4o-mini', 'azure-gpt-4o-mini'],
  ['gpt-4.1-2025-04-14', 'gpt-4.1'],
  ['o4-mini', 'o4-mini'],
  ['GPT-5.4', 'gpt-5.4'],
  ['we moved from gpt-4o to gpt-4.1', 'gpt-4o'],
];

describe('readTaskText finds the model', () => {
  it.each(MODELS)('%j as %s', (text, id) => {
    expect(read(text).answers.model).toBe(id);
  });

  it.each([
    ['the gpt-4 family', 'a model not in the catalogue'],
    ['gpt-5.2', 'a newer version than any in the catalogue'],
    ['gpt-4.1-turbo', 'a variant the catalogue does not have'],
    ['chatgpt-4o', 'a name glued to another word'],
    ['our mini app runs on pro hardware', 'model words out of a model name'],
  ])('not in %j (%s)', (text) => {
    expect(read(text).answers.model).toBeUndefined();
  });
});

// Sentences that must not be misread: [text, the field it must leave out]
const MISREADS: readonly [string, IntakeField][] = [
  ['70% of our tickets are about billing', 'successRate'],
  ['we have 12 engineers', 'categories'],
  ['version 4 of the API', 'promptIterations'],
  ['gpt-4.1 costs $2 per 1M', 'monthlyCalls'],
  ['we cut latency by 30%', 'successRate'],
  ['10 examples in the prompt', 'labeledExamples'],
  ['we have 10 examples in the prompt', 'labeledExamples'],
  ['we use 8 few-shot examples', 'labeledExamples'],
  ['accuracy went up by 10%', 'successRate'],
  ['we spend $5k a month on the API', 'monthlyCalls'],
  ['we spend 5k a month on the API', 'monthlyCalls'],
  ['3M tokens a day', 'monthlyCalls'],
  ['2,000 labelled tickets', 'monthlyCalls'],
  ['right now 70% of tickets go to billing', 'successRate'],
  ['80% cache hit rate', 'successRate'],
  ['we raised 3 rounds of funding', 'promptIterations'],
  ['we tested it across 3 models', 'testedExamples'],
  ['2 calls per ticket', 'monthlyCalls'],
  ['we handled 50k tickets this week', 'deadline'],
  ['we built it in two weeks', 'deadline'],
  ['the output fails to parse', 'taskKind'],
  ['we rewrote the prompt 5 times', 'taskKind'],
  ['a brand new prompt', 'taskKind'],
  ['we need to label more data first', 'taskKind'],
  ["we're planning to route 80% of traffic to a fine-tuned model", 'taskKind'],
  ['we pass 70% of tickets to humans', 'successRate'],
  ['a good 70% of our tickets are billing', 'successRate'],
  ['our churn is 5% a month', 'successRate'],
  ['our churn is 5% a month', 'monthlyCalls'],
  ['in 2023 we processed 10M documents', 'monthlyCalls'],
  ['we have 12 categories of problems', 'categories'],
  ['we had 5 versions of the API and 4 rounds of layoffs', 'promptIterations'],
  ['the prompt has 10 examples', 'labeledExamples'],
  ['we label 500 tickets before we train', 'taskKind'],
  ['about 9 in 10 are right', 'testedExamples'],
  ['it is right 7 times out of 10', 'testedExamples'],
  ['12 labels', 'taskKind'],
];

describe('readTaskText does not misread', () => {
  it.each(MISREADS)('%j as %s', (text, field) => {
    expect(read(text).answers[field]).toBeUndefined();
  });

  it.each([
    'the 2024 report',
    'call me at 555-123-4567',
    'call +1 (555) 123 4567 or 555 123 4567',
    'the meeting is on 2025-03-14',
    'the meeting is on 03/14/2025 at 10:30',
    'we have 12 engineers and 3 product managers',
    '12 50 3000 0.7 99 7 1,000,000',
    'it is 24/7',
    'temperature 0.7, top_p 0.9',
    'we spent $20k on labelling last year',
  ])('reads nothing in %j', (text) => {
    expect(read(text).answers).toEqual({});
  });
});

describe('readTaskText on a form-like message', () => {
  it('reads each labelled value', () => {
    expect(read('Prompt: 2k tokens. Input: 300 tokens. Output: 50 tokens. Volume: 100k/day. Model: gpt-4.1-mini.').answers).toEqual({
      promptTokens: 2000,
      inputTokens: 300,
      outputTokens: 50,
      monthlyCalls: 3_000_000,
      model: 'gpt-4.1-mini',
    });
  });
});

describe('readTaskText notes', () => {
  it.each([
    ['50-60k a day', 'read 50-60k a day as about 1.65M a month (the middle of the range)'],
    ['between 50k and 60k a day', 'read 50k-60k a day as about 1.65M a month (the middle of the range)'],
    ['250k/day', 'read 250k a day as 7.5M a month'],
    ['1,000 per week', 'read 1,000 a week as about 4,286 a month'],
    ['120M a year', 'read 120M a year as 10M a month'],
    ['10M calls', 'read 10M calls as 10M a month (no period given)'],
    ['60-70% right', 'read 60-70% as about 65% (the middle of the range)'],
    ['after 4-6 tries', 'read 4-6 as about 5 (the middle of the range)'],
  ])('%j says %j', (text, note) => {
    expect(read(text).notes).toEqual([note]);
  });

  it('says nothing when a monthly volume needed no interpreting', () => {
    expect(read('10M a month').notes).toEqual([]);
  });
});

describe('readTaskText phrases', () => {
  it('quotes the original words, in their case, trimmed', () => {
    const reading = read('  We run ~10M API calls/month on Claude Sonnet 4.5 with 35/50 right.  ');
    expect(reading.phrases).toMatchObject({
      monthlyCalls: '10M API calls/month',
      model: 'Claude Sonnet 4.5',
      successRate: '35/50 right',
      testedExamples: '35/50 right',
    });
  });

  it('keeps every phrase to 60 characters', () => {
    const reading = read(`we tested ${'very '.repeat(3)}carefully on 50 held-out production examples`);
    expect(reading.answers.testedExamples).toBe(50);
    for (const phrase of Object.values(reading.phrases)) expect(phrase.length).toBeLessThanOrEqual(60);
  });

  it('has a phrase for every value and a value for every phrase', () => {
    const reading = read(`${EXAMPLE}; each ticket is 400 tokens, answers are 20 tokens, tested on 50, the spec is fixed, we need it this month`);
    expect(Object.keys(reading.phrases).sort()).toEqual(Object.keys(reading.answers).sort());
  });
});

describe('readTaskText and the core schema', () => {
  const SENTENCES = [...READS.map(([text]) => text), ...MISREADS.map(([text]) => text), EXAMPLE];

  it('returns only answers the core accepts', () => {
    for (const text of SENTENCES) {
      const { answers } = read(text);
      expect(answersSchema.safeParse(answers).success, text).toBe(true);
      for (const field of Object.keys(answers)) expect(INTAKE_FIELDS).toContain(field);
    }
  });

  it.each([
    ['into 0 categories', 'categories'],
    ['each ticket gets one label', 'categories'],
    ['into 5,000 categories', 'categories'],
    ['120% right', 'successRate'],
    ['11/10 correct', 'successRate'],
    ['a 150% cache hit rate', 'cacheHitRate'],
  ] as const)('reads no value, and quotes no phrase, from %j', (text, field) => {
    const reading = read(text);
    expect(reading.answers[field]).toBeUndefined();
    expect(reading.phrases[field]).toBeUndefined();
  });
});

describe('readTaskText never throws', () => {
  const NASTY = [
    '',
    ' ',
    '\n\t',
    '🤷',
    '👍 50k a day 👍',
    '\ud83d',
    '\u0000',
    'İİİ 50k tickets a day',
    '١٢٣',
    '５０k a day',
    '9'.repeat(400),
    '1,'.repeat(5000),
    '%'.repeat(50_000),
    'of '.repeat(20_000),
    '- '.repeat(30_000),
    '50k a day '.repeat(10_000),
    `${'x'.repeat(100_000)} 50k a day`,
    'between '.repeat(10_000),
    '1e999 calls a day',
    '99999999999999999999 tickets a day',
    '__proto__ constructor toString',
  ];

  it('on empty, huge, emoji or number-only text', () => {
    for (const text of NASTY) {
      const reading = read(text);
      expect(answersSchema.safeParse(reading.answers).success).toBe(true);
    }
  });

  it('on something that is not a string at all', () => {
    expect(read(undefined as unknown as string)).toEqual({ answers: {}, phrases: {}, notes: [] });
  });

  it('reads 100 KB of text quickly, and says it read only the start', () => {
    const text = `we classify 50k tickets a day. ${'Lorem ipsum dolor sit amet, 12 consectetur 3.5 adipiscing. '.repeat(1700)}`;
    expect(text.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const reading = read(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(reading.answers.monthlyCalls).toBe(1_500_000);
    expect(reading.notes).toContain('read only the first 20k characters');
  });
});
