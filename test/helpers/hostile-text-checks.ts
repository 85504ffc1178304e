/**
 * What a hostile text must never become in what the bot sends: checks over Slack payloads,
 * Bot Connector activities and terminal output. Each returns the problems found, with where.
 */

/** The words of the hostile corpus a live construct would carry. */
const HOSTILE_TARGET = /VICTIM|evil\.example|^!|^#C0OTHER|mailto/;
/** Formatting the corpus asks for, as it would read if live. */
const FORMATTED = ['*boldX*', '_italX_', '~strikeX~', '`codeX`', '```blockX```'];

/** Every string under `key`s that Slack reads as mrkdwn: message `text`, mrkdwn text objects. */
function slackMrkdwnStrings(payload: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, parentType?: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, parentType));
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'mrkdwn' && typeof n.text === 'string') found.push(n.text);
    for (const [key, value] of Object.entries(n)) {
      if (key === 'text' && typeof value === 'string' && n.type === undefined && parentType === undefined) found.push(value);
      else walk(value, typeof n.type === 'string' ? n.type : parentType);
    }
  };
  walk(payload);
  return found;
}

/** Every string anywhere in a payload. */
export function allStrings(payload: unknown): string[] {
  if (typeof payload === 'string') return [payload];
  if (Array.isArray(payload)) return payload.flatMap(allStrings);
  if (payload && typeof payload === 'object') return Object.values(payload).flatMap(allStrings);
  return [];
}

const MARKS = /[\uE000\uE001]/;
/** Where the product's own links point in these tests (Slack permalinks). */
const PRODUCT_LINK = 'https://acme.slack.com/';

/** A Slack message (blocks and top-level text) as Slack would read it. */
export function slackProblems(payload: unknown): string[] {
  const problems: string[] = [];
  for (const text of slackMrkdwnStrings(payload)) {
    for (const [, inner] of text.matchAll(/<([^<>\n]*)>/g)) if (HOSTILE_TARGET.test(inner!)) problems.push(`live <${inner}> in: ${text.slice(0, 200)}`);
    for (const f of FORMATTED) if (text.includes(f)) problems.push(`formatting ${f} in: ${text.slice(0, 200)}`);
    if (/(^|\n)\s*(&gt;|>)\s*quoteX/.test(text)) problems.push(`a quote in: ${text.slice(0, 200)}`);
  }
  for (const s of allStrings(payload)) {
    if (/&amp;(?:lt|gt|amp|quot|#\d+);/.test(s)) problems.push(`escaped twice: ${s.slice(0, 200)}`);
    if (MARKS.test(s)) problems.push(`a marker character left in: ${s.slice(0, 200)}`);
  }
  return problems;
}

/** Markdown an Adaptive Card TextBlock (or a Teams message) would read as a link, an image, a mention or formatting. */
function teamsMarkdownProblems(text: string): string[] {
  const problems: string[] = [];
  const unescaped = (pattern: string) => new RegExp(`(?<!\\\\)${pattern}`);
  for (const [, target] of text.matchAll(/(?<!\\)\[[^\]\n]*(?<!\\)\]\s*\(([^)\s]*)/g)) if (!target!.startsWith(PRODUCT_LINK)) problems.push(`a markdown link to ${target} in: ${text.slice(0, 200)}`);
  if (/(?<!\\)\[[^\]\n]*(?<!\\)\]\s*\[/.test(text) || /(^|\n)\s*(?<!\\)\[[^\]\n]*(?<!\\)\]:/.test(text)) problems.push(`a reference link in: ${text.slice(0, 200)}`);
  if (unescaped('!\\[').test(text)) problems.push(`a markdown image in: ${text.slice(0, 200)}`);
  if (/(?<!\\)<at[\s>]/i.test(text)) problems.push(`a mention in: ${text.slice(0, 200)}`);
  if (/(?<!\\)<(a|img|b|i|script)[\s>]/i.test(text)) problems.push(`HTML in: ${text.slice(0, 200)}`);
  if (unescaped('\\*\\*boldX').test(text) || unescaped('_italX').test(text) || unescaped('\\*italX').test(text)) problems.push(`formatting in: ${text.slice(0, 200)}`);
  if (/\\\\[[\]()*_!<>`#]/.test(text)) problems.push(`escaped twice: ${text.slice(0, 200)}`);
  if (/&amp;|&lt;|&gt;/.test(text)) problems.push(`HTML-escaped: ${text.slice(0, 200)}`);
  return problems;
}

/**
 * A Bot Connector activity as Teams shows it: its text, summary and every string in its cards
 * (an Action.OpenUrl only if the bot made it). Addressing (`from`, `recipient`) is not shown.
 */
export function teamsProblems(sent: unknown): string[] {
  const { text, summary, attachments } = sent as { text?: unknown; summary?: unknown; attachments?: unknown };
  const activity = { text, summary, attachments };
  const problems: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.OpenUrl' && String(n.url).includes('evil.example')) problems.push(`an OpenUrl to ${String(n.url)}`);
    if (n.type === 'Image' && String(n.url).includes('evil.example')) problems.push(`an image from ${String(n.url)}`);
    // A text box's value and placeholder are shown in the box as typed, never as markdown.
    const typedBox = typeof n.type === 'string' && n.type.startsWith('Input.');
    for (const [key, value] of Object.entries(n)) {
      if (typedBox && (key === 'value' || key === 'placeholder')) continue;
      if (typeof value === 'string') problems.push(...teamsMarkdownProblems(value), ...(MARKS.test(value) ? [`a marker character left in: ${value.slice(0, 200)}`] : []));
      else walk(value);
    }
  };
  walk(activity);
  return problems;
}

/** Terminal output: no control characters (but newline), no ANSI escapes, no direction overrides, no marks. */
export function terminalProblems(output: string): string[] {
  const problems: string[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const bad = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\uE000\uE001]/u.exec(output);
  if (bad) problems.push(`U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} near: ${JSON.stringify(output.slice(Math.max(0, bad.index - 40), bad.index + 40))}`);
  return problems;
}
