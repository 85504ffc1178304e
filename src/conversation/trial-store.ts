import type { TrialSummary } from '../trial/summarize-trial.js';
import type { Platform } from './conversation.js';

export type TrialStatus = 'running' | 'cancelling' | 'finished';

/**
 * A prompt trial as kept: while it runs (so Cancel reaches the replica running it), then its
 * results and its Promptfoo export (which holds the team's examples) until the retention
 * period ends.
 */
export interface TrialRecord {
  id: string;
  conversationId: string;
  platform: Platform;
  ownerId: string;
  status: TrialStatus;
  summary: TrialSummary | null;
  /** The Promptfoo configuration, with the examples in it; null once purged or if the trial ran nothing. */
  exportYaml: string | null;
  /** The secret in the export's download link (Teams). */
  downloadKey: string;
  createdAt: string;
  updatedAt: string;
}

export type NewTrial = Pick<TrialRecord, 'id' | 'conversationId' | 'platform' | 'ownerId' | 'downloadKey' | 'createdAt'>;

/** The port the stores implement (`store.trials`). */
export interface TrialStore {
  /**
   * Records a trial as running; 'busy' when the conversation has one running already (one
   * whose runner was heard from after `staleBefore`; an older one was lost with its process).
   */
  startTrial(trial: NewTrial, staleBefore: string): Promise<'started' | 'busy'>;
  getTrial(id: string): Promise<TrialRecord | undefined>;
  /** The runner's sign of life; answers the status, so it sees a Cancel made on another replica. */
  heartbeatTrial(id: string, at: string): Promise<TrialStatus | undefined>;
  /** Asks the runner to stop; false when the trial is not running. */
  requestTrialCancel(id: string): Promise<boolean>;
  finishTrial(id: string, summary: TrialSummary, exportYaml: string | null, at: string): Promise<void>;
  /** Keeps the examples file a person shared for an interview's next trial (where the platform can't be read back: Teams); the newest wins. */
  keepTrialFile(conversationId: string, file: { name: string; content: string }, at: string): Promise<void>;
  trialFile(conversationId: string): Promise<{ name: string; content: string } | undefined>;
  /** Deletes trials (results, samples and export), shared files and delivered messages from before `cutoff`; returns how many trials. */
  purgeTrials(cutoff: string): Promise<number>;
}
