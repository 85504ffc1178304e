/**
 * Teams-shaped activities (from the Bot Framework and Teams docs, sanitised) as the Bot
 * Connector posts them to /api/messages.
 */

export const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const BOT = { id: '28:bot-finetune-advisor', name: 'finetune-advisor' };
export const ALICE = { id: '29:alice-teams', name: 'Alice Manager', aadObjectId: '11111111-0000-0000-0000-00000000a11c' };
export const BOB = { id: '29:bob-teams', name: 'Bob Engineer', aadObjectId: '22222222-0000-0000-0000-000000000b0b' };
export const TEAM_ID = '19:team-ml@thread.tacv2';
export const GENERAL = '19:general-ml@thread.tacv2';

let counter = 0;
const nextId = () => `f:${Date.now()}${String(++counter).padStart(4, '0')}`;

export type Person = typeof ALICE;

interface Where {
  serviceUrl: string;
  /** 'personal' (default) or a channel post's thread. */
  conversation?: { id: string; conversationType: 'personal' | 'channel' | 'groupChat' };
  from?: Person;
}

function base(where: Where) {
  const conversation = where.conversation ?? { id: `a:personal-${(where.from ?? ALICE).id}`, conversationType: 'personal' as const };
  const inChannel = conversation.conversationType === 'channel';
  return {
    id: nextId(),
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl: where.serviceUrl,
    channelId: 'msteams',
    from: where.from ?? ALICE,
    conversation: { ...conversation, tenantId: TENANT, ...(inChannel ? { isGroup: true } : {}) },
    recipient: BOT,
    locale: 'en-US',
    channelData: { tenant: { id: TENANT }, ...(inChannel ? { team: { id: TEAM_ID }, channel: { id: GENERAL } } : {}) },
  };
}

/** A message typed to the bot; in a channel it @mentions the bot, as Teams requires. */
export function message(text: string, where: Where) {
  const b = base(where);
  if (b.conversation.conversationType !== 'channel') return { ...b, type: 'message', text, textFormat: 'plain' };
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...b,
    type: 'message',
    text: `${mention} ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: mention, mentioned: BOT }],
  };
}

/** A click on an Action.Execute button: the adaptiveCard/action invoke. */
export function executeInvoke(data: Record<string, unknown>, replyToId: string, where: Where) {
  return {
    ...base(where),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb: `fta:${String(data.fta)}`, data }, trigger: 'manual' },
  };
}

/** A click on the Action.Submit fallback (older clients): a message whose value is the data. */
export function submitMessage(data: Record<string, unknown>, replyToId: string, where: Where) {
  return { ...base(where), type: 'message', replyToId, value: data };
}

/** The bot added to a team (channel) or a personal chat. */
export function installed(where: Where) {
  return { ...base(where), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] };
}

/** A channel's top-level conversation (where a new post starts a thread). */
export function channelPost(serviceUrl: string, from: Person = ALICE): Where {
  return { serviceUrl, from, conversation: { id: `${GENERAL};messageid=${Date.now()}${++counter}`, conversationType: 'channel' } };
}

export async function postActivity(serviceBaseUrl: string, activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(`${serviceBaseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, text };
}
