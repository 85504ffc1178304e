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

export function slackErrorInWords(err: unknown): string {
  const code = slackErrorCode(err);
  if (code && WORDS[code]) return WORDS[code];
  return code ? `Slack answered "${code}".` : 'Slack could not be reached.';
}
