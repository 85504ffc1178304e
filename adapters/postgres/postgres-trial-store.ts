import type pg from 'pg';
import type { NewTrial, TrialRecord, TrialStatus, TrialStore, TrialSummary } from '../../src/index.js';
import { toTrialRecord, TRIAL_COLUMNS, type TrialRow } from '../store/trial-rows.js';

/** Trials on PostgreSQL; one running per conversation, by a partial unique index (a second start loses the race). */
export class PostgresTrialStore implements TrialStore {
  constructor(private readonly pool: pg.Pool) {}

  async startTrial(t: NewTrial, staleBefore: string): Promise<'started' | 'busy'> {
    await this.pool.query(`UPDATE trials SET status = 'finished', updated_at = $1 WHERE conversation_id = $2 AND status IN ('running', 'cancelling') AND updated_at < $3`, [
      t.createdAt,
      t.conversationId,
      staleBefore,
    ]);
    const { rowCount } = await this.pool.query(
      `INSERT INTO trials (id, conversation_id, platform, owner_id, status, download_key, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'running', $5, $6, $6) ON CONFLICT DO NOTHING`,
      [t.id, t.conversationId, t.platform, t.ownerId, t.downloadKey, t.createdAt],
    );
    return rowCount === 1 ? 'started' : 'busy';
  }

  async getTrial(id: string): Promise<TrialRecord | undefined> {
    const { rows } = await this.pool.query<TrialRow>(`SELECT ${TRIAL_COLUMNS} FROM trials WHERE id = $1`, [id]);
    return rows[0] ? toTrialRecord(rows[0]) : undefined;
  }

  async heartbeatTrial(id: string, at: string): Promise<TrialStatus | undefined> {
    const { rows } = await this.pool.query<{ status: TrialStatus }>(`UPDATE trials SET updated_at = CASE WHEN status <> 'finished' THEN $1 ELSE updated_at END WHERE id = $2 RETURNING status`, [
      at,
      id,
    ]);
    return rows[0]?.status;
  }

  async requestTrialCancel(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(`UPDATE trials SET status = 'cancelling' WHERE id = $1 AND status = 'running'`, [id]);
    return rowCount === 1;
  }

  async finishTrial(id: string, summary: TrialSummary, exportYaml: string | null, at: string): Promise<void> {
    await this.pool.query(`UPDATE trials SET status = 'finished', summary = $1, export_yaml = $2, updated_at = $3 WHERE id = $4`, [JSON.stringify(summary), exportYaml, at, id]);
  }

  async keepTrialFile(conversationId: string, file: { name: string; content: string }, at: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO trial_files (conversation_id, name, content, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (conversation_id) DO UPDATE SET name = EXCLUDED.name, content = EXCLUDED.content, created_at = EXCLUDED.created_at',
      [conversationId, file.name, file.content, at],
    );
  }

  async trialFile(conversationId: string): Promise<{ name: string; content: string } | undefined> {
    const { rows } = await this.pool.query<{ name: string; content: string }>('SELECT name, content FROM trial_files WHERE conversation_id = $1', [conversationId]);
    return rows[0];
  }

  async purgeTrials(cutoff: string): Promise<number> {
    await this.pool.query('DELETE FROM trial_files WHERE created_at < $1', [cutoff]);
    // Delivered and given-up messages are kept only as long: a trial's results card holds failure samples.
    await this.pool.query(`DELETE FROM outbox WHERE status IN ('sent', 'failed') AND created_at < $1`, [cutoff]);
    const { rowCount } = await this.pool.query(`DELETE FROM trials WHERE created_at < $1 AND status = 'finished'`, [cutoff]);
    return rowCount ?? 0;
  }
}
