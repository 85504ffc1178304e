import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { ChannelAddress, Delivery, DeliveryStatus, DigestClaim, DigestStatus, Subscription, SubscriptionStore } from '../../src/index.js';
import { checkDigestStatus, claimOf, neverClaimed } from '../store/digest-rows.js';
import {
  channelAddressSchema,
  cutError,
  DELIVERY_LEASE_MS,
  deliveryStatuses,
  parseAddress,
  problemsOf,
  SELECT_PENDING,
  SELECT_SUBSCRIPTION,
  toDelivery,
  toSubscription,
  type DeliveryRow,
  type SubscriptionRow,
} from '../store/subscription-rows.js';
import { inTransaction } from './open-postgres.js';

type Queryable = Pick<pg.Pool, 'query'>;

export interface PostgresSubscriptionStoreOptions {
  now?: () => Date;
  newId?: () => string;
  /** How long a summary handed out to a sender is not handed out again; two minutes by default. */
  leaseMs?: number;
}

/**
 * The SubscriptionStore on PostgreSQL. Summaries are handed out under a lease taken with
 * FOR UPDATE SKIP LOCKED, so two replicas never send the same one; a replica that dies while
 * sending leaves it to the others when the lease runs out.
 */
export class PostgresSubscriptionStore implements SubscriptionStore {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly leaseMs: number;

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresSubscriptionStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => randomUUID());
    this.leaseMs = options.leaseMs ?? DELIVERY_LEASE_MS;
  }

  async saveAddress(address: ChannelAddress): Promise<void> {
    await this.writeAddress(this.pool, address);
  }

  async getAddress(conversationId: string): Promise<ChannelAddress | undefined> {
    const { rows } = await this.pool.query<{ data: string }>('SELECT data FROM teams_addresses WHERE conversation_id = $1', [conversationId]);
    return rows[0] ? parseAddress(conversationId, rows[0].data) : undefined;
  }

  async subscribe(address: ChannelAddress, by: string, at: string): Promise<Subscription> {
    return inTransaction(this.pool, async (client) => {
      await this.writeAddress(client, address);
      await client.query(
        `INSERT INTO teams_subscriptions (id, conversation_id, thread_root_id, subscribed_by, active, created_at)
         VALUES ($1, $2, NULL, $3, 1, $4)
         ON CONFLICT (conversation_id) DO UPDATE SET active = 1`,
        [this.newId(), address.conversationId, by, at],
      );
      const subscription = await this.load(client, address.conversationId);
      if (!subscription) throw new Error(`conversation ${address.conversationId} was subscribed but its subscription cannot be read back`);
      return subscription;
    });
  }

  async unsubscribe(conversationId: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM teams_subscriptions WHERE conversation_id = $1 FOR UPDATE', [conversationId]);
      if (!rows[0]) return false;
      await client.query("DELETE FROM summary_deliveries WHERE subscription_id = $1 AND status = 'pending'", [rows[0].id]);
      await client.query("DELETE FROM weekly_digests WHERE subscription_id = $1 AND status = 'pending'", [rows[0].id]);
      await client.query('DELETE FROM teams_subscriptions WHERE id = $1', [rows[0].id]);
      return true;
    });
  }

  async getSubscription(conversationId: string): Promise<Subscription | undefined> {
    return this.load(this.pool, conversationId);
  }

  async listSubscriptions(): Promise<Subscription[]> {
    const { rows } = await this.pool.query<SubscriptionRow>(`${SELECT_SUBSCRIPTION} ORDER BY s.created_at, s.seq`);
    return rows.map(toSubscription);
  }

  async setThreadRoot(subscriptionId: string, threadRootId: string | null): Promise<void> {
    await this.pool.query('UPDATE teams_subscriptions SET thread_root_id = $1 WHERE id = $2', [threadRootId, subscriptionId]);
  }

  async setActive(subscriptionId: string, active: boolean): Promise<void> {
    await this.pool.query('UPDATE teams_subscriptions SET active = $1 WHERE id = $2', [active ? 1 : 0, subscriptionId]);
  }

  async queueDeliveries(verdictId: string): Promise<Delivery[]> {
    if (verdictId === '') throw new Error('cannot queue deliveries for a verdict without an id');
    return inTransaction(this.pool, async (client) => {
      const stamp = this.now().toISOString();
      await client.query(
        `INSERT INTO summary_deliveries (verdict_id, subscription_id, status, attempts, last_error, created_at, updated_at)
         SELECT $1, id, 'pending', 0, NULL, $2, $2 FROM teams_subscriptions WHERE active = 1 ORDER BY created_at, seq
         ON CONFLICT DO NOTHING`,
        [verdictId, stamp],
      );
      return this.claim(client, 'AND d.verdict_id = $2', [verdictId]);
    });
  }

  async pendingDeliveries(): Promise<Delivery[]> {
    return inTransaction(this.pool, (client) => this.claim(client, '', []));
  }

  async markDelivery(verdictId: string, subscriptionId: string, status: DeliveryStatus, error?: string): Promise<void> {
    if (!(deliveryStatuses as readonly string[]).includes(status)) throw new Error(`unknown delivery status "${String(status)}"`);
    const { rowCount } = await this.pool.query(
      `UPDATE summary_deliveries SET status = $1, attempts = attempts + 1, last_error = $2, updated_at = $3, lease_until = NULL
       WHERE verdict_id = $4 AND subscription_id = $5`,
      [status, error === undefined ? null : cutError(error), this.now().toISOString(), verdictId, subscriptionId],
    );
    if (rowCount) return;
    const { rows } = await this.pool.query('SELECT 1 FROM teams_subscriptions WHERE id = $1', [subscriptionId]);
    if (rows.length) throw new Error(`verdict ${verdictId} was never queued for subscription ${subscriptionId}: cannot mark its delivery ${status}`);
  }

  /**
   * Two replicas claiming at once: the second INSERT waits for the first's row and does nothing;
   * the conditional UPDATE re-reads a row another replica just leased and leaves it.
   */
  async claimDigest(subscriptionId: string, week: string): Promise<DigestClaim | null> {
    return inTransaction(this.pool, async (client) => {
      const now = this.now();
      const stamp = now.toISOString();
      const until = new Date(now.getTime() + this.leaseMs).toISOString();
      const first = await client.query(
        `INSERT INTO weekly_digests (subscription_id, week, status, attempts, last_error, lease_until, created_at, updated_at)
         VALUES ($1, $2, 'pending', 0, NULL, $3, $4, $4) ON CONFLICT DO NOTHING`,
        [subscriptionId, week, until, stamp],
      );
      if (first.rowCount) return claimOf(subscriptionId, week, 0);
      const { rows } = await client.query<{ attempts: number }>(
        `UPDATE weekly_digests SET lease_until = $1 WHERE subscription_id = $2 AND week = $3 AND status = 'pending' AND (lease_until IS NULL OR lease_until < $4)
         RETURNING attempts`,
        [until, subscriptionId, week, stamp],
      );
      return rows[0] ? claimOf(subscriptionId, week, rows[0].attempts) : null;
    });
  }

  async markDigest(subscriptionId: string, week: string, status: DigestStatus, error?: string): Promise<void> {
    checkDigestStatus(status);
    const { rowCount } = await this.pool.query(
      `UPDATE weekly_digests SET status = $1, attempts = attempts + 1, last_error = $2, updated_at = $3, lease_until = NULL
       WHERE subscription_id = $4 AND week = $5`,
      [status, error === undefined ? null : cutError(error), this.now().toISOString(), subscriptionId, week],
    );
    if (rowCount) return;
    const { rows } = await this.pool.query('SELECT 1 FROM teams_subscriptions WHERE id = $1', [subscriptionId]);
    if (rows.length) throw neverClaimed(subscriptionId, week, status);
  }

  /** Hands out the pending deliveries no other sender holds, leasing them (rows another replica is leasing are skipped). */
  private async claim(client: pg.PoolClient, filter: string, params: unknown[]): Promise<Delivery[]> {
    const now = this.now();
    const { rows } = await client.query<DeliveryRow>(`${SELECT_PENDING} AND (d.lease_until IS NULL OR d.lease_until < $1) ${filter} ORDER BY d.created_at, d.seq FOR UPDATE OF d SKIP LOCKED`, [
      now.toISOString(),
      ...params,
    ]);
    const until = new Date(now.getTime() + this.leaseMs).toISOString();
    for (const row of rows) await client.query('UPDATE summary_deliveries SET lease_until = $1 WHERE verdict_id = $2 AND subscription_id = $3', [until, row.verdict_id, row.subscription_id]);
    return rows.map(toDelivery);
  }

  private async load(client: Queryable, conversationId: string): Promise<Subscription | undefined> {
    const { rows } = await client.query<SubscriptionRow>(`${SELECT_SUBSCRIPTION} WHERE s.conversation_id = $1`, [conversationId]);
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  private async writeAddress(client: Queryable, address: ChannelAddress): Promise<void> {
    const checked = channelAddressSchema.safeParse(address);
    if (!checked.success) {
      throw new Error(`the Teams address of conversation ${String(address?.conversationId)} not saved, it is invalid: ${problemsOf(checked.error)}`);
    }
    await client.query(
      `INSERT INTO teams_addresses (conversation_id, data, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (conversation_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [checked.data.conversationId, JSON.stringify(checked.data), this.now().toISOString()],
    );
  }
}
