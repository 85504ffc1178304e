import { ALICE, BOB, CHANNEL, TEAM } from './slack-payloads.js';

/**
 * A seeded, bounded fuzzer of the bodies Slack posts to /slack/events: slash commands, block
 * actions, view submissions, Events API callbacks and URL checks, in Slack's shapes and then
 * bent: odd action ids, missing fields, wrong types, unknown block, event and payload types,
 * huge or control-character text, form and JSON encodings. The same seed gives the same bodies.
 * Signing is the sender's job (they are stamped with the receiver's clock): see `postSigned`.
 *
 * Some bodies name conversations the fake Slack API is likely to have opened (its timestamps
 * count up from 1700000001.000100), so fuzzed clicks, form answers and thread replies also reach
 * live interviews rather than only missing ones.
 */

export interface FuzzedPayload {
  /** What the body is and how it was bent, e.g. `block_actions/mutated`; for reports. */
  kind: string;
  contentType: string;
  body: string;
}

export interface FuzzOptions {
  /** Where response_url points (a loopback fake in tests); junk URLs are mixed in too. */
  responseUrl?: string;
}

/** At most this many bodies per call, and no body longer than this: the fuzzer is bounded. */
export const MAX_FUZZ_COUNT = 100_000;
export const MAX_FUZZ_BODY_CHARS = 256 * 1024;

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** mulberry32: small, fast and the same on every machine. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat(['\u007f', '\u0085', '\u2028', '\u2029']);
const ODD_CHARS = ['\u202e', '\u200b', '\ufeff', '\u0301', '\ud83d\ude80', '\ud800', '\udfff', '\uffff', '"', '\\', '<', '>', '&', '%', '+', '=', '\u00e9', '\u4e2d'];

const PLAIN_TEXTS = [
  '',
  ' ',
  'the support bot',
  'classify 50k support tickets a day into 12 queues',
  'route support tickets to 12 queues with gpt-4.1 at 4k tokens, 10M a month',
  'help',
  '?',
  'history',
  'history please',
  'start',
  'start extract invoice fields',
  'histroy',
  'HELP',
  '20',
  '8/10',
  '80%',
  '0.8',
  '4k',
  '10M a month',
  '250k/day',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '0',
  '99999999999999999999999',
  'cancel',
  'back',
  'start over',
  'skip',
  'yes',
  'no',
  'DeepSeek V3 0.27/1.10',
  '<!channel> <@U0BOB> <#C0001|general>',
  '*bold* _it_ ~strike~ `code` ```block```',
  '__proto__',
  'constructor',
  '{"c":"x","v":0}',
  "'; DROP TABLE conversations; --",
  '%s %d %n ${process.exit()}',
  '../../etc/passwd',
];

const ACTION_IDS = [
  'fta:answer',
  'fta:answer:taskKind',
  'fta:skip',
  'fta:back',
  'fta:cancel',
  'fta:start-over',
  'fta:change',
  'fta:open-input',
  'fta:show-assumptions',
  'fta:new-from-verdict',
  'fta:answer-modal',
  'fta:unknown-thing',
  'fta:',
  'fta',
  'FTA:ANSWER',
  `fta:answer:${'x'.repeat(300)}`,
  'fta:ANSWER',
  'fta:answer\n',
  'open-input',
  'approve_button',
  'overflow_menu',
  '',
  ' ',
  'a'.repeat(256),
  '\u0000',
  'fta:\u202eanswer',
];

const ELEMENT_TYPES = [
  'button',
  'static_select',
  'overflow',
  'datepicker',
  'checkboxes',
  'radio_buttons',
  'plain_text_input',
  'rich_text_input',
  'users_select',
  'multi_static_select',
  'workflow_button',
  'unknown_element',
  '',
];

const QUESTION_IDS = ['taskKind', 'testedExamples', 'successRate', 'failureMode', 'promptIterations', 'model', 'otherModel', 'promptTokens', 'monthlyCalls', 'deadline', 'specStable', 'nope', ''];
const ANSWER_VALUES = ['classification', 'extraction', 'format', 'gpt-4.1', 'this month', 'yes', 'no', '20', '', 'x'.repeat(199), 'not-an-option'];

