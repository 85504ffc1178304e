import { createHmac } from 'node:crypto';

/**
 * Requests as Slack sends them (shapes from Slack's documentation, sanitised), signed
 * with the app's signing secret: `v0=` + HMAC-SHA256 of `v0:{timestamp}:{raw body}`.
 */

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEAM = 'T0001';
export const CHANNEL = 'C0001';
export const ALICE = 'U0ALICE';
export const BOB = 'U0BOB';

export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SentRequest {
  status: number;
  text: string;
  headers: Headers;
}

export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: { timestamp?: number; secret?: string; signature?: string | null; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<SentRequest> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), ...options.headers };
  const sig = options.signature === undefined ? signature(body, timestamp, options.secret) : options.signature;
  if (sig !== null) headers['x-slack-signature'] = sig;
  const res = await fetch(`${url}/slack/events`, { method: 'POST', headers, body, ...(options.signal ? { signal: options.signal } : {}) });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

let commandCounter = 1;

/** A slash command as Slack posts it; each call is a new invocation (its own trigger_id) unless one is given. */
export function slashCommandBody(fields: { text?: string; userId?: string; channelId?: string; responseUrl: string; triggerId?: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'acme',
    channel_id: fields.channelId ?? CHANNEL,
    channel_name: 'ml-team',
    user_id: fields.userId ?? ALICE,
    user_name: 'alice',
    command: '/finetune-advisor',
    text: fields.text ?? '',
    api_app_id: 'A0ADVISOR',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `13345224609.738474920.${(commandCounter++).toString(16).padStart(16, '0')}`,
  }).toString();
}

export interface ClickedElement {
  action_id: string;
  block_id?: string;
  value?: string;
  /** For a static_select. */
  selected?: string;
}

let actionClock = 1_700_000_100;

export function blockActionsBody(fields: { userId?: string; channelId?: string; messageTs: string; threadTs?: string; element: ClickedElement; responseUrl: string }): string {
  const { element } = fields;
  const action: Record<string, unknown> = {
    action_id: element.action_id,
    block_id: element.block_id ?? 'b1',
    action_ts: `${actionClock++}.000200`,
  };
  if (element.selected !== undefined) Object.assign(action, { type: 'static_select', selected_option: { text: { type: 'plain_text', text: element.selected }, value: element.selected } });
  else Object.assign(action, { type: 'button', text: { type: 'plain_text', text: 'x' }, value: element.value });
  const payload = {
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: { id: fields.userId ?? ALICE, username: 'alice', team_id: TEAM },
    api_app_id: 'A0ADVISOR',
    token: 'legacy-verification-token',
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    container: { type: 'message', message_ts: fields.messageTs, channel_id: fields.channelId ?? CHANNEL, is_ephemeral: false, thread_ts: fields.threadTs },
    channel: { id: fields.channelId ?? CHANNEL, name: 'ml-team' },
    message: { type: 'message', ts: fields.messageTs, thread_ts: fields.threadTs, text: '', user: 'UBOT' },
    state: { values: {} },
    response_url: fields.responseUrl,
    actions: [action],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal sent: the answer modal's one field (`value`), or a form's fields by block id (`fields`, e.g. the trial form). */
export function viewSubmissionBody(fields: { userId?: string; viewId: string; privateMetadata: string; value?: string; callbackId?: string; fields?: Record<string, string> }): string {
  const values = fields.fields
    ? Object.fromEntries(Object.entries(fields.fields).map(([block, value]) => [block, { value: { type: 'plain_text_input', value } }]))
    : { answer: { value: { type: 'plain_text_input', value: fields.value ?? '' } } };
  const payload = {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: fields.userId ?? ALICE, username: 'alice', team_id: TEAM },
    api_app_id: 'A0ADVISOR',
    token: 'legacy-verification-token',
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    view: {
      id: fields.viewId,
      team_id: TEAM,
      type: 'modal',
      callback_id: fields.callbackId ?? 'fta:answer-modal',
      private_metadata: fields.privateMetadata,
      hash: '156772938.1827394',
      state: { values },
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let eventCounter = 1;

/** A message event in a thread: a typed reply, or (with `files`) a file shared there, as Slack sends it (subtype file_share). */
export function messageEventBody(fields: { userId?: string; channelId?: string; threadTs: string; text: string; eventId?: string; files?: { id: string; name: string }[] }): string {
  const ts = `${1_700_000_500 + eventCounter}.000300`;
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A0ADVISOR',
    type: 'event_callback',
    event_id: fields.eventId ?? `Ev${String(eventCounter++).padStart(8, '0')}`,
    event_time: 1_700_000_500,
    authorizations: [{ team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    event: {
      type: 'message',
      channel: fields.channelId ?? CHANNEL,
      channel_type: 'channel',
      user: fields.userId ?? ALICE,
      text: fields.text,
      ts,
      thread_ts: fields.threadTs,
      event_ts: ts,
      ...(fields.files ? { subtype: 'file_share', upload: false, display_as_bot: false, files: fields.files.map((f) => ({ id: f.id, name: f.name, title: f.name, mode: 'hosted' })) } : {}),
    },
  });
}
