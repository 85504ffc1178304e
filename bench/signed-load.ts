/**
 * The load generator: signed Slack requests over a fixed number of keep-alive connections, each
 * sent as soon as the one before it on its connection is answered. Bodies and signatures are made
 * before the clock starts, so the generator spends its time sending, not hashing.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { signature } from '../tools/slack/slack-payloads.js';

export interface SignedRequest {
  body: string;
  headers: Record<string, string | number>;
}

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** A body signed as Slack signs it, with its headers. */
export function signed(body: string, contentType: string): SignedRequest {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature(body, timestamp) },
  };
}

/** Keep-alive connections to one server, as Slack's own senders hold them. */
export class SlackSender {
  private readonly agent: Agent;

  constructor(
    private readonly url: string,
    connections: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /** Posts to /slack/events; resolves with the status once the whole answer is read. */
  send(req: SignedRequest): Promise<number> {
    return new Promise((resolve, reject) => {
      const { hostname, port } = new URL(this.url);
      const sent = request({ host: hostname, port, path: '/slack/events', method: 'POST', agent: this.agent, headers: req.headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      sent.on('error', reject);
      sent.end(req.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Sends every request, `connections` at a time; throughput and the time to each answer (the ack). */
export async function runLoad(url: string, requests: SignedRequest[], connections: number): Promise<LoadResult> {
  const sender = new SlackSender(url, connections);
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < requests.length) {
        const req = requests[next++]!;
        const t = performance.now();
        const status = await sender.send(req);
        times.push(performance.now() - t);
        if (status !== 200) throw new Error(`a request answered ${status}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  sender.close();
  times.sort((a, b) => a - b);
  return { perSecond: requests.length / seconds, p50: percentile(times, 50), p99: percentile(times, 99) };
}

/**
 * Sends the requests at a steady rate, each at its time whether or not the ones before are
 * answered (as Slack sends a busy workspace's commands): the time to each answer, with no queue
 * of the generator's own making in it.
 */
export async function runPaced(url: string, requests: SignedRequest[], perSecond: number): Promise<Omit<LoadResult, 'perSecond'>> {
  const sender = new SlackSender(url, 64);
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    requests.map(async (req, i) => {
      const due = started + (i * 1000) / perSecond;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const t = performance.now();
      const status = await sender.send(req);
      times.push(performance.now() - t);
      if (status !== 200) throw new Error(`a request answered ${status}`);
    }),
  );
  sender.close();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}
