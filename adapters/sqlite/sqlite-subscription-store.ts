import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { StatementCache } from './statement-cache.js';
import type { ChannelAddress, Delivery, DeliveryStatus, DigestClaim, DigestStatus, Subscription, SubscriptionStore } from '../../src/index.js';
import { checkDigestStatus, claimOf, neverClaimed } from '../store/digest-rows.js';
import {
  channelAddressSchema,
  cutError,
  deliveryStatuses,
  parseAddress,
  problemsOf,
  DELIVERY_LEASE_MS,
  SELECT_PENDING,
  SELECT_SUBSCRIPTION,
  toDelivery,
  toSubscription,
  type DeliveryRow,
  type SubscriptionRow,
} from '../store/subscription-rows.js';

export { channelAddressSchema, MAX_DELIVERY_ERROR_LENGTH } from '../store/subscription-rows.js';

export interface SqliteSubscriptionStoreOptions {
  now?: () => Date;
  /** Ids for new subscriptions; randomUUID() by default. */
  newId?: () => string;
  /** How long a summary handed out to a sender is not handed out again; two minutes by default. */
  leaseMs?: number;
}

/**
 * The SubscriptionStore on the advisor's SQLite file (see openDatabase): one address row per
 * Teams conversation (the latest wins, so a subscription always uses the current serviceUrl),
 * one subscription per channel, and one delivery row per verdict and subscription, so a
 * summary is never queued twice, even across restarts. Does not close the db.
 */
export class SqliteSubscriptionStore implements SubscriptionStore {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly leaseMs: number;
  private readonly statements: StatementCache;

