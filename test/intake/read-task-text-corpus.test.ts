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
