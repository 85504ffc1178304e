/**
 * Where managers follow verdicts: Teams channels that subscribed, the thread the bot started
 * in each, and which summaries were delivered. Our own address record, not an SDK object, so
 * it survives an SDK change.
 */
export interface ChannelAddress {
  /** The Bot Connector endpoint of the tenant's region, from an authenticated request. */
  serviceUrl: string;
  tenantId: string;
  /** The channel conversation id (19:…@thread.tacv2), without a ;messageid= part. */
  conversationId: string;
  teamId: string | null;
  channelId: string;
  /** The bot's own id in that conversation (28:…), to send as. */
  botId: string;
}

export interface Subscription {
  id: string;
  address: ChannelAddress;
  /** The root message id of the "Fine-tuning verdicts" thread, once started. */
  threadRootId: string | null;
  subscribedBy: string;
  createdAt: string;
  /** False once the bot was removed from the team: kept for the record, not delivered to. */
  active: boolean;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface Delivery {
  verdictId: string;
  subscriptionId: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
}

/** A week's digest in one channel: pending until sent, skipped (a week without verdicts) or given up on. */
export type DigestStatus = 'pending' | 'sent' | 'skipped' | 'failed';

/** A week's digest handed to one sender, with the attempts made before. */
export interface DigestClaim {
  subscriptionId: string;
  /** The week's key ("2026-W49"). */
  week: string;
  attempts: number;
}

export interface SubscriptionStore {
  /** Remembers how to reach a conversation (on install and on every message). */
  saveAddress(address: ChannelAddress): Promise<void>;
  getAddress(conversationId: string): Promise<ChannelAddress | undefined>;
  /** Subscribes a channel; subscribing again keeps the existing subscription (and its thread). */
  subscribe(address: ChannelAddress, by: string, at: string): Promise<Subscription>;
  /** Returns true when there was a subscription to end. */
  unsubscribe(conversationId: string): Promise<boolean>;
  getSubscription(conversationId: string): Promise<Subscription | undefined>;
  listSubscriptions(): Promise<Subscription[]>;
  setThreadRoot(subscriptionId: string, threadRootId: string | null): Promise<void>;
  setActive(subscriptionId: string, active: boolean): Promise<void>;
  /**
   * Records that a verdict is to be delivered to every active subscription, once: a verdict
   * already recorded for a subscription is left as it is. Returns the deliveries still pending.
   */
  queueDeliveries(verdictId: string): Promise<Delivery[]>;
  /** Deliveries not yet sent (after a restart, for instance). */
  pendingDeliveries(): Promise<Delivery[]>;
  markDelivery(verdictId: string, subscriptionId: string, status: DeliveryStatus, error?: string): Promise<void>;
  /**
   * Hands a subscription's digest of a week to this sender, in one transaction: the first claim
   * records the week (one row per subscription and week), a later one gets it only while it is
   * pending and no other sender holds it (a lease, as for summaries). Null when it is not this
   * sender's to send: sent, skipped, given up on, or being sent elsewhere.
   */
  claimDigest(subscriptionId: string, week: string): Promise<DigestClaim | null>;
  /** Records an attempt at a week's digest and releases it: the status, one more attempt, the error (cut to 500 characters). */
  markDigest(subscriptionId: string, week: string, status: DigestStatus, error?: string): Promise<void>;
}
