import {
  outboxItemsOf,
  runTurn,
  verdictRecordFor,
  type ConversationStore,
  type OutboxHold,
  type OutboxMessage,
  type PriceCatalogue,
  type TurnContext,
  type TurnInput,
  type TurnOutcome,
} from '../../src/index.js';
import type { Logger } from '../logging/create-logger.js';

/** The context of a turn at a moment: prices, the day of the advice, the time, the tokenizer. */
export function turnContextAt(now: Date, catalogue: PriceCatalogue, countTokens?: (text: string) => number, trials = false): TurnContext {
  return { catalogue, asOf: now.toISOString().slice(0, 10), now: now.toISOString(), ...(countTokens ? { countTokens } : {}), ...(trials ? { trials } : {}) };
}

/** Who acted in a turn, and whether the door itself shows a refused answer (a form shows it in its field). */
export interface TurnOrigin {
  actorId: string;
  showsRefusalItself?: boolean;
  /** The outbox message this turn fulfils (a recorded start), marked done with it. */
  completesOutbox?: number;
  /** The deliverer that sends the turn's messages at once (OutboxWorker.lease): a turn that creates its conversation gives its first one back held. */
  holdFor?: OutboxHold;
}

/** A turn saved: what it came to, and its first message when it was saved held (TurnOrigin.holdFor). */
export interface CommittedTurn {
  outcome: TurnOutcome;
  held?: OutboxMessage;
}

/**
 * Runs one turn in the store's transaction, saving with it the verdict and the messages it
 * leaves (the outbox, delivered by the OutboxWorker), and gives back what it came to, with its
 * first message when it was saved held for `origin.holdFor`. Null when the event was seen before
 * (a platform's retry): nothing changed and nothing is to be shown.
 */
export async function commitTurnHolding(
  deps: { store: ConversationStore; logger: Logger },
  ctx: TurnContext,
  conversationId: string,
  eventKey: string | null,
  input: TurnInput,
  origin: TurnOrigin,
): Promise<CommittedTurn | null> {
  const applied = await deps.store.applyTurn(conversationId, eventKey, (current) => {
    const outcome = runTurn(current, input, ctx);
    const verdict = outcome.verdict && outcome.next ? verdictRecordFor(outcome.next, outcome.verdict, ctx.now) : null;
    const refused = outcome.status === 'invalid';
    const items = refused && origin.showsRefusalItself ? [] : outboxItemsOf(outcome);
    return {
      next: outcome.next,
      verdict,
      consumesEvent: !refused,
      outbox: { actorId: origin.actorId, items },
      ...(origin.completesOutbox !== undefined ? { completesOutbox: origin.completesOutbox } : {}),
      ...(origin.holdFor ? { holdFor: origin.holdFor } : {}),
      result: outcome,
    };
  });
  if (applied.duplicate) {
    deps.logger.info({ conversationId, eventKey }, 'repeated event ignored');
    return null;
  }
  deps.logger.info({ conversationId, turn: input.kind, status: applied.result.status }, 'turn');
  return { outcome: applied.result, ...(applied.held ? { held: applied.held } : {}) };
}

/** commitTurnHolding, for a door that delivers the turn's messages by draining the outbox: what the turn came to. */
export async function commitTurn(...args: Parameters<typeof commitTurnHolding>): Promise<TurnOutcome | null> {
  return (await commitTurnHolding(...args))?.outcome ?? null;
}
