import { MAX_TRIAL_EXAMPLES } from '../../src/trial/trial-spec.js';
import {
  collect,
  EXPECTED_NAMES,
  fail,
  INPUT_NAMES,
  INPUT_SPELLINGS,
  lineList,
  noteOtherColumns,
  ONE_JSON_OBJECT,
  pickColumn,
  quoteNames,
  tooMany,
  type Candidate,
  type Candidates,
  type RowProblem,
} from './example-rows.js';

/** A team's examples as JSON: one object a line (JSONL), an array of objects, or one object. */
export function readJson(body: string, notes: Set<string>): Candidates {
  if (body.trimStart().startsWith('[')) return readJsonArray(body, notes);
  // One object, perhaps spread over several lines, is one example; otherwise it is JSONL.
  const whole = tryJson(body);
  if (whole.ok && isObject(whole.value)) return collect([objectToCandidate(whole.value, lineFinder(body)(body.length - body.trimStart().length), notes)]);
  return readJsonLines(body, notes);
}

function readJsonLines(body: string, notes: Set<string>): Candidates {
  const lines = body.split(/\r\n|\n|\r/);
  const filled = lines.flatMap((text, index) => (text.trim() === '' ? [] : [{ text: text.trim(), line: index + 1 }]));
  if (filled.length > MAX_TRIAL_EXAMPLES) return tooMany(filled.length);
  const repaired: number[] = [];
  const read: (Candidate | RowProblem)[] = [];
  for (const { text, line } of filled) {
    let parsed = tryJson(text);
    if (!parsed.ok) {
      // A line copied out of a JSON array keeps its comma; a line typed in a word processor gets curly quotes.
      const retried = tryJson(straightenQuotes(withoutTrailingCommas(text.replace(/,\s*$/, ''))));
      if (!retried.ok) {
        return fail(`line ${line}: not valid JSON (${parsed.reason}): each line must be one object like ${ONE_JSON_OBJECT}${jsonLineHint(text)}`);
      }
      repaired.push(line);
      parsed = retried;
    }
    if (!isObject(parsed.value)) return fail(`line ${line}: ${kindOf(parsed.value)}, not an object: each line must be one object like ${ONE_JSON_OBJECT}`);
    read.push(objectToCandidate(parsed.value, line, notes));
  }
  if (repaired.length > 0) notes.add(`read ${lineList(repaired)} despite a trailing comma or curly quotes`);
  return collect(read);
}

/** What a broken JSONL line most likely is: part of an object spread over lines, or an object missing its end. */
function jsonLineHint(text: string): string {
  if (text === '{' || text === '}' || text === '},' || /^"[^"]*"\s*:/.test(text)) {
    return '; an example spread over several lines must be put on one line, or all of them wrapped in [ ] as a JSON array';
  }
  return text.startsWith('{') && !/}\s*,?$/.test(text) ? '; is its closing } missing?' : '';
}

function readJsonArray(body: string, notes: Set<string>): Candidates {
  let parsed = tryJson(body);
  if (!parsed.ok) {
    const retried = tryJson(withoutTrailingCommas(body));
    if (!retried.ok) {
      // A parser that ran out of file stops past the last line, or gives no position: the last line is where the end is missing.
      const end = body.trimEnd().length;
      const ranOut = parsed.position === undefined || parsed.position >= end;
      const line = lineFinder(body)(ranOut ? end : (parsed.position ?? end));
      const ended = ranOut ? '; is a closing ] or } missing at the end?' : '';
      return fail(`line ${line}: not valid JSON (${parsed.reason}): the file must be one array of objects like [${ONE_JSON_OBJECT}]${ended}`);
    }
    notes.add('read the JSON array despite a trailing comma');
    parsed = retried;
  }
  const items = parsed.value;
  if (!Array.isArray(items)) return fail(`line 1: not valid JSON: the file must be one array of objects like [${ONE_JSON_OBJECT}]`);
  if (items.length === 0) return fail(`the JSON array is empty: put one object per example in it, like [${ONE_JSON_OBJECT}]`);
  if (items.length > MAX_TRIAL_EXAMPLES) return tooMany(items.length);
  const starts = arrayItemStarts(body);
  const lineAt = lineFinder(body);
  const read: (Candidate | RowProblem)[] = [];
  for (const [index, item] of items.entries()) {
    const line = lineAt(starts[index] ?? 0);
    if (!isObject(item)) return fail(`line ${line}: ${kindOf(item)}, not an object: each item must be an object like ${ONE_JSON_OBJECT}`);
    read.push(objectToCandidate(item, line, notes));
  }
  return collect(read);
}

