import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

/** The PostgreSQL server the tests may use (tools/postgres/start-test-postgres.sh prints one). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

const HOW = 'start one with `export TEST_DATABASE_URL=$(tools/postgres/start-test-postgres.sh)` and run the tests again';

/** Why the PostgreSQL tests can't run here, or null when they can. CI sets REQUIRE_POSTGRES, so a missing server fails there. */
export const postgresSkipReason: string | null = TEST_DATABASE_URL ? null : `no TEST_DATABASE_URL: ${HOW}`;
if (postgresSkipReason && process.env.REQUIRE_POSTGRES) throw new Error(`REQUIRE_POSTGRES is set but there is ${postgresSkipReason}`);

let told = false;
/** Says once, in the test output, that the PostgreSQL half was skipped and how to run it: never a silent pass. */
export function tellPostgresSkipped(): void {
  if (!postgresSkipReason || told) return;
  told = true;
  process.stderr.write(`\n[PostgreSQL tests skipped] ${postgresSkipReason}\n`);
}

const schemas: string[] = [];
/** A schema no other test uses, dropped when the file's tests are done. */
export function freshSchemaName(): string {
  const name = `t_${randomBytes(6).toString('hex')}`;
  schemas.push(name);
  return name;
}

afterAll(async () => {
  if (!TEST_DATABASE_URL || !schemas.length) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const name of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  } finally {
    await client.end();
  }
});

const databases: string[] = [];
/** A database of the test's own on the test server, by URL (as a replica or the CLI connects), dropped after the file's tests. */
export async function freshDatabaseUrl(): Promise<string> {
  const name = `r_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databases.push(name);
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  if (!TEST_DATABASE_URL || !databases.length) return;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  for (const name of databases.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});
