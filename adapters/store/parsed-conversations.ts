import type { Conversation } from '../../src/index.js';
import { RecentlyUsed } from '../recently-used.js';
import { checkConversation, parseConversation, type ConversationRow } from './conversation-rows.js';

/** Conversations kept: the ones being answered, a few hundred at once on a busy service. */
const KEPT = 1_000;

/**
 * The conversations a store last read or saved, each with the exact text its row holds. A row
 * whose text is the same is not parsed and checked again (a turn's conversation is read by the
 * turn and again by each message it leaves); any other text is. What is kept is frozen, so
 * nothing can change a conversation that the next reader would be given.
 */
export class ParsedConversations {
  private readonly byId = new RecentlyUsed<{ data: string; conversation: Conversation }>(KEPT);

  /** The row's conversation, checked as parseConversation checks it. */
  parse(id: string, row: ConversationRow): Conversation {
    const kept = this.byId.get(id);
    if (kept?.data === row.data) return kept.conversation;
    const conversation = deepFreeze(parseConversation(id, row));
    this.byId.set(id, { data: row.data, conversation });
    return conversation;
  }

  /** The text to store for a conversation, checked as checkConversation checks it. */
  serialize(conversation: Conversation): string {
    const { data, checked } = checkConversation(conversation);
    this.byId.set(conversation.id, { data, conversation: deepFreeze(checked) });
    return data;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
