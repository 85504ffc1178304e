import { ErrorCode, type AnyMiddlewareArgs, type Middleware } from '@slack/bolt';
import type { Logger } from '../logging/create-logger.js';

/** What a request was, for the log: its type and the command, action, view or event it names. */
function describe(body: Record<string, unknown>): Record<string, unknown> {
  const action = Array.isArray(body.actions) ? (body.actions[0] as { action_id?: unknown } | undefined)?.action_id : undefined;
  const view = (body.view as { callback_id?: unknown } | undefined)?.callback_id;
  const event = (body.event as { type?: unknown } | undefined)?.type;
  return { type: body.type ?? (body.command ? 'command' : undefined), command: body.command, action, view, event };
}

/**
 * The first global middleware: runs the listeners, then acknowledges whatever none of them did.
 * Bolt otherwise answers a request no listener claims (another app's command, a link button, a
 * closed modal) only after unhandledRequestTimeoutMillis, with a 404. An error a listener lets
 * escape is logged here with what the request was, rather than handed to Bolt (which answers 500
 * if nothing was sent yet); the listeners themselves tell the person what failed.
 */
export function acknowledgeUnclaimed(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (err) {
      logger.error({ request: describe(args.body as Record<string, unknown>), err: { message: (err as Error)?.message ?? String(err) } }, 'a Slack listener failed');
    }
    if (!('ack' in args) || typeof args.ack !== 'function') return;
    try {
      await ackWithoutStack(args.ack as () => Promise<void>);
      logger.info({ request: describe(args.body as Record<string, unknown>) }, 'acknowledged a Slack request that nothing here handles');
    } catch (err) {
      // The usual case: a listener acknowledged already. Otherwise the answer went out some other way (Bolt's timeout).
      if ((err as { code?: unknown })?.code !== ErrorCode.ReceiverMultipleAckError) logger.warn({ err: { message: (err as Error)?.message } }, 'could not acknowledge a Slack request');
    }
  };
}

/**
 * Calls ack with no stack captured for an error it throws at once. A listener has nearly always
 * acknowledged already, and Bolt's ReceiverMultipleAckError, built with its stack on every such
 * request, cost a fiftieth of a slash command's CPU (npm run bench); the stack is never read here.
 */
function ackWithoutStack(ack: () => Promise<void>): Promise<void> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return ack();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
