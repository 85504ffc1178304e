import { PERCENT, SHARE, firstHit, groupSpan, readPercent, type Amount, type Hit, type ScanText } from './scan-text.js';

/**
 * Shares: the success rate ("70% right", "7/10 correct", "0.7 accuracy", "35/50 right") and the
 * prompt-cache hit rate ("80% cache hit rate"). A share is read as a success rate only next to a
 * word about success, so "70% of our tickets are about billing" and "we cut latency by 30%" are not.
 */

const RATIO = String.raw`(?<![\w.,/$-])(?<num>\d{1,3}(?:,\d{3})+|\d+)\s*(?:/|\s+out\s+of\s+|\s+of\s+|(?<often>\s+times\s+out\s+of\s+|\s+in\s+))(?:the\s+)?(?<den>\d{1,3}(?:,\d{3})+|\d+)(?![\w%]|[.,]\d|[-/]\d)`;
const CANDIDATES = [new RegExp(`(?<p>${PERCENT})|${RATIO}|(?<s>${SHARE})`, 'dg')];

/** Words about success, on either side of the share. */
const SUCCESS = /\b(?:right|correct(?:ly)?|accura(?:te|tely|cy)|success(?:ful(?:ly)?)?|succeed(?:s|ed)?|works|pass\s+rate|hit\s+rate|precision)\b/;
/** Only after the share: "70% good", "7/10 pass" (before it, "a good 70%" and "pass 70% to" mean otherwise). */
const SUCCESS_AFTER = /\b(?:good|pass(?:es|ed|ing)?)\b/;
/** "right now", "right away" are not about being right. */
const NOT_RIGHT = /\bright\s+(?:now|away|here|there|off|before|when)\b/g;
/** A change, not a level: "by 30%", "up 10%", "30% faster". */
const CHANGE_BEFORE = /\b(?:by|up|down|another|extra|plus|minus|saves?|saved|cuts?|reduced?|lowered|increased|improved|boosted|dropped|fell|rose|grew|gained|raised)$/;
const CHANGE_AFTER =
  /^(?:more|less|better|worse|higher|lower|improvement|increase|decrease|gain|drop|faster|slower|cheaper|fewer|reduction|boost|lift|uplift|off|discount|cheaper|of\s+the\s+cost|of\s+the\s+budget)\b/;
/** How far a success word may be: "accuracy went from 60% to 75%", "70% of tickets come out right". */
const WORDS_BEFORE = 5;
const WORDS_AFTER = 4;

/** Up to four words on one side of the share, within its clause, with where they start in the text. */
interface Window {
  words: string;
  at: number;
}

function windowBefore(lower: string, start: number): Window {
  const from = Math.max(0, start - 60);
  const head = lower.slice(from, start);
  const cut = Math.max(...[';', '!', '?', ',', '(', ')', ':'].map((c) => head.lastIndexOf(c)), lastSentenceStop(head)) + 1;
  const words = [...head.slice(cut).matchAll(/\S+/g)].slice(-WORDS_BEFORE);
  const first = words[0]?.index;
  return first === undefined ? { words: '', at: start } : { words: blankNotRight(head.slice(cut + first)), at: from + cut + first };
}

function windowAfter(lower: string, end: number): Window {
  const tail = lower.slice(end, end + 60);
  const cut = tail.search(/[;!?,()]|\.(?!\d)/);
  const clause = cut < 0 ? tail : tail.slice(0, cut);
  const last = [...clause.matchAll(/\S+/g)].slice(0, WORDS_AFTER).pop();
  return { words: blankNotRight(last ? clause.slice(0, (last.index ?? 0) + last[0].length) : ''), at: end };
}

/** "right now" blanked out, keeping every other character where it was. */
function blankNotRight(words: string): string {
  return words.replace(NOT_RIGHT, (phrase) => ' '.repeat(phrase.length));
}

function lastSentenceStop(text: string): number {
  let at = -1;
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) if (!/\d/.test(text.charAt(i + 1))) at = i;
  return at;
}

export interface SuccessReading {
  successRate?: Hit<number>;
  /** The denominator of "35/50 right": how many examples the rate was measured on. */
  testedExamples?: Hit<number>;
}

