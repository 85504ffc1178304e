import { formatUsd } from '../format/format-numbers.js';
import { notUnderstood, parsed, type Parsed } from './parse-result.js';
import { readQuantity } from './read-quantity.js';

const EXPECTED = 'Type an amount in US dollars, like $25, 25 or 1.5k.';
// Currency words people add after the figure; anything else ("25 a day") is refused, not dropped.
const UNIT = /^(?:usd|us\$|dollars?|bucks?)?(?:\s*(?:each|per (?:example|answer|error|mistake|item|ticket|one)|an? (?:example|answer|error|mistake|item|ticket)))?$/;

/** A non-negative amount of US dollars: $25, 25 USD, about $1.5k, 0.40, "$2 per example". */
export function parseUsd(text: string): Parsed<number> {
  const quantity = readQuantity(text.replace(/^\s*(?:about|around|roughly)?\s*(?:us)?\$\s*/i, (m) => m.replace(/(?:us)?\$/i, '')));
  if (!quantity || !UNIT.test(quantity.rest)) return notUnderstood(text, EXPECTED);
  if (quantity.value < 0) return notUnderstood(text, `An amount can't be negative. ${EXPECTED}`);
  if (!Number.isFinite(quantity.value)) return notUnderstood(text, `That is too large. ${EXPECTED}`);
  const value = Math.round(quantity.value * 100) / 100;
  return value === quantity.value ? parsed(value) : parsed(value, `rounded to ${formatUsd(value)}`);
}
