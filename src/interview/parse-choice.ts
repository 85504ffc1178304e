import { MAX_ANSWER_LENGTH, notUnderstood, parsed, type Parsed } from './parse-result.js';

export type ChoiceOption<T extends string> = { value: T; label: string; aliases?: readonly string[] };

const MIN_PREFIX = 3;

// Edge punctuation such as "2." or "#2" or "Extraction!", but not a dash: "-1" is not option 1.
const EDGE_PUNCTUATION = /^(?:(?!\p{Pd})[\p{P}\s])+|(?:(?!\p{Pd})[\p{P}\s])+$/gu;

/** Case, edge punctuation and "-"/"_"/space differences don't matter: "this_week" is "This week". */
function normalize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(EDGE_PUNCTUATION, '')
    .replace(/[\s_-]+/g, ' ');
}

/**
 * Picks an option by its value, label or an alias, by its 1-based number, or by
 * an unambiguous prefix (3+ characters) of its value or label.
 */
export function parseChoice<T extends string>(text: string, options: readonly ChoiceOption<T>[]): Parsed<T> {
  const expected = `Pick one of: ${options.map((o) => o.label).join(', ')}.`;
  const key = text.trim().length <= MAX_ANSWER_LENGTH ? normalize(text) : '';
  if (key === '') return notUnderstood(text, expected);

  const exact = options.find((o) => [o.value, o.label, ...(o.aliases ?? [])].some((name) => normalize(name) === key));
  if (exact) return parsed(exact.value);

  // Exact names win over numbers, so an option whose value is "2" still matches by name.
  if (/^\d{1,3}$/.test(key)) {
    const numbered = options[Number(key) - 1];
    if (numbered) return parsed(numbered.value, `picked ${numbered.label}`);
    return notUnderstood(text, `${expected} Or type a number from 1 to ${options.length}.`);
  }

  if (key.length >= MIN_PREFIX) {
    const matches = options.filter((o) => normalize(o.value).startsWith(key) || normalize(o.label).startsWith(key));
    const [only] = matches;
    if (only && matches.every((o) => o.value === only.value)) return parsed(only.value, `picked ${only.label}`);
    if (matches.length > 1) {
      return notUnderstood(text, `It could be ${matches.map((o) => o.label).join(' or ')}. ${expected}`);
    }
  }
  return notUnderstood(text, expected);
}
