/**
 * Words people put before a number without changing it ("about 4k", "some 50 examples",
 * "at least 100"): one list for typed answers and the task reader, so both read the same.
 */
export const HEDGE_WORDS = [
  'about',
  'around',
  'roughly',
  'approximately',
  'nearly',
  'almost',
  'over',
  'under',
  'some',
  'maybe',
  'like',
  'only',
  'just',
  'circa',
  'at least',
  'more than',
  'less than',
] as const;

/** The words as a regex alternation, longest first, with any spacing between two-word ones. */
export const HEDGE_ALTERNATION = [...HEDGE_WORDS]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, String.raw`\s+`))
  .join('|');
