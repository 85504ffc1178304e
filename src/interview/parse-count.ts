import { formatQuantity } from './format-quantity.js';
import { notUnderstood, parsed, type Parsed } from './parse-result.js';
import { readQuantity } from './read-quantity.js';

const EXPECTED = 'Type a number like 4k, 4,000 or 1.5M.';

// What people count, so "4k tokens" or "2,000 labeled examples" read; any other
// trailing word ("4k a day") is refused rather than silently dropped.
const UNIT = new RegExp(
  '^(?:(?:labell?ed|tested|training|test|input|output|prompt|system)\\s+)?' +
    '(?:tokens?|examples?|samples?|items?|calls?|requests?|rows?|records?|labels?|documents?|docs?|' +
    'messages?|prompts?|words?|iterations?|attempts?|tries|versions?|categor(?:y|ies)|class(?:es)?|' +
    'cases?|tests?|quer(?:y|ies)|tickets?|emails?)$',
);

/** A non-negative whole count: 4k, 4,000, 4 000, 1.5M, 2bn, "about 4k tokens", 500+. */
export function parseCount(text: string): Parsed<number> {
  const quantity = readQuantity(text);
  if (!quantity || (quantity.rest !== '' && !UNIT.test(quantity.rest))) {
    return notUnderstood(text, EXPECTED);
  }
  if (quantity.value < 0) return notUnderstood(text, `A count can't be negative. ${EXPECTED}`);
  const value = Math.round(quantity.value);
  if (!Number.isSafeInteger(value)) return notUnderstood(text, `That is too large for a count. ${EXPECTED}`);
  if (value === quantity.value) return parsed(value);
  return parsed(value, `rounded ${formatQuantity(quantity.value)} to ${formatQuantity(value)}`);
}
