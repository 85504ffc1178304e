import type { Logger } from './create-logger.js';
import { errorForLog } from './redact-secrets.js';

/** What the report keeps of an error: its words, stack and code; never the request it may carry (see errorForLog). */
const described = errorForLog;

/**
 * The composition root's last resort: an error no code caught (a rejected promise nobody awaited,
 * a throw in a timer or callback) is logged and the process keeps serving, where Node would end it
 * and every conversation in flight with it. Faults are caught where they happen; a line from here
 * is a bug to fix.
 */
export function logStrayErrors(logger: Logger, target: NodeJS.Process = process): void {
  target.on('unhandledRejection', (reason) => logger.error({ err: described(reason) }, 'a rejected promise nobody handled; still serving'));
  target.on('uncaughtException', (err) => logger.error({ err: described(err) }, 'an error nobody caught; still serving'));
}
