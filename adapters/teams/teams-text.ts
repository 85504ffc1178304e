/** Text helpers for Teams: the core's cutting, keeping a markdown link whole; a person's words as words. */
import { cutText as cutCoreText, cutValue, mapRuns, oneLine, unmarked } from '../../src/index.js';

export { cutValue, oneLine, unmarked };

/** What Teams' markdown (and its message HTML) would read as a link, image, mention or formatting. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~]/g;

/**
 * A person's words as Adaptive Card (and Teams message) markdown, shown as typed: every
 * character markdown reads as syntax is backslash-escaped once, so no link, image, `<at>`
 * mention, HTML or formatting can form; "-" and "1." starting a line can't make a list.
 */
export function escapeSaidMarkdown(words: string): string {
  return words
    .replace(MARKDOWN_SPECIAL, '\\$&')
    .replace(/(^|\n)([ \t]*)-/g, '$1$2\\-')
    .replace(/(^|\n)([ \t]*\d+)\./g, '$1$2\\.');
}

/** Card text as Teams markdown: the product's own as written, a person's words escaped (see escapeSaidMarkdown). */
export function markdownOf(text: string): string {
  return mapRuns(text, escapeSaidMarkdown);
}

/** A markdown link the cut would break (`[label](https://…` with no closing parenthesis) is left out whole. */
const dropBrokenLink = (head: string) => head.replace(/\[[^\]\n]*(\]\([^)\s]*)?$/, '');

/** A text cut to `max` characters, ending with "…" when it was cut, never inside a link. */
export function cutText(text: string, max: number): string {
  return cutCoreText(text, max, dropBrokenLink);
}

/** U+2011, a hyphen no line breaks after. */
const NON_BREAKING_HYPHEN = '\u2011';

/**
 * A text whose model names and dates ("gemini-2.5-flash", "2026-11-27") cannot break across
 * lines: Teams wraps after a hyphen, and a phone turned "gemini-2.5-flash" into three lines.
 * Held together: words with a digit, and lowercase hyphenated words, which is how model ids are
 * written ("nova-pro"); a capitalised "Fine-tuning" may still wrap. Links are left as they are.
 */
export function keepWhole(text: string): string {
  return text.replace(/\S+/g, (word) =>
    (/\d/.test(word) || !/\p{Lu}/u.test(word)) && word.includes('-') && !word.includes('://') ? word.replace(/(?<=[\p{L}\p{N}.])-(?=[\p{L}\p{N}])/gu, NON_BREAKING_HYPHEN) : word,
  );
}
