import {
  buildWeeklyDigest,
  dueDigestWeek,
  type Card,
  type ConversationStore,
  type DigestClaim,
  type DigestSchedule,
  type DigestWeek,
  type Subscription,
  type SubscriptionStore,
  type VerdictRecord,
} from '../../src/index.js';
import type { Logger } from '../logging/create-logger.js';
import { classify, MAX_ATTEMPTS } from './summary-notifier.js';

export interface WeeklyDigestDeps {
  subscriptions: SubscriptionStore;
  store: Pick<ConversationStore, 'listVerdictsBetween'>;
  /** Posts into a channel's verdicts thread (the SummaryNotifier), starting the thread if needed. */
  poster: { postInThread(sub: Subscription, card: Card): Promise<void> };
  schedule: DigestSchedule;
  now: () => Date;
  logger: Logger;
}

/**
 * Sends each subscribed channel its weekly digest once the week's sending time has passed. Run
 * it at start and every minute: each run looks for the week due now, and a subscription's week
 * is claimed in the database before anything is posted, so a restart, a missed sending time (the
 * service was down: sent when it is back) or several replicas on one PostgreSQL post it once.
 */
export class WeeklyDigest {
  constructor(private readonly deps: WeeklyDigestDeps) {}

  async sendDue(): Promise<void> {
    const { subscriptions, now, schedule } = this.deps;
    const week = dueDigestWeek(now(), schedule);
    // A channel that subscribed after the sending time gets its first digest the week after.
    const due = (await subscriptions.listSubscriptions()).filter((s) => s.active && s.createdAt < week.to);
    let records: VerdictRecord[] | null = null;
    for (const sub of due) {
      const claim = await subscriptions.claimDigest(sub.id, week.key);
      if (!claim) continue;
      try {
        records ??= await this.deps.store.listVerdictsBetween(week.from, week.to);
      } catch (err) {
        await this.failed(claim, sub, err);
        continue;
      }
      await this.send(claim, sub, week, records);
    }
  }

  private async send(claim: DigestClaim, sub: Subscription, week: DigestWeek, records: VerdictRecord[]): Promise<void> {
    const { subscriptions, logger } = this.deps;
    // A quiet week is not worth a message in the managers' thread.
    if (!records.length) return subscriptions.markDigest(sub.id, claim.week, 'skipped');
    try {
      await this.deps.poster.postInThread(sub, buildWeeklyDigest(week, records));
    } catch (err) {
      return this.failed(claim, sub, err);
    }
    await subscriptions.markDigest(sub.id, claim.week, 'sent');
    logger.info({ subscription: sub.id, week: claim.week, verdicts: records.length }, 'sent the weekly digest');
  }

  /** Kept to try again next run while the failure is passing, for about a day, as summaries are. */
  private async failed(claim: DigestClaim, sub: Subscription, err: unknown): Promise<void> {
    const { subscriptions, logger } = this.deps;
    const kind = classify(err);
    const message = (err as Error).message ?? String(err);
    logger.error({ subscription: sub.id, week: claim.week, kind, err: { message } }, 'could not send the weekly digest');
    if (kind === 'removed') {
      await subscriptions.setActive(sub.id, false);
      return subscriptions.markDigest(sub.id, claim.week, 'failed', 'the bot was removed from the team');
    }
    // A database error is transient too (it has no HTTP status).
    const retry = kind === 'transient' && claim.attempts + 1 < MAX_ATTEMPTS;
    await subscriptions.markDigest(sub.id, claim.week, retry ? 'pending' : 'failed', kind === 'too-big' ? 'the digest was too big for Teams' : message);
  }
}
