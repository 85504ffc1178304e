import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logging/create-logger.js';

/** A link to a Slack message, or null when Slack won't give one (the post itself stands). */
export async function permalinkOf(client: WebClient, channel: string, ts: string, logger: Logger): Promise<string | null> {
  try {
    const result = await client.chat.getPermalink({ channel, message_ts: ts });
    return result.permalink ?? null;
  } catch (err) {
    logger.warn({ channel, err: { message: (err as Error).message } }, 'no permalink');
    return null;
  }
}
