import type { ServerResponse } from 'node:http';

/** A JSON answer: the service's errors are JSON objects with an `error` in words. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** True for http(s) URLs on this machine: where local mode may send replies. */
export function isLoopbackUrl(value: unknown): boolean {
  try {
    const host = new URL(String(value)).hostname;
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}
