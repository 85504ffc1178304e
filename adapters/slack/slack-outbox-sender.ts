import type { WebClient } from '@slack/web-api';
import { buildMessageCard, buildVerdictCard, refsOf, type Conversation, type ConversationStore, type Delivered, type OutboxMessage, type SlackRefs, type SlackStartRequest } from '../../src/index.js';
import type { DeliveryFailure, OutboxSender } from '../conversation/outbox-worker.js';
import type { SlackWorkspace } from './create-slack-app.js';
import type { Logger } from '../logging/create-logger.js';
import { isTagged } from './message-tags.js';
import { permalinkOf } from './permalink.js';
import { renderBlockKit } from './render-block-kit.js';
import { isSlackError, slackErrorCode, slackErrorInWords } from './slack-errors.js';

/** The metadata event a verdict card carries: Slack's own record that it was posted. */
const VERDICT_EVENT = 'finetune_advisor_verdict';
/** The metadata event of the thread's note that the verdict is up. */
const NOTE_EVENT = 'finetune_advisor_verdict_note';
/** The metadata event every thread message carries, with its outbox id. */
const MESSAGE_EVENT = 'finetune_advisor_message';

/** Slack's answers that mean "not now" rather than "never". */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org']);

/** The workspace has no installation of the app (uninstalled, or not yet reinstalled). */
class NoInstallationError extends Error {
  constructor(teamId: string) {
    super(`workspace ${teamId} has no installation of the app`);
    this.name = 'NoInstallationError';
  }
}

export interface SlackOutboxSenderDeps {
  store: ConversationStore;
  logger: Logger;
  /** The bot of a workspace (from the installation store under OAuth); null when it has none. */
  clientFor: (workspace: SlackWorkspace) => Promise<WebClient | null>;
  /** Starts an interview recorded by the command (SlackInterview.start); `from` marks the recorded start done with its first turn. */
  startInterview: (client: WebClient, start: SlackStartRequest, from: { outboxId: number; attempts: number }) => Promise<boolean>;
}

/** Delivers a Slack interview's messages: thread posts and card updates, and the verdict in the channel. */
export class SlackOutboxSender implements OutboxSender {
  constructor(private readonly deps: SlackOutboxSenderDeps) {}

  async send(message: OutboxMessage, conversation: Conversation | undefined): Promise<Delivered> {
    const { item } = message;
    if (item.kind === 'start-slack-interview') {
      const client = await this.deps.clientFor(item.start);
      if (!client) throw new NoInstallationError(item.start.teamId);
      const settled = await this.deps.startInterview(client, item.start, { outboxId: message.id, attempts: message.attempts });
      return { postRef: null, ...(settled ? { settled } : {}) };
    }
    if (!conversation) throw new Error(`conversation ${message.conversationId} is no longer stored`);
    const refs = refsOf(conversation.refs, 'slack');
    const client = await this.deps.clientFor(refs);
    if (!client) throw new NoInstallationError(refs.teamId);
    switch (item.kind) {
      case 'update-question':
        if (!refs.questionTs) return { postRef: null };
        await client.chat.update({ channel: refs.channel, ts: refs.questionTs, ...renderBlockKit(item.card) });
        return { postRef: refs.questionTs };
      case 'post-thread': {
        const earlier = message.attempts > 0 ? await this.findInThread(client, refs, message.id) : undefined;
        const ts = earlier ?? (await client.chat.postMessage({ channel: refs.channel, thread_ts: refs.threadTs, ...renderBlockKit(item.card), metadata: tagOf(message) })).ts;
        return { postRef: ts ?? null, ...(item.role === 'question' && ts ? { questionRef: { questionTs: ts } } : {}) };
      }
      case 'post-verdict':
        return { postRef: await this.postVerdict(client, conversation, refs, item.verdictId, message.attempts > 0) };
    }
  }

  explain(err: unknown): DeliveryFailure {
    if (err instanceof NoInstallationError) return { retry: true, afterMs: 3_600_000, words: 'the app is not installed in this workspace any more; an admin needs to install it again.' };
    const e = err as { code?: string; retryAfter?: number };
    if (e.code === 'slack_webapi_rate_limited_error') return { retry: true, afterMs: (e.retryAfter ?? 1) * 1000, words: slackErrorInWords(err)! };
    const code = slackErrorCode(err);
    const words = slackErrorInWords(err) ?? `something went wrong inside finetune-advisor: ${(err as Error)?.message ?? String(err)}`;
    if (code) return { retry: TRANSIENT.has(code), words: `${words} (Slack: ${code})` };
    return { retry: e.code === 'slack_webapi_request_error' || e.code === 'slack_webapi_http_error', words };
  }

