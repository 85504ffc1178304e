import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { bodyLimitOf } from '../http/door-guard.js';
import { BodyTooLarge, readBody } from '../http/read-body.js';

/** Slack's rule: X-Slack-Request-Timestamp is at most 5 minutes from now, either way. */
const WINDOW_SECONDS = 5 * 60;
/** Slack's unsigned SSL check is `ssl_check=1&token=…`, a few dozen bytes: an unsigned body is read no further than this. */
const SSL_CHECK_MAX_BYTES = 4096;

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
 * side, and by Date.now. The headers are checked before the body is read, and the signature is
 * computed over the raw bytes as they arrive, before anything parses them: a stranger's request
 * costs no more than its headers, or its bytes up to the endpoint's limit when it looks signed.
 * The body is left on `rawBody`, where Bolt's receiver reads it.
 */
export async function verifySlackHttpRequest(req: IncomingMessage, options: { signingSecret: string; now: () => Date }): Promise<void> {
  const buffered = req as IncomingMessage & { rawBody: Buffer };
  const signature = req.headers['x-slack-signature'];
  if (typeof signature !== 'string') {
    buffered.rawBody = await sslCheck(req);
    return;
  }
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(timestamp - options.now().getTime() / 1000) > WINDOW_SECONDS)
    throw new RefusedSlackRequest(401, 'X-Slack-Request-Timestamp is missing or more than 5 minutes from now');
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) throw new RefusedSlackRequest(401, 'X-Slack-Signature is not v0= and 64 hex digits');
  const hmac = createHmac('sha256', options.signingSecret).update(`v0:${timestamp}:`);
  const limit = bodyLimitOf(req);
  try {
    buffered.rawBody = await readBody(req, limit, (chunk) => hmac.update(chunk));
  } catch (err) {
    if (err instanceof BodyTooLarge) throw new RefusedSlackRequest(413, `the body is larger than ${limit} bytes`);
    throw err;
  }
  if (!timingSafeEqual(hmac.digest(), Buffer.from(signature.slice(3), 'hex'))) throw new RefusedSlackRequest(401, 'the signature does not match the body');
}

/** Slack's SSL check comes unsigned: like Bolt, let it through carrying nothing but the flag. Anything else unsigned is refused. */
async function sslCheck(req: IncomingMessage): Promise<Buffer> {
  const noSignature = new RefusedSlackRequest(401, 'no X-Slack-Signature');
  if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') throw noSignature;
  const body = await readBody(req, SSL_CHECK_MAX_BYTES).catch((err: unknown) => {
    throw err instanceof BodyTooLarge ? noSignature : err;
  });
  if (new URLSearchParams(body.toString('utf8')).get('ssl_check') !== '1') throw noSignature;
  return Buffer.from('ssl_check=1');
}
