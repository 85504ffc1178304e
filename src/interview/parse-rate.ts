import { formatQuantity } from './format-quantity.js';
import { MAX_ANSWER_LENGTH, notUnderstood, parsed, type Parsed } from './parse-result.js';
import { readQuantity } from './read-quantity.js';
import { FAILURE_WORDS, FRACTIONS, SUCCESS_AFTER_WORDS, SUCCESS_WORDS } from './share-words.js';

const EXAMPLE = 'type it like 8/10, 80% or 0.8.';
const EXPECTED = 'Type a share like 8/10, 80% or 0.8.';
const OUT_OF_RANGE = `A share must be between 0 and 1 (0% and 100%); ${EXAMPLE}`;

// "8 of 10", "8 out of 10", "8/10", "2 in 10", "7 times out of 10", "one response in four".
const JOIN = /^(?:\s*\/\s*|\s+(?:out\s+of|of|in|times\s+out\s+of)\s+(?:the\s+)?|\s+[a-z]+\s+in\s+)/;
const PERCENT = /^\s*(?:%|percent\b|per\s+cent\b|pct\b)/;
// "half", "a quarter", "two thirds" (of the time).
const FRACTION = /^(?:(?:an?|one)\s+)?(half|quarter|third|fifth|tenth)\b|^(two\s+thirds|three\s+quarters)\b/;
// Words that change nothing after a share: "80% of the time", "half the time", "7 times", "of them".
const FILLER = /^(?:of\s+the\s+time|the\s+time|of\s+them|times)\b\s*/;
const SUCCESS = new RegExp(`^(?:[a-z' ]*?\\s)?(?:${SUCCESS_WORDS}|${SUCCESS_AFTER_WORDS})`);
const FAILURE = new RegExp(`^(?:[a-z' ]*?\\s)?${FAILURE_WORDS}`);

type Share = { value: number; rest: string; note?: string } | { error: string };

/** The share at the start of the text, and the words after it. */
function readShare(text: string): Share | undefined {
  const fraction = FRACTION.exec(text);
  if (fraction) return { value: FRACTIONS[fraction[1] ?? fraction[2] ?? ''] ?? Number.NaN, rest: text.slice(fraction[0].length).trim() };

  // Counts may carry scales: "8k out of 10k".
  const part = readQuantity(text);
  if (!part) return undefined;
  const join = JOIN.exec(part.rest.length === 0 ? '' : ` ${part.rest}`);
  if (join) {
    const whole = readQuantity(` ${part.rest}`.slice(join[0].length));
    if (!whole) return undefined;
    if (part.value < 0 || whole.value < 0) return { error: OUT_OF_RANGE };
    if (whole.value === 0) return { error: `The second number can't be 0; ${EXAMPLE}` };
    return { value: part.value / whole.value, rest: whole.rest };
  }

  // A bare number: scale words make no sense in a share ("8k" is refused by what follows it).
  const bare = readQuantity(text, { scales: false });
  if (!bare) return undefined;
  const percent = PERCENT.exec(bare.rest);
  if (percent) return { value: bare.value / 100, rest: bare.rest.slice(percent[0].length).trim() };
  if (bare.value > 1 && bare.value <= 100) return { value: bare.value / 100, rest: bare.rest, note: `read ${formatQuantity(bare.value)} as ${formatQuantity(bare.value)}%` };
  return { value: bare.value, rest: bare.rest };
}

/**
 * A success rate as a share from 0 to 1: 8/10, 8 out of 10, 80%, 0.8, .8, "six out of ten",
 * "half"; a bare 80 reads as 80%. Said of the failures ("2 in 10 wrong", "one in four breaks the
 * schema"), the rest is the share right, and the answer says so.
 */
export function parseRate(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed.length > MAX_ANSWER_LENGTH) return notUnderstood(text, EXPECTED);
  const cleaned = trimmed
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '');

  const share = readShare(cleaned);
  if (!share) return notUnderstood(text, EXPECTED);
  if ('error' in share) return notUnderstood(text, share.error);
  if (!(share.value >= 0 && share.value <= 1)) return notUnderstood(text, OUT_OF_RANGE);

  const rest = share.rest.replace(FILLER, '');
  if (rest !== '' && FAILURE.test(rest)) {
    const right = 1 - share.value;
    return parsed(right, `read "${trimmed}" as ${formatQuantity(Math.round(right * 1000) / 10)}% right`);
  }
  if (rest !== '' && !SUCCESS.test(rest)) return notUnderstood(text, EXPECTED);
  return share.note === undefined ? parsed(share.value) : parsed(share.value, share.note);
}
