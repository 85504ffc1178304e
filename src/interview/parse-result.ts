/**
 * What every typed-answer parser returns. `note` is a short remark shown to the
 * person when the parser interpreted something ("250k a day is 7.5M a month").
 */
export type Parsed<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

export type Failed = Extract<Parsed<unknown>, { ok: false }>;

const QUOTE_LIMIT = 40;

/** Typed answers are short; parsers refuse longer text up front, which keeps their regexes cheap. */
export const MAX_ANSWER_LENGTH = 200;

export function parsed<T>(value: T, note?: string): Parsed<T> {
  return note === undefined ? { ok: true, value } : { ok: true, value, note };
}

/**
 * Every failure opens the same way so people see exactly what we read,
 * then says what we expected (with an example).
 */
export function notUnderstood(text: string, expected: string): Failed {
  return { ok: false, message: `I didn't understand "${quote(text)}". ${expected}` };
}

/** What a refusal quotes of the typed text: trimmed, one line, at most 40 characters (whole code points, so emoji survive). */
export function quote(text: string): string {
  // Slice first so a huge paste costs nothing; 200 UTF-16 units hold more than 40 code points.
  const head = text.trim().slice(0, 200).replace(/\s+/g, ' ');
  const chars = Array.from(head);
  return chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT).join('')}…` : head;
}
