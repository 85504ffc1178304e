/** Text helpers for Slack: escaping mrkdwn and cutting text at a limit with an ellipsis. */

import { cutText, ELLIPSIS, mapRuns, oneLine, safeSlice, unmarked } from '../../src/index.js';

export { cutText, oneLine, unmarked };

/** Drops what a cut left half-written at the end: an entity (`&am`) or a mention (`<@U12`). */
function dropBrokenTail(text: string): string {
  return text.replace(/&[a-z#0-9]*$/i, '').replace(/<[^>\n]*$/, '');
}

/**
 * An escaped mrkdwn text cut to `max` characters with "…": never ends inside an entity or
 * a mention, and closes a code block the cut left open.
 */
export function cutMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  const head = dropBrokenTail(safeSlice(text, max - 1)).trimEnd();
  const fences = head.match(/```/g)?.length ?? 0;
  if (fences % 2 === 0) return `${head}${ELLIPSIS}`;
  const closing = `${ELLIPSIS}\n\`\`\``;
  if (max <= closing.length) return ELLIPSIS;
  return `${dropBrokenTail(safeSlice(text, max - closing.length))
    .replace(/`+$/, '')
    .trimEnd()}${closing}`;
}

/** An escaped `<@U123>`, `<#C123>` or `<@U123|name>`: a mention, kept as one. */
const MENTION = /&lt;([@#][A-Z0-9]+(?:\|[^&<>\n]*)?)&gt;/g;
/**
 * A link in the cards' own syntax, `[label](https://…)` (the one every renderer reads), after
 * escaping. Slack's `<url|label>` typed into text stays escaped: it could disguise where it points.
 */
const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s()]+)\)/g;

/** `&`, `<` and `>` as Slack requires them escaped: no `<@…>`, `<#…>`, `<!…>` or `<url|label>` can form. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Formatting characters a person typed, as lookalikes Slack does not read as formatting. */
const LOOKALIKES: Record<string, string> = { '*': '\u2217', '~': '\u223C', '`': '\u02CB', _: '\u02CD' };

/**
 * A person's words as Slack mrkdwn, shown as typed: entities escaped once, and the characters
 * that would make bold, italics, strikes, code or a quote replaced by lookalikes (Slack has no
 * escape for them). An underscore inside a word (`user_id`) cannot make italics and is kept.
 */
export function escapeSaidMrkdwn(words: string): string {
  return escapeEntities(words)
    .replace(/[*~`]/g, (c) => LOOKALIKES[c]!)
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, LOOKALIKES._!)
    .replace(/(^|\n)([ \t]*)&gt;/g, '$1$2\u203A');
}

/**
 * Text as Slack mrkdwn, escaped once. The product's own text keeps its mentions (`<@U123>`,
 * `<#C123>`, `<@U123|name>`) and its links (`[label](https://…)` become Slack links); special
 * mentions (`<!channel>`, `<!here>`) are escaped: text never pings a channel. A person's words
 * (marked with `said`) are shown as typed: see escapeSaidMrkdwn.
 */
export function escapeMrkdwn(text: string): string {
  return mapRuns(text, escapeSaidMrkdwn, (own) =>
    escapeEntities(own)
      .replace(MENTION, '<$1>')
      .replace(LINK, (_all, label: string, url: string) => `<${url}|${label.replace(/\|/g, '¦')}>`),
  );
}
