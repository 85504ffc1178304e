import { memoByCatalogue } from '../cost/memo-by-catalogue.js';
import type { CatalogueModel, PriceCatalogue } from '../cost/price-catalogue.js';
import type { Hit, ScanText } from './scan-text.js';

/**
 * Finds the catalogue model a text names: by id, name or snapshot, any case, with spaces, dashes
 * or nothing between the parts ("gpt-4.1", "GPT 4.1", "gpt4.1-mini", "claude sonnet 4.5",
 * "Sonnet 4.5", "nova pro", "gemini 2.5 flash"). The first model named wins; where names overlap
 * the longest does ("gpt-4.1-mini" over "gpt-4.1"), then an id over a name, then the shorter id
 * ("gpt-4o" over "azure-gpt-4o" for a plain "gpt-4o").
 */

interface Alias {
  tokens: readonly string[];
  id: string;
  /** 0 id, 1 snapshot, 2 name, 3 the name without where it is hosted, 4 a short form. */
  rank: number;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Names people drop: "Sonnet 4.5" for "Claude Sonnet 4.5", "Nova Pro" for "Amazon Nova Pro". */
const VENDORS = new Set(['claude', 'amazon', 'google', 'anthropic', 'openai', 'aws', 'microsoft', 'meta']);
/** A word after a name that makes it another model: "gpt-5 pro" is not "gpt-5". */
const VARIANTS = new Set([
  'mini',
  'nano',
  'micro',
  'lite',
  'pro',
  'turbo',
  'preview',
  'flash',
  'max',
  'plus',
  'large',
  'small',
  'medium',
  'instant',
  'codex',
  'ultra',
  'haiku',
  'sonnet',
  'opus',
  'thinking',
  'omni',
  'realtime',
  'audio',
  'search',
  'chat',
  'latest',
  'exp',
  'experimental',
  'o',
]);

function tokensOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
}

function aliasesOf(model: CatalogueModel): Alias[] {
  const aliases: Alias[] = [];
  const add = (tokens: readonly string[], rank: number) => {
    if (tokens.length > 0) aliases.push({ tokens, id: model.id, rank });
  };
  const id = tokensOf(model.id);
  add(id, 0);
  if (model.snapshot) add(tokensOf(model.snapshot), 1);
  add(tokensOf(model.name), 2);
  const name = model.name.toLowerCase();
  const on = name.indexOf(' on ');
  const hostless = on > 0 ? tokensOf(name.slice(0, on)) : tokensOf(name);
  if (on > 0) {
    add(hostless, 3);
    const host = tokensOf(name.slice(on + 4))[0];
    if (host) add([...hostless, 'on', host], 3);
  }
  for (const tokens of [id, hostless]) {
    const [first, ...rest] = tokens;
    if (first !== undefined && VENDORS.has(first) && rest.length >= 2) add(rest, 4);
  }
  // "claude 4.5 sonnet", the older order of Anthropic's names.
  const [vendor, family, ...version] = id;
  if (vendor === 'claude' && family !== undefined && version.length > 0 && version.every((t) => /^\d+$/.test(t))) {
    add([vendor, ...version, family], 4);
  }
  return aliases;
}

const aliasIndex = memoByCatalogue((catalogue: PriceCatalogue) => {
  const index = new Map<string, Alias[]>();
  for (const model of catalogue.models) {
    for (const alias of aliasesOf(model)) {
      const first = alias.tokens[0] ?? '';
      const list = index.get(first) ?? [];
      if (!list.some((a) => a.id === alias.id && a.tokens.join(' ') === alias.tokens.join(' '))) list.push(alias);
      index.set(first, list);
    }
  }
  return index;
});

const isDigits = (text: string) => text.charCodeAt(0) >= 48 && text.charCodeAt(0) <= 57;

/** Whether two tokens of the text can be parts of one model name. */
function joined(text: string, left: Token, right: Token): boolean {
  const between = text.slice(left.end, right.start);
  if (between === '') return true; // "gpt4", "4o"
  if (between === '.') return isDigits(left.text) && isDigits(right.text); // "4.1"
  return between === ' ' || between === '-' || between === '_' || between === '  ' || between === ' - ';
}

/** Whether the name goes on past the match: "gpt-5.2" is not "gpt-5", nor "gpt-4.1-turbo" "gpt-4.1". */
function goesOn(text: string, last: Token, next: Token | undefined): boolean {
  if (!next) return false;
  const between = text.slice(last.end, next.start);
  if (between === '') return true;
  if (between === '.' && isDigits(last.text) && isDigits(next.text)) return true;
  return (between === ' ' || between === '-' || between === '_') && VARIANTS.has(next.text);
}

/** The catalogue model the text names first, as its id. */
export function matchModelName(text: ScanText, catalogue: PriceCatalogue): Hit<string> | undefined {
  const index = aliasIndex(catalogue, '');
  const tokens: Token[] = [];
  for (const match of text.lower.matchAll(/[a-z]+|\d+/g)) {
    const start = match.index ?? 0;
    tokens.push({ text: match[0], start, end: start + match[0].length });
  }
  const order = new Map(catalogue.models.map((m, i) => [m.id, i]));

  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    const aliases = index.get(first.text);
    if (!aliases) continue;
    const previous = tokens[i - 1];
    if (previous && previous.end === first.start) continue; // glued to what comes before
    let best: { alias: Alias; end: number } | undefined;
    for (const alias of aliases) {
      const n = alias.tokens.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = tokens[i + k]!.text === alias.tokens[k] && joined(text.lower, tokens[i + k - 1]!, tokens[i + k]!);
      if (!ok || goesOn(text.lower, tokens[i + n - 1]!, tokens[i + n])) continue;
      const end = tokens[i + n - 1]!.end;
      if (!best || better(alias, end, best, order)) best = { alias, end };
    }
    if (best) return { value: best.alias.id, start: first.start, end: best.end };
  }
  return undefined;
}

function better(alias: Alias, end: number, best: { alias: Alias; end: number }, order: Map<string, number>): boolean {
  if (end !== best.end) return end > best.end;
  if (alias.rank !== best.alias.rank) return alias.rank < best.alias.rank;
  if (alias.id.length !== best.alias.id.length) return alias.id.length < best.alias.id.length;
  return (order.get(alias.id) ?? 0) < (order.get(best.alias.id) ?? 0);
}
