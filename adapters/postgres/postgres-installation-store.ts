import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type pg from 'pg';
import { keyOfInstallation, keyOfQuery, parseInstallation } from '../store/installation-keys.js';

/** Bolt's InstallationStore on PostgreSQL: one row per workspace, or per organisation for org-wide installs. */
export class PostgresInstallationStore implements InstallationStore {
  private readonly now: () => Date;

  constructor(
    private readonly pool: pg.Pool,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(installation: Installation<AuthVersion, boolean>): Promise<void> {
    const key = keyOfInstallation(installation as Installation);
    await this.pool.query(
      `INSERT INTO slack_installations (id, enterprise_id, team_id, is_enterprise_install, data, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET enterprise_id = excluded.enterprise_id, team_id = excluded.team_id,
         is_enterprise_install = excluded.is_enterprise_install, data = excluded.data, updated_at = excluded.updated_at`,
      [key.id, installation.enterprise?.id ?? null, installation.team?.id ?? null, installation.isEnterpriseInstall ? 1 : 0, JSON.stringify(installation), this.now().toISOString()],
    );
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const key = keyOfQuery(query);
    const { rows } = await this.pool.query<{ data: string }>('SELECT data FROM slack_installations WHERE id = $1', [key.id]);
    if (!rows[0]) throw new Error(`no installation for ${key.label}: install the app in that workspace first`);
    return parseInstallation(key, rows[0].data);
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.pool.query('DELETE FROM slack_installations WHERE id = $1', [keyOfQuery(query).id]);
  }
}
