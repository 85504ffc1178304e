import { describe, expect, it } from 'vitest';
import { loadPriceCatalogue } from '../../adapters/catalogue/load-price-catalogue.js';
import type { AdviceContext } from '../../src/index.js';
import { readTaskText } from '../../src/intake/read-task-text.js';
import { MUST_NOT_MISREAD, QUOTED_SENTENCES, READER_CORPUS } from './reader-corpus/reader-corpus.js';
import { type Miss, scoreReader } from './reader-corpus/score-reader.js';

const ctx: AdviceContext = { catalogue: loadPriceCatalogue(), asOf: '2026-11-23' };
const read = (text: string) => readTaskText(text, ctx).answers;

const listed = (misses: readonly Miss[]) => misses.map((m) => `${m.field}: read ${JSON.stringify(m.read)}, says ${JSON.stringify(m.expected)} in ${JSON.stringify(m.text)}`).join('\n');

describe('readTaskText on the corpus of sentences people write', () => {
  it('has at least 300 sentences with their readings and 100 that must not be misread', () => {
    expect(READER_CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(MUST_NOT_MISREAD.length).toBeGreaterThanOrEqual(100);
    expect(new Set(READER_CORPUS.map(([text]) => text)).size).toBe(READER_CORPUS.length);
  });

  const score = scoreReader(read, [...READER_CORPUS, ...MUST_NOT_MISREAD]);

  it('reads at least 95% of the fields the sentences state, with the right value', () => {
    expect(score.rightShare, `missed or misread:\n${listed([...score.missed, ...score.misread])}`).toBeGreaterThanOrEqual(0.95);
  });

  it('misreads at most 0.5% of what it reads', () => {
    expect(score.misreadShare, `misread:\n${listed(score.misread)}`).toBeLessThanOrEqual(0.005);
  });

  it('reads nothing from a sentence whose numbers are none of the answers', () => {
    const misread = scoreReader(read, MUST_NOT_MISREAD).misread;
    expect(misread.length, listed(misread)).toBeLessThanOrEqual(1);
  });
});

describe('readTaskText on the sentences issue 14 quotes', () => {
  it.each(QUOTED_SENTENCES)('%j', (text, expected) => {
    const answers = read(text);
    for (const [field, value] of Object.entries(expected)) {
      if (typeof value === 'number') expect(answers[field as keyof typeof answers], field).toBeCloseTo(value, 6);
      else expect(answers[field as keyof typeof answers], field).toBe(value);
    }
    expect(Object.keys(answers).sort()).toEqual(Object.keys(expected).sort());
  });
});

describe('readTaskText quotes the words of each new reading, for the understood card', () => {
  it.each([
    [
      'lawyers accept maybe 6 out of 10 drafts; we tried 5 prompt versions; 300 approved clauses; 400 drafts a month',
      { taskKind: 'lawyers', successRate: 'accept maybe 6 out of 10', promptIterations: 'tried 5 prompt versions', labeledExamples: '300 approved clauses', monthlyCalls: '400 drafts a month' },
      [],
    ],
    [
      'tested on 25 emails, 19 were routed correctly, after four rewrites',
      { testedExamples: 'tested on 25 emails', successRate: 'tested on 25 emails, 19 were routed correctly', promptIterations: 'after four rewrites', taskKind: 'routed' },
      [],
    ],
    ['one response in four breaks our JSON schema', { successRate: 'one response in four breaks', failureMode: 'breaks our JSON schema' }, ['read "one response in four breaks" as 75% right']],
    ['Nothing tested yet, eight thousand queries a day', { testedExamples: 'Nothing tested', monthlyCalls: 'eight thousand queries a day' }, ['read eight thousand a day as 240k a month']],
    ['it makes up HR policies', { failureMode: 'makes up HR policies' }, []],
    ['pull the invoice number … out of scanned PDFs', { taskKind: 'pull the invoice number … out of' }, []],
  ] as const)('%j', (text, phrases, notes) => {
    const reading = readTaskText(text, ctx);
    expect(reading.phrases).toEqual(phrases);
    expect(reading.notes).toEqual(notes);
  });
});
