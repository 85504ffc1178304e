import { z } from 'zod';

/** Where Slack shows an interview: the channel, its thread, and the question card on the table. */
export const slackRefsSchema = z.object({
  kind: z.literal('slack'),
  channel: z.string().min(1),
  threadTs: z.string().min(1),
  teamId: z.string(),
  /** Enterprise Grid: the organisation, and whether the app is installed org-wide (its token is the organisation's). */
  enterpriseId: z.string().optional(),
  orgWide: z.boolean().optional(),
  ownerName: z.string(),
  questionTs: z.string().optional(),
});

/** Where Teams shows an interview: the chat or channel thread, and the question card on the table. */
export const teamsRefsSchema = z.object({
  kind: z.literal('teams'),
  place: z.string().min(1),
  ownerName: z.string(),
  serviceUrl: z.string(),
  /** The bot's id and the tenant there, to post again without a request (a verdict posted late). */
  botId: z.string().optional(),
  tenantId: z.string().optional(),
  questionActivityId: z.string().optional(),
});

/** The terminal shows everything as it happens: nothing to point back to. */
export const terminalRefsSchema = z.object({ kind: z.literal('terminal') });

export const conversationRefsSchema = z.discriminatedUnion('kind', [slackRefsSchema, teamsRefsSchema, terminalRefsSchema]);

export type SlackRefs = z.infer<typeof slackRefsSchema>;
export type TeamsRefs = z.infer<typeof teamsRefsSchema>;
export type ConversationRefs = z.infer<typeof conversationRefsSchema>;
/** The message id of the question card on the table, as the platform names it. */
export type QuestionRef = { questionTs: string } | { questionActivityId: string };

/** Which field of which platform's refs a question ref sets: a store writes that one field, nothing else. */
export function questionRefField(ref: QuestionRef): { kind: 'slack' | 'teams'; field: 'questionTs' | 'questionActivityId'; value: string } {
  return 'questionTs' in ref ? { kind: 'slack', field: 'questionTs', value: ref.questionTs } : { kind: 'teams', field: 'questionActivityId', value: ref.questionActivityId };
}

/** The refs of a conversation of this kind, or an error naming the platform that was expected. */
export function refsOf<K extends ConversationRefs['kind']>(refs: ConversationRefs, kind: K): Extract<ConversationRefs, { kind: K }> {
  if (refs.kind !== kind) throw new Error(`expected a ${kind} interview, found a ${refs.kind} one`);
  return refs as Extract<ConversationRefs, { kind: K }>;
}

/** The conversation with a question card recorded as a store records it (questionRefField): that one field, on refs of its platform only. */
export function withQuestionRef<C extends { refs: ConversationRefs }>(conversation: C, ref: QuestionRef): C {
  const { kind, field, value } = questionRefField(ref);
  return conversation.refs.kind === kind ? { ...conversation, refs: { ...conversation.refs, [field]: value } } : conversation;
}
