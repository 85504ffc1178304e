import { HEDGE_ALTERNATION } from '../interview/hedge-words.js';
import { NUMBER_WORDS, readNumberWords } from '../interview/number-words.js';
import { readQuantity } from '../interview/read-quantity.js';

/**
 * The shared tools of the task-text reader: a lower-cased copy of the text that keeps every
 * character where it was (so a match can be quoted from the original), the number patterns,
 * and how a matched number becomes a value.
 */

/** Longer texts are read up to here; a first message is a sentence or two, and this keeps the regexes cheap. */
export const MAX_TEXT_LENGTH = 20_000;

/** The longest phrase kept for a value. */
const PHRASE_LIMIT = 60;

/** The text as typed (for quoting) and a copy to match against, character for character. */
export interface ScanText {
  original: string;
  lower: string;
  /** Whether any number is written in words: only then do the patterns look for them (a third of the reading time). */
  spelled: boolean;
}

/** A value found in the text, where it was found, and a remark worth telling the person. */
export interface Hit<T> {
  value: T;
  start: number;
  end: number;
  note?: string;
}

/** Lower-cased, with every kind of space, dash and apostrophe made plain, without moving a character. */
export function scanText(text: string): ScanText {
  const original = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  let lower = original.toLowerCase();
  // A few characters (e.g. "İ") lower-case into two; then go one by one and keep those as they are.
  if (lower.length !== original.length) {
    lower = Array.from({ length: original.length }, (_, i) => {
      const ch = original.charAt(i);
      const low = ch.toLowerCase();
      return low.length === 1 ? low : ch;
    }).join('');
  }
  lower = lower
    .replace(/\s/g, ' ')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\u2018\u2019\u201b\u2032\u00b4`]/g, "'");
  return { original, lower, spelled: SPELLED.test(lower) };
}

/** The words a value was read from: trimmed, on one line, at most 60 characters. */
export function phraseOf(text: ScanText, start: number, end: number): string {
  const words = text.original.slice(start, end).replace(/\s+/g, ' ').trim();
  if (words.length <= PHRASE_LIMIT) return words;
  let cut = '';
  for (const ch of words) {
    if (cut.length + ch.length > PHRASE_LIMIT - 1) break;
    cut += ch;
  }
  return `${cut.trimEnd()}…`;
}

/**
 * The earliest match, across patterns, that `convert` accepts; on a tie the earlier pattern wins.
 * Patterns must be global; each is read from the start.
 */
export function firstHit<T>(lower: string, patterns: readonly RegExp[], convert: (match: RegExpExecArray) => Hit<T> | undefined): Hit<T> | undefined {
  let best: Hit<T> | undefined;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(lower)) !== null) {
      if (match[0] === '') pattern.lastIndex++;
      if (best && match.index >= best.start) break;
      const hit = convert(match);
      if (hit) {
        if (!best || hit.start < best.start) best = hit;
        break;
      }
    }
    pattern.lastIndex = 0;
  }
  return best;
}

/** Where a named group of a match (made with the `d` flag) sits in the text. */
export function groupSpan(match: RegExpExecArray, name: string): [number, number] | undefined {
  const span = match.indices?.groups?.[name];
  return span ? [span[0], span[1]] : undefined;
}

// ---------------------------------------------------------------- number patterns

const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;
const SCALE = String.raw`(?:\s?(?:thousand|million|billion|mil|mn|mm|bn|k|m|b)(?![a-z]))`;
const ONE = `${DIGITS}${SCALE}?`;
/**
 * Not glued to a word, a version ("gpt-4.1"), a price ("$2"), a date or a phone number. A share is
 * not read after "from": in "from 60% to 75%" the number that counts is the one after "to".
 */
const NOT_AFTER = String.raw`(?<![\w.,/$€£#+-])`;
const NOT_FROM = String.raw`(?<!\bfrom\s{1,3})`;
const NOT_BEFORE = String.raw`(?![\w%$€£]|[.,]\d|[-/]\d)`;

/** A number with an optional scale, or a range of two: "2,000", "50k", "1.5 million", "50-60k", "between 50k and 60k". */
export const QUANTITY = String.raw`${NOT_AFTER}(?:between\s+${ONE}\s+(?:and|to)\s+${ONE}|${ONE}(?:\s*-\s*|\s+to\s+)${ONE}|${ONE})${NOT_BEFORE}`;

const SPELLED = new RegExp(NUMBER_WORDS);

/**
 * Patterns built around a count, twice: with numbers in words for the texts that have any, and
 * with digits only for the rest. `count` is COUNT or QUANTITY, `q` the same as the group "q".
 */
export function countPatterns(build: (count: string, q: string, spelled: boolean) => readonly RegExp[]): (text: ScanText) => readonly RegExp[] {
  const spelled = build(COUNT, `(?<q>${COUNT})`, true);
  const digits = build(QUANTITY, `(?<q>${QUANTITY})`, false);
  return (text) => (text.spelled ? spelled : digits);
}

/** A quantity, or a number written in words ("three", "a dozen", "half a million"). */
export const COUNT = `(?:${QUANTITY}|${NUMBER_WORDS})`;

/** Words people put before a number that change nothing: "about 4k", "~50k". */
export const HEDGE = String.raw`(?:(?:${HEDGE_ALTERNATION}|approx\.?|ca\.)\s+|[~≈]\s*)?`;

/** One number in percent, or a range: "70%", "60-70%", "60% to 70%", "between 60 and 70 percent". */
const PCT_ONE = String.raw`\d{1,3}(?:\.\d+)?`;
export const PERCENT = String.raw`${NOT_AFTER}${NOT_FROM}(?:between\s+${PCT_ONE}\s*%?\s+and\s+${PCT_ONE}|${PCT_ONE}\s*%?(?:\s*-\s*|\s+to\s+)${PCT_ONE}|${PCT_ONE})\s*(?:%|percent\b|per\s+cent\b|pct\b)`;

/** A share written as a fraction of one: ".7", "0.85", "1.0". */
export const SHARE = String.raw`${NOT_AFTER}${NOT_FROM}(?:0?\.\d+|1\.0+)${NOT_BEFORE}`;

/** A number as read: its value (the middle of a range), whether it was a range, and how it was typed. */
export interface Amount {
  value: number;
  range: boolean;
  /** As typed, ranges as "low-high": "50k", "50-60k", "between 50k and 60k" is "50k-60k". */
  text: string;
}

const RANGE_WORDS = /^between\s+(.+?)\s+(?:and|to)\s+(.+)$/i;
const RANGE_DASH = /^(.+?)(?:\s*-\s*|\s+to\s+)(.+)$/i;

/** A single number: its value and the scale it carried (1 when none). */
function readOne(text: string): { value: number; scale: number } | undefined {
  const scaled = readQuantity(text);
  const bare = readQuantity(text, { scales: false });
  if (!scaled || !bare || scaled.rest !== '' || !Number.isFinite(scaled.value)) return undefined;
  const scale = bare.rest === '' || bare.value === 0 ? 1 : 10 ** Math.round(Math.log10(scaled.value / bare.value));
  return { value: scaled.value, scale };
}

/**
 * Reads a matched QUANTITY or COUNT. `typed` is the same span of the original text. In "50-60k"
 * the scale of the second number applies to the first; a range reads as its middle.
 */
export function readAmount(matched: string, typed: string): Amount | undefined {
  const words = matched.trim().replace(/\s+/g, ' ');
  const text = typed.trim().replace(/\s+/g, ' ');
  // In words, the whole match must be one number: "two dozen", not "three four".
  const spelled = readNumberWords(words);
  if (spelled) return spelled.length === words.length ? { value: spelled.value, range: false, text } : undefined;

  const parts = RANGE_WORDS.exec(words) ?? RANGE_DASH.exec(words);
  const typedParts = RANGE_WORDS.exec(text) ?? RANGE_DASH.exec(text);
  if (!parts) {
    const one = readOne(words);
    return one && { value: one.value, range: false, text };
  }
  const low = readOne(parts[1] ?? '');
  const high = readOne(parts[2] ?? '');
  if (!low || !high) return undefined;
  const lowValue = low.scale === 1 && high.scale > 1 ? low.value * high.scale : low.value;
  if (!(lowValue < high.value)) return undefined;
  return { value: (lowValue + high.value) / 2, range: true, text: `${typedParts?.[1] ?? ''}-${typedParts?.[2] ?? ''}` };
}

/** Reads a matched PERCENT as a share from 0 to 1; a range reads as its middle. */
export function readPercent(matched: string, typed: string): Amount | undefined {
  const numbers = (matched.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  const [low, high] = numbers;
  const text = typed.trim().replace(/\s+/g, ' ');
  if (low === undefined || low > 100) return undefined;
  if (high === undefined) return { value: low / 100, range: false, text };
  if (!(low < high) || high > 100) return undefined;
  return { value: (low + high) / 200, range: true, text };
}

/** A whole count from an amount: ranges and fractions round to the nearest whole number. */
export function wholeCount(amount: Amount): number | undefined {
  const value = Math.round(amount.value);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The clause around a position: the text back to, or on to, the nearest sentence or clause break. */
export function clauseAround(lower: string, start: number, end: number, reach = 120): string {
  const before = lower.slice(Math.max(0, start - reach), start);
  const after = lower.slice(end, end + reach);
  const from = lastBreak(before);
  const to = after.search(/[;!?\n]|\.(?!\d)/);
  return `${before.slice(from)}${lower.slice(start, end)}${to < 0 ? after : after.slice(0, to)}`;
}

function lastBreak(text: string): number {
  let at = 0;
  const breaks = /[;!?\n]|\.(?!\d)/g;
  let match: RegExpExecArray | null;
  while ((match = breaks.exec(text)) !== null) at = match.index + 1;
  return at;
}
