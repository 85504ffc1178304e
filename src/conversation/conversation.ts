import { z } from 'zod';
import { answersSchema, type Answers } from '../interview/answers.js';
import { conversationRefsSchema, type ConversationRefs } from './conversation-refs.js';
import type { QuestionId } from '../interview/questions.js';

/** Where an interview runs: a chat platform, or the terminal (never stored). */
export const PLATFORMS = ['slack', 'teams', 'terminal'] as const;
export type Platform = (typeof PLATFORMS)[number];

export type ConversationStatus = 'active' | 'finished' | 'cancelled';

/**
 * One interview, as stored. `version` goes up with every accepted turn: a click carries
 * the version it was made on, so a double click or a stale card changes nothing.
 */
export interface Conversation {
  id: string;
  platform: Platform;
  ownerId: string;
  /** How the platform shows the owner in text (a mention or a name). */
  ownerLabel: string;
  status: ConversationStatus;
  version: number;
  answers: Answers;
  skipped: QuestionId[];
  /** Questions answered or skipped, in order, for Back. */
  history: QuestionId[];
  /** The question on the table, if any. */
  pending: QuestionId | null;
  /** Earlier answers offered as one-click defaults after Start over. */
  suggested: Answers;
  /** Started over from a verdict with its answers kept: changes are picked from a list until the verdict is asked for. */
  reviewing?: boolean;
  /** Where the platform shows this interview (channel, thread, message ids), typed per platform. */
  refs: ConversationRefs;
  verdictId: string | null;
  /** Which answers were read from the task text, and by whom (shown on the "understood" card). */
  intakeSources?: Partial<Record<string, 'rules' | 'model'>>;
  createdAt: string;
  updatedAt: string;
}

const questionIds = z.array(z.string()) as unknown as z.ZodType<QuestionId[]>;

/** Validates a conversation read back from storage, so a damaged row is found, not trusted. */
/** A stored row from before refs were typed: its refs' `kind` is its platform. */
function withRefsKind(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const row = raw as { platform?: unknown; refs?: unknown };
  if (typeof row.refs !== 'object' || row.refs === null || 'kind' in row.refs) return raw;
  return { ...row, refs: { ...row.refs, kind: row.platform } };
}

export const conversationSchema = z.preprocess(
  withRefsKind,
  z.object({
    id: z.string().min(1),
    platform: z.enum(PLATFORMS),
    ownerId: z.string().min(1),
    ownerLabel: z.string(),
    status: z.enum(['active', 'finished', 'cancelled']),
    version: z.number().int().min(0),
    answers: answersSchema,
    skipped: questionIds,
    history: questionIds,
    pending: z.string().nullable() as unknown as z.ZodType<QuestionId | null>,
    suggested: answersSchema,
    reviewing: z.boolean().optional(),
    refs: conversationRefsSchema,
    verdictId: z.string().nullable(),
    intakeSources: z.record(z.string(), z.enum(['rules', 'model'])).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
) satisfies z.ZodType<Conversation, unknown>;
