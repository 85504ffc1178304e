/**
 * Web API clients kept by bot token, the most recently used last: under OAuth each workspace's
 * messages reuse its client instead of building one (its queue, retry policy and logger) for
 * every message. A token no longer used (an uninstalled workspace) is dropped once `limit`
 * others have been used since.
 */
export class ClientsByToken<C> {
  private readonly clients = new Map<string, C>();

  constructor(
    private readonly make: (token: string) => C,
    private readonly limit = 1_000,
  ) {}

  get(token: string): C {
    const kept = this.clients.get(token);
    const client = kept ?? this.make(token);
    // A Map keeps insertion order: deleting and setting again makes this the newest, the first the oldest.
    this.clients.delete(token);
    this.clients.set(token, client);
    if (this.clients.size > this.limit) this.clients.delete(this.clients.keys().next().value!);
    return client;
  }
}
