/** Counts work still running after a request was answered (Slack is acked before the work), so a shutdown can wait for it. */
export class InFlight {
  private running = 0;
  private waiters: (() => void)[] = [];

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) this.waiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Resolves when nothing is running, or after `timeoutMs`, whichever is first; true if it drained. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
