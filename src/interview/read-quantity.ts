import { HEDGE_ALTERNATION } from './hedge-words.js';
import { readNumberWords } from './number-words.js';
import { MAX_ANSWER_LENGTH } from './parse-result.js';

/** A number as people type it, with whatever they wrote after it. */
export type Quantity = {
  /** Signed and scaled: "1.5M" is 1500000, "-5" is -5. May be Infinity for "1e999". */
  value: number;
  /** The text after the number, lower-cased and trimmed: "a day" for "250k a day". */
  rest: string;
};

export type ReadOptions = {
  /** Read k/M/B/thousand/million... after the number. Off where "m" means months. */
  scales?: boolean;
};

const HEDGE = new RegExp(String.raw`^(?:(?:${HEDGE_ALTERNATION})\s+|(?:approx|ca)\.?\s*|[~≈]\s*)`);
// Thousands separators need exact groups of three, so "1,5" is not read as 15.
const NUMBER = /^([-−–+]?)\s*(\d{1,3}(?:[,' _]\d{3})+(?!\d)|\d+)?(\.\d+)?(?:e([-+]?\d{1,3}))?/;
const SCALE = /^\s*(thousands?|millions?|billions?|trillions?|mil|mm|mn|bn|tn|k|m|b|t)(?![a-z])/;
const PLUS = /^\s*\+/;

// Power of ten for each scale word after the number.
const SCALE_POWER: Record<string, number> = {
  k: 3,
  thousand: 3,
  thousands: 3,
  m: 6,
  mm: 6,
  mn: 6,
  mil: 6,
  million: 6,
  millions: 6,
  b: 9,
  bn: 9,
  billion: 9,
  billions: 9,
  t: 12,
  tn: 12,
  trillion: 12,
  trillions: 12,
};

/**
 * Reads "about 1.5M+", "4,000", "4 000", "~4k", ".8", "1e6", "three thousand" from the start of
 * the text. Returns undefined when there is no number there.
 */
export function readQuantity(text: string, options: ReadOptions = {}): Quantity | undefined {
  const trimmed = text.trim();
  if (trimmed.length > MAX_ANSWER_LENGTH) return undefined;
  let rest = trimmed
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '');
  rest = rest.replace(HEDGE, '');

  const number = NUMBER.exec(rest);
  const [matched = '', sign = '', whole, fraction, exponent] = number ?? [];
  if (whole === undefined && fraction === undefined) {
    // "three thousand", "a dozen", "half a million": the same words the task text is read with.
    const words = readNumberWords(rest);
    return words && { value: words.value, rest: rest.slice(words.length).replace(PLUS, '').trim() };
  }
  rest = rest.slice(matched.length).replace(PLUS, '');

  let power = Number(exponent ?? 0);
  const scale = options.scales === false ? null : SCALE.exec(rest);
  if (scale?.[1] !== undefined) {
    power += SCALE_POWER[scale[1]] ?? 0;
    rest = rest.slice(scale[0].length).replace(PLUS, '');
  }

  // Scaling in decimal ("1.5e6") avoids float drift from 1.5 * 1000000-style products.
  const digits = `${(whole ?? '0').replace(/[,' _]/g, '')}${fraction ?? ''}`;
  const magnitude = Number(`${digits}e${power}`);
  const negative = sign !== '' && sign !== '+' && magnitude !== 0;
  return { value: negative ? -magnitude : magnitude, rest: rest.trim() };
}
