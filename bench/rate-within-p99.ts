/** A server under a steady load: the ack p99 it gives at `rate` commands a second. */
export interface SweptServer {
  name: string;
  p99At(rate: number): Promise<number>;
}

export interface RateWithin {
  name: string;
  /** The highest rate tried whose median p99 stayed within the limit; 0 when none did. */
  rate: number;
  /** The median p99 at that rate. */
  p99: number;
  /** Every rate tried, with each try's p99 and their median. */
  tried: { rate: number; p99s: number[]; median: number }[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The highest steady rate at which each server's ack p99 stays within `limitMs`. The servers are
 * stepped up the rates together, their tries at a rate interleaved (one, the other, again), so
 * both meet the same minutes of the machine; a server's p99 at a rate is the median of its
 * `tries`, since this machine stalls for some milliseconds now and then, which alone can put one
 * try's p99 past the limit. A server stops at the first rate whose median is past it.
 */
export async function rateWithinP99(servers: SweptServer[], rates: number[], limitMs: number, tries = 3): Promise<RateWithin[]> {
  const found = servers.map((s) => ({ name: s.name, rate: 0, p99: 0, tried: [] as RateWithin['tried'], stopped: false }));
  for (const rate of rates) {
    const running = found.filter((f) => !f.stopped);
    if (!running.length) break;
    const p99s = new Map(running.map((f) => [f, [] as number[]]));
    for (let t = 0; t < tries; t++) {
      for (const f of running) p99s.get(f)!.push(await servers[found.indexOf(f)]!.p99At(rate));
    }
    for (const f of running) {
      const m = median(p99s.get(f)!);
      f.tried.push({ rate, p99s: p99s.get(f)!, median: m });
      if (m > limitMs) f.stopped = true;
      else Object.assign(f, { rate, p99: m });
    }
  }
  return found.map(({ name, rate, p99, tried }) => ({ name, rate, p99, tried }));
}