type JsonTry = { ok: true; value: unknown } | { ok: false; reason: string; position?: number };

function tryJson(text: string): JsonTry {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    // The position is given as a line instead; what is left is what is wrong.
    const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    return position === undefined ? { ok: false, reason } : { ok: false, reason, position: Number(position) };
  }
}

/** Commas before a closing bracket, outside strings: JavaScript allows them, JSON does not. */
function withoutTrailingCommas(text: string): string {
  return text.replace(/("(?:[^"\\]|\\.)*")|,(\s*[}\]])/g, (_all, quoted: string | undefined, closing: string | undefined) => quoted ?? closing ?? '');
}

function straightenQuotes(text: string): string {
  return text.replace(/[“”„]/g, '"');
}

/** Where each item of a top-level JSON array starts, so an item's problems name its line. */
function arrayItemStarts(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let inString = false;
  let expectingItem = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (inString) {
      if (char === '\\') at++;
      else if (char === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectingItem && !/[\s,\]]/.test(char)) {
      starts.push(at);
      expectingItem = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1) expectingItem = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expectingItem = true;
  }
  return starts;
}

/**
 * One JSON object as an example: the input and expected keys under any of their usual names, or
 * the chat fine-tuning format ({"messages": [...]}) that teams weighing fine-tuning often already have.
 */
function objectToCandidate(object: Record<string, unknown>, line: number, notes: Set<string>): Candidate | RowProblem {
  const keys = Object.keys(object);
  const input = pickColumn(keys, INPUT_NAMES);
  if (input === undefined && Array.isArray(object.messages)) return chatToCandidate(object.messages, line, notes);
  if (input === undefined) {
    return { line, kind: 'no input key', message: `line ${line}: no input key (the keys are ${quoteNames(keys)}): name it ${INPUT_SPELLINGS}` };
  }
  const expected = pickColumn(keys, EXPECTED_NAMES);
  noteOtherColumns(notes, keys, input, 'input');
  noteOtherColumns(notes, keys, expected, 'expected');
  return { line, input: jsonText(object[keys[input.index]!]), expected: expected === undefined ? '' : jsonText(object[keys[expected.index]!]) };
}

function chatToCandidate(messages: unknown[], line: number, notes: Set<string>): Candidate | RowProblem {
  const turns = messages.filter(isObject);
  const users = turns.filter((turn) => turn.role === 'user');
  if (users.length !== 1) {
    return {
      line,
      kind: 'chat turns',
      message: `line ${line}: a conversation with ${users.length} user messages: the trial gives the model one input per example; keep one user message and the assistant's reply to it`,
    };
  }
  const last = turns.at(-1);
  notes.add("read the chat format: each user message is the input and the assistant's reply the expected answer; the system messages are left out, since the prompt being tried takes their place");
  return { line, input: chatContent(users[0]!.content), expected: last?.role === 'assistant' ? chatContent(last.content) : '' };
}

/** A chat message's content: a string, or parts of which the text ones count. */
function chatContent(content: unknown): string {
  if (!Array.isArray(content)) return jsonText(content);
  return content
    .filter(isObject)
    .map((part) => (typeof part.text === 'string' ? part.text : ''))
    .join('\n')
    .trim();
}

/** A JSON value as the text a model is given: numbers and booleans as written, objects as JSON. */
function jsonText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').trim();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : `a ${typeof value}`;
}

/** The 1-based line of a character offset in `text`, by a binary search over where lines start. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0, ...[...text.matchAll(/\r\n|\n|\r/g)].map((match) => match.index + match[0].length)];
  return (offset) => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
