import { pino, type Logger } from 'pino';
import { errorForLog, scrubText, withoutSecrets } from './redact-secrets.js';

export type { Logger };

/**
 * Structured JSON logs. Credentials are redacted wherever they might appear (see
 * redact-secrets.ts), at every level; message text is only ever logged at debug level, by the
 * callers' choice.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'finetune-advisor' },
      // A walk of each line's own fields: pino's wildcard redact paths cost a tenth of a millisecond a line.
      formatters: { log: withoutSecrets, bindings: withoutSecrets },
      serializers: { err: errorForLog, error: errorForLog },
      hooks: {
        // The message itself (and any string argument formatted into it) is scrubbed too.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    // Written asynchronously, lines written meanwhile joined into one write (a synchronous write a line was a
    // third of the slash command's log time); pino flushes what is left when the process exits.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