  async tellHeldUp(message: OutboxMessage, conversation: Conversation, words: string): Promise<void> {
    const refs = refsOf(conversation.refs, 'slack');
    const client = await this.deps.clientFor(refs);
    const next = message.item.kind === 'post-verdict' ? 'the verdict' : 'what comes next';
    const card = buildMessageCard('Held up', `Your answer is saved, but I couldn't post ${next} in Slack: ${words} I'll post it as soon as Slack takes it.`);
    await client?.chat.postEphemeral({ channel: refs.channel, user: message.actorId, thread_ts: refs.threadTs, ...renderBlockKit(card) });
  }

  /** A thread message an earlier attempt posted, found by its outbox id in the metadata. */
  private async findInThread(client: WebClient, refs: SlackRefs, id: number): Promise<string | undefined> {
    const replies = await client.conversations.replies({ channel: refs.channel, ts: refs.threadTs, limit: 200, include_all_metadata: true });
    return replies.messages?.find((m) => isTagged(m, MESSAGE_EVENT, 'outbox_id', String(id)))?.ts;
  }

  /**
   * Posts the verdict card in the channel, tagged with its id, records it as posted with Slack's
   * message id, and says so in the thread. After an attempt that may have gone through, the
   * channel is read first: a card already there is only recorded.
   */
  private async postVerdict(client: WebClient, conversation: Conversation, refs: SlackRefs, verdictId: string, lookFirst: boolean): Promise<string | null> {
    const record = await this.deps.store.getVerdict(verdictId);
    if (!record) throw new Error(`verdict ${verdictId} is no longer stored`);
    const tag = { event_type: VERDICT_EVENT, event_payload: { verdict_id: verdictId } };
    let ts: string | undefined;
    if (lookFirst) {
      const history = await client.conversations.history({ channel: refs.channel, limit: 200, include_all_metadata: true });
      ts = history.messages?.find((m) => isTagged(m, VERDICT_EVENT, 'verdict_id', verdictId))?.ts;
    }
    if (!ts) {
      const card = buildVerdictCard(record.verdict, { askedBy: record.ownerLabel, ref: { conversationId: conversation.id, version: conversation.version, verdictId } });
      ts = (await withPlainBlocksIfRefused((native) => client.chat.postMessage({ channel: refs.channel, ...renderBlockKit(card, { native }), metadata: tag }))).ts ?? '';
    }
    const link = ts ? await permalinkOf(client, refs.channel, ts, this.deps.logger) : null;
    await this.deps.store.markVerdictPosted(verdictId, ts, link);
    // The note in the thread carries the verdict id too: a retry after a crash between the card and the note posts the note, once.
    const noted =
      lookFirst &&
      (await client.conversations.replies({ channel: refs.channel, ts: refs.threadTs, limit: 200, include_all_metadata: true })).messages?.some((m) =>
        isTagged(m, NOTE_EVENT, 'verdict_id', verdictId),
      );
    if (!noted) {
      const where = link ? `[in the channel](${link})` : 'in the channel';
      await client.chat
        .postMessage({
          channel: refs.channel,
          thread_ts: refs.threadTs,
          ...renderBlockKit(buildMessageCard('Verdict posted', `The verdict is ${where}.`)),
          metadata: { event_type: NOTE_EVENT, event_payload: { verdict_id: verdictId } },
        })
        .catch((err: unknown) => this.deps.logger.warn({ verdict: verdictId, err: { message: (err as Error).message } }, 'the verdict is up, but its note in the thread failed'));
    }
    return ts || null;
  }
}

/**
 * Posts with Slack's table and chart blocks, and again with a code-block table and a text chart
 * when this Slack refuses them (`invalid_blocks`: an older Enterprise Grid or GovSlack).
 */
export async function withPlainBlocksIfRefused<T>(post: (native: boolean) => Promise<T>): Promise<T> {
  try {
    return await post(true);
  } catch (err) {
    if (!isSlackError(err, ['invalid_blocks'])) throw err;
    return post(false);
  }
}

/** The metadata that names a thread message's outbox row, so a retry can find it. */
function tagOf(message: OutboxMessage) {
  return { event_type: MESSAGE_EVENT, event_payload: { outbox_id: String(message.id) } };
}
