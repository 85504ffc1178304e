import { z } from 'zod';
import type { ChannelAddress, Delivery, DeliveryStatus, Subscription } from '../../src/index.js';

/** Teams addresses, subscriptions and summary deliveries as every store keeps them, and how they are read back. */

/** How long a summary handed out to a sender is not handed out again (a sender that died loses it then). */
export const DELIVERY_LEASE_MS = 120_000;

/** The longest error text kept on a delivery. */
export const MAX_DELIVERY_ERROR_LENGTH = 500;

const nonEmpty = z.string().min(1);

/** What a stored (or to-be-stored) channel address must look like. */
export const channelAddressSchema = z.object({
  serviceUrl: z.url({ protocol: /^https?$/ }),
  tenantId: nonEmpty,
  conversationId: nonEmpty.refine((id) => !id.includes(';messageid='), 'must be the channel conversation id, without a ;messageid= part'),
  teamId: nonEmpty.nullable(),
  channelId: nonEmpty,
  botId: nonEmpty,
});

export const deliveryStatuses = ['pending', 'sent', 'failed'] as const satisfies readonly DeliveryStatus[];

export interface SubscriptionRow {
  id: string;
  conversation_id: string;
  thread_root_id: string | null;
  subscribed_by: string;
  active: number;
  created_at: string;
  address: string;
}

export interface DeliveryRow {
  verdict_id: string;
  subscription_id: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

export function problemsOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Reads back an address row, naming the conversation if it is damaged. */
export function parseAddress(conversationId: string, data: string): ChannelAddress {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (err) {
    throw new Error(`the Teams address of conversation ${conversationId} is damaged in the database: its data is not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const parsed = channelAddressSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`the Teams address of conversation ${conversationId} is damaged in the database: ${problemsOf(parsed.error)}`, { cause: parsed.error });
  }
  if (parsed.data.conversationId !== conversationId) {
    throw new Error(`the Teams address of conversation ${conversationId} is damaged in the database: its data is for conversation ${parsed.data.conversationId}`);
  }
  return parsed.data;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    address: parseAddress(row.conversation_id, row.address),
    threadRootId: row.thread_root_id,
    subscribedBy: row.subscribed_by,
    createdAt: row.created_at,
    active: row.active === 1,
  };
}

export function toDelivery(row: DeliveryRow): Delivery {
  if (!(deliveryStatuses as readonly string[]).includes(row.status)) {
    throw new Error(`the delivery of verdict ${row.verdict_id} to subscription ${row.subscription_id} is damaged in the database: unknown status "${row.status}"`);
  }
  return {
    verdictId: row.verdict_id,
    subscriptionId: row.subscription_id,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    lastError: row.last_error,
  };
}

/** At most MAX_DELIVERY_ERROR_LENGTH characters, never splitting a surrogate pair. */
export function cutError(error: string): string {
  const cut = error.slice(0, MAX_DELIVERY_ERROR_LENGTH);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A subscription with the latest address of its conversation (one address row per conversation). */
export const SELECT_SUBSCRIPTION = `SELECT s.id, s.conversation_id, s.thread_root_id, s.subscribed_by, s.active, s.created_at, a.data AS address
  FROM teams_subscriptions s JOIN teams_addresses a ON a.conversation_id = s.conversation_id`;

/** Pending deliveries whose subscription is still active: an inactive one is not delivered to. */
export const SELECT_PENDING = `SELECT d.verdict_id, d.subscription_id, d.status, d.attempts, d.last_error
  FROM summary_deliveries d JOIN teams_subscriptions s ON s.id = d.subscription_id
  WHERE d.status = 'pending' AND s.active = 1`;
