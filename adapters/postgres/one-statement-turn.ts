import type pg from 'pg';
import type { Conversation, OutboxItem, VerdictRecord } from '../../src/index.js';

/** A turn on a conversation already stored, as it is saved without a lock: what it was computed on and what it leaves. */
export interface TurnWrite {
  next: Conversation;
  /** The version the turn was computed on, and the row's text then: the save holds only if the row still has both. */
  loadedVersion: number;
  loadedData: string;
  eventKey: string | null;
  /** False for a refused answer: its event is not kept as seen. */
  consumesEvent: boolean;
  actorId: string;
  items: readonly OutboxItem[];
  verdict: VerdictRecord | null;
  /** The conversation's text, as ParsedConversations.serialize gives it. */
  data: string;
  /** The store's clock: when the event is recorded seen and the messages queued (the row's own time is the turn's, next.updatedAt). */
  now: string;
}

/**
 * What the one statement came to: saved; `moved` when the row is no longer what the turn was
 * computed on (another turn landed; a delivery recorded its question card, which changes the text
 * and not the version; or this event was seen meanwhile): nothing was written,
 * and the turn is to be computed again on what is there now; `duplicate` when another replica
 * recorded this very event between this turn's read and its save.
 */
export type TurnWriteResult = 'saved' | 'moved' | 'duplicate';

/** A conversation's row as both saves write it: $1 to $6 are its id, platform, owner, status, version and text. */
export function conversationRowParams(id: string, next: Conversation, data: string): [string, string, string, string, number, string] {
  return [id, next.platform, next.ownerId, next.status, next.version, data];
}

/** The unique index that turns a second save of one event into an error, rolling its statement back whole. */
const EVENT_KEY_TAKEN = 'processed_events_pkey';
const UNIQUE_VIOLATION = '23505';

/**
 * A turn saved in one statement, one round trip, no lock held while the turn was computed: the
 * conversation compared on its version and set, the event key recorded, the messages queued in
 * order, the verdict and its managers' summaries, all or nothing. PostgreSQL runs one statement
 * atomically, and a concurrent save of the same row waits for the other and re-checks the version
 * and the text after it, so two replicas racing on one conversation apply one turn, then the
 * other on top.
 */
export async function saveTurnInOneStatement(db: Pick<pg.Pool, 'query'>, id: string, turn: TurnWrite): Promise<TurnWriteResult> {
  const { next, verdict } = turn;
  if (next.id !== id) throw new Error(`a turn on conversation ${id} returned conversation ${next.id}; nothing was saved`);
  try {
    const { rows } = await db.query<{ saved: boolean }>(
      `WITH saved AS (
         UPDATE conversations SET platform = $2, owner_id = $3, status = $4, version = $5, data = $6, updated_at = $24
         WHERE id = $1 AND version = $8 AND data = $23 AND NOT EXISTS (SELECT 1 FROM processed_events WHERE key = $9)
         RETURNING 1
       ), seen AS (
         INSERT INTO processed_events (key, seen_at) SELECT $9, $7 WHERE $9::text IS NOT NULL AND $10::boolean AND EXISTS (SELECT 1 FROM saved)
       ), queued AS (
         INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at)
         SELECT $1, $2, $11, item, 'pending', 0, $7, $7 FROM unnest($12::text[]) WITH ORDINALITY AS t(item, n) WHERE EXISTS (SELECT 1 FROM saved) ORDER BY n
       ), verdict AS (
         INSERT INTO verdicts (id, conversation_id, platform, owner_id, owner_label, owner_name, task, data, link, created_at)
         SELECT $13, $14, $15, $16, $17, $18, $19, $20, $21, $22 WHERE $13::text IS NOT NULL AND EXISTS (SELECT 1 FROM saved)
         ON CONFLICT (id) DO NOTHING
       ), summaries AS (
         -- The managers' summaries are queued with the verdict.
         INSERT INTO summary_deliveries (verdict_id, subscription_id, status, attempts, last_error, created_at, updated_at)
         SELECT $13, id, 'pending', 0, NULL, $22, $22 FROM teams_subscriptions WHERE active = 1 AND $13::text IS NOT NULL AND EXISTS (SELECT 1 FROM saved)
         ORDER BY created_at, seq
         ON CONFLICT DO NOTHING
       )
       SELECT EXISTS (SELECT 1 FROM saved) AS saved`,
      [
        ...conversationRowParams(id, next, turn.data),
        turn.now,
        turn.loadedVersion,
        turn.eventKey,
        turn.consumesEvent,
        turn.actorId,
        turn.items.map((item) => JSON.stringify(item)),
        verdict?.id ?? null,
        verdict?.conversationId ?? null,
        verdict?.platform ?? null,
        verdict?.ownerId ?? null,
        verdict?.ownerLabel ?? null,
        verdict?.ownerName ?? null,
        verdict?.task ?? null,
        verdict ? JSON.stringify(verdict.verdict) : null,
        verdict?.link ?? null,
        verdict?.createdAt ?? null,
        turn.loadedData,
        next.updatedAt,
      ],
    );
    return rows[0]!.saved ? 'saved' : 'moved';
  } catch (err) {
    const { code, constraint } = err as { code?: string; constraint?: string };
    if (code === UNIQUE_VIOLATION && constraint === EVENT_KEY_TAKEN) return 'duplicate';
    throw err;
  }
}
