/** Text helpers for Slack: escaping mrkdwn and cutting text at a limit with an ellipsis. */

import { cutText, ELLIPSIS, oneLine, safeSlice } from '../../src/index.js';

export { cutText, oneLine };

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

/**
 * Text as Slack mrkdwn: `&`, `<` and `>` escaped as Slack requires, except mentions
 * (`<@U123>`, `<#C123>`, `<@U123|name>`), which stay formatted, and the cards' links, which
 * become Slack links. Special mentions (`<!channel>`, `<!here>`) are escaped: text never pings a channel.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MENTION, '<$1>')
    .replace(LINK, (_all, label: string, url: string) => `<${url}|${label.replace(/\|/g, '¦')}>`);
}
