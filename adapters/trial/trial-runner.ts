import { randomBytes, randomUUID } from 'node:crypto';
import { buildTrialProgressCard, encodeAction, type Card, type Conversation, type ConversationStore, type PriceCatalogue, type TrialSpec, type TrialSummary } from '../../src/index.js';
import type { TrialConfig } from '../config/load-trial-config.js';
import { trialEndpoint } from './trial-endpoint.js';
import type { Logger } from '../logging/create-logger.js';
import { checkJsonSchema } from './check-json-schema.js';
import { estimateRun, runTrial, type TrialEndpoint, type TrialProgress, type TrialRunDeps } from './run-trial.js';
import { promptfooExportOf } from './trial-export.js';

/** How a door shows a trial: the progress message, the export, and the figures into the interview. */
export interface TrialScreen {
  /** Posts the progress card the first time, then replaces it. */
  show(card: Card): Promise<void>;
  /** Offers the Promptfoo configuration (a file in the thread, or a download link). */
  offerExport(yaml: string, fileName: string, trial: { id: string; downloadKey: string }): Promise<void>;
  /** The trial's figures, as a turn of the interview. */
  finish(summary: TrialSummary): Promise<void>;
}

export interface TrialRunnerDeps {
  store: ConversationStore;
  config: TrialConfig;
  catalogue: PriceCatalogue;
  countTokens: (text: string) => number;
  now: () => Date;
  logger: Logger;
  background: (what: string, work: () => Promise<void>) => void;
  /** The endpoint; from the settings by default. */
  endpoint?: TrialEndpoint;
  /** How often the progress message is replaced at most, and the database asked about a Cancel. */
  progressEveryMs?: number;
}

/** A runner not heard from in this long was lost with its process: its interview may start another trial. */
const STALE_MS = 10 * 60_000;

/**
 * Runs trials for the chat doors: one at a time per interview (the database says so, whichever
 * replica), in the background, with its progress message kept up to date, Cancel honoured from
 * any replica (through the database), the export offered and the figures fed to the interview.
 */
