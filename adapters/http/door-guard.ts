import type { IncomingMessage, ServerOptions, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { bodyLimitFor, DEFAULT_DOOR_LIMITS, type DoorLimits, TIMEOUT_CHECK_EVERY_MS } from './door-limits.js';

/** The body limit a request was admitted with, for the door that reads it. */
const admittedLimits = new WeakMap<IncomingMessage, number>();

/** The most of this request's body its door may read: what the guard admitted it with (the default table's figure otherwise). */
export function bodyLimitOf(req: IncomingMessage): number {
  return admittedLimits.get(req) ?? bodyLimitFor((req.url ?? '/').split('?')[0]!, DEFAULT_DOOR_LIMITS);
}

/**
 * Answers a request whose body will not be read, and closes its connection: left open, Node
 * would read the rest of the body only to drop it, for as long as the client cares to send.
 */
export function refuseUnread(res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  const socket = res.socket;
  // Runs after node:http's own 'finish' listener, which has ended the socket and set it to be destroyed once that end is flushed.
  if (socket) res.once('finish', () => lingerThenClose(socket));
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close', ...headers }).end(JSON.stringify({ error }));
}

/** How long a refused client's unread bytes are still taken (and dropped) after its answer, so the answer reaches it. */
const LINGER_MS = 2_000;

/**
 * A lingering close: destroyed at once with the client's bytes unread, the socket would send a
 * reset, and a client still writing its body could lose the answer it was sent (one in five did,
 * 64 at once on loopback). So the socket is half-closed (the answer, then FIN) and kept, reading
 * nothing more (the client's bytes wait in its own buffers, not in this process), until the
 * client closes or LINGER_MS has passed.
 */
function lingerThenClose(socket: Socket): void {
  if (socket.destroyed) return;
  socket.removeListener('finish', socket.destroy);
  // node:http resumes the socket on the next tick to drop the unread body: paused after that, it reads no more.
  socket.pause();
  setImmediate(() => socket.pause());
  const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref();
  socket.once('close', () => clearTimeout(timer));
  socket.once('end', () => socket.destroy());
}

/**
 * The limits at the service's door, applied before any platform's code sees a request: a body
 * larger than its endpoint takes is refused from its Content-Length, and past the cap on
 * requests in flight (overall, and per client address when a proxy tells it) a request gets
 * 429 with Retry-After. The time limits are the server's own options (serverOptions).
 */
export class DoorGuard {
  private inFlight = 0;
  private readonly perClient = new Map<string, number>();

  constructor(private readonly limits: DoorLimits) {}

  /** node:http's own limits: how long a head, a whole request and an idle keep-alive connection may take. */
  serverOptions(): ServerOptions {
    return {
      headersTimeout: this.limits.headersTimeoutMs,
      requestTimeout: this.limits.requestTimeoutMs,
      keepAliveTimeout: this.limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_EVERY_MS,
    };
  }

  /**
   * Lets a request in (true), or answers it and returns false. An uncounted request (/healthz)
   * is only held to its body limit, so a load balancer can always ask.
   */
  admit(req: IncomingMessage, res: ServerResponse, path: string, counted = true): boolean {
    const limit = bodyLimitFor(path, this.limits);
    const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if ((declared !== null && declared > limit) || (limit === 0 && chunked)) {
      refuseUnread(res, 413, limit === 0 ? `${path} takes no request body.` : `The body is larger than ${path} takes (${limit} bytes at most).`);
      return false;
    }
    admittedLimits.set(req, limit);
    if (!counted) return true;
    const client = this.limits.trustForwardedFor ? forwardedClient(req) : null;
    const clientCount = client === null ? 0 : (this.perClient.get(client) ?? 0);
    if (this.inFlight >= this.limits.maxInFlight || (client !== null && clientCount >= this.limits.maxInFlightPerClient)) {
      refuseUnread(res, 429, 'The service is answering as many requests as it takes at once; try again in a second.', { 'retry-after': '1' });
      return false;
    }
    this.inFlight++;
    if (client !== null) this.perClient.set(client, clientCount + 1);
    // 'close' comes once the answer is sent or the connection is gone, whichever is first.
    res.once('close', () => {
      this.inFlight--;
      if (client === null) return;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    });
    return true;
  }
}

/**
 * The caller's address as the proxy in front saw it: the last X-Forwarded-For entry, the one that
 * proxy appended (the ones before it are whatever the caller wrote). Without one, the socket's peer.
 */
export function forwardedClient(req: IncomingMessage): string {
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return forwarded.at(-1) ?? req.socket.remoteAddress ?? 'unknown';
}
