import type { ConversationStore, PriceCatalogue, SubscriptionStore } from '../../src/index.js';
import type { ReadIntake } from '../intake/create-intake.js';
import type { Logger } from '../logging/create-logger.js';
import type { OutboxWorker } from './outbox-worker.js';
import type { InterviewDeps } from './interview-deps.js';
import type { TrialConfig } from '../config/load-trial-config.js';
import type { TrialRunner } from '../trial/trial-runner.js';

/** What the service gives a platform's door (Slack's, Teams'): the stores, the clock, the outbox. */
export interface DoorDeps {
  store: ConversationStore;
  subscriptions: SubscriptionStore;
  catalogue: PriceCatalogue;
  now: () => Date;
  logger: Logger;
  outbox: OutboxWorker;
  readIntake: ReadIntake;
  countTokens: (text: string) => number;
  /** Runs work after a request was answered: counted for a clean stop, logged if it fails. */
  background: (what: string, work: () => Promise<void>) => void;
  /** The service's public address (PUBLIC_URL), for links back to it; else the one a platform called. */
  publicUrl?: string;
  /** Prompt trials, when an endpoint is configured. */
  trials?: { runner: TrialRunner; config: TrialConfig };
  /** Counts a request's work so a clean stop can wait for it. */
  track: <T>(work: () => Promise<T>) => Promise<T>;
}

/** What an interview takes from the door's deps, the same in Slack and Teams. */
export function interviewDepsOf(deps: DoorDeps): InterviewDeps & { outbox: OutboxWorker } {
  return {
    store: deps.store,
    catalogue: deps.catalogue,
    now: deps.now,
    logger: deps.logger,
    outbox: deps.outbox,
    readIntake: deps.readIntake,
    countTokens: deps.countTokens,
    trials: deps.trials !== undefined,
  };
}
