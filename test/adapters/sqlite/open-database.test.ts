import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations, latestVersion, MIGRATIONS, schemaVersion } from '../../../adapters/sqlite/migrations.js';
import { explainOpenFailure, openDatabase } from '../../../adapters/sqlite/open-database.js';
import { SqliteConversationStore } from '../../../adapters/sqlite/sqlite-conversation-store.js';
import { freshDbPath, freshDir, open } from './helpers.js';

function recordedMigrations(path: string): { version: number; name: string; applied_at: string }[] {
  const db = open(path);
  const rows = db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as { version: number; name: string; applied_at: string }[];
  db.close();
  return rows;
}

describe('opening the database', () => {
  it('keeps event keys, delivery leases and waiting messages when it moves a file of schema 7 to 8', async () => {
    const path = join(freshDir(), 'advisor.db');
    const old = new Database(path);
    applyMigrations(old, MIGRATIONS.slice(0, 7));
    old.prepare("INSERT INTO processed_events (key, seen_at) VALUES ('slash:T1:trigger-1', '2026-11-27T10:00:00.000Z')").run();
    old.prepare("INSERT INTO outbox_leases (conversation_id, holder, until) VALUES ('slack-start:1', 'replica-a', '2099-01-01T00:00:00.000Z')").run();
    old
      .prepare(
        "INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at) VALUES ('slack-start:1', 'slack', 'U1', '{}', 'pending', 1, '2026-11-27T10:00:00.000Z', '2026-11-27T10:00:00.000Z')",
      )
      .run();
    old.close();
    const db = openDatabase(path);
    const store = new SqliteConversationStore(db);
    expect(schemaVersion(db)).toBe(8);
    expect(await store.markEventSeen('slash:T1:trigger-1')).toBe(false);
    expect(await store.outbox.claimOutboxConversation('slack-start:1', 'replica-b', '2099-01-01T00:01:00.000Z', '2026-11-27T10:01:00.000Z')).toBe(false);
    expect(await store.outbox.dueOutboxConversations('slack', '2026-11-27T10:01:00.000Z', 10)).toEqual(['slack-start:1']);
    db.close();
  });

  it('blames a SQLite module built for another Node, not DATABASE_PATH, when the native module will not load', () => {
    // The error Node gives for a .node file it cannot load (here a file that is not one).
    const junk = join(freshDir(), 'better_sqlite3.node');
    writeFileSync(junk, 'not a shared object');
    let dlopenError: unknown;
    try {
      process.dlopen({ exports: {} }, junk);
    } catch (err) {
      dlopenError = err;
    }
    const message = explainOpenFailure('./data/advisor.db', false, dlopenError);
    expect(message).toContain(`better-sqlite3's native module does not load under Node ${process.version}`);
    expect(message).toContain('npm rebuild better-sqlite3');
    expect(message).not.toContain('writable');
  });

  it('creates the folder and the file on first open, in WAL mode with foreign keys and a busy timeout', () => {
    const path = freshDbPath();
    const db = open(path);
    expect(existsSync(path)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('creates the tables of migration 1', () => {
    const db = open(freshDbPath());
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['conversations', 'verdicts', 'processed_events', 'slack_installations', 'schema_migrations']));
  });

  it('applies each migration once and records it', () => {
    const path = freshDbPath();
    open(path).close();
    const rows = recordedMigrations(path);
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(rows[0]?.name).toBe(MIGRATIONS[0]?.name);
    expect(rows[0]?.applied_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('applies nothing new when reopened', () => {
    const path = freshDbPath();
    open(path).close();
    const before = recordedMigrations(path);
    const db = open(path);
    expect(applyMigrations(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(latestVersion());
    db.close();
    expect(recordedMigrations(path)).toEqual(before);
  });

  it('refuses a database written by a newer release, saying so', () => {
    const path = freshDbPath();
    const db = open(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(99, 'from the future', '2027-01-01T00:00:00.000Z');
    db.close();
    expect(() => openDatabase(path)).toThrow(`DATABASE_PATH=${path}: the database has schema version 99, but this finetune-advisor knows only up to ${latestVersion()}`);
    expect(() => openDatabase(path)).toThrow(/newer release/);
  });

  it('refuses migrations whose versions are not 1, 2, 3… in order', () => {
    const db = open(':memory:');
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 2, name: 'skips one', up: 'SELECT 1' }];
    expect(() => applyMigrations(db, broken)).toThrow(/versions must run 1, 2, 3/);
  });

  it('rolls back a migration that fails and names it', () => {
    const db = open(':memory:');
    const failing = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'bad sql', up: 'CREATE TABLE extra (x); SELECT * FROM missing_table' }];
    expect(() => applyMigrations(db, failing)).toThrow(`migration ${MIGRATIONS.length + 1} (bad sql) failed`);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined();
  });

  it('works in memory', () => {
    const db = open(':memory:');
    expect(schemaVersion(db)).toBe(latestVersion());
  });

  it('names the path and says what to do when the folder cannot be created', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const path = join(dir, 'not-a-folder', 'sub', 'advisor.db');
    expect(() => openDatabase(path)).toThrow(`DATABASE_PATH=${path}: cannot create ${join(dir, 'not-a-folder', 'sub')} (ENOTDIR); point DATABASE_PATH at a writable folder`);
  });

  it('names the path when the file is not a database', () => {
    const path = join(freshDir(), 'advisor.db');
    writeFileSync(path, 'this is not a database, just some text that is long enough to fill a header page'.repeat(20));
    expect(() => openDatabase(path)).toThrow(`DATABASE_PATH=${path}: is not a usable SQLite database`);
  });

  it('opens an existing, migrated file read-only and refuses a missing one', () => {
    const path = freshDbPath();
    open(path).close();
    const db = open(path, { readonly: true });
    expect(db.readonly).toBe(true);
    expect(schemaVersion(db)).toBe(latestVersion());
    const missing = join(freshDir(), 'none.db');
    expect(() => openDatabase(missing, { readonly: true })).toThrow(`DATABASE_PATH=${missing}: cannot open ${missing} read-only`);
  });
});
