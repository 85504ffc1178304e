import { WEEKLY_DIGESTS } from '../store/digest-rows.js';

/** One step of the PostgreSQL schema. Append new ones with the next version; never edit a shipped one. */
export interface PostgresMigration {
  version: number;
  name: string;
  /** SQL run once, inside a transaction. */
  up: string;
}

/**
 * The same tables as the SQLite file (its migrations 1 to 5), in one step: timestamps are ISO
 * 8601 text and data is JSON text in both, so rows read back the same whichever database holds them.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'conversations, verdicts, event keys, outbox, Slack installations, Teams addresses, subscriptions and summary deliveries',
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
      CREATE INDEX conversations_by_owner ON conversations (platform, owner_id, status);

      CREATE TABLE verdicts (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        owner_label TEXT NOT NULL,
        owner_name TEXT,
        task TEXT,
        data TEXT NOT NULL,
        link TEXT,
        created_at TEXT NOT NULL,
        posted_at TEXT,
        post_ref TEXT,
        seq BIGSERIAL
      );
      CREATE INDEX verdicts_by_owner ON verdicts (platform, owner_id, created_at);

      CREATE TABLE processed_events (
        key TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX processed_events_by_time ON processed_events (seen_at);

      CREATE TABLE outbox (
        id BIGSERIAL PRIMARY KEY,
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
      CREATE TABLE outbox_leases (
        conversation_id TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        until TEXT NOT NULL
      );

      CREATE TABLE slack_installations (
        id TEXT PRIMARY KEY,
        enterprise_id TEXT,
        team_id TEXT,
        is_enterprise_install INTEGER NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

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
        created_at TEXT NOT NULL,
        seq BIGSERIAL
      );
      CREATE TABLE summary_deliveries (
        verdict_id TEXT NOT NULL,
        subscription_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        lease_until TEXT,
        seq BIGSERIAL,
        PRIMARY KEY (verdict_id, subscription_id)
      );
      CREATE INDEX summary_deliveries_status ON summary_deliveries (status, created_at);
      CREATE INDEX summary_deliveries_by_subscription ON summary_deliveries (subscription_id, status);
    `,
  },
  {
    version: 2,
    name: 'prompt trials (one running per interview) and the examples files shared for them, kept until the retention period ends (SQLite migration 6)',
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
    version: 3,
    name: "weekly digests: one row per subscription and week, claimed in a transaction, so replicas send each week's digest once (SQLite migration 7)",
    up: WEEKLY_DIGESTS,
  },
  {
    version: 4,
    name: 'the outbox indexed only where messages wait, not over every message ever sent (SQLite migration 8)',
    up: `
      DROP INDEX outbox_due;
      CREATE INDEX outbox_due ON outbox (platform, not_before) WHERE status = 'pending';
      DROP INDEX outbox_by_conversation;
      CREATE INDEX outbox_by_conversation ON outbox (conversation_id, id) WHERE status = 'pending';
    `,
  },
];
