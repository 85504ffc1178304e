/**
 * The words that say what a share counts: the ones that came out right ("70% correct", "lawyers
 * accept 6 out of 10", "9/10 need no edits") or the ones that failed ("2 in 10 come back wrong",
 * "one in four breaks the schema"), which leave the rest right. One list for typed answers and
 * the task text, so "2 in 10 wrong" is 80% right in both.
 */

/** Shares in words: "half", "a quarter of the time", "two thirds". */
export const FRACTIONS: Readonly<Record<string, number>> = { half: 1 / 2, quarter: 1 / 4, third: 1 / 3, fifth: 1 / 5, tenth: 1 / 10, 'two thirds': 2 / 3, 'three quarters': 3 / 4 };

/** Said of the ones that came out right, before or after the share. */
export const SUCCESS_WORDS = String.raw`\b(?:right|correct(?:ly)?|accura(?:te|tely)|ac{1,2}u(?:ra|ar)c(?:y|ies)|success(?:ful(?:ly)?)?|succeed(?:s|ed)?|works|pass\s+rate|hit\s+rate|precision|usable|accept(?:s|ed)?|approv(?:e|es|ed)|(?:needs?\s+|with\s+|without\s+)?no\s+(?:edits|changes|fixes)|without\s+(?:edits|changes|fixes)|(?:is|are|looks?|come\s+out|comes\s+out)\s+(?:good|fine|ok|okay))\b`;

/** Said of the ones that came out right, only after the share: "70% good" ("a good 70%" means otherwise). */
export const SUCCESS_AFTER_WORDS = String.raw`\b(?:good|fine|ok|okay|pass(?:es|ed|ing)?)\b`;

/** Said of the ones that failed: the share is the rest. */
export const FAILURE_WORDS = String.raw`\b(?:wrong|incorrect(?:ly)?|fail(?:s|ed|ing|ures?)?|errors?|error\s+rate|mistakes?|mis(?:rout|classif|label|categori[sz]|read)\w*|miss(?:es|ed|ing)?|reject(?:s|ed)?|break(?:s|ing)?|broken|needs?\s+(?:(?:heavy|some|major|manual|light|minor|a\s+lot\s+of)\s+)?(?:edits?|editing|fixing|fixes|corrections?|rework)|missing|malformed|invalid|hallucinat\w*|bad|(?:is|are)\s+off)\b`;