const EVENT_TYPES = [
  'message',
  'message',
  'message',
  'app_mention',
  'app_home_opened',
  'reaction_added',
  'member_joined_channel',
  'channel_created',
  'app_uninstalled',
  'tokens_revoked',
  'function_executed',
  'subteam_created',
  'team_join',
  'x_unknown_event',
  '',
  'MESSAGE',
];
const MESSAGE_SUBTYPES = [undefined, undefined, undefined, 'bot_message', 'message_changed', 'message_deleted', 'channel_join', 'thread_broadcast', 'file_share', 'me_message', 'x_unknown_subtype'];

const TOP_LEVEL_JUNK: Json[] = [
  null,
  42,
  'a string',
  true,
  [],
  [{ type: 'block_actions' }],
  {},
  { type: 'weird' },
  { type: 123 },
  { type: null },
  { type: 'app_rate_limited', team_id: TEAM, minute_rate_limited: 1_700_000_000, api_app_id: 'A0ADVISOR' },
  { type: 'shortcut', callback_id: 'x', trigger_id: 't', user: { id: ALICE }, team: { id: TEAM } },
  { type: 'message_action', callback_id: 'x', trigger_id: 't', user: { id: ALICE }, team: { id: TEAM }, channel: { id: CHANNEL }, message: {} },
  { type: 'block_suggestion', action_id: 'x', block_id: 'b', value: 'q', user: { id: ALICE }, team: { id: TEAM } },
  { type: 'interactive_message', callback_id: 'x', actions: [{ name: 'n', value: 'v', type: 'button' }], user: { id: ALICE }, team: { id: TEAM } },
  { type: 'dialog_submission', callback_id: 'x', submission: {}, user: { id: ALICE }, team: { id: TEAM } },
  { type: 'event_callback' },
  { token: 'legacy-verification-token', challenge: 'c' },
  { command: 42 },
  { actions: 'a' },
  { event: 'e' },
  { view: null, type: 'view_submission' },
];

/** Values of the wrong type for any field. */
const WRONG_VALUES: Json[] = [null, 0, -1, 1.5, true, false, '', 'x', [], [null], {}, { id: 1 }, 'x'.repeat(5000)];

function oddText(d: Dice): string {
  switch (d.int(0, 5)) {
    case 0:
    case 1:
      return d.pick(PLAIN_TEXTS);
    case 2: {
      const length = d.int(1, 200);
      return Array.from({ length }, () => (d.chance(0.6) ? d.pick(CONTROL) : d.pick(ODD_CHARS))).join('');
    }
    case 3: {
      // Long text: past Slack's own limits, up to the fuzzer's bound.
      const unit = d.pick(['a', 'route tickets ', '\u0000', '\ud83d\ude80', '<@U0BOB> ', '%']);
      const length = d.pick([3_001, 4_000, 12_000, 40_000, 120_000]);
      return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    }
    case 4:
      return d.pick(PLAIN_TEXTS) + d.pick(CONTROL) + d.pick(ODD_CHARS) + d.pick(PLAIN_TEXTS);
    default:
      return d.pick(ODD_CHARS).repeat(d.int(1, 50));
  }
}

/** A conversation the fake Slack API may have opened: its message timestamps count up from 1700000001.000100. */
function likelyThreadTs(d: Dice): string {
  return d.chance(0.9) ? `${1_700_000_000 + d.int(1, 400)}.000100` : d.pick(['', '0', '1700000001', 'not-a-ts', '9999999999.999999']);
}

function conversationId(d: Dice): string {
  if (d.chance(0.15)) return d.pick(['', 'x', 'slack:', 'teams:abc', 'slack:T0001:C0001:', 'c'.repeat(300), 'slack:T0001:C0001:1700000001.000100\u0000']);
  return `slack:${d.chance(0.9) ? TEAM : 'T0OTHER'}:${d.chance(0.9) ? CHANNEL : 'C0002'}:${likelyThreadTs(d)}`;
}

