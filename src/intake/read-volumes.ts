import { formatQuantity } from '../interview/format-quantity.js';
import { MONTH, periodOf } from '../interview/periods.js';
import { NOT_CALLS } from '../interview/volume-words.js';
import { HEDGE, clauseAround, countPatterns, firstHit, groupSpan, readAmount, type Hit, type ScanText } from './scan-text.js';

/**
 * Calls a month from "50k tickets a day", "10M calls/month", "250k/day", "1,000 per week",
 * "100 an hour", "120M a year", "150 contracts per week", "eight thousand queries a day",
 * "1.2M requests per quarter". The product's rule: a month is 30 days, a week 30/7 of it.
 */

/** What people count when they count calls. */
const NOUN = String.raw`(?:(?:api|llm|model|openai|gpt|ai)\s+)?(?:calls?|requests?|tickets?|e-?mails?|messages?|documents?|docs?|reviews?|quer(?:y|ies)|conversations?|chats?|items?|records?|pages?|invoices?|transcripts?|articles?|posts?|comments?|orders?|claims?|forms?|receipts?|contracts?|files?|images?|texts?|inputs?|completions?|predictions?|classifications?|questions?|cases?|transactions?|notes?|reports?|listings?|leads?|applications?|resumes?|searches|search(?:es)?|prompts?|generations?|summaries|translations?|lookups?|entries|rows?|tasks?|jobs?|descriptions?|responses?|replies|submissions?)`;
/** Up to two words between the number and the noun: "50k (new support) tickets a day". */
const ADJECTIVES = String.raw`(?:[a-z][a-z'-]*\s+){0,2}?`;
const SLASH_UNIT = String.raw`(?:seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|mths?|m|quarters?|qtrs?|q|years?|yrs?|y|annum)`;
const WORD_UNIT = String.raw`(?:seconds?|minutes?|hours?|hrs?|days?|weeks?|months?|mos?|quarters?|qtrs?|years?|yrs?|annum)`;
const PERIOD = String.raw`(?:\s*/\s*${SLASH_UNIT}|\s+(?:per|an?|each|every(?:\s+single)?|in\s+an?)\s+${WORD_UNIT}|\s+(?:hourly|daily|weekly|monthly|quarterly|yearly|annually|per\s+annum))\b`;
/** With a noun, "10M requests last month" is a volume too. */
const LOOSE_PERIOD = String.raw`(?:${PERIOD}|\s+(?:last|this|(?:over|in)\s+the\s+last)\s+(?:day|week|month|year)\b)`;
/** Any noun but people, time, money or tokens between the number and its period: "3k apps a week". */
const ANY_NOUN = String.raw`(?:\s+(?!${NOT_CALLS}\b)[a-z][a-z'-]*){1,3}?`;

const WITH_PERIOD = countPatterns(
  (_, Q) =>
    ([] = [
      new RegExp(`${Q}${PERIOD}`, 'dg'),
      new RegExp(`${Q}\\s+${ADJECTIVES}${NOUN}${LOOSE_PERIOD}`, 'dg'),
      new RegExp(`${Q}${ANY_NOUN}${PERIOD}`, 'dg'),
      // "every day we get 50k tickets", "last year we made 120M calls"
      new RegExp(
        String.raw`\b(?:every|each|last|this|in\s+the\s+last)\s+(?:single\s+)?(?<lead>day|week|month|year|hour)\b,?\s+(?:[a-z']+\s+){0,3}?${HEDGE}${Q}\s+${ADJECTIVES}${NOUN}\b(?!${LOOSE_PERIOD})`,
        'dg',
      ),
      // "daily volume is about 50k", "monthly traffic: 10M requests"
      new RegExp(
        String.raw`\b(?<lead>daily|weekly|monthly|yearly|annual|hourly)\s+(?:(?:call|request|ticket|message|email|api|query|inference)\s+)?(?:volume|traffic|load|throughput|usage|calls|requests)(?:\s+(?:is|of|at|was|around|about|roughly|approximately|currently)|\s*[:=~])*\s*${Q}`,
        'dg',
      ),
    ]),
);

/** "10M calls" with no period: read as a month, only when it says calls or requests. */
const WITHOUT_PERIOD = countPatterns((_, Q) => [
  new RegExp(
    String.raw`${Q}\s+(?:(?:api|llm|model|openai|gpt|ai)\s+)?(?:calls|requests)\b(?!\s*(?:/|per\b|each\b|every\b|for\s+(?:each|every)\b|an?\s+(?:ticket|document|email|message|item|record|user|customer|request|conversation|input)\b))`,
    'dg',
  ),
]);

/** "10M calls" is not a month's when its clause names another span: "so far", "in total", "in 2024". */
const OTHER_SPAN = /\b(?:days?|weeks?|months?|years?|quarters?|hours?|daily|weekly|monthly|yearly|annual(?:ly)?|total|so\s+far|to\s+date|since|overall|ever|lifetime|per|each|every|20\d\d)\b/;

/** Money said as a count: "$5k a month", "we spend 5k a month" is a budget, not a volume. */
const MONEY_BEFORE =
  /(?:[$€£]|\b(?:usd|eur|gbp|spends?|spending|spent|pays?|paying|paid|costs?|costing|budget|bill(?:ed)?|price[ds]?|charges?|charged|dollars?|euros?|worth|revenue|arr|mrr|income|sales|salary|salaries|earns?|earning|earned|makes?\s+us)\s*(?:of|is|at|about|around|roughly|~|:)?)\s*$/;

/** Calls a month, with a note when the text said another period, a range, or no period at all. */
export function readMonthlyCalls(text: ScanText): Hit<number> | undefined {
  return (
    firstHit(text.lower, WITH_PERIOD(text), (m) => toVolume(text, m, true)) ??
    firstHit(text.lower, WITHOUT_PERIOD(text), (m) => (OTHER_SPAN.test(clauseAround(text.lower, m.index, m.index + m[0].length)) ? undefined : toVolume(text, m, false)))
  );
}

function toVolume(text: ScanText, match: RegExpExecArray, withPeriod: boolean): Hit<number> | undefined {
  const span = groupSpan(match, 'q');
  if (!span) return undefined;
  if (MONEY_BEFORE.test(text.lower.slice(Math.max(0, span[0] - 24), span[0]))) return undefined;
  const amount = readAmount(text.lower.slice(span[0], span[1]), text.original.slice(span[0], span[1]));
  if (!amount) return undefined;
  const unit = match.groups?.lead ?? /([a-z]+)\s*$/.exec(match[0])?.[1];
  const period = withPeriod ? periodOf(unit) : MONTH;
  if (!period) return undefined;

  const exact = (amount.value * period.times) / period.per;
  const value = Math.round(exact);
  if (!Number.isSafeInteger(value) || value < 0) return undefined;

  const start = match.index;
  const end = match.index + match[0].length;
  const about = amount.range || value !== exact ? 'about ' : '';
  const said = withPeriod ? `${amount.text} ${period.phrase}` : `${amount.text} ${/\b(requests)\b/.test(match[0]) ? 'requests' : 'calls'}`;
  const why = amount.range ? ' (the middle of the range)' : withPeriod ? '' : ' (no period given)';
  const note = period !== MONTH || amount.range || value !== exact || !withPeriod ? `read ${said} as ${about}${formatQuantity(value)} a month${why}` : undefined;
  return note === undefined ? { value, start, end } : { value, start, end, note };
}
