import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { applyMigrations, checkSchema, SchemaVersionError } from './migrations.js';

export type { Database } from 'better-sqlite3';

export interface OpenDatabaseOptions {
  /** Open an existing, already migrated file without writing to it (no folder made, no migrations). */
  readonly?: boolean;
}

/** The setting the message tells people to change. */
const SETTING = 'DATABASE_PATH';

function isMemory(path: string): boolean {
  return path === ':memory:' || path === '' || path.startsWith('file::memory:');
}

function codeOf(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' ? e.code : String(e.message ?? err);
}

function fail(path: string, what: string, fix: string, cause: unknown): never {
  throw new Error(`${SETTING}=${path}: ${what}; ${fix}`, { cause });
}

function makeFolder(path: string): void {
  const folder = dirname(resolve(path));
  try {
    mkdirSync(folder, { recursive: true });
  } catch (err) {
    fail(path, `cannot create ${folder} (${codeOf(err)})`, `point ${SETTING} at a writable folder`, err);
  }
}

/**
 * What went wrong opening the file, and what to do. A native module that won't load (built for
 * another Node, after switching versions) is not the path's fault: it says so, and how to rebuild.
 */
export function explainOpenFailure(path: string, readonly: boolean, err: unknown): string {
  const code = codeOf(err);
  if (code === 'ERR_DLOPEN_FAILED')
    return `better-sqlite3's native module does not load under Node ${process.version} (${code}: built for another Node version, or not built); run \`npm rebuild better-sqlite3\` with this Node, then start again`;
  const what = readonly ? `cannot open ${path} read-only (${code})` : `cannot open or create ${path} (${code})`;
  const fix = readonly ? `check that the file exists and is readable` : `point ${SETTING} at a writable file in a writable folder`;
  return `${SETTING}=${path}: ${what}; ${fix}`;
}

function connect(path: string, readonly: boolean): Database {
  try {
    return new BetterSqlite3(path, { readonly, fileMustExist: readonly, timeout: 5000 });
  } catch (err) {
    throw new Error(explainOpenFailure(path, readonly, err), { cause: err });
  }
}

function prepare(db: Database, path: string, readonly: boolean): void {
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (readonly) {
      checkSchema(db);
      return;
    }
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses nothing
    // committed (the log is in the OS's hands); only a power cut may lose the last moments. FULL made
    // every turn and every outbox step wait for the disk.
    db.pragma('synchronous = NORMAL');
    applyMigrations(db);
  } catch (err) {
    if (err instanceof SchemaVersionError) throw new SchemaVersionError(`${SETTING}=${path}: ${err.message}`, err.found, err.known);
    const code = codeOf(err);
    const notDb = code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
    fail(
      path,
      notDb ? `is not a usable SQLite database (${code})` : `cannot prepare the database (${(err as Error).message})`,
      notDb ? `point ${SETTING} at another file, or move this one away` : `check that the file and its folder are writable`,
      err,
    );
  }
}

/**
 * Opens (creating the folder and file if missing) the advisor's SQLite database in WAL mode,
 * with foreign keys on and a 5 s busy timeout, migrated to the latest schema. `:memory:` works.
 * Throws an Error naming the path and what to do when it can't; the caller owns `close()`.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const readonly = options.readonly ?? false;
  const memory = isMemory(path);
  if (!memory && !readonly) makeFolder(path);
  const db = connect(path, readonly);
  try {
    prepare(db, path, readonly);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