/** A button or menu value: our encoded payload (for a live or missing interview), or junk. */
function actionValue(d: Dice): Json | undefined {
  switch (d.int(0, 6)) {
    case 0:
    case 1:
    case 2: {
      const payload: Record<string, Json> = { c: conversationId(d), v: d.pick([0, 0, 1, 2, 3, 5, -1, 1.5]) };
      if (d.chance(0.7)) payload.q = d.pick(QUESTION_IDS);
      if (d.chance(0.5)) payload.a = d.pick(ANSWER_VALUES);
      if (d.chance(0.2)) payload.d = d.pick(['v1', '', 'missing-verdict', 'd'.repeat(101)]);
      return JSON.stringify(payload);
    }
    case 3:
      return d.pick(['', '{', 'null', '[]', '{"c":1}', '{"c":"x","v":"0"}', 'not json', '{"__proto__":{"c":"x"}}']);
    case 4:
      return undefined;
    case 5:
      return oddText(d);
    default:
      return d.pick(WRONG_VALUES);
  }
}

function responseUrl(d: Dice, options: FuzzOptions): Json {
  const base = options.responseUrl ?? 'http://127.0.0.1:9/respond/fuzz';
  if (d.chance(0.85)) return base;
  // Junk, but never a host off this machine.
  return d.pick(['', 'not a url', 'http://127.0.0.1:9/closed', 'ftp://127.0.0.1/x', 'javascript:alert(1)', 42, null]);
}

/** Bends a payload: removes fields, gives them values of the wrong type, or nests junk, 1 to 3 times. */
function mutate(d: Dice, value: Json, times: number): Json {
  let result = value;
  for (let i = 0; i < times; i++) result = mutateOnce(d, result);
  return result;
}

function mutateOnce(d: Dice, value: Json): Json {
  if (value === null || typeof value !== 'object') return d.chance(0.5) ? d.pick(WRONG_VALUES) : value;
  const copy: Json = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  if (!keys.length) return d.chance(0.5) ? d.pick(WRONG_VALUES) : copy;
  const key = d.pick(keys);
  const child = (copy as Record<string, Json>)[key]!;
  const roll = d.next();
  if (roll < 0.3 && !Array.isArray(copy)) delete (copy as Record<string, Json>)[key];
  else if (roll < 0.6) (copy as Record<string, Json>)[key] = d.pick(WRONG_VALUES);
  else if (roll < 0.65 && !Array.isArray(copy)) (copy as Record<string, Json>)[d.pick(['__proto__', 'constructor', 'toString', 'extra', ''])] = d.pick(WRONG_VALUES);
  else (copy as Record<string, Json>)[key] = mutateOnce(d, child);
  return copy;
}

function form(fields: Record<string, Json | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    params.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return params.toString();
}

/** An interactive payload (block_actions, view_submission, ...) as Slack encodes it, or bent. */
function interactiveBody(d: Dice, kind: string, payload: Json): FuzzedPayload {
  const roll = d.next();
  if (roll < 0.8) return { kind, contentType: FORM, body: form({ payload: JSON.stringify(payload) }) };
  if (roll < 0.88) return { kind: `${kind}/json-encoded`, contentType: JSON_TYPE, body: JSON.stringify(payload) };
  if (roll < 0.92) return { kind: `${kind}/payload-twice`, contentType: FORM, body: `${form({ payload: JSON.stringify(payload) })}&${form({ payload: JSON.stringify(payload) })}` };
  if (roll < 0.96) return { kind: `${kind}/payload-not-json`, contentType: FORM, body: form({ payload: JSON.stringify(payload).slice(0, d.int(0, 40)) }) };
  return {
    kind: `${kind}/odd-content-type`,
    contentType: d.pick(['text/plain', 'application/x-www-form-urlencoded; charset=utf-8', 'application/octet-stream', '']),
    body: form({ payload: JSON.stringify(payload) }),
  };
}

