/**
 * Periods a volume is given in, as a share of the product's month: "a month is 30 days", so a
 * week is 30/7 of it and an hour 24 x 30. One table for the typed answer and the task reader.
 */
export interface Period {
  times: number;
  per: number;
  /** How a note names it: "250k a day is 7.5M a month". */
  phrase: string;
}

const SECOND: Period = { times: 60 * 60 * 24 * 30, per: 1, phrase: 'a second' };
const MINUTE: Period = { times: 60 * 24 * 30, per: 1, phrase: 'a minute' };
const HOUR: Period = { times: 24 * 30, per: 1, phrase: 'an hour' };
const DAY: Period = { times: 30, per: 1, phrase: 'a day' };
const WEEK: Period = { times: 30, per: 7, phrase: 'a week' };
export const MONTH: Period = { times: 1, per: 1, phrase: 'a month' };
const QUARTER: Period = { times: 1, per: 3, phrase: 'a quarter' };
const YEAR: Period = { times: 1, per: 12, phrase: 'a year' };

const PERIOD_WORDS: Readonly<Record<string, Period>> = {
  s: SECOND,
  sec: SECOND,
  second: SECOND,
  min: MINUTE,
  minute: MINUTE,
  h: HOUR,
  hr: HOUR,
  hour: HOUR,
  hourly: HOUR,
  d: DAY,
  day: DAY,
  daily: DAY,
  w: WEEK,
  wk: WEEK,
  week: WEEK,
  weekly: WEEK,
  m: MONTH,
  mo: MONTH,
  mon: MONTH,
  mth: MONTH,
  month: MONTH,
  monthly: MONTH,
  q: QUARTER,
  qtr: QUARTER,
  quarter: QUARTER,
  quarterly: QUARTER,
  y: YEAR,
  yr: YEAR,
  year: YEAR,
  yearly: YEAR,
  annually: YEAR,
  annum: YEAR,
  annual: YEAR,
};

/** "day", "days", "daily", "hr", "annum"; undefined for anything else. */
export function periodOf(word: string | undefined): Period | undefined {
  if (word === undefined) return undefined;
  return PERIOD_WORDS[word] ?? (word.endsWith('s') ? PERIOD_WORDS[word.slice(0, -1)] : undefined);
}
