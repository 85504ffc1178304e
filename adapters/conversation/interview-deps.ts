import type { ConversationStore, PriceCatalogue } from '../../src/index.js';
import type { ReadIntake } from '../intake/create-intake.js';
import type { Logger } from '../logging/create-logger.js';

/** What an interview needs from the service, the same in Slack and Teams. */
export interface InterviewDeps {
  store: ConversationStore;
  catalogue: PriceCatalogue;
  now: () => Date;
  logger: Logger;
  /** Reads a task description into answers (rules, and a model when configured). */
  readIntake?: ReadIntake;
  /** Counts the tokens of a pasted prompt. */
  countTokens?: (text: string) => number;
  /** A trial endpoint is configured: the examples question offers to run a trial. */
  trials?: boolean;
}
