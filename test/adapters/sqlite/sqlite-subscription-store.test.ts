import { describe, expect, it } from 'vitest';
import { SqliteSubscriptionStore } from '../../../adapters/sqlite/sqlite-subscription-store.js';
import type { ChannelAddress } from '../../../src/index.js';
import { freshDbPath, manualClock, open } from './helpers.js';

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

/** A store on a fresh database file, with the path to reopen it (a restart). */
function freshStore() {
  const path = freshDbPath();
  const db = open(path);
  const clock = manualClock();
  const store = new SqliteSubscriptionStore(db, { now: clock.now, newId: counter('sub') });
  return { path, db, clock, store };
}

function reopen(path: string): SqliteSubscriptionStore {
  return new SqliteSubscriptionStore(open(path), { newId: counter('after-restart') });
}

describe('SqliteSubscriptionStore', () => {
  it('keeps one subscription when a channel subscribes twice, with its id, subscriber and thread', async () => {
    const { store } = freshStore();
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
    const { store } = freshStore();
    const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
    await store.setThreadRoot(sub.id, 'root-1');
    await store.setActive(sub.id, false);
    expect((await store.getSubscription(sub.address.conversationId))?.active).toBe(false);
    const again = await store.subscribe(channelAddress(), 'bob', '2026-11-24T09:00:00.000Z');
    expect(again).toMatchObject({ id: sub.id, active: true, threadRootId: 'root-1', subscribedBy: 'alice' });
  });

  it('unsubscribes a channel and drops its pending deliveries', async () => {
    const { db, store } = freshStore();
    const general = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
    const finance = await store.subscribe(channelAddress({ conversationId: OTHER, channelId: OTHER }), 'carol', '2026-11-23T09:01:00.000Z');
    await store.queueDeliveries('v-1');
    await store.markDelivery('v-1', general.id, 'sent');
    await store.queueDeliveries('v-2');

    expect(await store.unsubscribe(channelAddress().conversationId)).toBe(true);
    expect(await store.getSubscription(channelAddress().conversationId)).toBeUndefined();
    expect(await store.listSubscriptions()).toEqual([finance]);
    expect((await store.pendingDeliveries()).map((d) => [d.verdictId, d.subscriptionId])).toEqual([
      ['v-1', finance.id],
      ['v-2', finance.id],
    ]);
    const left = db.prepare("SELECT COUNT(*) AS n FROM summary_deliveries WHERE subscription_id = ? AND status = 'pending'").get(general.id) as { n: number };
    expect(left.n).toBe(0);
    expect(await store.unsubscribe(channelAddress().conversationId)).toBe(false);
  });

  it('queues a verdict once per subscription, even when queued again and after a restart', async () => {
    const { path, db, store } = freshStore();
    const general = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
    const finance = await store.subscribe(channelAddress({ conversationId: OTHER, channelId: OTHER }), 'carol', '2026-11-23T09:01:00.000Z');
    const pending = [
      { verdictId: 'v-1', subscriptionId: general.id, status: 'pending', attempts: 0, lastError: null },
      { verdictId: 'v-1', subscriptionId: finance.id, status: 'pending', attempts: 0, lastError: null },
    ];
    expect(await store.queueDeliveries('v-1')).toEqual(pending);
    expect(await store.queueDeliveries('v-1')).toEqual(pending);
    db.close();

    const restarted = reopen(path);
    expect(await restarted.queueDeliveries('v-1')).toEqual(pending);
    expect(await restarted.pendingDeliveries()).toEqual(pending);
  });

  it('queues nothing for an inactive subscription', async () => {
    const { store } = freshStore();
    const general = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
    const finance = await store.subscribe(channelAddress({ conversationId: OTHER, channelId: OTHER }), 'carol', '2026-11-23T09:01:00.000Z');
    await store.setActive(general.id, false);
    expect((await store.queueDeliveries('v-1')).map((d) => d.subscriptionId)).toEqual([finance.id]);
    expect((await store.pendingDeliveries()).map((d) => d.subscriptionId)).toEqual([finance.id]);
  });

  it('does not hand out a delivery once sent, nor queue it again', async () => {
    const { path, db, store } = freshStore();
    const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
    await store.queueDeliveries('v-1');
    await store.markDelivery('v-1', sub.id, 'sent');
    expect(await store.pendingDeliveries()).toEqual([]);
    expect(await store.queueDeliveries('v-1')).toEqual([]);
    db.close();
    expect(await reopen(path).queueDeliveries('v-1')).toEqual([]);
  });

  it('records the attempts and the error of a failed delivery, cut to 500 characters', async () => {
    const { db, clock, store } = freshStore();
    const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
    await store.queueDeliveries('v-1');
    await store.markDelivery('v-1', sub.id, 'pending', 'HTTP 503 from the Bot Connector');
    clock.advanceHours(1);
    await store.markDelivery('v-1', sub.id, 'failed', `HTTP 403: ${'x'.repeat(1000)}`);
    const row = db.prepare('SELECT status, attempts, last_error, updated_at FROM summary_deliveries WHERE verdict_id = ?').get('v-1') as {
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
    const { clock, store } = freshStore();
    const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
    await store.queueDeliveries('v-2');
    clock.advanceHours(1);
    await store.queueDeliveries('v-1');
    await store.markDelivery('v-2', sub.id, 'pending', 'timeout');
    expect(await store.pendingDeliveries()).toEqual([
      { verdictId: 'v-2', subscriptionId: sub.id, status: 'pending', attempts: 1, lastError: 'timeout' },
      { verdictId: 'v-1', subscriptionId: sub.id, status: 'pending', attempts: 0, lastError: null },
    ]);
  });

  it('ignores a delivery marked after its channel unsubscribed, but refuses one never queued', async () => {
    const { store } = freshStore();
    const sub = await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
    await expect(store.markDelivery('v-9', sub.id, 'sent')).rejects.toThrow(`verdict v-9 was never queued for subscription ${sub.id}`);
    await store.queueDeliveries('v-1');
    await store.unsubscribe(channelAddress().conversationId);
    await expect(store.markDelivery('v-1', sub.id, 'sent')).resolves.toBeUndefined();
  });

  it('lists subscriptions oldest first', async () => {
    const { store } = freshStore();
    await store.subscribe(channelAddress({ conversationId: OTHER, channelId: OTHER }), 'carol', '2026-11-23T10:00:00.000Z');
    await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
    expect((await store.listSubscriptions()).map((s) => s.subscribedBy)).toEqual(['alice', 'carol']);
  });

  it('keeps addresses across a restart, the newest serviceUrl winning', async () => {
    const { path, db, store } = freshStore();
    await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
    const moved = channelAddress({ serviceUrl: 'https://smba.trafficmanager.net/amer/' });
    await store.saveAddress(moved);
    await store.saveAddress(channelAddress({ conversationId: OTHER, channelId: OTHER }));
    db.close();

    const restarted = reopen(path);
    expect(await restarted.getAddress(moved.conversationId)).toEqual(moved);
    expect((await restarted.getSubscription(moved.conversationId))?.address).toEqual(moved);
    expect(await restarted.getAddress(OTHER)).toEqual(channelAddress({ conversationId: OTHER, channelId: OTHER }));
    expect(await restarted.getAddress('19:nobody@thread.tacv2')).toBeUndefined();

    const regionAgain = channelAddress({ serviceUrl: 'https://smba.trafficmanager.net/apac/' });
    expect((await restarted.subscribe(regionAgain, 'bob', '2026-11-25T09:00:00.000Z')).address).toEqual(regionAgain);
    expect(await restarted.getAddress(regionAgain.conversationId)).toEqual(regionAgain);
  });

  it('names the conversation whose stored address is damaged', async () => {
    const { db, store } = freshStore();
    await store.subscribe(channelAddress(), 'alice', '2026-11-23T09:00:00.000Z');
    const id = channelAddress().conversationId;
    db.prepare('UPDATE teams_addresses SET data = ? WHERE conversation_id = ?').run(JSON.stringify({ ...channelAddress(), serviceUrl: 42 }), id);
    await expect(store.getAddress(id)).rejects.toThrow(`the Teams address of conversation ${id} is damaged in the database: serviceUrl`);
    await expect(store.getSubscription(id)).rejects.toThrow(`conversation ${id} is damaged`);
    db.prepare('UPDATE teams_addresses SET data = ? WHERE conversation_id = ?').run('{not json', id);
    await expect(store.getAddress(id)).rejects.toThrow(`the Teams address of conversation ${id} is damaged in the database: its data is not valid JSON`);
  });

  it('refuses to save an address that could not be read back', async () => {
    const { store } = freshStore();
    const withMessageId = channelAddress({ conversationId: '19:general@thread.tacv2;messageid=1763888400000' });
    await expect(store.saveAddress(withMessageId)).rejects.toThrow(/not saved, it is invalid: conversationId: must be the channel conversation id/);
    await expect(store.subscribe(channelAddress({ serviceUrl: 'not a url' }), 'alice', '2026-11-23T09:00:00.000Z')).rejects.toThrow(/serviceUrl/);
    expect(await store.listSubscriptions()).toEqual([]);
  });
});
