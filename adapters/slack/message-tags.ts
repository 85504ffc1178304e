/**
 * Our messages carry Slack message metadata naming what they are (an outbox row, a verdict, a
 * start): Slack's own record, read back after a crash to tell whether a post went through.
 */
export function isTagged(message: { metadata?: { event_type?: string; event_payload?: unknown } }, event: string, field: string, value: string): boolean {
  return message.metadata?.event_type === event && String((message.metadata.event_payload as Record<string, unknown> | undefined)?.[field]) === value;
}
