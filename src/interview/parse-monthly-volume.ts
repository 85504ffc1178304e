import { formatQuantity } from './format-quantity.js';
import { notUnderstood, parsed, type Parsed } from './parse-result.js';
import { MONTH, periodOf } from './periods.js';
import { readQuantity } from './read-quantity.js';

const EXPECTED = 'Type calls per month like 10M, 10M a month or 250k a day.';

// Optional "calls"/"requests" noun, then "/day", "per day", "a day", "every day" or "daily".
const NOUN =
  '(?:(?:api|llm|model)\\s+)?(?:calls?|requests?|quer(?:y|ies)|messages?|documents?|docs?|tickets?|emails?|' + 'items?|conversations?|chats?|prompts?|completions?|inferences?|predictions?|runs?)';
const REST = new RegExp(`^(?:${NOUN})?\\s*(?:(?:/\\s*|(?:per|an?|each|every)\\s+)([a-z]+)|([a-z]+ly))?$`);

/** Calls per month; "250k/day", "50k daily", "120M a year" are converted and noted. */
export function parseMonthlyVolume(text: string): Parsed<number> {
  const quantity = readQuantity(text);
  const rest = quantity ? REST.exec(quantity.rest) : null;
  if (!quantity || !rest) return notUnderstood(text, EXPECTED);

  const word = rest[1] ?? rest[2];
  const period = word === undefined ? MONTH : periodOf(word);
  if (!period) return notUnderstood(text, EXPECTED);
  if (quantity.value < 0) return notUnderstood(text, `A volume can't be negative. ${EXPECTED}`);

  const exact = (quantity.value * period.times) / period.per;
  const value = Math.round(exact);
  if (!Number.isSafeInteger(value)) return notUnderstood(text, `That is too large for a volume. ${EXPECTED}`);

  if (period !== MONTH) {
    return parsed(value, `${formatQuantity(quantity.value)} ${period.phrase} is ${formatQuantity(value)} a month`);
  }
  if (value !== exact) return parsed(value, `rounded ${formatQuantity(exact)} to ${formatQuantity(value)} a month`);
  return parsed(value);
}
