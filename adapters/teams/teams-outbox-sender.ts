import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { buildMessageCard, buildVerdictCard, refsOf, type Conversation, type ConversationStore, type Delivered, type OutboxMessage, type TeamsRefs } from '../../src/index.js';
import type { DeliveryFailure, OutboxSender } from '../conversation/outbox-worker.js';
import { renderAdaptiveAttachment } from './render-adaptive-card.js';

/** The Bot Connector's answers that mean "not now": throttled, a conflicting edit, a gateway down. */
const TRANSIENT_STATUS = new Set([408, 412, 429, 500, 502, 503, 504]);

export interface TeamsOutboxSenderDeps {
  store: ConversationStore;
  adapter: CloudAdapter;
  appId: string;
}

/** Where a Teams interview is, for posting without a request (botbuilder's proactive messages). */
export function referenceOf(refs: TeamsRefs): Partial<ConversationReference> {
  const inChannel = refs.place.includes('@thread');
  return {
    channelId: 'msteams',
    serviceUrl: refs.serviceUrl,
    ...(refs.botId ? { bot: { id: refs.botId, name: 'finetune-advisor' } } : {}),
    conversation: { id: refs.place, isGroup: inChannel, conversationType: inChannel ? 'channel' : 'personal', tenantId: refs.tenantId ?? '', name: '' },
  };
}

/**
 * Delivers a Teams interview's messages into the chat (or channel thread) it runs in. Teams
 * gives a bot no way to read back what it sent, so a crash between a send and its record may
 * send that one message again: at least once, where Slack is exactly once.
 */
export class TeamsOutboxSender implements OutboxSender {
  constructor(private readonly deps: TeamsOutboxSenderDeps) {}

  async send(message: OutboxMessage, conversation: Conversation): Promise<Delivered> {
    const refs = refsOf(conversation.refs, 'teams');
    const { item } = message;
    let delivered: Delivered = { postRef: null };
    await this.inChat(refs, async (context) => {
      switch (item.kind) {
        case 'update-question':
          if (!refs.questionActivityId) return;
          await context.updateActivity({ type: 'message', id: refs.questionActivityId, conversation: { id: refs.place } as never, attachments: [renderAdaptiveAttachment(item.card)] });
          delivered = { postRef: refs.questionActivityId };
          return;
        case 'post-thread': {
          const sent = await context.sendActivity({ attachments: [renderAdaptiveAttachment(item.card)] });
          delivered = { postRef: sent?.id ?? null, ...(item.role === 'question' && sent?.id ? { questionRef: { questionActivityId: sent.id } } : {}) };
          return;
        }
        case 'post-verdict': {
          const record = await this.deps.store.getVerdict(item.verdictId);
          if (!record) throw new Error(`verdict ${item.verdictId} is no longer stored`);
          const card = buildVerdictCard(record.verdict, { askedBy: record.ownerLabel, ref: { conversationId: conversation.id, version: conversation.version, verdictId: record.id } });
          const sent = await context.sendActivity({ attachments: [renderAdaptiveAttachment(card)] });
          await this.deps.store.markVerdictPosted(record.id, sent?.id ?? '', null);
          delivered = { postRef: sent?.id ?? null };
          return;
        }
      }
    });
    return delivered;
  }

  explain(err: unknown): DeliveryFailure {
    const e = err as { statusCode?: number; code?: string; response?: { headers?: { get?: (name: string) => string | undefined } } };
    const status = e.statusCode;
    const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
    const afterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
    if (status === undefined || TRANSIENT_STATUS.has(status)) {
      return { retry: true, ...(afterMs ? { afterMs } : {}), words: status ? `Teams answered ${status}; I'll try again shortly.` : 'Teams could not be reached; I will try again shortly.' };
    }
    if (status === 403) return { retry: false, words: 'the app is no longer in this chat or team; add it again to go on.' };
    if (status === 404) return { retry: false, words: 'the chat or card is gone in Teams.' };
    if (status === 413) return { retry: false, words: 'the card was too big for Teams.' };
    return { retry: false, words: `Teams refused the message (${status}).` };
  }

  async tellHeldUp(message: OutboxMessage, conversation: Conversation, words: string): Promise<void> {
    const refs = refsOf(conversation.refs, 'teams');
    const next = message.item.kind === 'post-verdict' ? 'the verdict' : 'what comes next';
    const card = buildMessageCard('Held up', `Your answer is saved, but I couldn't post ${next}: ${words} It will appear here as soon as Teams takes it.`);
    await this.inChat(refs, async (context) => void (await context.sendActivity({ attachments: [renderAdaptiveAttachment(card)] })));
  }

  private inChat(refs: TeamsRefs, work: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.deps.adapter.continueConversationAsync(this.deps.appId, referenceOf(refs), work);
  }
}
