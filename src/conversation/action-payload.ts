import { z } from 'zod';

/**
 * What a button carries back: which interview, at which version, and what was chosen.
 * Kept short (Slack caps a button value at 2000 characters, Teams data is small too).
 */
export interface ActionPayload {
  /** Conversation id. */
  c: string;
  /** The conversation version the card was made at. */
  v: number;
  /** The question the card asks, for answers and skips. */
  q?: string;
  /** The chosen option's value, for answers. */
  a?: string;
  /** A verdict id, for actions on a verdict card. */
  d?: string;
  /** Answers tried with "Try other numbers" (JSON of the changed fields), for posting that version. */
  w?: string;
}

const payloadSchema = z.object({
  c: z.string().min(1).max(300),
  v: z.number().int().min(0),
  q: z.string().max(64).optional(),
  a: z.string().max(200).optional(),
  d: z.string().max(100).optional(),
  w: z.string().max(600).optional(),
});

export function encodeAction(payload: ActionPayload): string {
  return JSON.stringify(payload);
}

/** The payload of a button, or null when it is not one of ours (or was tampered with). */
export function decodeAction(value: unknown): ActionPayload | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(value));
    return parsed.success ? (parsed.data as ActionPayload) : null;
  } catch {
    return null;
  }
}
