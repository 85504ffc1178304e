import { formatQuantity } from './format-quantity.js';
import { notUnderstood, parsed, type Parsed } from './parse-result.js';
import { MONTH, periodOf } from './periods.js';
import { readQuantity } from './read-quantity.js';
import { COUNTED_THING } from './volume-words.js';

const EXPECTED = 'Type calls per month like 10M, 10M a month or 250k a day.';

// What is counted ("calls", "contracts", "support tickets"; not "tokens" or "people"), then
// "/day", "per day", "a day", "every day" or "daily": the same words the task text is read with.
const REST = new RegExp(`^(?:${COUNTED_THING})?\\s*(?:(?:/\\s*|(?:per|an?|each|every(?:\\s+single)?)\\s+)([a-z]+)|([a-z]+ly))?$`);

/** Calls per month; "250k/day", "50k daily", "150 contracts per week", "eight thousand queries a day" are converted and noted. */
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
