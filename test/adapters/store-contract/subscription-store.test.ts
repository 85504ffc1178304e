import { describe, expect, it } from 'vitest';
import type { ChannelAddress } from '../../../src/index.js';
import { tellPostgresSkipped } from '../../helpers/postgres.js';
import { manualClock } from '../sqlite/helpers.js';
import { BACKENDS, type TestDatabase } from './backends.js';

/** A Teams channel address as the bot records it from an authenticated request. */
function channelAddress(changes: Partial<ChannelAddress> = {}): ChannelAddress {
  return {
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    tenantId: 'tenant-1',
    conversationId: '19:general@thread.tacv2',
    teamId: '19:team@thread.tacv2',
    channelId: '19:general@thread.tacv2',
    botId: '28:bot-app-id',
    ...changes,
  };
}

const OTHER = '19:finance@thread.tacv2';

/** Ids sub-1, sub-2… so tests can name subscriptions. */
function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

tellPostgresSkipped();

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`the subscription store on ${backend.name}`, () => {
    /** A store on a fresh database, with a clock the test moves. */
    async function freshStore() {
      const db = await backend.open();
      const clock = manualClock();
      return { db, clock, store: db.subscriptions({ now: clock.now, newId: counter('sub') }) };
    }
    /** The same database after a restart (the real clock, new ids). */
    async function reopen(db: TestDatabase) {
      return (await db.reopen()).subscriptions({ newId: counter('after-restart') });
    }

    it('keeps one subscription when a channel subscribes twice, with its id, subscriber and thread', async () => {
      const { store } = await freshStore();
      const first = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      expect(first).toEqual({
        id: 'sub-1',
        address: channelAddress(),
        threadRootId: null,
        subscribedBy: 'alice',
        createdAt: '2026-11-23T09:00:00.000Z',
        active: true,
      });
      await store.setThreadRoot(first.id, '1763888400000');
      const again = await store.subscribe(channelAddress(), 'bob', '2026-11-24T09:00:00.000Z');
      expect(again).toEqual({ ...first, threadRootId: '1763888400000' });
      expect(await store.listSubscriptions()).toEqual([again]);
    });

    it('re-activates an inactive subscription when the channel subscribes again, keeping its thread', async () => {
      const { store } = await freshStore();
      const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      await store.setThreadRoot(sub.id, 'root-1');
      await store.setActive(sub.id, false);
      expect((await store.getSubscription(sub.address.conversationId))?.active).toBe(false);
      const again = await store.subscribe(channelAddress(), 'bob', '2026-11-24T09:00:00.000Z');
      expect(again).toMatchObject({ id: sub.id, active: true, threadRootId: 'root-1', subscribedBy: 'alice' });
    });

    it('unsubscribes a channel and drops its pending deliveries', async () => {
      const { db, clock, store } = await freshStore();
      const general = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      const finance = await store.subscribe(channelAddress({ conversationId: OTHER, channelId: OTHER }), 'carol', '2026-11-23T09:01:00.000Z');
      await store.queueDeliveries('v-1');
      await store.markDelivery('v-1', general.id, 'sent');
      await store.queueDeliveries('v-2');

      expect(await store.unsubscribe(channelAddress().conversationId)).toBe(true);
      expect(await store.getSubscription(channelAddress().conversationId)).toBeUndefined();
      expect(await store.listSubscriptions()).toEqual([finance]);
      clock.advanceHours(1); // past the leases of the deliveries queued above
      expect((await store.pendingDeliveries()).map((d) => [d.verdictId, d.subscriptionId])).toEqual([
        ['v-1', finance.id],
        ['v-2', finance.id],
      ]);
      const left = (await db.all("SELECT COUNT(*) AS n FROM summary_deliveries WHERE subscription_id = ? AND status = 'pending'", general.id))[0] as { n: number };
      expect(left.n).toBe(0);
      expect(await store.unsubscribe(channelAddress().conversationId)).toBe(false);
    });

    it('queues a verdict once per subscription, even when queued again and after a restart', async () => {
      const { db, store } = await freshStore();
      const general = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      const finance = await store.subscribe(channelAddress({ conversationId: OTHER, channelId: OTHER }), 'carol', '2026-11-23T09:01:00.000Z');
      const pending = [
        { verdictId: 'v-1', subscriptionId: general.id, status: 'pending', attempts: 0, lastError: null },
        { verdictId: 'v-1', subscriptionId: finance.id, status: 'pending', attempts: 0, lastError: null },
      ];
      expect(await store.queueDeliveries('v-1')).toEqual(pending);
      // Queued again: nothing new, and what is pending is already handed out (leased) to the first sender.
      expect(await store.queueDeliveries('v-1')).toEqual([]);

      const restarted = await reopen(db);
      expect(await restarted.queueDeliveries('v-1')).toEqual(pending);
      expect(await restarted.pendingDeliveries()).toEqual([]);
    });

    it('queues nothing for an inactive subscription', async () => {
      const { clock, store } = await freshStore();
      const general = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      const finance = await store.subscribe(channelAddress({ conversationId: OTHER, channelId: OTHER }), 'carol', '2026-11-23T09:01:00.000Z');
      await store.setActive(general.id, false);
      expect((await store.queueDeliveries('v-1')).map((d) => d.subscriptionId)).toEqual([finance.id]);
      clock.advanceHours(1);
      expect((await store.pendingDeliveries()).map((d) => d.subscriptionId)).toEqual([finance.id]);
    });

    it('does not hand out a delivery once sent, nor queue it again', async () => {
      const { db, store } = await freshStore();
      const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      await store.queueDeliveries('v-1');
      await store.markDelivery('v-1', sub.id, 'sent');
      expect(await store.pendingDeliveries()).toEqual([]);
      expect(await store.queueDeliveries('v-1')).toEqual([]);
      expect(await (await reopen(db)).queueDeliveries('v-1')).toEqual([]);
    });

    it('records the attempts and the error of a failed delivery, cut to 500 characters', async () => {
      const { db, clock, store } = await freshStore();
      const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      await store.queueDeliveries('v-1');
      await store.markDelivery('v-1', sub.id, 'pending', 'HTTP 503 from the Bot Connector');
      clock.advanceHours(1);
      await store.markDelivery('v-1', sub.id, 'failed', `HTTP 403: ${'x'.repeat(1000)}`);
      const row = (await db.all('SELECT status, attempts, last_error, updated_at FROM summary_deliveries WHERE verdict_id = ?', 'v-1'))[0] as {
        status: string;
        attempts: number;
        last_error: string;
        updated_at: string;
      };
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(2);
      expect(row.last_error).toHaveLength(500);
      expect(row.last_error.startsWith('HTTP 403: xxx')).toBe(true);
      expect(row.updated_at).toBe('2026-11-23T10:00:00.000Z');
      expect(await store.pendingDeliveries()).toEqual([]);
    });

    it('hands out pending deliveries oldest first, with their attempts so far', async () => {
      const { clock, store } = await freshStore();
      const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      await store.queueDeliveries('v-2');
      clock.advanceHours(1);
      await store.queueDeliveries('v-1');
      await store.markDelivery('v-2', sub.id, 'pending', 'timeout');
      clock.advanceHours(1);
      expect(await store.pendingDeliveries()).toEqual([
        { verdictId: 'v-2', subscriptionId: sub.id, status: 'pending', attempts: 1, lastError: 'timeout' },
        { verdictId: 'v-1', subscriptionId: sub.id, status: 'pending', attempts: 0, lastError: null },
      ]);
    });

    it('ignores a delivery marked after its channel unsubscribed, but refuses one never queued', async () => {
      const { store } = await freshStore();
      const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      await expect(store.markDelivery('v-9', sub.id, 'sent')).rejects.toThrow(`verdict v-9 was never queued for subscription ${sub.id}`);
      await store.queueDeliveries('v-1');
      await store.unsubscribe(channelAddress().conversationId);
      await expect(store.markDelivery('v-1', sub.id, 'sent')).resolves.toBeUndefined();
    });

    it('lists subscriptions oldest first', async () => {
      const { store } = await freshStore();
      await store.subscribe(channelAddress({ conversationId: OTHER, channelId: OTHER }), 'carol', '2026-11-23T10:00:00.000Z');
      await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      expect((await store.listSubscriptions()).map((s) => s.subscribedBy)).toEqual(['alice', 'carol']);
    });

    it('keeps addresses across a restart, the newest serviceUrl winning', async () => {
      const { db, store } = await freshStore();
      await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      const moved = channelAddress({ serviceUrl: 'https://smba.trafficmanager.net/amer/' });
      await store.saveAddress(moved);
      await store.saveAddress(channelAddress({ conversationId: OTHER, channelId: OTHER }));

      const restarted = await reopen(db);
      expect(await restarted.getAddress(moved.conversationId)).toEqual(moved);
      expect((await restarted.getSubscription(moved.conversationId))?.address).toEqual(moved);
      expect(await restarted.getAddress(OTHER)).toEqual(channelAddress({ conversationId: OTHER, channelId: OTHER }));
      expect(await restarted.getAddress('19:nobody@thread.tacv2')).toBeUndefined();

      const regionAgain = channelAddress({ serviceUrl: 'https://smba.trafficmanager.net/apac/' });
      expect((await restarted.subscribe(regionAgain, 'bob', '2026-11-25T09:00:00.000Z')).address).toEqual(regionAgain);
      expect(await restarted.getAddress(regionAgain.conversationId)).toEqual(regionAgain);
    });

    it('names the conversation whose stored address is damaged', async () => {
      const { db, store } = await freshStore();
      await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      const id = channelAddress().conversationId;
      await db.run('UPDATE teams_addresses SET data = ? WHERE conversation_id = ?', JSON.stringify({ ...channelAddress(), serviceUrl: 42 }), id);
      await expect(store.getAddress(id)).rejects.toThrow(`the Teams address of conversation ${id} is damaged in the database: serviceUrl`);
      await expect(store.getSubscription(id)).rejects.toThrow(`conversation ${id} is damaged`);
      await db.run('UPDATE teams_addresses SET data = ? WHERE conversation_id = ?', '{not json', id);
      await expect(store.getAddress(id)).rejects.toThrow(`the Teams address of conversation ${id} is damaged in the database: its data is not valid JSON`);
    });

    it('refuses to save an address that could not be read back', async () => {
      const { store } = await freshStore();
      const withMessageId = channelAddress({ conversationId: '19:general@thread.tacv2;messageid=1763888400000' });
      await expect(store.saveAddress(withMessageId)).rejects.toThrow(/not saved, it is invalid: conversationId: must be the channel conversation id/);
      await expect(store.subscribe(channelAddress({ serviceUrl: 'not a url' }), 'alice', '2026-11-23T09:00:00.000Z')).rejects.toThrow(/serviceUrl/);
      expect(await store.listSubscriptions()).toEqual([]);
    });

    it("records a week's digest once per subscription: claimed by one sender, never again once sent, also after a restart", async () => {
      const { db, store } = await freshStore();
      const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      expect(await store.claimDigest(sub.id, '2026-W49')).toEqual({ subscriptionId: sub.id, week: '2026-W49', attempts: 0 });
      expect(await store.claimDigest(sub.id, '2026-W49')).toBeNull();
      await store.markDigest(sub.id, '2026-W49', 'sent');
      expect(await store.claimDigest(sub.id, '2026-W49')).toBeNull();
      const again = await db.reopen();
      const restarted = again.subscriptions();
      expect(await restarted.claimDigest(sub.id, '2026-W49')).toBeNull();
      expect(await restarted.claimDigest(sub.id, '2026-W50')).toMatchObject({ week: '2026-W50', attempts: 0 });
      const rows = await again.all<{ week: string; status: string; attempts: number }>('SELECT week, status, attempts FROM weekly_digests ORDER BY week');
      expect(rows.map((r) => ({ ...r, attempts: Number(r.attempts) }))).toEqual([
        { week: '2026-W49', status: 'sent', attempts: 1 },
        { week: '2026-W50', status: 'pending', attempts: 0 },
      ]);
    });

    it('gives a pending digest to one of two senders claiming it at once, to the next once released, and to another when its sender died', async () => {
      const { db, clock, store } = await freshStore();
      const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      const other = db.subscriptions({ now: clock.now });
      const claims = await Promise.all([store.claimDigest(sub.id, '2026-W49'), other.claimDigest(sub.id, '2026-W49')]);
      expect(claims.filter((c) => c !== null)).toHaveLength(1);
      await store.markDigest(sub.id, '2026-W49', 'pending', 'HTTP 503');
      expect(await other.claimDigest(sub.id, '2026-W49')).toMatchObject({ attempts: 1 });
      // The sender holding it died: after the lease, another takes it.
      expect(await store.claimDigest(sub.id, '2026-W49')).toBeNull();
      clock.advanceHours(0.05);
      expect(await store.claimDigest(sub.id, '2026-W49')).toMatchObject({ attempts: 1 });
      await store.markDigest(sub.id, '2026-W49', 'failed', 'x'.repeat(600));
      expect(await other.claimDigest(sub.id, '2026-W49')).toBeNull();
      const [row] = await db.all<{ last_error: string }>('SELECT last_error FROM weekly_digests');
      expect(row!.last_error).toHaveLength(500);
    });

    it("drops a channel's pending digest when it unsubscribes, and refuses to mark a digest never claimed", async () => {
      const { db, store } = await freshStore();
      const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      await expect(store.markDigest(sub.id, '2026-W49', 'sent')).rejects.toThrow(`the digest of week 2026-W49 was never claimed for subscription ${sub.id}`);
      await store.claimDigest(sub.id, '2026-W49');
      await store.unsubscribe(channelAddress().conversationId);
      await store.markDigest(sub.id, '2026-W49', 'sent');
      expect(await db.all('SELECT * FROM weekly_digests')).toEqual([]);
    });

    it('hands a pending summary to one sender at a time, and to another once the first has held it too long', async () => {
      const { clock, store } = await freshStore();
      const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
      expect((await store.queueDeliveries('v-1')).map((d) => d.verdictId)).toEqual(['v-1']);
      expect(await store.pendingDeliveries()).toEqual([]);
      clock.advanceHours(0.01); // 36 s: still held
      expect(await store.pendingDeliveries()).toEqual([]);
      clock.advanceHours(0.05); // past the two-minute lease: the sender died, another takes it
      expect((await store.pendingDeliveries()).map((d) => d.verdictId)).toEqual(['v-1']);
      await store.markDelivery('v-1', sub.id, 'pending', 'HTTP 502');
      expect((await store.pendingDeliveries()).map((d) => d.attempts)).toEqual([1]);
    });
  });
}
