import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { MessageFactory, type Activity, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { buildSummaryCard, type Card, type ConversationStore, type Delivery, type Subscription, type SubscriptionStore, type VerdictRecord } from '../../src/index.js';
import type { Logger } from '../logging/create-logger.js';
import { renderAdaptiveAttachment } from './render-adaptive-card.js';

/**
 * Attempts before a summary is given up on. Transient failures are tried again every minute (and
 * at each start), so this is about a day of a Teams outage, not five minutes of it.
 */
export const MAX_ATTEMPTS = 24 * 60;
/** How long a replica waits for the thread another one is starting, and how often it looks. */
const THREAD_WAIT_MS = 10_000;
const THREAD_WAIT_STEP_MS = 100;

interface NotifierDeps {
  adapter: CloudAdapter;
  appId: string;
  subscriptions: SubscriptionStore;
  store: ConversationStore;
  logger: Logger;
}

/** What a Bot Connector failure means for a delivery (a summary, a digest). */
export function classify(err: unknown): 'thread-gone' | 'removed' | 'too-big' | 'transient' | 'refused' {
  const e = err as { statusCode?: number; code?: string; body?: { error?: { code?: string } } };
  const code = e.body?.error?.code ?? e.code ?? '';
  if (code === 'BotNotInConversationRoster' || (e.statusCode === 403 && /roster/i.test(code))) return 'removed';
  if (e.statusCode === 413 || code === 'MessageSizeTooBig') return 'too-big';
  if (e.statusCode === 404 || code === 'ConversationNotFound' || code === 'NotFound') return 'thread-gone';
  if (e.statusCode === undefined || e.statusCode >= 500 || e.statusCode === 429) return 'transient';
  return 'refused';
}

/**
 * Posts a short summary of every verdict (from Slack and Teams) into each subscribed channel's
 * "Fine-tuning verdicts" thread. Deliveries are recorded in the store first, so each summary goes
 * out once even across a restart; one channel's failure never stops the others.
 */
export class SummaryNotifier {
  /** This process, as the holder of the lease on starting a channel's thread. */
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(private readonly deps: NotifierDeps) {}

  async onVerdict(record: VerdictRecord): Promise<void> {
    const queued = await this.deps.subscriptions.queueDeliveries(record.id);
    const subs = await this.subscriptionsById();
    for (const delivery of queued) await this.deliver(delivery, record, subs.get(delivery.subscriptionId));
  }

  /** Sends what is still pending (after a restart). */
  async resumePending(): Promise<void> {
    const subs = await this.subscriptionsById();
    for (const delivery of await this.deps.subscriptions.pendingDeliveries()) {
      let record: VerdictRecord | undefined;
      try {
        record = await this.deps.store.getVerdict(delivery.verdictId);
      } catch (err) {
        // A damaged row is set aside (and not tried again at each start); the others still go out.
        const message = (err as Error).message;
        this.deps.logger.error({ verdict: delivery.verdictId, err: { message } }, 'could not read a verdict waiting for its summary');
        await this.deps.subscriptions.markDelivery(delivery.verdictId, delivery.subscriptionId, 'failed', message);
        continue;
      }
      if (record) await this.deliver(delivery, record, subs.get(delivery.subscriptionId));
      else await this.deps.subscriptions.markDelivery(delivery.verdictId, delivery.subscriptionId, 'failed', 'the verdict is no longer stored');
    }
  }

  /** Starts the channel's thread if it has none yet (on subscribe), so managers see where summaries go. */
  async ensureThread(subscriptionId: string): Promise<void> {
    const sub = (await this.subscriptionsById()).get(subscriptionId);
    if (sub && !sub.threadRootId) await this.startThread(sub);
  }

  /** Read once per batch of deliveries, not once per delivery. */
  private async subscriptionsById(): Promise<Map<string, Subscription>> {
    return new Map((await this.deps.subscriptions.listSubscriptions()).map((s) => [s.id, s]));
  }

  private reference(sub: Subscription, conversationId: string): Partial<ConversationReference> {
    const a = sub.address;
    return {
      channelId: 'msteams',
      serviceUrl: a.serviceUrl,
      bot: { id: a.botId, name: 'finetune-advisor' },
      conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId: a.tenantId, name: '' },
    };
  }

  /** The thread root recorded now (another replica may have started the thread), unless it is the one found gone. */
  private async recordedRoot(subscriptionId: string, gone: string | undefined): Promise<string | null> {
    const root = (await this.deps.subscriptions.listSubscriptions()).find((s) => s.id === subscriptionId)?.threadRootId ?? null;
    return root && root !== gone ? root : null;
  }

  /**
   * The channel's thread, started once whichever replica gets there first: starting one is
   * leased in the database (the outbox's leases), and a replica that finds the lease taken waits
   * for the thread the other records. `gone`: a root found deleted, never reused.
   */
  private async startThread(sub: Subscription, gone?: string): Promise<string> {
    const key = `teams-thread:${sub.id}`;
    const { outbox } = this.deps.store;
    for (let waited = 0; ; waited += THREAD_WAIT_STEP_MS) {
      const now = new Date();
      if (await outbox.claimOutboxConversation(key, this.holder, new Date(now.getTime() + 60_000).toISOString(), now.toISOString())) break;
      const root = await this.recordedRoot(sub.id, gone);
      if (root) return root;
      // Not started within the wait: transient (a 503), so the summary is tried again in a minute.
      if (waited >= THREAD_WAIT_MS) throw Object.assign(new Error('another replica is still starting the verdicts thread'), { statusCode: 503 });
      await new Promise((r) => setTimeout(r, THREAD_WAIT_STEP_MS));
    }
    try {
      return (await this.recordedRoot(sub.id, gone)) ?? (await this.createThread(sub));
    } finally {
      await outbox.releaseOutboxConversation(key, this.holder).catch(() => undefined);
    }
  }

  /** Posts the thread's opening message in the channel (a new conversation there); its id is the thread root. */
  private async createThread(sub: Subscription): Promise<string> {
    let rootId = '';
    const opening = MessageFactory.text('**Fine-tuning verdicts**: every verdict from Slack and Teams is summarised in replies to this message.') as Activity;
    const params = {
      isGroup: true,
      bot: { id: sub.address.botId, name: 'finetune-advisor' },
      tenantId: sub.address.tenantId,
      channelData: { channel: { id: sub.address.channelId }, tenant: { id: sub.address.tenantId } },
      activity: opening,
    } as ConversationParameters;
    // What TeamsInfo.sendMessageToTeamsChannel does with CloudAdapter, also without an app id (local mode).
    await this.deps.adapter.createConversationAsync(this.deps.appId, 'msteams', sub.address.serviceUrl, '', params, async (context) => {
      // The new conversation is the thread: `<channel>;messageid=<root message id>`.
      rootId = /;messageid=(.+)$/.exec(context.activity.conversation?.id ?? '')?.[1] ?? '';
    });
    if (!rootId) throw new Error('Teams did not return the id of the thread it started');
    await this.deps.subscriptions.setThreadRoot(sub.id, rootId);
    this.deps.logger.info({ subscription: sub.id }, 'started the verdicts thread');
    return rootId;
  }

  private async post(sub: Subscription, rootId: string, card: Card): Promise<void> {
    const thread = `${sub.address.conversationId};messageid=${rootId}`;
    await this.deps.adapter.continueConversationAsync(this.deps.appId, this.reference(sub, thread), async (context) => {
      await context.sendActivity({ attachments: [renderAdaptiveAttachment(card)] });
    });
  }

  /**
   * Posts a card as a reply in the channel's verdicts thread (a summary, the weekly digest),
   * starting the thread first if there is none, and again if it was deleted. Throws the Bot
   * Connector's error otherwise (see classify).
   */
  async postInThread(sub: Subscription, card: Card): Promise<void> {
    let rootId = sub.threadRootId ?? (await this.startThread(sub));
    // The batch shares this entry: a later delivery to the same channel uses the thread just started.
    sub.threadRootId = rootId;
    try {
      await this.post(sub, rootId, card);
    } catch (err) {
      if (classify(err) !== 'thread-gone') throw err;
      // The thread was deleted: start a new one and post there.
      this.deps.logger.warn({ subscription: sub.id }, 'the verdicts thread is gone; starting a new one');
      rootId = await this.startThread(sub, rootId);
      sub.threadRootId = rootId;
      await this.post(sub, rootId, card);
    }
  }

  private async deliver(delivery: Delivery, record: VerdictRecord, sub: Subscription | undefined): Promise<void> {
    const { subscriptions, logger } = this.deps;
    if (!sub?.active) return;
    const mark = (status: 'sent' | 'failed' | 'pending', error?: string) => subscriptions.markDelivery(delivery.verdictId, sub.id, status, error);
    try {
      await this.postInThread(sub, buildSummaryCard(record));
      await mark('sent');
    } catch (err) {
      const kind = classify(err);
      const message = (err as Error).message ?? String(err);
      logger.error({ subscription: sub.id, verdict: record.id, kind, err: { message } }, 'could not deliver a verdict summary');
      if (kind === 'removed') {
        await subscriptions.setActive(sub.id, false);
        await mark('failed', 'the bot was removed from the team');
      } else if (kind === 'transient' && delivery.attempts + 1 < MAX_ATTEMPTS) await mark('pending', message);
      else await mark('failed', kind === 'too-big' ? 'the summary was too big for Teams' : message);
    }
  }
}
