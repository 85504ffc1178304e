import type { Database, Statement } from 'better-sqlite3';
import { StatementCache } from './statement-cache.js';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';

export interface SqliteInstallationStoreOptions {
  now?: () => Date;
}

/** Which row an installation or a query is about: the org for org-wide installs, else the workspace. */
interface Key {
  id: string;
  /** How a message names it, never with a token. */
  label: string;
}

function keyOfInstallation(installation: Installation): Key {
  if (installation.isEnterpriseInstall) {
    const id = installation.enterprise?.id;
    if (!id) throw new Error('cannot store an org-wide Slack installation without an enterprise id');
    return { id, label: `enterprise ${id}` };
  }
  const id = installation.team?.id;
  if (!id) throw new Error('cannot store a Slack installation without a team id');
  return { id, label: `team ${id}` };
}

function keyOfQuery(query: InstallationQuery<boolean>): Key {
  if (query.isEnterpriseInstall && query.enterpriseId) return { id: query.enterpriseId, label: `enterprise ${query.enterpriseId} (org-wide)` };
  if (query.teamId) return { id: query.teamId, label: `team ${query.teamId}` };
  if (query.enterpriseId) return { id: query.enterpriseId, label: `enterprise ${query.enterpriseId}` };
  throw new Error('a Slack installation query needs a team id or an enterprise id');
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
    try {
      return JSON.parse(row.data) as Installation<'v1' | 'v2', boolean>;
    } catch {
      // The parser's message could quote the stored text, tokens and all: say only where.
      throw new Error(`the stored installation for ${key.label} is damaged (not valid JSON): reinstall the app there`);
    }
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = keyOfQuery(query);
    this.sql('DELETE FROM slack_installations WHERE id = ?').run(key.id);
  }

  private sql(text: string): Statement {
    return this.statements.get(text);
  }
}
