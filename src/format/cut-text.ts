/** Cutting text to a platform's limit, the same way on every platform: whole characters, an ellipsis. */

export const ELLIPSIS = '…';

/** The first `length` UTF-16 units of a text, without splitting a surrogate pair. */
export function safeSlice(text: string, length: number): string {
  if (length <= 0) return '';
  const cut = text.slice(0, length);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * A text cut to `max` characters, ending with "…" when it was cut. `tidy` removes what the cut
 * left half-written in a renderer's markup (a broken link, an entity).
 */
export function cutText(text: string, max: number, tidy: (head: string) => string = (head) => head): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  return `${tidy(safeSlice(text, max - 1)).trimEnd()}${ELLIPSIS}`;
}

/** A text on one line: a list item or a table cell must not break the layout around it. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Typed data cut without an ellipsis (a value, not a text to read). */
export function cutValue(text: string, max: number): string {
  return text.length <= max ? text : safeSlice(text, max);
}
