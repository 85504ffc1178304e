import { describe, expect, it } from 'vitest';
import { formatQuantity } from '../../src/interview/format-quantity.js';

describe('formatQuantity', () => {
  it.each([
    [7_500_000, '7.5M'],
    [250_000, '250k'],
    [72_000, '72k'],
    [10_000_000, '10M'],
    [2_000_000_000, '2B'],
    [1_230_000, '1.23M'],
  ])('writes the round number %d compactly as %s', (n, text) => {
    expect(formatQuantity(n)).toBe(text);
  });

  it.each([
    [1_000, '1,000'],
    [4_286, '4,286'],
    [1_234_567, '1,234,567'],
    [2.5, '2.5'],
    [4285.714285, '4,285.71'],
    [0, '0'],
  ])('writes %d with digits as %s when compact would hide them', (n, text) => {
    expect(formatQuantity(n)).toBe(text);
  });
});
