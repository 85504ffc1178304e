import { describe, expect, it } from 'vitest';
import { describeInterval, examplesToTell, successInterval } from '../../src/verdict/success-interval.js';

describe('the uncertainty of a success rate measured on few examples', () => {
  it.each([
    [0.8, 10, '8 of 10 is consistent with 49% to 94%'],
    [0.8, 50, '40 of 50 is consistent with 67% to 89%'],
    [0.6, 50, '30 of 50 is consistent with 46% to 72%'],
    [1, 10, '10 of 10 is consistent with 72% to 100%'],
    [0, 12, '0 of 12 is consistent with 0% to 24%'],
  ])('reads %d on %d examples as "%s" (Wilson, 95%)', (rate, tested, text) => {
    expect(describeInterval(successInterval(rate, tested))).toBe(text);
  });

  it('narrows as the examples grow', () => {
    const widths = [10, 30, 100, 1000].map((n) => {
      const i = successInterval(0.7, n);
      return i.high - i.low;
    });
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
  });

  it('names the fewest examples at which 70% can be told apart from 80%', () => {
    const n = examplesToTell(0.7, 0.8);
    expect(successInterval(0.7, n).high).toBeLessThan(0.8);
    expect(successInterval(0.7, Math.floor(n / 1.05) - 1).high).toBeGreaterThanOrEqual(0.8);
    expect(n).toBeGreaterThan(50);
    expect(n).toBeLessThan(120);
  });
});
