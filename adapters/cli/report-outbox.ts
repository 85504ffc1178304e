import { existsSync } from 'node:fs';
import { describeOutboxItem, outboxItemSchema } from '../../src/index.js';
import { openDatabase } from '../sqlite/open-database.js';
import { renderTable } from './render-terminal-card.js';

/** Messages given up on that the report still shows: the latest few, enough to see a pattern. */
const GIVEN_UP_SHOWN = 20;

export interface OutboxReport {
  database: string;
  /** Verdict cards not yet up (a failed post or a crash), posted late by the service. */
  verdicts: { id: string; platform: string; createdAt: string; attempts: number; lastError: string | null }[];
  /** Other messages of interviews still to deliver (waiting) or given up on, with why. */
  messages: { id: number; conversationId: string; platform: string; what: string; status: 'waiting' | 'given up'; attempts: number; lastError: string | null; createdAt: string }[];
  /** Managers' summaries still to send, or given up on, with why. */
  summaries: { verdictId: string; subscriptionId: string; status: string; attempts: number; lastError: string | null; createdAt: string }[];
}

interface Row {
  id: number;
  conversation_id: string;
  platform: string;
  item: string;
  status: 'pending' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
}

function describe(text: string): { what: string; verdictId?: string } {
  try {
    const item = outboxItemSchema.parse(JSON.parse(text));
    return { what: describeOutboxItem(item), ...(item.kind === 'post-verdict' ? { verdictId: item.verdictId } : {}) };
  } catch {
    return { what: 'a damaged row' };
  }
}

/** A query on the service's database, SQL with `?` placeholders. */
type Query = <T>(sql: string, ...params: unknown[]) => Promise<T[]>;

/** Where the service keeps its data: its SQLite file, or the PostgreSQL database replicas share. */
export type OutboxSource = { path: string } | { url: string };

/** What the service still has to deliver, read (without writing) from its database. */
export async function readOutbox(source: OutboxSource): Promise<OutboxReport> {
  if ('url' in source) {
    const [{ default: pg }, { numberedParams }, { describeDatabaseUrl }] = await Promise.all([import('pg'), import('../postgres/numbered-params.js'), import('../postgres/open-postgres.js')]);
    const client = new pg.Client({ connectionString: source.url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      return await reportFrom(describeDatabaseUrl(source.url), async (sql, ...params) => (await client.query(numberedParams(sql), params)).rows);
    } catch (err) {
      throw new Error(`could not read the outbox at ${describeDatabaseUrl(source.url)}: ${(err as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const { path } = source;
  if (!existsSync(path)) throw new Error(`no database at ${path}: set DATABASE_PATH or pass --database to the service's file (or set DATABASE_URL for PostgreSQL)`);
  const db = openDatabase(path, { readonly: true });
  try {
    return await reportFrom(path, async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[]);
  } finally {
    db.close();
  }
}

async function reportFrom(database: string, query: Query): Promise<OutboxReport> {
  const rows = [
    ...(await query<Row>(`SELECT * FROM outbox WHERE status = 'pending' ORDER BY id`)),
    ...(await query<Row>(`SELECT * FROM outbox WHERE status = 'failed' ORDER BY id DESC LIMIT ?`, GIVEN_UP_SHOWN)).reverse(),
  ];
  const report: OutboxReport = { database, verdicts: [], messages: [], summaries: [] };
  for (const row of rows) {
    const { what, verdictId } = describe(row.item);
    if (verdictId && row.status === 'pending') report.verdicts.push({ id: verdictId, platform: row.platform, createdAt: row.created_at, attempts: row.attempts, lastError: row.last_error });
    else
      report.messages.push({
        id: row.id,
        conversationId: row.conversation_id,
        platform: row.platform,
        what,
        status: row.status === 'pending' ? 'waiting' : 'given up',
        attempts: row.attempts,
        lastError: row.last_error,
        createdAt: row.created_at,
      });
  }
  // Quoted aliases: PostgreSQL folds unquoted ones to lower case.
  report.summaries = await query<OutboxReport['summaries'][number]>(
    `SELECT verdict_id AS "verdictId", subscription_id AS "subscriptionId", status, attempts, last_error AS "lastError", created_at AS "createdAt"
       FROM summary_deliveries WHERE status != 'sent' ORDER BY created_at, verdict_id, subscription_id`,
  );
  return report;
}

export function renderOutbox(report: OutboxReport): string {
  const lines = [`What finetune-advisor still has to deliver (${report.database}):`, ''];
  if (!report.verdicts.length && !report.messages.length && !report.summaries.length) return `${lines[0]} nothing: every verdict card is up, every message and summary sent.\n`;
  if (report.verdicts.length) {
    lines.push(`Verdict cards not yet posted (${report.verdicts.length}); the service posts them as soon as the platform takes them, once:`);
    lines.push(
      ...renderTable(
        ['Verdict', 'Platform', 'Reached', 'Tries', 'Last error'],
        report.verdicts.map((v) => [v.id, v.platform, v.createdAt, String(v.attempts), v.lastError ?? '—']),
        200,
      ),
      '',
    );
  }
  const waiting = report.messages.filter((m) => m.status === 'waiting');
  const givenUp = report.messages.filter((m) => m.status === 'given up');
  for (const [list, heading] of [
    [waiting, `Messages waiting (${waiting.length}); each conversation's go out in order, retried with a growing wait:`],
    [givenUp, `Messages given up on (the latest ${givenUp.length}), with why:`],
  ] as const) {
    if (!list.length) continue;
    lines.push(heading);
    lines.push(
      ...renderTable(
        ['Message', 'Conversation', 'Platform', 'Tries', 'Last error'],
        list.map((m) => [m.what, m.conversationId, m.platform, String(m.attempts), m.lastError ?? '—']),
        220,
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
