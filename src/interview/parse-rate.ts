import { MAX_ANSWER_LENGTH, notUnderstood, parsed, type Parsed } from './parse-result.js';
import { readQuantity } from './read-quantity.js';

const EXAMPLE = 'type it like 8/10, 80% or 0.8.';
const EXPECTED = 'Type a share like 8/10, 80% or 0.8.';
const OUT_OF_RANGE = `A share must be between 0 and 1 (0% and 100%); ${EXAMPLE}`;

// Words people add after a rate ("80% of the time", "8/10 correct"); they change nothing.
const TRAILER = /\s+(?:of the time|correct|right|success(?:ful)?|pass(?:ed)?|accuracy|accurate)$/;
const RATIO = /^(.+?)\s*(?:\/|\bout of\b|\bof\b)\s*(.+)$/;
const PERCENT = /^(.*?)\s*(?:%|percent|pct)$/;

/** A bare number with nothing after it; scale words make no sense in a share. */
function plainNumber(text: string): number | undefined {
  const quantity = readQuantity(text, { scales: false });
  return quantity && quantity.rest === '' ? quantity.value : undefined;
}

/** A success rate as a share from 0 to 1: 8/10, 8 out of 10, 80%, 0.8, .8; a bare 80 reads as 80%. */
export function parseRate(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed.length > MAX_ANSWER_LENGTH) return notUnderstood(text, EXPECTED);
  const cleaned = trimmed
    .toLowerCase()
    .replace(/[.!?]+$/, '')
    .replace(TRAILER, '');

  const ratio = RATIO.exec(cleaned);
  if (ratio) {
    // Counts may carry scales: "8k out of 10k".
    const part = readQuantity(ratio[1] ?? '');
    const whole = readQuantity(ratio[2] ?? '');
    if (!part || !whole || part.rest !== '' || whole.rest !== '') return notUnderstood(text, EXPECTED);
    if (part.value < 0 || whole.value < 0) return notUnderstood(text, OUT_OF_RANGE);
    if (whole.value === 0) return notUnderstood(text, `The second number can't be 0; ${EXAMPLE}`);
    const share = part.value / whole.value;
    return inRange(share, 1) ? parsed(share) : notUnderstood(text, OUT_OF_RANGE);
  }

  const percent = PERCENT.exec(cleaned);
  if (percent) {
    const value = plainNumber(percent[1] ?? '');
    if (value === undefined) return notUnderstood(text, EXPECTED);
    return inRange(value, 100) ? parsed(value / 100) : notUnderstood(text, OUT_OF_RANGE);
  }

  const value = plainNumber(cleaned);
  if (value === undefined) return notUnderstood(text, EXPECTED);
  if (inRange(value, 1)) return parsed(value);
  // Above 1 nobody means a share, so 80 is 80%; we say so in case they meant something else.
  if (inRange(value, 100)) return parsed(value / 100, `read ${value} as ${value}%`);
  return notUnderstood(text, OUT_OF_RANGE);
}

function inRange(value: number, max: number): boolean {
  return value >= 0 && value <= max;
}
