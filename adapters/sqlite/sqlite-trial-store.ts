import type { Statement } from 'better-sqlite3';
import type { NewTrial, TrialRecord, TrialStatus, TrialStore, TrialSummary } from '../../src/index.js';
import { toTrialRecord, type TrialRow } from '../store/trial-rows.js';

/** Trials on the SQLite file; one running per conversation, by a partial unique index. */
export class SqliteTrialStore implements TrialStore {
  constructor(
    private readonly sql: (text: string) => Statement,
    private readonly transaction: <T>(work: () => T) => T,
  ) {}

  async startTrial(t: NewTrial, staleBefore: string): Promise<'started' | 'busy'> {
    return this.transaction(() => {
      // A trial not heard from since `staleBefore` was lost with its process: it no longer blocks a new one.
      this.sql(`UPDATE trials SET status = 'finished', updated_at = ? WHERE conversation_id = ? AND status IN ('running', 'cancelling') AND updated_at < ?`).run(
        t.createdAt,
        t.conversationId,
        staleBefore,
      );
      const inserted = this.sql(
        `INSERT INTO trials (id, conversation_id, platform, owner_id, status, download_key, created_at, updated_at)
         SELECT ?, ?, ?, ?, 'running', ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM trials WHERE conversation_id = ? AND status IN ('running', 'cancelling'))`,
      ).run(t.id, t.conversationId, t.platform, t.ownerId, t.downloadKey, t.createdAt, t.createdAt, t.conversationId).changes;
      return inserted === 1 ? 'started' : 'busy';
    });
  }

  async getTrial(id: string): Promise<TrialRecord | undefined> {
    const row = this.sql('SELECT * FROM trials WHERE id = ?').get(id) as TrialRow | undefined;
    return row ? toTrialRecord(row) : undefined;
  }

  async heartbeatTrial(id: string, at: string): Promise<TrialStatus | undefined> {
    this.sql(`UPDATE trials SET updated_at = ? WHERE id = ? AND status <> 'finished'`).run(at, id);
    return (this.sql('SELECT status FROM trials WHERE id = ?').get(id) as { status: TrialStatus } | undefined)?.status;
  }

  async requestTrialCancel(id: string): Promise<boolean> {
    return this.sql(`UPDATE trials SET status = 'cancelling' WHERE id = ? AND status = 'running'`).run(id).changes === 1;
  }

  async finishTrial(id: string, summary: TrialSummary, exportYaml: string | null, at: string): Promise<void> {
    this.sql(`UPDATE trials SET status = 'finished', summary = ?, export_yaml = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(summary), exportYaml, at, id);
  }

  async keepTrialFile(conversationId: string, file: { name: string; content: string }, at: string): Promise<void> {
    this.sql(
      'INSERT INTO trial_files (conversation_id, name, content, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET name = excluded.name, content = excluded.content, created_at = excluded.created_at',
    ).run(conversationId, file.name, file.content, at);
  }

  async trialFile(conversationId: string): Promise<{ name: string; content: string } | undefined> {
    return this.sql('SELECT name, content FROM trial_files WHERE conversation_id = ?').get(conversationId) as { name: string; content: string } | undefined;
  }

  async purgeTrials(cutoff: string): Promise<number> {
    this.sql('DELETE FROM trial_files WHERE created_at < ?').run(cutoff);
    // Delivered and given-up messages are kept only as long: a trial's results card holds failure samples.
    this.sql(`DELETE FROM outbox WHERE status IN ('sent', 'failed') AND created_at < ?`).run(cutoff);
    return this.sql(`DELETE FROM trials WHERE created_at < ? AND status = 'finished'`).run(cutoff).changes;
  }
}
