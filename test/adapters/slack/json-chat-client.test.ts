import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonChatClient } from '../../../adapters/slack/json-chat-client.js';
import { slackErrorInWords } from '../../../adapters/slack/slack-errors.js';
import { createLogger } from '../../../adapters/logging/create-logger.js';
import { FakeSlackApi } from '../../helpers/fake-slack-api.js';

const TOKEN = 'xoxb-test-token';

describe('the outbox client posting to Slack', () => {
  let slack: FakeSlackApi;
  let logs: string[];
  let client: JsonChatClient;
  beforeEach(async () => {
    slack = await new FakeSlackApi().start();
    logs = [];
    const warnings = createLogger('info', new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) }));
    client = new JsonChatClient(TOKEN, { slackApiUrl: `${slack.url}/api/`, timeout: 2_000, retryConfig: { retries: 0 }, warnings });
  });
  afterEach(async () => {
    await slack.stop();
  });

  it('posts a message as one JSON request with the bot token in its header, and gives back its ts', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Question 1*: what kind of task is it?' } }];
    const metadata = { event_type: 'finetune_advisor_message', event_payload: { outbox_id: 7 } };
    const posted = await client.chat.postMessage({ channel: 'C1', thread_ts: '1.000', text: 'Question 1: what kind of task is it?', blocks, metadata });
    expect(slack.calls).toHaveLength(1);
    const [call] = slack.calls;
    expect(call).toMatchObject({ method: 'chat.postMessage', token: TOKEN, contentType: 'application/json; charset=utf-8' });
    expect(call!.body).toEqual({ channel: 'C1', thread_ts: '1.000', text: 'Question 1: what kind of task is it?', blocks, metadata });
    expect(slack.thread('C1', '1.000').find((m) => m.ts === posted.ts)?.text).toBe('Question 1: what kind of task is it?');
  });

  it('updates a message in place as JSON', async () => {
    const { ts } = await client.chat.postMessage({ channel: 'C1', text: 'before' });
    await client.chat.update({ channel: 'C1', ts: ts!, text: 'after' });
    expect(slack.callsOf('chat.update')[0]).toMatchObject({ contentType: 'application/json; charset=utf-8', body: { channel: 'C1', ts, text: 'after' } });
  });

  it("fails a refused post with Slack's own error, in the words a person is told", async () => {
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const err = await client.chat.postMessage({ channel: 'C9', text: 'hello' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'slack_webapi_platform_error', data: { ok: false, error: 'channel_not_found' } });
    expect(slackErrorInWords(err)).toMatch(/can't see that channel/);
  });

  it("sends a rate-limited post again after Slack's wait, and posts it once", async () => {
    slack.failNext('chat.postMessage', { error: 'ratelimited', status: 429, retryAfter: 0 });
    const { ts } = await client.chat.postMessage({ channel: 'C1', text: 'hello' });
    expect(slack.callsOf('chat.postMessage')).toHaveLength(2);
    expect(slack.channel('C1').map((m) => [m.ts, m.text])).toEqual([[ts, 'hello']]);
  });

  it("fails a post still rate-limited after three waits with Slack's wait, for the outbox to honour", async () => {
    slack.failNext('chat.postMessage', { error: 'ratelimited', status: 429, retryAfter: 0 }, 4);
    const err = await client.chat.postMessage({ channel: 'C1', text: 'hello' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 0 });
    expect(slack.callsOf('chat.postMessage')).toHaveLength(4);
    expect(slack.channel('C1')).toEqual([]);
  });

  it("leaves a long rate-limit wait to the outbox: fails at once with Slack's wait, sent once", async () => {
    slack.failNext('chat.postMessage', { error: 'ratelimited', status: 429, retryAfter: 30 });
    const err = await client.chat.postMessage({ channel: 'C1', text: 'hello' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 30 });
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('fails on an HTTP error status with that status, and does not post twice', async () => {
    slack.failNext('chat.postMessage', { error: 'internal_error', status: 503 }, 3);
    const err = await client.chat.postMessage({ channel: 'C1', text: 'hello' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'slack_webapi_http_error', statusCode: 503 });
    expect(slackErrorInWords(err)).toMatch(/Slack answered with an error of its own/);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('fails as a request error when Slack cannot be reached', async () => {
    await slack.stop();
    const err = await client.chat.postMessage({ channel: 'C1', text: 'hello' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'slack_webapi_request_error' });
    expect(slackErrorInWords(err)).toMatch(/could not be reached/);
    slack = await new FakeSlackApi().start();
  });

  it("logs Slack's warnings about a call", async () => {
    slack.warnNext('chat.postMessage', ['method_deprecated']);
    expect((await client.chat.postMessage({ channel: 'C1', text: 'hello' })).ok).toBe(true);
    expect(logs.join('')).toMatch(/"warnings":\["method_deprecated"\].*Slack warned about a call/);
  });

  it('reads other methods through the WebClient, form-encoded as before', async () => {
    const { ts } = await client.chat.postMessage({ channel: 'C1', text: 'opening' });
    await client.conversations.replies({ channel: 'C1', ts: ts!, limit: 200 });
    expect(slack.callsOf('conversations.replies')[0]).toMatchObject({ contentType: 'application/x-www-form-urlencoded', body: { channel: 'C1', ts } });
  });
});