function slashCommand(d: Dice, options: FuzzOptions): FuzzedPayload {
  const fields: Record<string, Json | undefined> = {
    token: 'legacy-verification-token',
    team_id: d.chance(0.95) ? TEAM : d.pick(['', 'T0OTHER']),
    team_domain: 'acme',
    channel_id: d.chance(0.9) ? CHANNEL : d.pick(['C0002', 'D0ALICE', 'G0PRIVATE', '']),
    channel_name: 'ml-team',
    user_id: d.chance(0.9) ? ALICE : BOB,
    user_name: d.chance(0.9) ? 'alice' : oddText(d),
    command: d.chance(0.85) ? '/finetune-advisor' : d.pick(['/other-command', '', 'finetune-advisor', '/FINETUNE-ADVISOR', '/finetune-advisor ', `/${'x'.repeat(300)}`]),
    text: oddText(d),
    api_app_id: 'A0ADVISOR',
    is_enterprise_install: d.pick(['false', 'true', 'maybe']),
    response_url: responseUrl(d, options),
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
  };
  let kind = 'command';
  if (d.chance(0.3)) {
    kind = 'command/missing-fields';
    for (const key of Object.keys(fields)) if (d.chance(0.25)) delete fields[key];
  }
  if (d.chance(0.1)) {
    // A key given twice is read as a list.
    const key = d.pick(['text', 'command', 'user_id', 'team_id', 'channel_id', 'response_url']);
    return { kind: 'command/key-twice', contentType: FORM, body: `${form(fields)}&${form({ [key]: oddText(d) })}` };
  }
  if (d.chance(0.08)) return { kind: 'command/json-encoded', contentType: JSON_TYPE, body: JSON.stringify(d.chance(0.5) ? fields : mutate(d, fields as Json, d.int(1, 3))) };
  return { kind, contentType: FORM, body: form(fields) };
}

function blockActions(d: Dice, options: FuzzOptions): FuzzedPayload {
  const threadTs = likelyThreadTs(d);
  const elementType = d.chance(0.75) ? d.pick(['button', 'static_select']) : d.pick(ELEMENT_TYPES);
  const action: Record<string, Json> = {
    action_id: d.pick(ACTION_IDS),
    block_id: d.chance(0.8) ? 'b1' : String(actionValue(d) ?? ''),
    action_ts: `${1_700_000_100 + d.int(0, 1_000_000)}.000200`,
    type: elementType,
  };
  const value = actionValue(d);
  if (elementType === 'static_select') {
    action.block_id = String(actionValue(d) ?? 'b1');
    if (d.chance(0.85)) action.selected_option = { text: { type: 'plain_text', text: 'x' }, value: d.chance(0.8) ? d.pick(ANSWER_VALUES) : (d.pick(WRONG_VALUES) as Json) };
  } else if (value !== undefined) action.value = value;
  const payload: Record<string, Json> = {
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: { id: d.chance(0.85) ? ALICE : BOB, username: 'alice', team_id: TEAM },
    api_app_id: 'A0ADVISOR',
    token: 'legacy-verification-token',
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    container: { type: 'message', message_ts: threadTs, channel_id: CHANNEL, is_ephemeral: false, thread_ts: threadTs },
    channel: { id: CHANNEL, name: 'ml-team' },
    message: { type: 'message', ts: threadTs, thread_ts: threadTs, text: '', user: 'UBOT', blocks: [{ type: d.pick(['actions', 'section', 'rich_text', 'x_unknown_block']), block_id: 'b1' }] },
    state: { values: {} },
    response_url: responseUrl(d, options),
    actions: d.chance(0.9) ? [action] : d.pick<Json>([[], [action, action], Array.from({ length: 50 }, () => action), [null], [{}], 'actions', 5, {}]),
  };
  if (d.chance(0.1)) payload.container = { type: d.pick(['view', 'x_unknown']), view_id: 'V1' };
  if (d.chance(0.1)) delete payload.channel;
  if (d.chance(0.05)) payload.team = null;
  const bent = d.chance(0.45);
  return interactiveBody(d, bent ? 'block_actions/mutated' : 'block_actions', bent ? mutate(d, payload, d.int(1, 3)) : payload);
}

