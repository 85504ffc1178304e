import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';
import { bodyLimitOf } from '../http/door-guard.js';
import { BodyTooLarge, readBody } from '../http/read-body.js';

export class BadActivityRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a JSON body from a plain node:http request, up to the endpoint's limit (the door's table), refusing what is not a JSON object. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw: Buffer;
  const limit = bodyLimitOf(req);
  try {
    raw = await readBody(req, limit);
  } catch (err) {
    if (err instanceof BodyTooLarge) throw new BadActivityRequest(413, `The activity is larger than this endpoint takes (${limit} bytes at most).`);
    throw err;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BadActivityRequest(400, 'The body is not JSON: send a Bot Framework activity.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new BadActivityRequest(400, 'The body is not a JSON object: send a Bot Framework activity.');
  return body as Record<string, unknown>;
}

/** The Express-style request and response botbuilder's adapter.process wants, over node:http. */
export function bridge(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): { request: Request; response: Response } {
  let status = 200;
  const response: Response = {
    socket: res.socket,
    status: (code: number) => void (status = code),
    header: (name: string, value: unknown) => void res.setHeader(name, String(value)),
    send: (payload: unknown) => {
      if (res.headersSent) return;
      if (payload === undefined || payload === null) return void res.writeHead(status);
      const isText = typeof payload === 'string';
      res.writeHead(status, { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json' });
      res.write(isText ? payload : JSON.stringify(payload));
    },
    end: () => {
      if (!res.headersSent) res.writeHead(status);
      res.end();
    },
  };
  return { request: { body, headers: req.headers as Record<string, string>, method: req.method ?? 'POST' }, response };
}
