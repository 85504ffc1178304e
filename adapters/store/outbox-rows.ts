import { outboxItemSchema, type OutboxItem, type OutboxMessage, type Platform } from '../../src/index.js';

/** Outbox rows as every store keeps them, and how they are read back. */
/** OutboxRow's columns, named: a statement kept prepared (PostgreSQL) keeps its result's shape when a newer release adds a column. */
export const OUTBOX_COLUMNS = 'id, conversation_id, platform, actor_id, item, attempts, not_before, last_error, created_at';

export interface OutboxRow {
  id: number;
  conversation_id: string;
  platform: string;
  actor_id: string;
  item: string;
  attempts: number;
  not_before: string;
  last_error: string | null;
  created_at: string;
}

/** The message a row holds, or why it can't be read. */
export function readItem(text: string): { item: OutboxItem } | { damaged: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { damaged: `its item is not valid JSON (${(err as Error).message})` };
  }
  const parsed = outboxItemSchema.safeParse(json);
  return parsed.success ? { item: parsed.data } : { damaged: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
}

/** A row as the worker takes it. */
export function toOutboxMessage(row: OutboxRow, item: OutboxItem): OutboxMessage {
  return {
    id: Number(row.id),
    conversationId: row.conversation_id,
    platform: row.platform as Platform,
    actorId: row.actor_id,
    item,
    attempts: row.attempts,
    notBefore: row.not_before,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

/** At most 500 characters of an error, as the outbox keeps it. */
export const outboxError = (error: string): string => error.slice(0, 500);
