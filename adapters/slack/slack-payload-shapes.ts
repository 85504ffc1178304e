import { parse as parseQueryString } from 'node:querystring';
import { z } from 'zod';

/**
 * The shapes of what Slack posts to /slack/events, as far as Bolt routes on them and our listeners
 * read them. Checked at the edge, before Bolt: Bolt's own routing reads these fields unguarded (a
 * `null` event, a numeric action id or a user-less block action made it throw, and the caller got
 * a 500), and a payload it cannot place waits for a listener that never comes. The listeners parse
 * the same shapes for their types (and for Socket Mode, where there is no HTTP edge).
 */

const FORM = 'application/x-www-form-urlencoded';

/** `team` is null for org-wide installs; `enterprise` is null outside Enterprise Grid. */
const team = z.object({ id: z.string() }).loose().nullable().optional();
const enterprise = z.object({ id: z.string() }).loose().nullable().optional();
const user = z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional(), team_id: z.string().optional() }).loose();

/** A slash command, form-encoded. A key given twice arrives as a list, and is refused. */
export const slashCommandShape = z
  .object({
    command: z.string(),
    text: z.string().optional(),
    team_id: z.string(),
    channel_id: z.string(),
    user_id: z.string(),
    user_name: z.string().optional(),
    response_url: z.string(),
    trigger_id: z.string().optional(),
    enterprise_id: z.string().optional(),
    is_enterprise_install: z.string().optional(),
  })
  .loose();

const blockAction = z
  .object({
    action_id: z.string(),
    block_id: z.string().optional(),
    type: z.string(),
    action_ts: z.string(),
    value: z.string().optional(),
    selected_option: z.object({ value: z.string() }).loose().nullable().optional(),
  })
  .loose();

export const blockActionsShape = z
  .object({
    type: z.literal('block_actions'),
    user,
    team,
    enterprise,
    channel: z.object({ id: z.string() }).loose().optional(),
    trigger_id: z.string(),
    response_url: z.string().optional(),
    is_enterprise_install: z.boolean().optional(),
    actions: z.array(blockAction).min(1),
  })
  .loose();
export type BlockActionsBody = z.infer<typeof blockActionsShape>;
export type BlockActionElement = z.infer<typeof blockAction>;

/** Input values in a submitted view: block id -> action id -> element state (a text input's `value` is a string or null). */
const viewState = z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ type: z.string().optional(), value: z.string().nullable().optional() }).loose())) }).loose();

export const viewShape = z
  .object({
    type: z.enum(['view_submission', 'view_closed']),
    user,
    team,
    enterprise,
    is_enterprise_install: z.boolean().optional(),
    view: z
      .object({
        id: z.string(),
        callback_id: z.string(),
        private_metadata: z.string().optional(),
        app_installed_team_id: z.string().optional(),
        state: viewState.optional(),
      })
      .loose(),
    response_urls: z.array(z.object({ response_url: z.string() }).loose()).optional(),
  })
  .loose();

/** The inner event: only what Bolt reads to place it (channel, user, item, subteam) must have its type. */
const innerEvent = z
  .object({
    type: z.string(),
    channel: z.union([z.string(), z.object({ id: z.string().optional(), creator: z.string().optional() }).loose()], { error: 'expected a channel id or a channel object' }).optional(),
    channel_id: z.string().optional(),
    user: z.union([z.string(), z.object({ id: z.string() }).loose()], { error: 'expected a user id or a user object' }).optional(),
    item: z.object({ channel: z.string().optional() }).loose().optional(),
    subteam: z.object({ created_by: z.string().optional() }).loose().optional(),
  })
  .loose()
  // Bolt builds complete() and fail() for a workflow step from its execution id, and throws without one.
  .refine((event) => event.type !== 'function_executed' || typeof event.function_execution_id === 'string', {
    message: 'a function_executed event needs its function_execution_id',
    path: ['function_execution_id'],
  });

export const eventCallbackShape = z
  .object({
    type: z.literal('event_callback'),
    team_id: z.string().optional(),
    enterprise_id: z.string().nullable().optional(),
    event_id: z.string().optional(),
    authorizations: z.array(z.object({ team_id: z.string().nullable().optional(), enterprise_id: z.string().nullable().optional(), is_enterprise_install: z.boolean().optional() }).loose()).optional(),
    event: innerEvent,
  })
  .loose();

/** A person's reply in a thread: the one message event the interview reads. */
export const threadReplyShape = z.object({
  type: z.literal('message'),
  subtype: z.undefined().optional(),
  bot_id: z.undefined().optional(),
  channel: z.string(),
  user: z.string(),
  text: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string(),
});