  constructor(
    private readonly db: Database,
    options: SqliteSubscriptionStoreOptions = {},
  ) {
    this.statements = new StatementCache(db);
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => randomUUID());
    this.leaseMs = options.leaseMs ?? DELIVERY_LEASE_MS;
  }

  async saveAddress(address: ChannelAddress): Promise<void> {
    this.writeAddress(address);
  }

  async getAddress(conversationId: string): Promise<ChannelAddress | undefined> {
    const row = this.sql('SELECT data FROM teams_addresses WHERE conversation_id = ?').get(conversationId) as { data: string } | undefined;
    return row ? parseAddress(conversationId, row.data) : undefined;
  }

  async subscribe(address: ChannelAddress, by: string, at: string): Promise<Subscription> {
    const run = this.db.transaction((): Subscription => {
      this.writeAddress(address);
      // A new subscription, or the existing one as it was (same id, thread, subscriber), active again.
      this.sql(
        `INSERT INTO teams_subscriptions (id, conversation_id, thread_root_id, subscribed_by, active, created_at)
         VALUES (?, ?, NULL, ?, 1, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET active = 1`,
      ).run(this.newId(), address.conversationId, by, at);
      const subscription = this.load(address.conversationId);
      if (!subscription) throw new Error(`conversation ${address.conversationId} was subscribed but its subscription cannot be read back`);
      return subscription;
    });
    return run.immediate();
  }

  async unsubscribe(conversationId: string): Promise<boolean> {
    const run = this.db.transaction((): boolean => {
      const row = this.sql('SELECT id FROM teams_subscriptions WHERE conversation_id = ?').get(conversationId) as { id: string } | undefined;
      if (!row) return false;
      // Sent and failed deliveries stay as the record of what was posted; pending ones are dropped.
      this.sql("DELETE FROM summary_deliveries WHERE subscription_id = ? AND status = 'pending'").run(row.id);
      this.sql("DELETE FROM weekly_digests WHERE subscription_id = ? AND status = 'pending'").run(row.id);
      this.sql('DELETE FROM teams_subscriptions WHERE id = ?').run(row.id);
      return true;
    });
    return run.immediate();
  }

  async getSubscription(conversationId: string): Promise<Subscription | undefined> {
    return this.load(conversationId);
  }

  async listSubscriptions(): Promise<Subscription[]> {
    const rows = this.sql(`${SELECT_SUBSCRIPTION} ORDER BY s.created_at, s.rowid`).all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  /** Does nothing if the subscription is gone (unsubscribed while its thread was being started). */
  async setThreadRoot(subscriptionId: string, threadRootId: string | null): Promise<void> {
    this.sql('UPDATE teams_subscriptions SET thread_root_id = ? WHERE id = ?').run(threadRootId, subscriptionId);
  }

  /** Does nothing if the subscription is gone. */
  async setActive(subscriptionId: string, active: boolean): Promise<void> {
    this.sql('UPDATE teams_subscriptions SET active = ? WHERE id = ?').run(active ? 1 : 0, subscriptionId);
  }

  async queueDeliveries(verdictId: string): Promise<Delivery[]> {
    if (verdictId === '') throw new Error('cannot queue deliveries for a verdict without an id');
    const run = this.db.transaction((): Delivery[] => {
      const stamp = this.now().toISOString();
      this.sql(
        `INSERT OR IGNORE INTO summary_deliveries (verdict_id, subscription_id, status, attempts, last_error, created_at, updated_at)
         SELECT ?, id, 'pending', 0, NULL, ?, ? FROM teams_subscriptions WHERE active = 1 ORDER BY created_at, rowid`,
      ).run(verdictId, stamp, stamp);
      return this.claim(`AND d.verdict_id = ?`, [verdictId]);
    });
    return run.immediate();
  }

  /** Pending deliveries to active subscriptions, oldest first, that no one else is sending: each is handed out for a while (a lease). */
  async pendingDeliveries(): Promise<Delivery[]> {
    return this.db.transaction(() => this.claim('', [])).immediate();
  }

  /** Hands out the pending deliveries not leased to another sender, leasing them; in a transaction. */
  private claim(filter: string, params: unknown[]): Delivery[] {
    const now = this.now();
    const rows = this.sql(`${SELECT_PENDING} ${filter} AND (d.lease_until IS NULL OR d.lease_until < ?) ORDER BY d.created_at, d.rowid`).all(...params, now.toISOString()) as DeliveryRow[];
    const lease = this.sql('UPDATE summary_deliveries SET lease_until = ? WHERE verdict_id = ? AND subscription_id = ?');
    const until = new Date(now.getTime() + this.leaseMs).toISOString();
    for (const row of rows) lease.run(until, row.verdict_id, row.subscription_id);
    return rows.map(toDelivery);
  }

  /**
   * Records an attempt: the status, one more attempt, and the error (cut to 500 characters;
   * none clears it). Does nothing if the subscription is gone (unsubscribed meanwhile); throws
   * if the subscription exists but the verdict was never queued for it.
   */
  async markDelivery(verdictId: string, subscriptionId: string, status: DeliveryStatus, error?: string): Promise<void> {
    if (!(deliveryStatuses as readonly string[]).includes(status)) throw new Error(`unknown delivery status "${String(status)}"`);
    const run = this.db.transaction(() => {
      const changed = this.sql(
        `UPDATE summary_deliveries SET status = ?, attempts = attempts + 1, last_error = ?, updated_at = ?, lease_until = NULL
         WHERE verdict_id = ? AND subscription_id = ?`,
      ).run(status, error === undefined ? null : cutError(error), this.now().toISOString(), verdictId, subscriptionId).changes;
      if (changed > 0) return;
      const exists = this.sql('SELECT 1 FROM teams_subscriptions WHERE id = ?').get(subscriptionId) !== undefined;
      if (exists) throw new Error(`verdict ${verdictId} was never queued for subscription ${subscriptionId}: cannot mark its delivery ${status}`);
    });
    run.immediate();
  }

  async claimDigest(subscriptionId: string, week: string): Promise<DigestClaim | null> {
    const run = this.db.transaction((): DigestClaim | null => {
      const now = this.now();
      const stamp = now.toISOString();
      const until = new Date(now.getTime() + this.leaseMs).toISOString();
      const first = this.sql(
        `INSERT INTO weekly_digests (subscription_id, week, status, attempts, last_error, lease_until, created_at, updated_at)
         VALUES (?, ?, 'pending', 0, NULL, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ).run(subscriptionId, week, until, stamp, stamp);
      if (first.changes > 0) return claimOf(subscriptionId, week, 0);
      // Pending and held by no one (released after a failure, or its sender died): this sender's now.
      const row = this.sql(
        `UPDATE weekly_digests SET lease_until = ? WHERE subscription_id = ? AND week = ? AND status = 'pending' AND (lease_until IS NULL OR lease_until < ?)
         RETURNING attempts`,
      ).get(until, subscriptionId, week, stamp) as { attempts: number } | undefined;
      return row ? claimOf(subscriptionId, week, row.attempts) : null;
    });
    return run.immediate();
  }

  /** Does nothing if the subscription is gone (unsubscribed while its digest was being sent). */
  async markDigest(subscriptionId: string, week: string, status: DigestStatus, error?: string): Promise<void> {
    checkDigestStatus(status);
    const run = this.db.transaction(() => {
      const changed = this.sql(
        `UPDATE weekly_digests SET status = ?, attempts = attempts + 1, last_error = ?, updated_at = ?, lease_until = NULL
         WHERE subscription_id = ? AND week = ?`,
      ).run(status, error === undefined ? null : cutError(error), this.now().toISOString(), subscriptionId, week).changes;
      if (changed > 0) return;
      if (this.sql('SELECT 1 FROM teams_subscriptions WHERE id = ?').get(subscriptionId) !== undefined) throw neverClaimed(subscriptionId, week, status);
    });
    run.immediate();
  }

  private sql(text: string): Statement {
    return this.statements.get(text);
  }

  private load(conversationId: string): Subscription | undefined {
    const row = this.sql(`${SELECT_SUBSCRIPTION} WHERE s.conversation_id = ?`).get(conversationId) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : undefined;
  }

  /** Validates before writing, so nothing is stored that could not be read back; the latest address wins. */
  private writeAddress(address: ChannelAddress): void {
    const checked = channelAddressSchema.safeParse(address);
    if (!checked.success) {
      throw new Error(`the Teams address of conversation ${String(address?.conversationId)} not saved, it is invalid: ${problemsOf(checked.error)}`);
    }
    this.sql(
      `INSERT INTO teams_addresses (conversation_id, data, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    ).run(checked.data.conversationId, JSON.stringify(checked.data), this.now().toISOString());
  }
}
