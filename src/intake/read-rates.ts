import { NUMBER_WORDS, readNumberWords } from '../interview/number-words.js';
import { FAILURE_WORDS, FRACTIONS, SUCCESS_AFTER_WORDS, SUCCESS_WORDS } from '../interview/share-words.js';
import { PERCENT, SHARE, countPatterns, firstHit, groupSpan, readAmount, readPercent, type Amount, type Hit, type ScanText } from './scan-text.js';

/**
 * Shares: the success rate ("70% right", "7/10 correct", "0.7 accuracy", "35/50 right", "2 in 10
 * come back wrong", "lawyers accept 6 out of 10") and the prompt-cache hit rate ("80% cache hit
 * rate"). A share is read as a success rate only next to a word about success or failure, so "70%
 * of our tickets are about billing", "we cut latency by 30%" and "we want 95% accuracy" are not.
 */

const RATIO_END = String.raw`(?![\w%]|[.,]\d|[-/]\d)`;
const CANDIDATES = countPatterns((_count, _q, spelled) => {
  /** A number in a ratio, in digits or words: "19", "1,200", "one", "ten". */
  const N = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+${spelled ? `|${NUMBER_WORDS}` : ''})`;
  /** "19 of 25", "6 out of 10", "9/10", "2 in 10", "7 times out of 10". */
  const RATIO = String.raw`(?<![\w.,/$-])(?<num>${N})\s*(?:/|\s+out\s+of\s+|\s+of\s+|(?<often>\s+times\s+out\s+of\s+|\s+in\s+))(?:the\s+)?(?<den>${N})${RATIO_END}`;
  /** "one response in four", "1 in 3 drafts": a noun between, only with "in". */
  const RATIO_NOUN = String.raw`(?<![\w.,/$-])(?<num>${N})\s+(?<often>[a-z]+\s+in\s+)(?<den>${N})${RATIO_END}`;
  /** "eighty percent". */
  const SPELLED_PERCENT = spelled ? String.raw`|(?<w>${NUMBER_WORDS})\s+(?:percent|per\s+cent)\b` : '';
  /** "half", "a quarter of the time", "two thirds". */
  const FRACTION = String.raw`(?<f>(?<![\w-])(?:half|an?\s+(?:quarter|third|fifth|tenth)|one\s+(?:quarter|third|fifth|tenth)|two\s+thirds|three\s+quarters)(?![\w-]))`;
  return [new RegExp(`(?<p>${PERCENT})|${RATIO}|(?<s>${SHARE})${SPELLED_PERCENT}|${FRACTION}`, 'dg'), new RegExp(RATIO_NOUN, 'dg')];
});

const SUCCESS = new RegExp(SUCCESS_WORDS, 'g');
const SUCCESS_AFTER = new RegExp(SUCCESS_AFTER_WORDS, 'g');
const FAILURE = new RegExp(FAILURE_WORDS, 'g');
/** "right now", "right away" are not about being right. */
const NOT_RIGHT = /\bright\s+(?:now|away|here|there|off|before|when)\b/g;
/** A goal, not a level: "the CEO wants 95% accuracy", "we need to reach 90%". */
const GOAL_BEFORE = /\b(?:wants?|wanted|need(?:s|ed)?|target(?:s|ing)?|goal|aim(?:s|ing)?|reach|require[sd]?|expects?|expected|hope|hoping|should|must|threshold|sla|bar\s+is)\b/;
/** A change, not a level: "by 30%", "up 10%", "30% faster". */
const CHANGE_BEFORE = /\b(?:by|up|down|another|extra|plus|minus|saves?|saved|cuts?|reduced?|lowered|increased|improved|boosted|dropped|fell|rose|grew|gained|raised)$/;
const CHANGE_AFTER =
  /^(?:more|less|better|worse|higher|lower|improvement|increase|decrease|gain|drop|faster|slower|cheaper|fewer|reduction|boost|lift|uplift|off|discount|cheaper|of\s+the\s+cost|of\s+the\s+budget)\b/;
/** How far a success word may be: "accuracy went from 60% to 75%", "70% of tickets come out right". */
const WORDS_BEFORE = 5;
const WORDS_AFTER = 6;

/** A few words on one side of the share, within its clause, with where they start in the text. */
interface Window {
  words: string;
  at: number;
}

function windowBefore(lower: string, start: number): Window {
  const from = Math.max(0, start - 60);
  const head = lower.slice(from, start);
  const cut = Math.max(...[';', '!', '?', ',', '(', ')'].map((c) => head.lastIndexOf(c)), lastSentenceStop(head)) + 1;
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

/** A word about success or failure near a share, and how far it is from it. */
interface Said {
  failed: boolean;
  start: number;
  end: number;
  distance: number;
}

/** The nearest word that says what the share counts, on either side. */
function nearestSaid(before: Window, after: Window, start: number, end: number): Said | undefined {
  let best: Said | undefined;
  const consider = (failed: boolean, from: number, to: number, distance: number) => {
    if (!best || distance < best.distance) best = { failed, start: from, end: to, distance };
  };
  for (const [pattern, failed] of [
    [SUCCESS, false],
    [SUCCESS_AFTER, false],
    [FAILURE, true],
  ] as const) {
    for (const m of after.words.matchAll(pattern)) consider(failed, after.at + m.index, after.at + m.index + m[0].length, after.at + m.index - end);
    if (pattern === SUCCESS_AFTER) continue;
    for (const m of before.words.matchAll(pattern)) consider(failed, before.at + m.index, before.at + m.index + m[0].length, start - (before.at + m.index + m[0].length));
  }
  return best;
}

/** "9 in 10", "7 times out of 10", "8/10" say how often; "19 of 25" says how many were tested. */
function testedBy(m: RegExpExecArray, share: Amount & { whole?: number }): number | undefined {
  if (m.groups?.often !== undefined || m.groups?.den === undefined) return undefined;
  // "4 out of 5", "7 of 10", "92 of 100" are shares; nobody tests on so few or so round a number.
  const whole = share.whole;
  return whole === undefined || whole <= 10 || whole === 100 || whole === 1000 ? undefined : whole;
}

/** The first share next to a word about success or failure, and with a score like "35/50", the examples it was measured on. */
export function readSuccess(text: ScanText): SuccessReading {
  let tested: Hit<number> | undefined;
  const rate = firstHit(text.lower, CANDIDATES(text), (m) => {
    const start = m.index;
    const end = m.index + m[0].length;
    const before = windowBefore(text.lower, start);
    const after = windowAfter(text.lower, end);
    if (/cach/.test(before.words) || /cach/.test(after.words)) return undefined;
    if (CHANGE_BEFORE.test(before.words.trimEnd()) || CHANGE_AFTER.test(after.words.trimStart())) return undefined;
    if (GOAL_BEFORE.test(before.words)) return undefined;
    const said = nearestSaid(before, after, start, end);
    if (!said) return undefined;

    const share = shareOf(text, m);
    if (!share || share.value < 0 || share.value > 1) return undefined;
    const hit: Hit<number> = { value: said.failed ? 1 - share.value : share.value, start: Math.min(said.start, start), end: Math.max(said.end, end) };
    const count = testedBy(m, share);
    if (count !== undefined) tested = { value: count, start: hit.start, end: hit.end };
    if (share.range) hit.note = `read ${share.text} as about ${Math.round(share.value * 1000) / 10}% (the middle of the range)`;
    if (said.failed) hit.note = `read "${text.original.slice(hit.start, hit.end).replace(/\s+/g, ' ')}" as ${Math.round(hit.value * 1000) / 10}% right`;
    return hit;
  });
  return { ...(rate && { successRate: rate }), ...(rate && tested && { testedExamples: tested }) };
}

/** A number of a ratio, in digits or words: "1,200" or "four". */
function numberIn(words: string): number | undefined {
  if (/^\d/.test(words)) return Number(words.replace(/,/g, ''));
  const spelled = readNumberWords(words);
  return spelled && spelled.length === words.length ? spelled.value : undefined;
}

function shareOf(text: ScanText, m: RegExpExecArray): (Amount & { whole?: number }) | undefined {
  const percent = groupSpan(m, 'p');
  if (percent) return readPercent(text.lower.slice(percent[0], percent[1]), text.original.slice(percent[0], percent[1]));
  const num = m.groups?.num;
  const den = m.groups?.den;
  if (num !== undefined && den !== undefined) {
    const part = numberIn(num);
    const whole = numberIn(den);
    if (part === undefined || whole === undefined || !(whole > 0) || part > whole) return undefined;
    return { value: part / whole, range: false, text: m[0], whole };
  }
  const spelled = m.groups?.w;
  if (spelled !== undefined) {
    const value = numberIn(spelled);
    return value === undefined ? undefined : { value: value / 100, range: false, text: m[0] };
  }
  const fraction = m.groups?.f;
  if (fraction !== undefined) return { value: FRACTIONS[fraction.replace(/^(?:an?|one)\s+/, '').replace(/\s+/g, ' ')] ?? Number.NaN, range: false, text: fraction };
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

/** After "tested on 25 emails": "19 were routed correctly", "41 were right", "60 right", "we pass 120 of them". */
const SCORES = countPatterns((_, SCORE_C) => [
  new RegExp(String.raw`${SCORE_C}\s+(?:of\s+them\s+)?(?:(?:were|was|are|came\s+out|come\s+out|got)\s+)?(?:[a-z]+\s+)?(?:right|correct(?:ly)?|accurate|passed|fine|good|ok|okay)\b`, 'dg'),
  new RegExp(String.raw`\b(?:pass(?:es|ed)?|got|get)\s+${SCORE_C}\s+(?:of\s+them|right|correct)\b`, 'dg'),
]);

/** The success rate from a count of right answers said after the test it came from: 19 of the 25 tested. */
export function readScoreOfTested(text: ScanText, tested: Hit<number>): Hit<number> | undefined {
  if (!(tested.value > 0)) return undefined;
  const after = text.lower.slice(tested.end, tested.end + 80);
  const stop = after.search(/[;!?\n]|\.(?!\d)/);
  const clause = stop < 0 ? after : after.slice(0, stop);
  const score = firstHit(clause, SCORES(text), (m) => {
    const span = groupSpan(m, 'q');
    if (!span) return undefined;
    const amount = readAmount(clause.slice(span[0], span[1]), clause.slice(span[0], span[1]));
    if (!amount || amount.range || amount.value > tested.value) return undefined;
    return { value: amount.value / tested.value, start: tested.end + m.index, end: tested.end + m.index + m[0].length };
  });
  return score && { ...score, start: tested.start };
}
