import { formatQuantity } from './format-quantity.js';
import { notUnderstood, parsed, type Parsed } from './parse-result.js';
import { readQuantity } from './read-quantity.js';

const EXPECTED = 'Type calls per month like 10M, 10M a month or 250k a day.';

type Period = { match: RegExp; times: number; per: number; phrase: string };

// The product's rule is "monthly = x30 days", so a week is 30/7 and an hour 24 x 30.
const MONTH: Period = { match: /^(?:months?|mos?|mths?|mon|m|monthly)$/, times: 1, per: 1, phrase: 'a month' };
const PERIODS: readonly Period[] = [
  { match: /^(?:seconds?|secs?|s)$/, times: 60 * 60 * 24 * 30, per: 1, phrase: 'a second' },
  { match: /^(?:minutes?|mins?)$/, times: 60 * 24 * 30, per: 1, phrase: 'a minute' },
  { match: /^(?:hours?|hrs?|h|hourly)$/, times: 24 * 30, per: 1, phrase: 'an hour' },
  { match: /^(?:days?|d|daily)$/, times: 30, per: 1, phrase: 'a day' },
  { match: /^(?:weeks?|wks?|w|weekly)$/, times: 30, per: 7, phrase: 'a week' },
  MONTH,
  { match: /^(?:years?|yrs?|y|yearly|annually|annum)$/, times: 1, per: 12, phrase: 'a year' },
];

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
  const period = word === undefined ? MONTH : PERIODS.find((p) => p.match.test(word));
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
