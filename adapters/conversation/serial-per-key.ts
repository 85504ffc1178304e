/**
 * Runs work for one key at a time, in the order it arrived: a later turn on a conversation
 * waits until the earlier one's messages are out, so a thread reads in order whatever the
 * speed of the person typing. Keys with nothing waiting are forgotten.
 */
export class SerialPerKey {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(work, work);
    // The chain must not break on a failure: the next turn runs after this one, whatever happened.
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return mine;
  }

  /** Keys with work running or waiting (for tests and health). */
  get busy(): number {
    return this.tails.size;
  }
}
