import type { DigestClaim, DigestStatus } from '../../src/index.js';

/** Weekly digests as every store keeps them: one row per subscription and week. */

/** The weekly digests' table (SQLite migration 7, PostgreSQL migration 3), and verdicts indexed by time for a week's list. */
export const WEEKLY_DIGESTS = `
      CREATE TABLE weekly_digests (
        subscription_id TEXT NOT NULL,
        week TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'skipped', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        lease_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (subscription_id, week)
      );
      CREATE INDEX verdicts_by_time ON verdicts (created_at);
    `;

export const digestStatuses = ['pending', 'sent', 'skipped', 'failed'] as const satisfies readonly DigestStatus[];

/** Refuses a status the table would not take, naming it. */
export function checkDigestStatus(status: DigestStatus): void {
  if (!(digestStatuses as readonly string[]).includes(status)) throw new Error(`unknown digest status "${String(status)}"`);
}

export const claimOf = (subscriptionId: string, week: string, attempts: number | string): DigestClaim => ({ subscriptionId, week, attempts: Number(attempts) });

export const neverClaimed = (subscriptionId: string, week: string, status: DigestStatus) =>
  new Error(`the digest of week ${week} was never claimed for subscription ${subscriptionId}: cannot mark it ${status}`);
