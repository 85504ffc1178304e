import type { Database } from 'better-sqlite3';
import { WEEKLY_DIGESTS } from '../store/digest-rows.js';

/** One step of the schema. Append new ones at the end with the next version; never edit a shipped one. */
export interface Migration {
  version: number;
  name: string;
  /** SQL run once, inside a transaction (no BEGIN/COMMIT of its own). */
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations, verdicts, processed events, slack installations',
    up: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        status TEXT NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX conversations_by_owner ON conversations (platform, owner_id);

      CREATE TABLE verdicts (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        owner_label TEXT NOT NULL,
        task TEXT,
        data TEXT NOT NULL,
        link TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX verdicts_by_owner ON verdicts (platform, owner_id, created_at);

      CREATE TABLE processed_events (
        key TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX processed_events_by_time ON processed_events (seen_at);

      CREATE TABLE slack_installations (
        id TEXT PRIMARY KEY,
        enterprise_id TEXT,
        team_id TEXT,
        is_enterprise_install INTEGER NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'verdict owner names and Teams channel subscriptions',
    up: `
      ALTER TABLE verdicts ADD COLUMN owner_name TEXT;
      CREATE TABLE teams_addresses (
        conversation_id TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE teams_subscriptions (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL UNIQUE REFERENCES teams_addresses (conversation_id),
        thread_root_id TEXT,
        subscribed_by TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      );
      CREATE TABLE summary_deliveries (
        verdict_id TEXT NOT NULL,
        subscription_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (verdict_id, subscription_id)
      );
      CREATE INDEX summary_deliveries_status ON summary_deliveries (status, created_at);
      CREATE INDEX summary_deliveries_by_subscription ON summary_deliveries (subscription_id, status);
    `,
  },
  {
    version: 3,
    name: 'verdict posts recorded, so a verdict whose post failed or was cut short is posted later',
    up: `
      ALTER TABLE verdicts ADD COLUMN posted_at TEXT;
      ALTER TABLE verdicts ADD COLUMN post_ref TEXT;
      -- Verdicts from before this release were posted (or reported as not) at the time.
      UPDATE verdicts SET posted_at = created_at;
      CREATE INDEX verdicts_unposted ON verdicts (platform, posted_at, created_at);
    `,
  },
  {
    version: 4,
    name: 'an outbox: every message a turn leaves is saved with it and delivered by one worker',
    up: `
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        item TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before TEXT NOT NULL,
        last_error TEXT,
        post_ref TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT
      );
      CREATE INDEX outbox_due ON outbox (status, platform, not_before);
      CREATE INDEX outbox_by_conversation ON outbox (conversation_id, status, id);
      -- Verdict cards a failed post left behind are the outbox's first messages; counted as tried
      -- once, since a crash may have cut one short after Slack took it (so it is looked for first).
      INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at)
        SELECT conversation_id, platform, owner_id, json_object('kind', 'post-verdict', 'verdictId', id), 'pending', 1, created_at, created_at
        FROM verdicts WHERE posted_at IS NULL ORDER BY created_at, rowid;
    `,
  },
  {
    version: 5,
    name: 'delivery leases: one deliverer per conversation and per summary, whichever process holds the file',
    up: `
      CREATE TABLE outbox_leases (
        conversation_id TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        until TEXT NOT NULL
      );
      ALTER TABLE summary_deliveries ADD COLUMN lease_until TEXT;
    `,
  },
  {
    version: 6,
    name: 'prompt trials (one running per interview) and the examples files shared for them, kept until the retention period ends',
    up: `
      CREATE TABLE trials (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'cancelling', 'finished')),
        summary TEXT,
        export_yaml TEXT,
        download_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX trials_one_running ON trials (conversation_id) WHERE status IN ('running', 'cancelling');
      CREATE INDEX trials_by_age ON trials (created_at);
      CREATE TABLE trial_files (
        conversation_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        content TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: "weekly digests: one row per subscription and week, so each week's digest is sent once whichever process sends it",
    up: WEEKLY_DIGESTS,
  },
  {
    version: 8,
    name: 'fewer pages written a command: event keys and delivery leases kept by their key alone (WITHOUT ROWID), the outbox indexed only where messages wait',
    // Each of these tables was a row table beside an index on its key, so every insert wrote both;
    // the outbox's two indexes held every message ever sent. A third fewer pages reach the WAL.
    up: `
      CREATE TABLE processed_events_by_key (key TEXT PRIMARY KEY, seen_at TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO processed_events_by_key (key, seen_at) SELECT key, seen_at FROM processed_events;
      DROP TABLE processed_events;
      ALTER TABLE processed_events_by_key RENAME TO processed_events;
      CREATE INDEX processed_events_by_time ON processed_events (seen_at);

      CREATE TABLE outbox_leases_by_key (conversation_id TEXT PRIMARY KEY, holder TEXT NOT NULL, until TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO outbox_leases_by_key (conversation_id, holder, until) SELECT conversation_id, holder, until FROM outbox_leases;
      DROP TABLE outbox_leases;
      ALTER TABLE outbox_leases_by_key RENAME TO outbox_leases;

      DROP INDEX outbox_due;
      CREATE INDEX outbox_due ON outbox (platform, not_before) WHERE status = 'pending';
      DROP INDEX outbox_by_conversation;
      CREATE INDEX outbox_by_conversation ON outbox (conversation_id, id) WHERE status = 'pending';
    `,
  },
];

/** Thrown when the file was written by a newer release, or a read-only file still needs migrations. */
export class SchemaVersionError extends Error {
  constructor(
    message: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(message);
    this.name = 'SchemaVersionError';
  }
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration "${m.name}" has version ${m.version}; versions must run 1, 2, 3… in order`);
  });
}

function hasMigrationsTable(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
}

/** The highest migration recorded in the file, 0 for a new one. */
export function schemaVersion(db: Database): number {
  if (!hasMigrationsTable(db)) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

function refuseNewer(found: number, known: number): void {
  if (found > known) {
    throw new SchemaVersionError(
      `the database has schema version ${found}, but this finetune-advisor knows only up to ${known}: it was written by a newer release. Run that release (or newer), or use another database file`,
      found,
      known,
    );
  }
}

/**
 * Brings the file up to the latest schema, one transaction per migration, and records each
 * in schema_migrations. Safe to call on every open and from two processes at once: each
 * step re-reads the recorded version under the write lock. Returns the versions applied now.
 */
export function applyMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS, now: () => Date = () => new Date()): number[] {
  checkOrder(migrations);
  const known = latestVersion(migrations);
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  refuseNewer(schemaVersion(db), known);
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    const step = db.transaction(() => {
      const current = schemaVersion(db);
      refuseNewer(current, known);
      if (current >= m.version) return;
      db.exec(m.up);
      record.run(m.version, m.name, now().toISOString());
      applied.push(m.version);
    });
    try {
      step.immediate();
    } catch (err) {
      if (err instanceof SchemaVersionError) throw err;
      throw new Error(`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { cause: err });
    }
  }
  return applied;
}

/** For a read-only open: refuses a file that is newer than the code, or that still needs migrations. */
export function checkSchema(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const found = schemaVersion(db);
  const known = latestVersion(migrations);
  refuseNewer(found, known);
  if (found < known) {
    throw new SchemaVersionError(`the database has schema version ${found} and needs migrations up to ${known}: open it once read-write to migrate it`, found, known);
  }
}
