import { existsSync } from 'node:fs';
import { openDatabase } from '../sqlite/open-database.js';
import { renderTable } from './render-terminal-card.js';

export interface OutboxReport {
  database: string;
  /** Verdict cards not yet up in Slack (a failed post or a crash), posted late by the service. */
  verdicts: { id: string; platform: string; createdAt: string }[];
  /** Managers' summaries still to send, or given up on, with why. */
  summaries: { verdictId: string; subscriptionId: string; status: string; attempts: number; lastError: string | null; createdAt: string }[];
}

/** What the service still has to deliver, read (read-only) from its SQLite file. */
export function readOutbox(path: string): OutboxReport {
  if (!existsSync(path)) throw new Error(`no database at ${path}: set DATABASE_PATH or pass --database to the service's file`);
  const db = openDatabase(path, { readonly: true });
  try {
    const verdicts = db.prepare('SELECT id, platform, created_at AS createdAt FROM verdicts WHERE posted_at IS NULL ORDER BY created_at').all() as OutboxReport['verdicts'];
    const summaries = db
      .prepare(
        `SELECT verdict_id AS verdictId, subscription_id AS subscriptionId, status, attempts, last_error AS lastError, created_at AS createdAt
         FROM summary_deliveries WHERE status != 'sent' ORDER BY created_at, rowid`,
      )
      .all() as OutboxReport['summaries'];
    return { database: path, verdicts, summaries };
  } finally {
    db.close();
  }
}

export function renderOutbox(report: OutboxReport): string {
  const lines = [`What finetune-advisor still has to deliver (${report.database}):`, ''];
  if (!report.verdicts.length && !report.summaries.length) return `${lines[0]} nothing: every verdict card is up and every summary sent.\n`;
  if (report.verdicts.length) {
    lines.push(`Verdict cards not yet posted (${report.verdicts.length}); the service posts them at start and every minute, once:`);
    lines.push(
      ...renderTable(
        ['Verdict', 'Platform', 'Reached'],
        report.verdicts.map((v) => [v.id, v.platform, v.createdAt]),
        160,
      ),
      '',
    );
  }
  if (report.summaries.length) {
    lines.push(`Managers' summaries not sent (${report.summaries.length}); pending ones are tried at start and every minute:`);
    lines.push(
      ...renderTable(
        ['Verdict', 'Subscription', 'Status', 'Tries', 'Last error'],
        report.summaries.map((s) => [s.verdictId, s.subscriptionId, s.status, String(s.attempts), s.lastError ?? '—']),
        200,
      ),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
