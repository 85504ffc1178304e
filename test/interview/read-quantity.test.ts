import { describe, expect, it } from 'vitest';
import { readQuantity } from '../../src/interview/read-quantity.js';

describe('readQuantity', () => {
  it.each([
    ['4k', 4000, ''],
    ['4 000', 4000, ''],
    ['4,000,000', 4_000_000, ''],
    ["4'000", 4000, ''],
    ['1.5M', 1_500_000, ''],
    ['2bn', 2e9, ''],
    ['3 thousand', 3000, ''],
    ['.8', 0.8, ''],
    ['1e6', 1e6, ''],
    ['~4k tokens', 4000, 'tokens'],
    ['About 250K/Day', 250_000, '/day'],
    ['500+ examples', 500, 'examples'],
    ['4k+', 4000, ''],
    ['-5', -5, ''],
    ['−5', -5, ''],
    ['-0', 0, ''],
    ['4,000.', 4000, ''],
  ])('reads %j as %d with %j after it', (text, value, rest) => {
    expect(readQuantity(text)).toEqual({ value, rest });
  });

  it('scales decimals without float drift', () => {
    expect(readQuantity('1.1k')?.value).toBe(1100);
    expect(readQuantity('0.07M')?.value).toBe(70_000);
  });

  it('does not read "1,5" as 15', () => {
    expect(readQuantity('1,5')).toEqual({ value: 1, rest: ',5' });
  });

  it('leaves "m" alone when scales are off, so callers can read it as months', () => {
    expect(readQuantity('18m', { scales: false })).toEqual({ value: 18, rest: 'm' });
  });

  it('does not take the start of a word as a scale', () => {
    expect(readQuantity('18mo')).toEqual({ value: 18, rest: 'mo' });
    expect(readQuantity('5 tickets')).toEqual({ value: 5, rest: 'tickets' });
  });

  it.each(['', 'lots', 'NaN', 'Infinity', 'k', '.', '🤷', '1'.repeat(201)])('finds no number in %j', (text) => {
    expect(readQuantity(text)).toBeUndefined();
  });
});

describe('one grammar of quantities for typed answers and the task reader', () => {
  it.each(['some 4k', 'like 4k', 'maybe 4k', 'just 4k', 'under 4k', 'less than 4k', 'at  least 4k', 'circa 4k', 'approx. 4k', '~4k'])(
    'reads the hedged %j as 4,000, as the task reader does',
    (text) => {
      expect(readQuantity(text)).toEqual({ value: 4000, rest: '' });
    },
  );
});
