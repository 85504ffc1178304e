import { describe, expect, it } from 'vitest';
import { loadPriceCatalogue } from '../../adapters/catalogue/load-price-catalogue.js';
import type { AdviceContext } from '../../src/index.js';
import { readTaskText } from '../../src/intake/read-task-text.js';
import { parseCount } from '../../src/interview/parse-count.js';
import { parseMonthlyVolume } from '../../src/interview/parse-monthly-volume.js';
import { parseRate } from '../../src/interview/parse-rate.js';
import type { Parsed } from '../../src/interview/parse-result.js';

const ctx: AdviceContext = { catalogue: loadPriceCatalogue(), asOf: '2026-11-23' };
const readValue = (result: Parsed<number>) => (result.ok ? result.value : undefined);

// [typed as an answer, said in the first message, the value both read]
describe('a typed answer and the first message read a count the same way', () => {
  it.each([
    ['some 4k', 'some 4k labelled examples', 4000],
    ['three thousand', 'roughly three thousand annotated records', 3000],
    ['a dozen', 'a dozen labelled examples', 12],
    ['two dozen', 'two dozen labelled examples', 24],
    ['half a million', 'half a million labelled rows', 500_000],
    ['fifteen hundred', 'fifteen hundred labelled emails', 1500],
    ['twenty-five', 'twenty-five labelled examples', 25],
  ])('%j', (typed, said, value) => {
    expect(readValue(parseCount(typed))).toBe(value);
    expect(readTaskText(said, ctx).answers.labeledExamples).toBe(value);
  });
});

describe('a typed answer and the first message read a share the same way', () => {
  it.each([
    ['6 out of 10', 'lawyers accept 6 out of 10', 0.6],
    ['six out of ten', 'six out of ten are right', 0.6],
    ['19 of 25', '19 of 25 right', 0.76],
    ['9/10', '9/10 summaries need no edits', 0.9],
    ['2 in 10 wrong', '2 in 10 wrong', 0.8],
    ['one in four breaks the schema', 'one in four breaks the schema', 0.75],
    ['one response in four breaks our JSON schema', 'one response in four breaks our JSON schema', 0.75],
    ['about 70%', 'about 70% right', 0.7],
    ['eighty percent', 'we get eighty percent right', 0.8],
    ['half the time', 'right half the time', 0.5],
  ])('%j', (typed, said, value) => {
    expect(readValue(parseRate(typed))).toBeCloseTo(value, 9);
    expect(readTaskText(said, ctx).answers.successRate).toBeCloseTo(value, 9);
  });

  it('says how it read a share of failures', () => {
    expect(parseRate('2 in 10 wrong')).toEqual({ ok: true, value: 0.8, note: 'read "2 in 10 wrong" as 80% right' });
  });

  it('refuses words after a share that say nothing about right or wrong', () => {
    expect(parseRate('6 out of 10 drafts a month').ok).toBe(false);
  });
});

describe('a typed answer and the first message read a volume the same way', () => {
  it.each([
    ['150 contracts per week', 643],
    ['1.2M requests per quarter', 400_000],
    ['1.2 million requests per quarter', 400_000],
    ['300 requests a minute', 12_960_000],
    ['eight thousand queries a day', 240_000],
    ['half a million calls a month', 500_000],
    ['3k apps a week', 12_857],
  ])('%j', (text, value) => {
    expect(readValue(parseMonthlyVolume(text))).toBe(value);
    expect(readTaskText(text, ctx).answers.monthlyCalls).toBe(value);
  });

  it.each(['5 people a month', '20 hours a week', '3M tokens a day'])('neither reads %j as calls', (text) => {
    expect(parseMonthlyVolume(text).ok).toBe(false);
    expect(readTaskText(text, ctx).answers.monthlyCalls).toBeUndefined();
  });
});
