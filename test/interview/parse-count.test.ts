import { describe, expect, it } from 'vitest';
import { parseCount } from '../../src/interview/parse-count.js';
import { expectNotUnderstood } from './not-understood.js';

describe('parseCount', () => {
  it.each([
    ['4k', 4000],
    ['4K', 4000],
    ['4,000', 4000],
    ['4000', 4000],
    ['4 000', 4000],
    ['1.5M', 1_500_000],
    ['10M', 10_000_000],
    ['2B', 2_000_000_000],
    ['2bn', 2_000_000_000],
    ['2 million', 2_000_000],
    ['3 thousand', 3000],
    ['about 4k', 4000],
    ['~4k', 4000],
    ['4k tokens', 4000],
    ['2,000 examples', 2000],
    ['2,000 labeled examples', 2000],
    ['500+', 500],
    ['0', 0],
    ['  12  ', 12],
  ])('reads %j as %d', (text, value) => {
    expect(parseCount(text)).toEqual({ ok: true, value });
  });

  it('rounds a count that is not whole after scaling, and says so', () => {
    expect(parseCount('2.5')).toEqual({ ok: true, value: 3, note: 'rounded 2.5 to 3' });
    expect(parseCount('1.2345k')).toEqual({ ok: true, value: 1235, note: 'rounded 1,234.5 to 1,235' });
  });

  it('does not note anything when scaling lands on a whole number', () => {
    expect(parseCount('1.5k')).toEqual({ ok: true, value: 1500 });
  });

  it.each(['-5', '-4k', '−3'])('refuses the negative count %j', (text) => {
    expectNotUnderstood(parseCount(text), text, "can't be negative", 'like 4k, 4,000 or 1.5M');
  });

  it('refuses a count too large to hold exactly', () => {
    expectNotUnderstood(parseCount('1e400'), '1e400', 'too large', 'like 4k');
  });

  it.each(['lots', 'a few', 'a few hundred', 'three four', '', 'NaN', 'Infinity', '4k a day', '1,5', '4k-5k', '80%', 'k'])('does not understand %j and shows an example', (text) => {
    expectNotUnderstood(parseCount(text), text, 'Type a number like 4k, 4,000 or 1.5M.');
  });
});