/** A file a person shared in a thread (a trial's examples): the message Slack sends for it. */
export const threadFileShape = z.object({
  type: z.literal('message'),
  subtype: z.literal('file_share'),
  channel: z.string(),
  user: z.string(),
  ts: z.string(),
  thread_ts: z.string(),
  files: z.array(z.object({ name: z.string().optional() }).loose()).min(1),
});

const urlVerificationShape = z.object({ type: z.literal('url_verification'), challenge: z.string() }).loose();

/** Payload types Slack sends that this app does not use: acknowledged (Slack wants a 200) and dropped. */
const UNUSED_TYPES = new Set(['shortcut', 'message_action', 'block_suggestion', 'interactive_message', 'dialog_submission', 'dialog_cancellation', 'dialog_suggestion', 'app_rate_limited']);

export type SlackPayloadCheck =
  /** For Bolt to route. */
  | { verdict: 'route' }
  /** A Slack payload nothing here uses: answered 200 at once. */
  | { verdict: 'acknowledge'; why: string }
  /** Not what Slack sends: answered 400 with the reason. */
  | { verdict: 'refuse'; why: string };

const refuse = (why: string): SlackPayloadCheck => ({ verdict: 'refuse', why });

function notAsSlackSends(what: string, error: z.ZodError): SlackPayloadCheck {
  const issue = error.issues[0]!;
  const where = issue.path.length ? issue.path.map(String).join('.') : 'the payload';
  const problem = issue.code === 'invalid_type' && issue.message.endsWith('received undefined') ? 'missing' : issue.message;
  return refuse(`The ${what} is not as Slack sends it: ${where}: ${problem}.`);
}

/** The body as Bolt will read it: form fields (or the JSON in a form's `payload`), or JSON. */
function parseBody(body: string, contentType: string | undefined): { ok: true; value: unknown } | { ok: false; why: string } {
  try {
    if (contentType === FORM) {
      const fields = parseQueryString(body);
      return typeof fields.payload === 'string' ? { ok: true, value: JSON.parse(fields.payload) } : { ok: true, value: { ...fields } };
    }
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false, why: contentType === FORM ? 'The payload field is not JSON.' : 'The body is not JSON (nor a form: Content-Type is not application/x-www-form-urlencoded).' };
  }
}

/**
 * Decides, before Bolt sees a signed request, whether it is a payload Bolt can route safely, one
 * to acknowledge and drop, or one to refuse. Classified in Bolt's own order (event, command,
 * options, actions, then type), so what is checked is what Bolt would dispatch.
 */
export function checkSlackPayload(body: string, contentType: string | undefined): SlackPayloadCheck {
  const parsed = parseBody(body, contentType);
  if (!parsed.ok) return refuse(parsed.why);
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('The body is not a Slack payload: it is not a JSON object.');
  const payload = value as Record<string, unknown>;
  if (payload.ssl_check === '1') return { verdict: 'route' };
  const type = payload.type;
  if (type === 'url_verification') {
    const check = urlVerificationShape.safeParse(payload);
    return check.success ? { verdict: 'route' } : notAsSlackSends('URL verification', check.error);
  }
  if (payload.event !== undefined) {
    const check = eventCallbackShape.safeParse(payload);
    return check.success ? { verdict: 'route' } : notAsSlackSends('event', check.error);
  }
  if (payload.command !== undefined) {
    const check = slashCommandShape.safeParse(payload);
    return check.success ? { verdict: 'route' } : notAsSlackSends('slash command', check.error);
  }
  // Bolt reads a `name` as an options request and `actions` as an action, whatever the type says.
  if (payload.name !== undefined || type === 'block_suggestion') return { verdict: 'acknowledge', why: 'options requests are not used by this app' };
  if (payload.actions !== undefined && type !== 'block_actions') {
    if (type === 'interactive_message' || type === 'dialog_submission') return { verdict: 'acknowledge', why: `${type} payloads are not used by this app` };
    return refuse('The body has actions but is not a block_actions payload.');
  }
  if (typeof type !== 'string') return refuse('The body is not a Slack payload: it has no type, event or command.');
  if (type === 'block_actions') {
    const check = blockActionsShape.safeParse(payload);
    return check.success ? { verdict: 'route' } : notAsSlackSends('block_actions payload', check.error);
  }
  if (type === 'view_submission' || type === 'view_closed') {
    const check = viewShape.safeParse(payload);
    return check.success ? { verdict: 'route' } : notAsSlackSends(`${type} payload`, check.error);
  }
  if (UNUSED_TYPES.has(type)) return { verdict: 'acknowledge', why: `${type} payloads are not used by this app` };
  return refuse(`Slack payloads of type "${type.slice(0, 60)}" are not something this endpoint takes.`);
}
