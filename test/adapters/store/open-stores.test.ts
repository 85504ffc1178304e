import { describe, expect, it } from 'vitest';
import { openStores } from '../../../adapters/store/open-stores.js';
import { activeConversation, freshDbPath } from '../sqlite/helpers.js';

describe('the service stores on SQLite', () => {
  it('saves a turn still waiting for its batch when the stores close, and answers it', async () => {
    const path = freshDbPath();
    const now = () => new Date('2026-11-23T09:00:00.000Z');
    const stores = await openStores({ databasePath: path }, now);
    const conv = activeConversation();
    const saving = stores.conversations.applyTurn(conv.id, 'slack:event:Ev1', () => ({ next: conv, result: 'saved' }));
    await stores.close();
    await expect(saving).resolves.toEqual({ duplicate: false, result: 'saved' });

    const reopened = await openStores({ databasePath: path }, now);
    expect((await reopened.conversations.getConversation(conv.id))?.answers).toEqual(conv.answers);
    // The event key went with it: the platform's retry changes nothing.
    expect(await reopened.conversations.applyTurn(conv.id, 'slack:event:Ev1', () => ({ next: conv, result: 'again' }))).toEqual({ duplicate: true });
    await reopened.close();
  });
});
