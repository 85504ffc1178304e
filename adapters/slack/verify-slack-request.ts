import type { IncomingMessage } from 'node:http';
import { verifySlackRequest } from '@slack/bolt';
import { BodyTooLarge, readBody } from '../http/read-body.js';

/** Slack's rule: X-Slack-Request-Timestamp is at most 5 minutes from now, either way. */
const WINDOW_SECONDS = 5 * 60;
/** Bolt's own limit on a request body. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class RefusedSlackRequest extends Error {
  constructor(
    readonly status: 401 | 413,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a request to the events endpoint and checks that Slack sent it: signed with the signing
 * secret and stamped within 5 minutes of the service's clock, either way. Bolt checks only the past
 * side, and by Date.now. The body is left on `rawBody`, where Bolt's receiver reads it.
 */
export async function verifySlackHttpRequest(req: IncomingMessage, options: { signingSecret: string; now: () => Date }): Promise<void> {
  const buffered = req as IncomingMessage & { rawBody: Buffer };
  try {
    buffered.rawBody = await readBody(req, MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLarge) throw new RefusedSlackRequest(413, 'the body is larger than 4 MB');
    throw err;
  }
  const body = buffered.rawBody.toString('utf8');
  // Slack's SSL check comes unsigned: like Bolt, let it through carrying nothing but the flag.
  if (req.headers['content-type'] === 'application/x-www-form-urlencoded' && body.includes('ssl_check=') && new URLSearchParams(body).get('ssl_check') === '1') {
    buffered.rawBody = Buffer.from('ssl_check=1');
    return;
  }
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string') throw new RefusedSlackRequest(401, 'no X-Slack-Signature');
  const nowMs = options.now().getTime();
  if (!Number.isInteger(timestamp) || Math.abs(timestamp - nowMs / 1000) > WINDOW_SECONDS) throw new RefusedSlackRequest(401, 'X-Slack-Request-Timestamp is missing or more than 5 minutes from now');
  try {
    verifySlackRequest({ signingSecret: options.signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp }, nowMilliseconds: nowMs });
  } catch (err) {
    throw new RefusedSlackRequest(401, (err as Error).message);
  }
}
