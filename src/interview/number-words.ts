/**
 * Numbers written in words, as people type them: "three", "twenty-five", "fifteen hundred",
 * "one hundred and twenty thousand", "a dozen", "two dozen", "a couple thousand", "half a
 * million". One reader for typed answers and the task text, so both read the same words.
 * Vague amounts ("a few hundred", "several thousand") are not numbers.
 */

const SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };

const WORD = String.raw`(?:${[...Object.keys(SMALL), 'hundred', 'thousand', 'million', 'billion', 'dozen'].sort((a, b) => b.length - a.length).join('|')})`;
/** "a"/"half a"/"a couple (of)" only count before a word that makes them a number. */
const LEAD = String.raw`(?:half\s+an?\s+|an?\s+couple\s+(?:of\s+)?|couple\s+(?:of\s+)?|an?\s+)?`;
const JOIN = String.raw`(?:\s+and\s+|\s*-\s*|\s+)`;

/**
 * A run of number words in lower-cased text (global, no groups): check what it matched with
 * readNumberWords. Not glued to another word.
 */
export const NUMBER_WORDS = String.raw`(?<![\w-])(?:an?\s+couple(?:\s+of)?(?![\w-])(?!\s+(?:hundred|thousand|million|billion|dozen)\b)|${LEAD}${WORD}(?:${JOIN}${WORD})*)(?![\w-])`;

const LEADING = /^(?:(half)\s+an?|(an?\s+couple|couple)(?:\s+of)?|(an?))\s+/;
const COUPLE = /^(?:an?\s+)?couple(?:\s+of)?(?![\w-])/;
const TOKEN = new RegExp(`^${WORD}(?![a-z])`);
const NEXT_TOKEN = new RegExp(`^\\s+${WORD}(?![a-z])`);

/**
 * The number at the start of `text` (lower case), and how many characters it took; undefined
 * when the words there are not a number. Stops before words that don't continue it ("two and three").
 */
export function readNumberWords(text: string): { value: number; length: number } | undefined {
  // "a couple of rounds": two; "a couple thousand" reads on.
  const couple = COUPLE.exec(text);
  if (couple && !NEXT_TOKEN.test(text.slice(couple[0].length))) return { value: 2, length: couple[0].length };
  const lead = LEADING.exec(text);
  let at = lead ? lead[0].length : 0;
  const factor = lead?.[1] ? 0.5 : lead?.[2] ? 2 : 1;
  // "a"/"half a"/"a couple" must be followed by a scale: "a thousand", not "a one".
  const needsScale = lead !== null;

  let total = 0;
  let group = 0;
  let lastSmall: number | undefined;
  let lastScale = Number.POSITIVE_INFINITY;
  let seen = false;
  let end = 0;
  let value = 0;
  for (;;) {
    const token = TOKEN.exec(text.slice(at))?.[0];
    if (token === undefined) break;
    const small = SMALL[token];
    if (small !== undefined) {
      if (needsScale && !seen) return undefined;
      // "twenty five" joins; "five twenty" and "three four" do not.
      const joins = lastSmall === undefined || (lastSmall >= 20 && lastSmall % 10 === 0 && small < 10 && small > 0);
      if (!joins || (group % 100 !== 0 && lastSmall === undefined)) break;
      group += small;
      lastSmall = small;
    } else if (token === 'hundred') {
      if (group >= 100 || (!seen && !needsScale)) break;
      group = (group || 1) * 100;
      lastSmall = undefined;
    } else if (token === 'dozen') {
      if (group >= 100 && group % 100 !== 0) break;
      group = (group || 1) * 12;
      lastSmall = undefined;
    } else {
      const scale = SCALES[token] ?? 1;
      if (scale >= lastScale || (!seen && !needsScale)) break;
      total += (group || 1) * scale;
      group = 0;
      lastSmall = undefined;
      lastScale = scale;
    }
    seen = true;
    at += token.length;
    end = at;
    value = total + group;
    const join = new RegExp(`^${JOIN}`).exec(text.slice(at));
    if (!join) break;
    at += join[0].length;
  }
  if (!seen) return undefined;
  return { value: value * factor, length: end };
}
