import { RecentlyUsed } from '../recently-used.js';

/**
 * Web API clients kept by bot token, the most recently used last: under OAuth each workspace's
 * messages reuse its client instead of building one (its queue, retry policy and logger) for
 * every message. A token no longer used (an uninstalled workspace) is dropped once `limit`
 * others have been used since.
 */
export class ClientsByToken<C> {
  private readonly clients: RecentlyUsed<C>;

  constructor(
    private readonly make: (token: string) => C,
    limit = 1_000,
  ) {
    this.clients = new RecentlyUsed(limit);
  }

  get(token: string): C {
    const kept = this.clients.get(token);
    if (kept !== undefined) return kept;
    const client = this.make(token);
    this.clients.set(token, client);
    return client;
  }
}
