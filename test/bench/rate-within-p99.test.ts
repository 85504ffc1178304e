import { describe, expect, it } from 'vitest';
import { rateWithinP99, type SweptServer } from '../../bench/rate-within-p99.js';

/** A server whose p99 at each rate is scripted, try by try; records the rates it was sent. */
function scripted(name: string, p99s: Record<number, number[]>): SweptServer & { tried: number[] } {
  const tried: number[] = [];
  return {
    name,
    tried,
    p99At: async (rate) => {
      tried.push(rate);
      return p99s[rate]!.shift()!;
    },
  };
}

describe('the highest rate within a p99', () => {
  it('gives each server the last rate it held, trying a failed rate once more before stopping it', async () => {
    const fast = scripted('fast', { 100: [2], 200: [12, 4], 300: [6], 400: [11, 13] });
    const slow = scripted('slow', { 100: [3], 200: [15, 20] });
    const found = await rateWithinP99([fast, slow], [100, 200, 300, 400, 500], 10);
    expect(found).toEqual([
      { name: 'fast', rate: 300, p99: 6 },
      { name: 'slow', rate: 100, p99: 3 },
    ]);
    // A one-off stall at 200 did not stop the fast one; nothing is tried past a server's stop.
    expect(fast.tried).toEqual([100, 200, 200, 300, 400, 400]);
    expect(slow.tried).toEqual([100, 200, 200]);
  });

  it('says 0 for a server that held no rate', async () => {
    const found = await rateWithinP99([scripted('stalled', { 100: [30, 40] })], [100, 200], 10);
    expect(found).toEqual([{ name: 'stalled', rate: 0, p99: 0 }]);
  });
});
