import { formatQuantity } from './format-quantity.js';
import { MAX_ANSWER_LENGTH, notUnderstood, parsed, type Parsed } from './parse-result.js';
import { readQuantity, type Quantity } from './read-quantity.js';

const MIN_MONTHS = 1;
const MAX_MONTHS = 60;
const EXAMPLE = 'type it like 12, 18 months or 2 years.';
const EXPECTED = 'Type a number of months like 12, 18 months or 2 years.';

const MONTHS = /^(?:months?|mos?|mths?|m)$/;
const YEARS = /^(?:years?|yrs?|y)$/;
// "a year" is common enough to read; other number words are not.
const ONE = /^(?:a|an|one)\s+/;

/** A horizon in whole months from 1 to 60: 12, 12 months, 18mo, 1 year, 1.5 years. */
export function parseMonths(text: string): Parsed<number> {
  const quantity = readMonthsQuantity(text);
  if (!quantity) return notUnderstood(text, EXPECTED);

  const unit = quantity.rest;
  const perUnit = unit === '' || MONTHS.test(unit) ? 1 : YEARS.test(unit) ? 12 : undefined;
  if (perUnit === undefined) return notUnderstood(text, EXPECTED);

  const exact = quantity.value * perUnit;
  const value = Math.round(exact);
  if (!(value >= MIN_MONTHS && value <= MAX_MONTHS)) {
    return notUnderstood(text, `The horizon must be from ${MIN_MONTHS} to ${MAX_MONTHS} months; ${EXAMPLE}`);
  }
  if (value === exact) return parsed(value);
  return parsed(value, `read ${formatQuantity(quantity.value)} ${unit || 'months'} as ${value} month${value === 1 ? '' : 's'}`);
}

function readMonthsQuantity(text: string): Quantity | undefined {
  // Scales are off: here "18m" means months, not 18 million.
  const quantity = readQuantity(text, { scales: false });
  if (quantity) return quantity;
  const words = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (words.length > MAX_ANSWER_LENGTH || !ONE.test(words)) return undefined;
  return { value: 1, rest: words.replace(ONE, '').replace(/[.!?]+$/, '') };
}
