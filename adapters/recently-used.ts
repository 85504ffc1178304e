/**
 * Values kept by key, the most recently used last: past `limit`, the one used longest ago is
 * dropped. For what is cheap to lose and costly to build again (a parsed conversation, a
 * workspace's Web API client).
 */
export class RecentlyUsed<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The value kept under `key`, now the most recently used; undefined when none is. */
  get(key: string): V | undefined {
    const value = this.values.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    // A Map keeps insertion order: deleting and setting again makes this the newest, the first the oldest.
    this.values.delete(key);
    this.values.set(key, value);
    if (this.values.size > this.limit) this.values.delete(this.values.keys().next().value!);
  }
}
