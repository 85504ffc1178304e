/** Rows of conversations and verdicts as every store keeps them, and how they are read back. */
import { conversationSchema, type Conversation, type Platform, type VerdictRecord } from '../../src/index.js';

/** The stored conversation moved between load and save: the turn was computed on a stale version. */
export class ConcurrentTurnError extends Error {
  constructor(
    readonly conversationId: string,
    readonly expectedVersion: number | null,
  ) {
    super(
      expectedVersion === null
        ? `conversation ${conversationId} was created by another turn meanwhile; nothing was saved`
        : `conversation ${conversationId} changed after version ${expectedVersion} was loaded; nothing was saved`,
    );
    this.name = 'ConcurrentTurnError';
  }
}

export interface ConversationRow {
  version: number;
  data: string;
}

/** VerdictRow's columns, named (see OUTBOX_COLUMNS). */
export const VERDICT_COLUMNS = 'id, conversation_id, platform, owner_id, owner_label, owner_name, task, data, link, created_at';

export interface VerdictRow {
  id: string;
  conversation_id: string;
  platform: string;
  owner_id: string;
  owner_label: string;
  owner_name: string | null;
  task: string | null;
  data: string;
  link: string | null;
  created_at: string;
}

export function parseConversation(id: string, row: ConversationRow): Conversation {
  let json: unknown;
  try {
    json = JSON.parse(row.data);
  } catch (err) {
    throw new Error(`conversation ${id} is damaged in the database: its data is not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const parsed = conversationSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`conversation ${id} is damaged in the database: ${problems}`, { cause: parsed.error });
  }
  if (parsed.data.id !== id) throw new Error(`conversation ${id} is damaged in the database: its data has id ${parsed.data.id}`);
  return parsed.data;
}

export function toRecord(row: VerdictRow): VerdictRecord {
  let verdict: VerdictRecord['verdict'];
  try {
    verdict = JSON.parse(row.data);
  } catch (err) {
    throw new Error(`verdict ${row.id} is damaged in the database: its data is not valid JSON (${(err as Error).message})`, { cause: err });
  }
  return {
    id: row.id,
    conversationId: row.conversation_id,
    platform: row.platform as Platform,
    ownerId: row.owner_id,
    ownerLabel: row.owner_label,
    ownerName: row.owner_name ?? row.owner_label,
    task: row.task,
    verdict,
    link: row.link,
    createdAt: row.created_at,
  };
}

/** The text to store, validated first so nothing is stored that could not be read back, and the conversation as it will be read back from it. */
export function checkConversation(conversation: Conversation): { data: string; checked: Conversation } {
  const checked = conversationSchema.safeParse(conversation);
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`conversation ${conversation.id} not saved, it is invalid: ${problems}`);
  }
  return { data: JSON.stringify(checked.data), checked: checked.data };
}
