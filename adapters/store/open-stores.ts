import type { InstallationStore } from '@slack/bolt';
import type { ConversationStore, SubscriptionStore } from '../../src/index.js';

/** Every store the service runs on, from one database: SQLite's file or a shared PostgreSQL. */
export interface ServiceStores {
  conversations: ConversationStore;
  subscriptions: SubscriptionStore;
  installations: InstallationStore & Required<Pick<InstallationStore, 'deleteInstallation'>>;
  /** Which database, for the log (no password). */
  described: string;
  /** Forgets event keys past their time; run hourly. */
  purgeExpiredEvents(): Promise<unknown>;
  close(): Promise<void>;
}

export interface StoreSettings {
  databasePath: string;
  databaseUrl?: string | undefined;
  /** A schema of its own on PostgreSQL (tests). */
  postgresSchema?: string | undefined;
  /** How long a summary handed to a sender is held for it (a replica that dies loses it then). */
  leaseMs?: number | undefined;
}

/**
 * Opens the stores: on PostgreSQL when a URL is set (several replicas), else on the SQLite file.
 * Each driver is loaded only when chosen, so a service on SQLite never loads pg, nor the reverse.
 */
export async function openStores(settings: StoreSettings, now: () => Date): Promise<ServiceStores> {
  const leased = { now, ...(settings.leaseMs ? { leaseMs: settings.leaseMs } : {}) };
  if (settings.databaseUrl) {
    const [{ openPostgres, describeDatabaseUrl }, { PostgresConversationStore }, { PostgresSubscriptionStore }, { PostgresInstallationStore }] = await Promise.all([
      import('../postgres/open-postgres.js'),
      import('../postgres/postgres-conversation-store.js'),
      import('../postgres/postgres-subscription-store.js'),
      import('../postgres/postgres-installation-store.js'),
    ]);
    const db = await openPostgres(settings.databaseUrl, settings.postgresSchema ? { schema: settings.postgresSchema } : {});
    const conversations = new PostgresConversationStore(db.pool, { now });
    return {
      conversations,
      subscriptions: new PostgresSubscriptionStore(db.pool, leased),
      installations: new PostgresInstallationStore(db.pool, { now }),
      described: describeDatabaseUrl(settings.databaseUrl),
      purgeExpiredEvents: () => conversations.purgeExpiredEvents(),
      close: () => db.close(),
    };
  }
  const [{ openDatabase }, { SqliteConversationStore }, { SqliteSubscriptionStore }, { SqliteInstallationStore }] = await Promise.all([
    import('../sqlite/open-database.js'),
    import('../sqlite/sqlite-conversation-store.js'),
    import('../sqlite/sqlite-subscription-store.js'),
    import('../sqlite/sqlite-installation-store.js'),
  ]);
  const db = openDatabase(settings.databasePath);
  const conversations = new SqliteConversationStore(db, { now });
  return {
    conversations,
    subscriptions: new SqliteSubscriptionStore(db, leased),
    installations: new SqliteInstallationStore(db),
    described: settings.databasePath,
    purgeExpiredEvents: async () => conversations.purgeExpiredEvents(),
    close: async () => {
      conversations.commitPending();
      db.close();
    },
  };
}
