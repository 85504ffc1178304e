import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logging/create-logger.js';
import { errorForLog } from '../logging/redact-secrets.js';

/** Bolt's logger interface over pino, so Bolt's own lines land in the same structured log. */
export function boltLogger(logger: Logger): BoltLogger {
  // An error as its words (never the request it carries); other objects as JSON, scrubbed by the logger with the message.
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? String(errorForLog(a).message) : JSON.stringify(a))).join(' ');
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...args) => logger.debug({ source: 'bolt' }, text(args)),
    info: (...args) => logger.info({ source: 'bolt' }, text(args)),
    warn: (...args) => logger.warn({ source: 'bolt' }, text(args)),
    error: (...args) => logger.error({ source: 'bolt' }, text(args)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