function viewPayload(d: Dice, type: 'view_submission' | 'view_closed'): Json {
  const metadata = actionValue(d);
  const answer: Json = d.chance(0.8) ? { value: { type: 'plain_text_input', value: d.chance(0.85) ? oddText(d) : d.pick(WRONG_VALUES) } } : d.pick(WRONG_VALUES);
  const view: Record<string, Json> = {
    id: `V${d.int(0, 99_999)}`,
    team_id: TEAM,
    type: 'modal',
    callback_id: d.chance(0.8) ? 'fta:answer-modal' : d.pick(['other-modal', '', 'fta:answer', 'FTA:ANSWER-MODAL']),
    private_metadata: metadata === undefined ? '' : typeof metadata === 'string' ? metadata : JSON.stringify(metadata),
    hash: '156772938.1827394',
    state: { values: d.chance(0.9) ? { answer } : { other: { x: { type: 'datepicker', selected_date: '2026-01-01' } } } },
  };
  return {
    type,
    team: { id: TEAM, domain: 'acme' },
    user: { id: d.chance(0.85) ? ALICE : BOB, username: 'alice', team_id: TEAM },
    api_app_id: 'A0ADVISOR',
    token: 'legacy-verification-token',
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    view,
    response_urls: d.chance(0.9) ? [] : d.pick<Json>([[{ response_url: 'http://127.0.0.1:9/x', channel_id: CHANNEL, block_id: 'b' }], [null], 'x', 3]),
    ...(type === 'view_closed' ? { is_cleared: d.chance(0.5) } : {}),
  };
}

function viewAction(d: Dice): FuzzedPayload {
  const type = d.chance(0.85) ? 'view_submission' : 'view_closed';
  const bent = d.chance(0.45);
  const payload = viewPayload(d, type);
  return interactiveBody(d, bent ? `${type}/mutated` : type, bent ? mutate(d, payload, d.int(1, 3)) : payload);
}

function eventCallback(d: Dice): FuzzedPayload {
  const type = d.pick(EVENT_TYPES);
  const ts = `${1_700_000_500 + d.int(0, 1_000_000)}.000300`;
  let event: Record<string, Json> = { type, event_ts: ts };
  if (type === 'message' || type === 'app_mention' || type === 'MESSAGE') {
    const subtype = d.pick(MESSAGE_SUBTYPES);
    event = { ...event, channel: d.chance(0.9) ? CHANNEL : 'D0ALICE', channel_type: 'channel', user: d.chance(0.85) ? ALICE : BOB, text: oddText(d), ts };
    if (d.chance(0.8)) event.thread_ts = likelyThreadTs(d);
    if (subtype) event.subtype = subtype;
    if (subtype === 'bot_message') event.bot_id = 'BBOT';
    if (subtype === 'message_changed') event.message = { type: 'message', text: oddText(d), ts, user: ALICE };
    if (d.chance(0.1)) event.blocks = [{ type: d.pick(['rich_text', 'x_unknown_block']), elements: d.pick<Json>([[], null, 'x']) }];
  } else if (type === 'reaction_added') {
    event = { ...event, user: ALICE, reaction: 'thumbsup', item: d.pick<Json>([{ type: 'message', channel: CHANNEL, ts }, 'item', null, {}]) };
  } else if (type === 'subteam_created') {
    event = { ...event, subteam: d.pick<Json>([{ id: 'S1', created_by: ALICE }, null, 'x']) };
  } else if (type === 'function_executed') {
    event = { ...event, function_execution_id: 'Fx1', inputs: {}, bot_access_token: 'xwfp-fuzz' };
  } else if (type !== '') {
    event = { ...event, user: ALICE, channel: d.pick<Json>([CHANNEL, { id: CHANNEL }, { id: CHANNEL, creator: ALICE }, null, 5]) };
  }
  const body: Record<string, Json> = {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A0ADVISOR',
    type: 'event_callback',
    event_id: `Ev${d.int(0, 99_999_999).toString().padStart(8, '0')}`,
    event_time: 1_700_000_500,
    authorizations: d.chance(0.9) ? [{ team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }] : d.pick<Json>([[], [null], 'x', null, [{}]]),
    event,
  };
  if (d.chance(0.1)) body.event = d.pick<Json>([null, 'message', 5, [], {}, { type: null }, { type: 5 }, { type: ['message'] }]);
  const bent = d.chance(0.35);
  const json = bent ? mutate(d, body, d.int(1, 3)) : body;
  const kind = bent ? 'event_callback/mutated' : `event_callback/${type || 'empty-type'}`;
  if (d.chance(0.05)) return { kind: `${kind}/form-encoded`, contentType: FORM, body: form({ payload: JSON.stringify(json) }) };
  return { kind, contentType: JSON_TYPE, body: JSON.stringify(json) };
}

