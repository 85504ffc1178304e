import type { TrialRecord, TrialStatus, TrialSummary } from '../../src/index.js';

/** A trial row as both databases keep it. */
/** TrialRow's columns, named (see OUTBOX_COLUMNS). */
export const TRIAL_COLUMNS = 'id, conversation_id, platform, owner_id, status, summary, export_yaml, download_key, created_at, updated_at';

export interface TrialRow {
  id: string;
  conversation_id: string;
  platform: string;
  owner_id: string;
  status: string;
  summary: string | null;
  export_yaml: string | null;
  download_key: string;
  created_at: string;
  updated_at: string;
}

export function toTrialRecord(row: TrialRow): TrialRecord {
  let summary: TrialSummary | null = null;
  try {
    summary = row.summary ? (JSON.parse(row.summary) as TrialSummary) : null;
  } catch {
    summary = null; // a damaged summary reads as none: the trial's figures are in the interview already
  }
  return {
    id: row.id,
    conversationId: row.conversation_id,
    platform: row.platform as TrialRecord['platform'],
    ownerId: row.owner_id,
    status: row.status as TrialStatus,
    summary,
    exportYaml: row.export_yaml,
    downloadKey: row.download_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
