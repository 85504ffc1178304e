import type { Readable, Writable } from 'node:stream';

/** What the command line touches, injected so tests drive it in-process with fakes. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  /** Today's date as YYYY-MM-DD, the default date of advice. */
  today(): string;
  /** Calls `handler` on Ctrl-C until the returned function is called (a trial under way is cancelled, not killed). */
  onInterrupt?: (handler: () => void) => () => void;
}