/** The first share next to a success word, and with a score like "35/50", the examples it was measured on. */
export function readSuccess(text: ScanText): SuccessReading {
  let tested: Hit<number> | undefined;
  const rate = firstHit(text.lower, CANDIDATES, (m) => {
    const start = m.index;
    const end = m.index + m[0].length;
    const before = windowBefore(text.lower, start);
    const after = windowAfter(text.lower, end);
    if (/cach/.test(before.words) || /cach/.test(after.words)) return undefined;
    if (CHANGE_BEFORE.test(before.words.trimEnd()) || CHANGE_AFTER.test(after.words.trimStart())) return undefined;
    const successBefore = SUCCESS.exec(before.words);
    const successAfter = SUCCESS.exec(after.words) ?? SUCCESS_AFTER.exec(after.words);
    if (!successBefore && !successAfter) return undefined;

    const share = shareOf(text, m);
    if (!share || share.value < 0 || share.value > 1) return undefined;
    // Quote from the success word before to the success word after, whichever were found.
    const from = successBefore ? before.at + successBefore.index : start;
    const to = successAfter ? after.at + successAfter.index + successAfter[0].length : end;
    const num = m.groups?.num;
    const den = m.groups?.den;
    // "9 in 10", "7 times out of 10" say how often, not how many were tested.
    if (num !== undefined && den !== undefined && m.groups?.often === undefined) {
      const count = Number(den.replace(/,/g, ''));
      if (Number.isSafeInteger(count)) tested = { value: count, start, end: Math.max(to, end) };
    }
    const hit: Hit<number> = { value: share.value, start: Math.min(from, start), end: Math.max(to, end) };
    if (share.range) hit.note = `read ${share.text} as about ${Math.round(share.value * 1000) / 10}% (the middle of the range)`;
    return hit;
  });
  return { ...(rate && { successRate: rate }), ...(rate && tested && { testedExamples: tested }) };
}

function shareOf(text: ScanText, m: RegExpExecArray): Amount | undefined {
  const percent = groupSpan(m, 'p');
  if (percent) return readPercent(text.lower.slice(percent[0], percent[1]), text.original.slice(percent[0], percent[1]));
  const num = m.groups?.num;
  const den = m.groups?.den;
  if (num !== undefined && den !== undefined) {
    const part = Number(num.replace(/,/g, ''));
    const whole = Number(den.replace(/,/g, ''));
    if (!(whole > 0) || part > whole) return undefined;
    return { value: part / whole, range: false, text: m[0] };
  }
  const share = m.groups?.s;
  return share === undefined ? undefined : { value: Number(share), range: false, text: share };
}

const P = `(?<p>${PERCENT})`;
const S = `(?<s>${SHARE})`;
const CACHE: readonly RegExp[] = [
  // "80% cache hit rate", "80% cache hits"
  new RegExp(String.raw`${P}\s+(?:prompt\s+)?(?:cache|caching)\s+(?:hit\s+)?(?:rate|ratio|hits?)\b`, 'dg'),
  // "cache hit rate of 80%", "cache hit rate is 0.8", "we cache 80% of the prompt"
  new RegExp(String.raw`\b(?:prompt\s+)?(?:cache|cached|caching)(?:\s+hit)?(?:\s+(?:rate|ratio))?(?:\s+(?:is|of|at|around|about|roughly|approximately|~|currently)|\s*[:=~])*\s*(?:${P}|${S})`, 'dg'),
  // "80% of the prompt is cached", "80% is served from the cache"
  new RegExp(
    String.raw`${P}\s+(?:of\s+(?:the\s+|our\s+|each\s+)?(?:prompt|input|tokens|prompt\s+tokens|input\s+tokens|requests|calls)\s+)?(?:is\s+|are\s+|gets\s+|get\s+)?(?:cached|cache\s+hits?|served\s+from\s+(?:the\s+)?cache)\b`,
    'dg',
  ),
];
const NO_CACHE = [/\b(?:no|without|don't\s+use|do\s+not\s+use|not\s+using|don't|do\s+not|never|we\s+can't|cannot)\s+(?:any\s+)?(?:prompt\s+)?(?:cache|caching)\b/dg];

/** The prompt-cache hit rate: a share said next to a cache word, or 0 for "we don't cache". */
export function readCacheHitRate(text: ScanText): Hit<number> | undefined {
  const hit = firstHit(text.lower, CACHE, (m) => {
    const share = shareOf(text, m);
    if (!share || share.value < 0 || share.value > 1) return undefined;
    const found: Hit<number> = { value: share.value, start: m.index, end: m.index + m[0].length };
    if (share.range) found.note = `read ${share.text} as about ${Math.round(share.value * 1000) / 10}% (the middle of the range)`;
    return found;
  });
  return hit ?? firstHit(text.lower, NO_CACHE, (m) => ({ value: 0, start: m.index, end: m.index + m[0].length }));
}
