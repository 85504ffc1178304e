/** A server under a steady load: the ack p99 it gives at `rate` commands a second. */
export interface SweptServer {
  name: string;
  p99At(rate: number): Promise<number>;
}

export interface RateWithin {
  name: string;
  /** The highest rate tried whose ack p99 stayed within the limit; 0 when none did. */
  rate: number;
  /** The ack p99 at that rate. */
  p99: number;
}

/**
 * The highest steady rate at which each server's ack p99 stays within `limitMs`: the servers are
 * stepped up the rates together (each rate tried on one, then the other, in the same minute of
 * the machine), and a server stops at the first rate it fails twice running: this machine stalls
 * for some milliseconds now and then, which alone can put one try's p99 past the limit.
 */
export async function rateWithinP99(servers: SweptServer[], rates: number[], limitMs: number): Promise<RateWithin[]> {
  const found = servers.map((s) => ({ name: s.name, rate: 0, p99: 0, stopped: false }));
  for (const rate of rates) {
    for (const [i, server] of servers.entries()) {
      const best = found[i]!;
      if (best.stopped) continue;
      let p99 = await server.p99At(rate);
      if (p99 > limitMs) p99 = await server.p99At(rate);
      if (p99 > limitMs) best.stopped = true;
      else Object.assign(best, { rate, p99 });
    }
    if (found.every((f) => f.stopped)) break;
  }
  return found.map(({ name, rate, p99 }) => ({ name, rate, p99 }));
}