export class TrialRunner {
  private readonly endpoint: TrialEndpoint;
  private purgeTimer: NodeJS.Timeout | null = null;
  /** The trials this replica runs: stopped (their results so far posted) when the service stops. */
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: TrialRunnerDeps) {
    this.endpoint = deps.endpoint ?? trialEndpoint(deps.config);
  }

  /** The settings a run takes, the same for its estimate and for the run itself. */
  private runDeps(): TrialRunDeps {
    const { config } = this.deps;
    return {
      endpoint: this.endpoint,
      limits: config.limits,
      catalogue: this.deps.catalogue,
      checkSchema: checkJsonSchema,
      countTokens: this.deps.countTokens,
      ...(config.judgeModel ? { judgeModel: config.judgeModel } : {}),
      now: this.deps.now,
    };
  }

  /** Starts a trial on an interview; words instead when one is running there already. */
  async begin(conv: Conversation, spec: TrialSpec, screen: TrialScreen): Promise<{ ok: true; trialId: string } | { ok: false; words: string }> {
    const now = this.deps.now();
    const trial = { id: `trial-${randomUUID()}`, downloadKey: randomBytes(18).toString('base64url') };
    const started = await this.deps.store.trials.startTrial(
      { ...trial, conversationId: conv.id, platform: conv.platform, ownerId: conv.ownerId, createdAt: now.toISOString() },
      new Date(now.getTime() - STALE_MS).toISOString(),
    );
    if (started === 'busy') return { ok: false, words: 'A trial is already running in this interview: wait for its results, or cancel it first.' };
    this.deps.background('running a trial', () => this.run(conv, spec, trial, screen));
    return { ok: true, trialId: trial.id };
  }

  /** Asks the trial to stop (the replica running it sees it within a second or two); words for the person. */
  async cancel(trialId: string, userId: string): Promise<string> {
    const trial = await this.deps.store.trials.getTrial(trialId);
    if (!trial) return 'That trial is no longer stored.';
    if (trial.ownerId !== userId) return 'Only the person who started the trial can cancel it.';
    // A runner not heard from for long died with its service: nothing will post "the results so far".
    const silentFor = this.deps.now().getTime() - Date.parse(trial.updatedAt);
    if (trial.status !== 'finished' && silentFor > STALE_MS) return 'That trial stopped when its service restarted, and nothing more will come of it: run it again.';
    return (await this.deps.store.trials.requestTrialCancel(trialId)) ? 'Cancelling the trial: the results so far follow.' : 'That trial has already finished.';
  }

  /** Deletes trials past the retention period now, then every hour. */
  startPurging(): void {
    const purge = async () => {
      const cutoff = new Date(this.deps.now().getTime() - this.deps.config.retentionDays * 86_400_000).toISOString();
      const deleted = await this.deps.store.trials.purgeTrials(cutoff).catch((err: unknown) => {
        this.deps.logger.warn({ err: { message: (err as Error).message } }, 'could not delete old trials');
        return 0;
      });
      if (deleted) this.deps.logger.info({ deleted }, 'deleted trials past the retention period');
    };
    void purge();
    this.purgeTimer = setInterval(() => void purge(), 3_600_000).unref();
  }

  /** Stops purging, and the trials running here: each posts what it measured so far, while the service drains. */
  stop(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    for (const controller of this.running.values()) controller.abort('stopped because the service was restarting: run the trial again');
  }

  private async run(conv: Conversation, spec: TrialSpec, trial: { id: string; downloadKey: string }, screen: TrialScreen): Promise<void> {
    const { store, config, logger } = this.deps;
    const every = this.deps.progressEveryMs ?? 1_500;
    const controller = new AbortController();
    this.running.set(trial.id, controller);
    const runDeps = this.runDeps();
    const estimate = estimateRun(spec, runDeps);
    const estimateUsd = estimate.usd;
    const cancel = { action: 'cancel-trial', label: 'Cancel the trial', value: encodeAction({ c: conv.id, v: conv.version, d: trial.id }), style: 'danger' as const };
    let progress: TrialProgress = { done: 0, total: spec.examples.length * spec.prompts.length * spec.models.length, right: 0, spentUsd: 0 };
    const card = (ended?: string) => buildTrialProgressCard({ ...progress, capUsd: config.limits.capUsd, estimateUsd }, cancel, ended);
    // One update at a time, and only the newest waiting: a slow or rate-limited platform never
    // builds a queue of stale cards. A failed update is logged, never the end of the trial.
    let latest: Card | null = null;
    let sending: Promise<void> | null = null;
    const pump = async () => {
      for (let c = latest; c; c = latest) {
        latest = null;
        await screen.show(c).catch((err: unknown) => logger.warn({ trial: trial.id, err: { message: (err as Error).message } }, 'could not show trial progress'));
      }
      sending = null;
    };
    const show = (c: Card) => {
      latest = c;
      sending ??= pump();
      return sending;
    };
    await show(card());
    let lastShown = Date.now();
    // The heartbeat carries a Cancel made on any replica.
    const heartbeat = setInterval(
      () => {
        void store.trials
          .heartbeatTrial(trial.id, this.deps.now().toISOString())
          .then((status) => {
            if (status === 'cancelling') controller.abort();
          })
          .catch(() => undefined);
        if (Date.now() - lastShown >= every) {
          lastShown = Date.now();
          void show(card());
        }
      },
      Math.min(every, 2_000),
    );
    let summary: TrialSummary;
    try {
      summary = await runTrial(spec, runDeps, { id: trial.id, signal: controller.signal, estimate, onProgress: (p) => (progress = p) });
    } catch (err) {
      // Never the examples or answers in the log: the error's name and message only.
      logger.error({ trial: trial.id, err: { message: (err as Error).message } }, 'trial failed');
      summary = {
        id: trial.id,
        at: this.deps.now().toISOString(),
        grader: spec.grader.kind,
        examples: spec.examples.length,
        models: spec.models,
        prompts: spec.prompts.map((p) => p.label),
        cells: [],
        stopped: { reason: 'endpoint', words: 'the trial failed on our side' },
        spentUsd: progress.spentUsd,
      };
    } finally {
      clearInterval(heartbeat);
      this.running.delete(trial.id);
    }
    await show(card(summary.stopped ? `Trial stopped: ${summary.stopped.words}` : 'Trial finished'));
    const graded = summary.cells.some((c) => c.graded > 0);
    const exported = graded ? promptfooExportOf(spec, config) : null;
    await store.trials.finishTrial(trial.id, summary, exported?.yaml ?? null, this.deps.now().toISOString());
    logger.info({ trial: trial.id, conversationId: conv.id, stopped: summary.stopped?.reason ?? null, spentUsd: summary.spentUsd }, 'trial finished');
    // The results (and the next question) first; the file to keep testing with after them.
    await screen.finish(summary);
    if (exported)
      await screen
        .offerExport(exported.yaml, exported.fileName, trial)
        .catch((err: unknown) => logger.warn({ trial: trial.id, err: { message: (err as Error).message } }, 'could not offer the Promptfoo export'));
  }
}
