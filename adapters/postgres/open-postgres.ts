import pg from 'pg';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from './postgres-migrations.js';
import { PreparingClient } from './preparing-client.js';

/** A pool on the service's PostgreSQL database, its schema brought up to date. */
export interface PostgresDatabase {
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface OpenPostgresOptions {
  /** A schema of its own (tests give each run one); the server's default (public) otherwise. */
  schema?: string;
  /** Connections in the pool; 20 by default (a turn holds one while it locks its interview). */
  max?: number;
  migrations?: readonly PostgresMigration[];
}

/** Any key: the advisory lock every replica takes to migrate, so two starting at once migrate once. */
const MIGRATION_LOCK = 4_242_017;

// BIGINT (ids, counts) as numbers, not strings: ours stay far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** Where the URL points, without its password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'the DATABASE_URL (not a valid URL)';
  }
}

/**
 * Connects to `url` (postgres://…), creates the schema if asked, and applies the migrations not
 * yet applied, each in a transaction under an advisory lock: safe when several replicas start at once.
 */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<PostgresDatabase> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`schema "${schema}" is not a plain lower-case name`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 20,
    Client: PreparingClient,
    types,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection the server dropped is an error of the pool, not of a request: logged by the caller's query, never fatal.
  pool.on('error', () => undefined);
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migrate(pool, options.migrations ?? POSTGRES_MIGRATIONS);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`could not open the PostgreSQL database at ${describeDatabaseUrl(url)}: ${(err as Error).message}`, { cause: err });
  }
  return { pool, close: () => pool.end() };
}

async function migrate(pool: pg.Pool, migrations: readonly PostgresMigration[]): Promise<void> {
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
    const current = rows[0]?.version ?? 0;
    if (current > known) throw new Error(`the database has schema version ${current}, newer than this release knows (${known}): run the newer release`);
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query(m.up);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Runs `work` in one transaction on one connection; rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
