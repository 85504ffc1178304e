import type { InstallationStore } from '@slack/bolt';
import { afterEach } from 'vitest';
import { numberedParams } from '../../../adapters/postgres/numbered-params.js';
import { openPostgres, type PostgresDatabase } from '../../../adapters/postgres/open-postgres.js';
import { PostgresConversationStore } from '../../../adapters/postgres/postgres-conversation-store.js';
import { PostgresInstallationStore } from '../../../adapters/postgres/postgres-installation-store.js';
import { PostgresSubscriptionStore } from '../../../adapters/postgres/postgres-subscription-store.js';
import { SqliteConversationStore } from '../../../adapters/sqlite/sqlite-conversation-store.js';
import { SqliteInstallationStore } from '../../../adapters/sqlite/sqlite-installation-store.js';
import { SqliteSubscriptionStore } from '../../../adapters/sqlite/sqlite-subscription-store.js';
import type { ConversationStore, SubscriptionStore } from '../../../src/index.js';
import { freshSchemaName, postgresSkipReason, TEST_DATABASE_URL } from '../../helpers/postgres.js';
import { freshDbPath, open } from '../sqlite/helpers.js';

export interface StoreOptions {
  now?: () => Date;
  eventTtlHours?: number;
  newId?: () => string;
}

/** One empty database of a kind, with every store on it, and raw SQL for what a test plants or checks. */
export interface TestDatabase {
  conversations(options?: StoreOptions): ConversationStore & { purgeExpiredEvents(): number | Promise<number> };
  subscriptions(options?: StoreOptions): SubscriptionStore;
  installations(options?: StoreOptions): InstallationStore & Required<Pick<InstallationStore, 'deleteInstallation'>>;
  /** The same database, opened again (a restart). */
  reopen(): Promise<TestDatabase>;
  /** SQL written with ? placeholders, on this database. */
  run(sql: string, ...params: unknown[]): Promise<void>;
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>;
}

export interface StoreBackend {
  name: string;
  /** Why it can't run here (no server), or null. */
  skip: string | null;
  open(): Promise<TestDatabase>;
}

function sqliteAt(path: string): TestDatabase {
  const db = open(path);
  return {
    conversations: (o = {}) => new SqliteConversationStore(db, o),
    subscriptions: (o = {}) => new SqliteSubscriptionStore(db, o),
    installations: (o = {}) => new SqliteInstallationStore(db, o),
    reopen: async () => {
      db.close();
      return sqliteAt(path);
    },
    run: async (sql, ...params) => void db.prepare(sql).run(...params),
    all: async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[],
  };
}

const opened: PostgresDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

async function postgresIn(schema: string): Promise<TestDatabase> {
  const db = await openPostgres(TEST_DATABASE_URL!, { schema, max: 4 });
  opened.push(db);
  return {
    conversations: (o = {}) => new PostgresConversationStore(db.pool, o),
    subscriptions: (o = {}) => new PostgresSubscriptionStore(db.pool, o),
    installations: (o = {}) => new PostgresInstallationStore(db.pool, o),
    reopen: async () => {
      await db.close();
      opened.splice(opened.indexOf(db), 1);
      return postgresIn(schema);
    },
    run: async (sql, ...params) => void (await db.pool.query(numberedParams(sql), params)),
    all: async <T>(sql: string, ...params: unknown[]) => (await db.pool.query(numberedParams(sql), params)).rows as T[],
  };
}

/** Every database the service runs on: the contract suites run on each. */
export const BACKENDS: StoreBackend[] = [
  { name: 'SQLite', skip: null, open: async () => sqliteAt(freshDbPath()) },
  { name: 'PostgreSQL', skip: postgresSkipReason, open: () => postgresIn(freshSchemaName()) },
];
