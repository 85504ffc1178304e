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
}
