import { MAX_ANSWER_LENGTH, notUnderstood, parsed, type Parsed } from './parse-result.js';

// "stable" is a yes because one question asks whether the spec is stable.
const YES = new Set(['yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'true', 'sure', 'ok', 'okay', 'stable']);
const NO = new Set(['no', 'n', 'nope', 'nah', 'false', 'not yet', 'unstable', 'not stable']);

/** yes/y/yeah/yep/true/sure/ok/stable or no/n/nope/false/not yet, any case, punctuation ignored. */
export function parseYesNo(text: string): Parsed<boolean> {
  const trimmed = text.trim();
  if (trimmed.length <= MAX_ANSWER_LENGTH) {
    const word = trimmed
      .toLowerCase()
      .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '')
      .replace(/\s+/g, ' ');
    if (YES.has(word)) return parsed(true);
    if (NO.has(word)) return parsed(false);
  }
  return notUnderstood(text, 'Answer yes or no.');
}
