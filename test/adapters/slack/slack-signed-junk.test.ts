import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorInWords } from '../../../adapters/slack/slack-errors.js';
import { startSlackTestService, type SlackTestService } from '../../helpers/slack-service.js';
import { blockActionsBody, slashCommandBody, TEAM } from '../../helpers/slack-requests.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

describe('signed requests that are not what this app serves', () => {
  let svc: SlackTestService;
  beforeEach(async () => {
    svc = await startSlackTestService();
  });
  afterEach(async () => {
    await svc.stop();
  });

  const timed = async (body: string, contentType: string) => {
    const started = performance.now();
    const res = await svc.post(body, contentType, { signal: AbortSignal.timeout(2_000) });
    return { status: res.status, ms: performance.now() - started, error: res.text ? ((JSON.parse(res.text) as { error?: string }).error ?? res.text) : '' };
  };

  it('acknowledges at once what Slack sends but no listener takes: another command, a link button, a closed form, an unknown event', async () => {
    const link = blockActionsBody({ messageTs: '1700000001.000100', element: { action_id: 'docs-link', value: 'x' }, responseUrl: svc.responseUrl() });
    const closed = new URLSearchParams({
      payload: JSON.stringify({ type: 'view_closed', team: { id: TEAM }, user: { id: 'U0ALICE' }, view: { id: 'V1', callback_id: 'fta:answer-modal', private_metadata: '' }, is_cleared: false }),
    }).toString();
    const answers = [
      await timed(slashCommandBody({ text: 'x', responseUrl: svc.responseUrl() }).replace('%2Ffinetune-advisor', '%2Fother-command'), FORM),
      await timed(link, FORM),
      await timed(closed, FORM),
      await timed(JSON.stringify({ type: 'event_callback', team_id: TEAM, event_id: 'Ev1', event: { type: 'x_unknown_event' } }), JSON_TYPE),
      await timed(JSON.stringify({ type: 'shortcut', callback_id: 'x', trigger_id: 't', user: { id: 'U0ALICE' }, team: { id: TEAM } }), JSON_TYPE),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    for (const { ms } of answers) expect(ms).toBeLessThan(100);
  });

  it('refuses at once, with a 400 that says what is wrong, a payload Slack would not send', async () => {
    const noUser = new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', trigger_id: 't', actions: [{ action_id: 'fta:answer', type: 'button', action_ts: '1.2' }] }) }).toString();
    const answers = [
      await timed(JSON.stringify({ type: 'event_callback', event: null }), JSON_TYPE),
      await timed(noUser, FORM),
      await timed('null', JSON_TYPE),
      await timed(JSON.stringify({ type: 'something_new' }), JSON_TYPE),
      await timed(`${slashCommandBody({ text: 'a', responseUrl: svc.responseUrl() })}&user_id=U0BOB`, FORM),
    ];
    expect(answers.map((a) => [a.status, a.error])).toEqual([
      [400, 'The event is not as Slack sends it: event: Invalid input: expected object, received null.'],
      [400, 'The block_actions payload is not as Slack sends it: user: missing.'],
      [400, 'The body is not a Slack payload: it is not a JSON object.'],
      [400, 'Slack payloads of type "something_new" are not something this endpoint takes.'],
      [400, 'The slash command is not as Slack sends it: user_id: Invalid input: expected string, received array.'],
    ]);
    for (const { ms } of answers) expect(ms).toBeLessThan(100);
    expect((await fetch(`${svc.service.url}/healthz`)).status).toBe(200);
  });

  it('tells the person when our own code fails, in words that do not blame Slack, with the reference of the log line', async () => {
    const db = new Database(svc.databasePath);
    db.exec('DROP TABLE verdicts');
    db.close();
    const res = await svc.post(slashCommandBody({ text: 'history', responseUrl: svc.responseUrl('history') }), FORM);
    expect(res.status).toBe(200);
    const told = String((await svc.slack.waitFor(() => svc.slack.responses.find((r) => r.id === 'history'))).body.text);
    expect(told).toMatch(
      /^I couldn't list your verdicts: something went wrong inside finetune-advisor, not in Slack\. Try again; if it happens again, tell whoever runs finetune-advisor \(reference [0-9a-f]{8} in its log\)\.$/,
    );
    expect(told).not.toContain('Slack could not be reached');
    const ref = /reference ([0-9a-f]{8})/.exec(told)![1]!;
    const logged = svc.logs.map((l) => JSON.parse(l) as { ref?: string; msg: string; err?: { message: string } }).find((l) => l.ref === ref);
    expect(logged).toMatchObject({ msg: 'slash command failed', err: { message: expect.stringContaining('no such table') } });
  });
});

describe('errors in words', () => {
  it('says Slack could not be reached only when it could not', () => {
    expect(errorInWords(Object.assign(new Error('connect ECONNREFUSED'), { code: 'slack_webapi_request_error' }), 'abcd1234')).toBe('Slack could not be reached; try again in a minute.');
    expect(errorInWords(Object.assign(new Error('An API error occurred: channel_not_found'), { code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } }), 'abcd1234')).toContain(
      "I can't see that channel",
    );
    expect(errorInWords(new TypeError("Cannot read properties of undefined (reading 'id')"), 'abcd1234')).toBe(
      'something went wrong inside finetune-advisor, not in Slack. Try again; if it happens again, tell whoever runs finetune-advisor (reference abcd1234 in its log).',
    );
  });
});
