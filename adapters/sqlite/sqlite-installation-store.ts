import type { Database, Statement } from 'better-sqlite3';
import { keyOfInstallation, keyOfQuery, parseInstallation } from '../store/installation-keys.js';
import { StatementCache } from './statement-cache.js';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';

export interface SqliteInstallationStoreOptions {
  now?: () => Date;
}

/**
 * Bolt's InstallationStore on the advisor's SQLite file: one row per workspace, or per
 * enterprise org for org-wide installs, holding the latest installation as JSON (tokens
 * included, so the file must be private). Nothing here logs; errors name ids, never tokens.
 */
export class SqliteInstallationStore implements InstallationStore {
  private readonly now: () => Date;
  private readonly statements: StatementCache;

  constructor(db: Database, options: SqliteInstallationStoreOptions = {}) {
    this.statements = new StatementCache(db);
    this.now = options.now ?? (() => new Date());
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(installation: Installation<AuthVersion, boolean>): Promise<void> {
    const key = keyOfInstallation(installation as Installation);
    this.sql(
      `INSERT INTO slack_installations (id, enterprise_id, team_id, is_enterprise_install, data, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET enterprise_id = excluded.enterprise_id, team_id = excluded.team_id,
         is_enterprise_install = excluded.is_enterprise_install, data = excluded.data, updated_at = excluded.updated_at`,
    ).run(key.id, installation.enterprise?.id ?? null, installation.team?.id ?? null, installation.isEnterpriseInstall ? 1 : 0, JSON.stringify(installation), this.now().toISOString());
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const key = keyOfQuery(query);
    const row = this.sql('SELECT data FROM slack_installations WHERE id = ?').get(key.id) as { data: string } | undefined;
    if (!row) throw new Error(`no installation for ${key.label}: install the app in that workspace first`);
    return parseInstallation(key, row.data);
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = keyOfQuery(query);
    this.sql('DELETE FROM slack_installations WHERE id = ?').run(key.id);
  }

  private sql(text: string): Statement {
    return this.statements.get(text);
  }
}
