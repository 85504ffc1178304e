import { STATUS_CODES } from 'node:http';
import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError, WebClient, type WebAPICallResult, type WebClientOptions } from '@slack/web-api';
import { request } from 'undici';
import type { Logger } from '../logging/create-logger.js';
import { slackDispatcher } from './slack-fetch.js';

/** The methods the outbox posts with; Slack takes their arguments as JSON ("Most write methods allow arguments with application/json", docs.slack.dev/apis/web-api). */
const JSON_METHODS = new Set(['chat.postMessage', 'chat.update']);

/** Times a rate-limited chat call is sent again after Slack's wait before the outbox is left to retry it (the WebClient's own count). */
const RATE_LIMITED_RETRIES = 3;
/** A longer wait is the outbox's (it defers the message that long): waited here, it would outlast the deliverer's lease on the conversation. */
const LONGEST_WAIT_S = 10;

export interface JsonChatClientOptions extends WebClientOptions {
  /** Milliseconds a chat call may wait for Slack's answer before it fails as a request error. */
  timeout: number;
  /** Where Slack's warnings about a call (a deprecated argument, say) are logged. */
  warnings: Logger;
}

/**
 * The outbox's Web API client. Its chat posts and updates go to Slack as one JSON request each,
 * past the WebClient's queue, in-process retries and form encoding: that path cost about a
 * millisecond of CPU of the 3.6 a slash command took, for its two posts (npm run bench, Node 22).
 * A rate-limited call is sent again after Slack's wait, as the WebClient does; any other failure
 * is left to the outbox, which first looks for a post that landed when only its answer was lost
 * (the WebClient's blind retry of a timed-out post could post it twice). Failures are the
 * WebClient's own errors (platform, rate-limited, HTTP, request), so they read as before; every
 * other method is the WebClient's.
 */
export class JsonChatClient extends WebClient {
  private readonly timeoutMs: number;
  private readonly warnings: Logger;

  constructor(token: string, { timeout, warnings, ...options }: JsonChatClientOptions) {
    super(token, { ...options, timeout });
    this.timeoutMs = timeout;
    this.warnings = warnings;
  }

  override async apiCall(method: string, options: Record<string, unknown> = {}): Promise<WebAPICallResult> {
    if (!JSON_METHODS.has(method)) return super.apiCall(method, options);
    const { token = this.token, ...args } = options;
    const body = JSON.stringify(args);
    for (let limited = 0; ; limited++) {
      const res = await request(`${this.slackApiUrl}${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${String(token)}`, 'content-type': 'application/json; charset=utf-8' },
        body,
        dispatcher: slackDispatcher,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      }).catch((err: unknown) => {
        throw new WebAPIRequestError(err instanceof Error ? err : new Error(String(err)));
      });
      const retryAfter = Number(res.headers['retry-after']);
      if (res.statusCode === 429 && Number.isFinite(retryAfter) && retryAfter >= 0) {
        await res.body.dump();
        // A rate-limited call was not carried out, so sending it again after Slack's wait cannot post twice.
        if (limited >= RATE_LIMITED_RETRIES || retryAfter > LONGEST_WAIT_S) throw new WebAPIRateLimitedError(retryAfter);
        this.warnings.info({ method, retryAfter }, 'Slack is limiting how fast the app posts; sending again after its wait');
        await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
        continue;
      }
      return this.resultOf(
        method,
        res.statusCode,
        res.headers,
        await res.body.text().catch((err: unknown) => {
          throw new WebAPIRequestError(err instanceof Error ? err : new Error(String(err)));
        }),
      );
    }
  }

  private resultOf(method: string, status: number, headers: Record<string, string | string[] | undefined>, text: string): WebAPICallResult {
    if (status !== 200) throw new WebAPIHTTPError(status, STATUS_CODES[status] ?? '', headersOf(headers), text);
    let result: WebAPICallResult;
    try {
      result = JSON.parse(text) as WebAPICallResult;
    } catch {
      throw new WebAPIHTTPError(status, 'the answer is not JSON', headersOf(headers), text);
    }
    const warnings = result.response_metadata?.warnings ?? [];
    if (warnings.length > 0) this.warnings.warn({ method, warnings }, 'Slack warned about a call');
    if (!result.ok) throw new WebAPIPlatformError(result as WebAPICallResult & { error: string });
    return result;
  }
}

function headersOf(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])));
}
