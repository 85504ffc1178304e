import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatRate, formatUsd, groupThousands } from '../../src/index.js';

describe('how figures read on a card', () => {
  it.each([
    [0, '$0'],
    [0.0105, '$0.0105'],
    [0.00112, '$0.00112'],
    [0.5, '$0.50'],
    [0.999, '$0.999'],
    [20.1, '$20.10'],
    [40_000, '$40,000'],
    [400_000.4, '$400,000'],
    [-1250, '-$1,250'],
    // A tuned small model's call, a few tokens long: never in exponent notation ("$0.97e-7").
    [9.7e-8, '$0.000000097'],
    [2.28e-6, '$0.00000228'],
  ])('shows %s dollars as %s, with per-call costs to three significant digits', (amount, shown) => {
    expect(formatUsd(amount)).toBe(shown);
  });

  it('shows token counts and volumes short: 40B, 7.5M, 4,000', () => {
    expect([formatCount(40e9), formatCount(7_500_000), formatCount(4000), formatCount(1_234_567_890_123)]).toEqual(['40B', '7.5M', '4,000', '1,230B']);
  });

  it('shows per-1M rates with at least two decimals and no lost digits', () => {
    expect([formatRate(2), formatRate(0.275), formatRate(0.00875), formatRate(12)]).toEqual(['$2.00', '$0.275', '$0.00875', '$12.00']);
  });

  it('groups thousands by hand, keeping fractions and signs', () => {
    expect([groupThousands(1234567.5), groupThousands(-1000), groupThousands(999)]).toEqual(['1,234,567.5', '-1,000', '999']);
    expect(formatPercent(0.7)).toBe('70%');
  });
});
