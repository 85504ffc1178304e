import { describe, expect, it } from 'vitest';
import { rateWithinP99, type SweptServer } from '../../bench/rate-within-p99.js';

/** A server whose p99 at each rate is scripted, try by try; records the order it was tried in. */
function scripted(name: string, p99s: Record<number, number[]>, log: string[]): SweptServer {
  return {
    name,
    p99At: async (rate) => {
      log.push(`${name}@${rate}`);
      return p99s[rate]!.shift()!;
    },
  };
}

describe('the highest rate within a p99', () => {
  it('gives each server the last rate whose median p99 held, trying the servers in turn at each rate', async () => {
    const log: string[] = [];
    const fast = scripted('fast', { 100: [2, 3, 2], 200: [12, 4, 5], 300: [6, 30, 7], 400: [11, 13, 4] }, log);
    const slow = scripted('slow', { 100: [3, 3, 4], 200: [15, 20, 9] }, log);
    const found = await rateWithinP99([fast, slow], [100, 200, 300, 400, 500], 10);
    expect(found.map(({ name, rate, p99 }) => ({ name, rate, p99 }))).toEqual([
      { name: 'fast', rate: 300, p99: 7 },
      { name: 'slow', rate: 100, p99: 3 },
    ]);
    // One stalled try (12 at 200, 30 at 300) did not stop the fast one; its median did at 400.
    expect(found[0]!.tried.map((t) => t.median)).toEqual([2, 5, 7, 11]);
    // Interleaved at each rate; nothing is tried past a server's stop.
    expect(log.slice(0, 6)).toEqual(['fast@100', 'slow@100', 'fast@100', 'slow@100', 'fast@100', 'slow@100']);
    expect(log.filter((l) => l.startsWith('slow'))).toHaveLength(6);
    expect(log.filter((l) => l.startsWith('fast'))).toHaveLength(12);
  });

  it('says 0 for a server that held no rate', async () => {
    const found = await rateWithinP99([scripted('stalled', { 100: [30, 40, 5] }, [])], [100, 200], 10);
    expect(found).toEqual([{ name: 'stalled', rate: 0, p99: 0, tried: [{ rate: 100, p99s: [30, 40, 5], median: 30 }] }]);
  });
});