function urlVerification(d: Dice): FuzzedPayload {
  const challenge: Json | undefined = d.chance(0.7) ? `3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P${d.int(0, 999)}` : d.pick<Json | undefined>([undefined, '', 5, null, {}, oddText(d)]);
  const body: Record<string, Json> = { token: 'legacy-verification-token', type: 'url_verification' };
  if (challenge !== undefined) body.challenge = challenge;
  return { kind: 'url_verification', contentType: JSON_TYPE, body: JSON.stringify(body) };
}

function junk(d: Dice): FuzzedPayload {
  const roll = d.next();
  if (roll < 0.55) {
    const value = d.pick(TOP_LEVEL_JUNK);
    return { kind: 'unknown-payload', contentType: JSON_TYPE, body: JSON.stringify(d.chance(0.3) ? mutate(d, value, 1) : value) };
  }
  if (roll < 0.7) return { kind: 'unknown-payload/form', contentType: FORM, body: form({ [d.pick(['foo', 'type', 'payload', 'event', 'actions', 'command', 'name'])]: oddText(d) }) };
  if (roll < 0.8) return { kind: 'not-json', contentType: JSON_TYPE, body: d.pick(['', '{', '}', 'nul', '{"a":', '[1,2', '\u0000', oddText(d)]) };
  if (roll < 0.85) return { kind: 'ssl_check', contentType: FORM, body: d.chance(0.5) ? 'ssl_check=1&token=x' : 'ssl_check=0' };
  if (roll < 0.92) return { kind: 'deep-json', contentType: JSON_TYPE, body: '['.repeat(d.int(100, 5_000)) + ']'.repeat(d.int(0, 5_000)) };
  return { kind: 'huge-junk', contentType: d.pick([JSON_TYPE, FORM]), body: JSON.stringify({ type: 'event_callback', filler: 'x'.repeat(d.int(10_000, 200_000)) }) };
}

/**
 * `count` fuzzed bodies for /slack/events from `seed`. Bounded: at most MAX_FUZZ_COUNT of them,
 * none longer than MAX_FUZZ_BODY_CHARS (a longer one is cut, and so becomes junk itself).
 */
export function* fuzzedPayloads(seed: number, count: number, options: FuzzOptions = {}): Generator<FuzzedPayload> {
  if (!Number.isInteger(count) || count < 0 || count > MAX_FUZZ_COUNT) throw new RangeError(`count must be a whole number from 0 to ${MAX_FUZZ_COUNT}`);
  const d = new Dice(randomFrom(seed));
  for (let i = 0; i < count; i++) {
    const roll = d.next();
    const fuzzed =
      roll < 0.22 ? slashCommand(d, options) : roll < 0.47 ? blockActions(d, options) : roll < 0.62 ? viewAction(d) : roll < 0.87 ? eventCallback(d) : roll < 0.9 ? urlVerification(d) : junk(d);
    if (fuzzed.body.length > MAX_FUZZ_BODY_CHARS) yield { ...fuzzed, kind: `${fuzzed.kind}/cut`, body: fuzzed.body.slice(0, MAX_FUZZ_BODY_CHARS) };
    else yield fuzzed;
  }
}
