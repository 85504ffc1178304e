import { randomBytes } from 'node:crypto';

/** Slack Web API errors, in words a person can act on. */

export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } })?.data;
  if (typeof data?.error === 'string') return data.error;
  const code = (err as { code?: unknown })?.code;
  return code === 'slack_webapi_rate_limited_error' ? 'ratelimited' : undefined;
}

export function isSlackError(err: unknown, codes: readonly string[]): boolean {
  const code = slackErrorCode(err);
  return code !== undefined && codes.includes(code);
}

const WORDS: Record<string, string> = {
  not_in_channel: "I'm not a member of that channel: invite me with /invite @finetune-advisor.",
  channel_not_found: "I can't see that channel: it may be private or gone. Invite me, or run the command in a channel I'm in.",
  is_archived: 'That channel is archived.',
  ratelimited: 'Slack is limiting how fast I can post; try again in a minute.',
  msg_too_long: 'The message was too long for Slack.',
  invalid_blocks: 'Slack refused the layout of the message.',
  message_not_found: 'The message to update is gone (was it deleted?).',
  cant_update_message: "I can't update that message any more.",
  expired_trigger_id: 'The button took too long to answer; click it again.',
  invalid_auth: 'My Slack token is not valid; an admin needs to reinstall the app.',
  account_inactive: 'My Slack token was revoked; an admin needs to reinstall the app.',
  missing_scope: 'The app is missing a permission; an admin needs to reinstall it from the current manifest.',
};

/** What Slack did wrong, in words; undefined when the error did not come from Slack. */
export function slackErrorInWords(err: unknown): string | undefined {
  const code = slackErrorCode(err);
  if (code) return WORDS[code] ?? `Slack answered "${code}"; try again, and if it keeps happening tell whoever runs finetune-advisor.`;
  const kind = (err as { code?: unknown })?.code;
  if (kind === 'slack_webapi_request_error') return 'Slack could not be reached; try again in a minute.';
  if (kind === 'slack_webapi_http_error' || kind === 'slack_bolt_respond_error') return 'Slack answered with an error of its own; try again in a minute.';
  return undefined;
}

/** A short reference that ties what a person is told to the log line with the details. */
export function errorReference(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Any failure told to a person: Slack's own in Slack's words, anything else as a fault inside
 * finetune-advisor (never "Slack could not be reached"), with the reference of its log line.
 * Internal messages stay in the log.
 */
export function errorInWords(err: unknown, reference: string): string {
  return (
    slackErrorInWords(err) ?? `something went wrong inside finetune-advisor, not in Slack. Try again; if it happens again, tell whoever runs finetune-advisor (reference ${reference} in its log).`
  );
}
