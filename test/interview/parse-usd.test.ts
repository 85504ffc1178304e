import { describe, expect, it } from 'vitest';
import { parseUsd } from '../../src/interview/parse-usd.js';
import { expectNotUnderstood } from './not-understood.js';

describe('parseUsd: what a wrong answer or a label costs, as people type it', () => {
  it.each([
    ['$25', 25],
    ['25', 25],
    ['25 USD', 25],
    ['25 dollars', 25],
    ['about $5', 5],
    ['$1.5k', 1500],
    ['$2,000', 2000],
    ['0.40', 0.4],
    ['$2 per example', 2],
    ['$3 each', 3],
    ['US$ 12', 12],
    ['0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseUsd(text)).toEqual({ ok: true, value });
  });

  it('rounds to the cent and says so', () => {
    expect(parseUsd('$0.125')).toEqual({ ok: true, value: 0.13, note: 'rounded to $0.13' });
  });

  it.each(['a lot', '$25 a day', '-5', 'twenty-five euros'])('refuses %j and says how to write it', (text) => {
    expectNotUnderstood(parseUsd(text), text, 'US dollars');
  });
});
