import { parse as parseCsv } from 'csv-parse/sync';
import { MAX_EXAMPLES_BYTES, MAX_TRIAL_EXAMPLES, type TrialExample } from '../../src/trial/trial-spec.js';

export type ExamplesRead = { ok: true; examples: TrialExample[]; note?: string } | { ok: false; message: string };

export interface ReadExamplesOptions {
  /** The uploaded file's name: its extension says the format; without one, the content does. */
  fileName?: string;
  /** The grader compares answers with `expected`, so every example needs one. */
  needsExpected: boolean;
}

/** What people call the two columns, most specific first: the first one a file has is used. */
const INPUT_NAMES = ['input', 'prompt', 'question', 'text', 'query', 'user input', 'user message', 'input text'];
const EXPECTED_NAMES = [
  'expected',
  'output',
  'answer',
  'label',
  'target',
  'ideal',
  'gold',
  'expected output',
  'expected answer',
  'ideal answer',
  'ideal output',
  'gold label',
  'correct answer',
  'reference',
  'ground truth',
  'completion',
];
const INPUT_SPELLINGS = `input (or ${INPUT_NAMES.slice(1, 5).join(', ')})`;
const EXPECTED_SPELLINGS = `expected (or ${EXPECTED_NAMES.slice(1, 7).join(', ')})`;
const ONE_JSON_OBJECT = '{"input": "...", "expected": "..."}';

/** One example as read, before it is checked: the line it starts on names it in messages. */
interface Candidate {
  line: number;
  input: string;
  expected: string;
}

type Failure = { ok: false; message: string };
type Candidates = { ok: true; candidates: Candidate[] } | Failure;

const fail = (message: string): Failure => ({ ok: false, message });

/**
 * Reads a team's examples from an uploaded file or a pasted block: CSV (or TSV, semicolons, a pasted
 * Markdown table), JSONL, or a JSON array. Every refusal names the line and says how to fix it.
 */
export function readExamplesFile(text: string, options: ReadExamplesOptions): ExamplesRead {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_EXAMPLES_BYTES) {
    return fail(`the file is ${bytes.toLocaleString('en-US')} bytes; the limit is ${MAX_EXAMPLES_BYTES.toLocaleString('en-US')} bytes: keep the first ${MAX_TRIAL_EXAMPLES} examples or split it`);
  }
  const extension = /\.([a-z0-9]+)$/i.exec(options.fileName ?? '')?.[1]?.toLowerCase();
  const notText = notTextProblem(text, extension);
  if (notText !== null) return fail(notText);
  const body = withoutCodeFence(text.replace(/^\uFEFF/, ''));
  if (body.trim() === '') {
    return fail(`the file is empty: give one example per row under a header row "input,expected", or one JSON object per line like ${ONE_JSON_OBJECT}`);
  }
  const notes = new Set<string>();
  const read = isJsonFamily(extension, body) ? readJson(body, notes) : readCsv(body, extension === 'tsv' || extension === 'tab' ? '\t' : undefined, options.needsExpected, notes);
  if (!read.ok) return read;
  const checked = checkCandidates(read.candidates, options.needsExpected);
  if (!checked.ok) return checked;
  const undecodable = read.candidates.find((candidate) => `${candidate.input}${candidate.expected}`.includes('\uFFFD'));
  if (undecodable !== undefined) notes.add(`line ${undecodable.line} has characters that were not UTF-8 (shown as \uFFFD): if they matter, save the file as "CSV UTF-8"`);
  return notes.size === 0 ? { ok: true, examples: checked.examples } : { ok: true, examples: checked.examples, note: [...notes].join('; ') };
}

/** A workbook, a UTF-16 export or other binary: each gets the step that makes it text. */
function notTextProblem(text: string, extension: string | undefined): string | null {
  const saveAsCsv = 'in Excel, File › Save As › "CSV UTF-8"; in Google Sheets, File › Download › CSV';
  if (['xlsx', 'xls', 'xlsm', 'ods', 'numbers'].includes(extension ?? '') || text.startsWith('PK\u0003\u0004')) {
    return `this is a spreadsheet workbook, not CSV: ${saveAsCsv}`;
  }
  if (!text.includes('\u0000')) return null;
  const start = text.slice(0, 400);
  const nuls = start.length - start.replaceAll('\u0000', '').length;
  // UTF-16 text read as UTF-8 has a NUL after every Latin letter: Excel's "Unicode Text" export.
  if (nuls >= start.length / 4) return `the file is saved as UTF-16 ("Unicode Text"), not UTF-8: save it again as "CSV UTF-8"`;
  return 'the file is not text (it has NUL bytes): save your examples as CSV (UTF-8) or JSONL and upload that';
}

/** A block pasted into chat often comes wrapped in a code fence: ```csv … ```. Lines keep their numbers. */
function withoutCodeFence(text: string): string {
  return text.replace(/^(\s*)```(?:(?:csv|tsv|json|jsonl|ndjson|text|txt|plaintext)[ \t]*(?=\r?\n))?/i, '$1').replace(/```\s*$/, '');
}

function isJsonFamily(extension: string | undefined, body: string): boolean {
  if (extension === 'json' || extension === 'jsonl' || extension === 'ndjson') return true;
  if (extension === 'csv' || extension === 'tsv' || extension === 'tab') return false;
  const first = body.trimStart()[0];
  return first === '{' || first === '[';
}

// ---------------------------------------------------------------------------------------- CSV

interface CsvRow {
  line: number;
  values: string[];
}

function readCsv(body: string, forcedDelimiter: string | undefined, needsExpected: boolean, notes: Set<string>): Candidates {
  const sepLine = /^sep=(.)[ \t]*(?=\r?\n|$)/i.exec(body.trimStart());
  // Excel's own hint line, `sep=;`, names the delimiter; it is blanked, not removed, so line numbers hold.
  const text = sepLine === null ? body : body.replace(/sep=./i, '');
  const delimiter = forcedDelimiter ?? sepLine?.[1] ?? sniffDelimiter(text);
  const rows = parseCsvRows(text, delimiter);
  if (!rows.ok) return rows;
  // Empty rows and Excel's rows of bare commas are not examples; neither is a Markdown table's |---|---| rule.
  const filled = rows.rows.filter((row) => row.values.some((value) => value !== '' && !/^:?-{3,}:?$/.test(value)));
  const [header, ...data] = filled;
  if (header === undefined) return fail('the file has no examples: give one example per row under a header row "input,expected"');
  const names = header.values;
  const found = `the header is ${quoteNames(names)}`;
  const input = pickColumn(names, INPUT_NAMES);
  if (input === undefined) {
    return fail(`line ${header.line}: no input column (${found}): the first row names the columns, ${INPUT_SPELLINGS} and ${EXPECTED_SPELLINGS}`);
  }
  const expected = pickColumn(names, EXPECTED_NAMES);
  if (expected === undefined && needsExpected) {
    return fail(`line ${header.line}: no expected column (${found}): add a column named ${EXPECTED_SPELLINGS} holding each example's right answer`);
  }
  noteOtherColumns(notes, names, input, 'input');
  noteOtherColumns(notes, names, expected, 'expected');
  if (data.length === 0) return fail(`line ${header.line} is a header with no examples under it: add one example per row below it`);
  if (data.length > MAX_TRIAL_EXAMPLES) return tooMany(data.length);
  for (const row of data) {
    const stray = strayValue(row, names, delimiter);
    if (stray !== null) return fail(stray);
  }
  return {
    ok: true,
    candidates: data.map((row) => ({ line: row.line, input: cleanCell(row.values[input.index]), expected: expected === undefined ? '' : cleanCell(row.values[expected.index]) })),
  };
}

/** The delimiter the header line uses most: commas, Excel's semicolons in much of Europe, tabs from a pasted spreadsheet, pipes from a Markdown table. */
function sniffDelimiter(text: string): string {
  const headerLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  const outsideQuotes = headerLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t', '|'].map((delimiter) => [delimiter, outsideQuotes.split(delimiter).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best !== undefined && best[1] > 0 ? best[0] : ',';
}

type ParsedRows = { ok: true; rows: CsvRow[] } | Failure;

function parseCsvRows(text: string, delimiter: string): ParsedRows {
  // Parsed as bytes, since csv-parse reports where rows end in bytes: the line of each is counted in the same buffer.
  const buffer = Buffer.from(text, 'utf8');
  const lineAt = lineCounter(buffer);
  // Where each row ends; the next starts there, and so does the row a syntax error is in.
  const ends: number[] = [];
  let records: string[][];
  try {
    records = parseCsv(buffer, {
      bom: true,
      delimiter,
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { bytes: number }) => (ends.push(context.bytes), record),
    });
  } catch (error) {
    return fail(csvSyntaxMessage(error as CsvParseError, lineAt(firstByteOfRow(buffer, ends.at(-1) ?? 0))));
  }
  const rows = records.map((values, index) => ({ line: lineAt(firstByteOfRow(buffer, index === 0 ? 0 : ends[index - 1]!)), values }));
  return { ok: true, rows };
}

/** csv-parse's errors carry a code naming the problem. */
interface CsvParseError extends Error {
  code?: string;
}

/** `line` is the first line of the row the parser stopped in. */
function csvSyntaxMessage(error: CsvParseError, line: number): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `line ${line}: an unclosed quote starts here: end the value with a closing " (a " inside a quoted value is written "")`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `line ${line}: text follows a closing quote: a value that starts with " must end with it; put the whole value in quotes and double the quotes inside it, like """Hi"" she said"`;
    default:
      return `line ${line}: ${error.message}`;
  }
}

/** Where a row starts: past the blank lines and indentation before it, so its line is the one a person sees it on. */
function firstByteOfRow(buffer: Buffer, from: number): number {
  let at = from;
  while (at < buffer.length && (buffer[at] === 0x0a || buffer[at] === 0x0d || buffer[at] === 0x20 || buffer[at] === 0x09)) at++;
  return at;
}

/** The 1-based line of a byte offset, asked for offsets in order (rows come in order): the file is read once in all. */
function lineCounter(buffer: Buffer): (offset: number) => number {
  let scanned = 0;
  let line = 1;
  return (offset) => {
    for (; scanned < offset && scanned < buffer.length; scanned++) {
      const byte = buffer[scanned];
      // \n, \r\n and a lone \r (old Macs) each end one line.
      if (byte === 0x0a || (byte === 0x0d && buffer[scanned + 1] !== 0x0a)) line++;
    }
    return line;
  };
}

/** A value under no column name: almost always a comma inside a value that was not quoted (or was quoted with “curly” quotes). */
function strayValue(row: CsvRow, names: string[], delimiter: string): string | null {
  const at = row.values.findIndex((value, index) => value !== '' && (names[index] ?? '').trim() === '');
  if (at < 0) return null;
  const delimiterName = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }[delimiter] ?? `"${delimiter}"`;
  const curly = row.values.some((value) => /[“”]/.test(value)) ? ' (curly quotes “ ” do not count: type them as ")' : '';
  return `line ${row.line}: a value outside the named columns ("${clip(row.values[at]!, 40)}"): a value with a ${delimiterName} in it needs straight double quotes around it${curly}, or name the column in the header`;
}

function cleanCell(value: string | undefined): string {
  return (value ?? '').replace(/\r\n?/g, '\n').trim();
}

// --------------------------------------------------------------------------------------- JSON

function readJson(body: string, notes: Set<string>): Candidates {
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

// ------------------------------------------------------------------------------ shared checks

/** A problem with one example; the first is shown, with the other lines that have the same one. */
interface RowProblem {
  line: number;
  kind: string;
  message: string;
}

function collect(read: (Candidate | RowProblem)[]): Candidates {
  const problems = read.filter((item): item is RowProblem => 'kind' in item);
  if (problems.length > 0) return fail(withSameOn(problems));
  return { ok: true, candidates: read as Candidate[] };
}

type Checked = { ok: true; examples: TrialExample[] } | Failure;

function checkCandidates(candidates: Candidate[], needsExpected: boolean): Checked {
  if (candidates.length > MAX_TRIAL_EXAMPLES) return tooMany(candidates.length);
  const problems: RowProblem[] = [];
  for (const { line, input, expected } of candidates) {
    if (input === '') {
      problems.push({ line, kind: 'no input', message: `line ${line}: no "input" value: fill it in or remove that example` });
    } else if (needsExpected && expected === '') {
      problems.push({ line, kind: 'no expected', message: `line ${line}: no "expected" value (the grader compares each answer with it): fill it in or remove that example` });
    }
  }
  if (problems.length > 0) return fail(withSameOn(problems));
  return { ok: true, examples: candidates.map(({ input, expected }) => (expected === '' ? { input } : { input, expected })) };
}

/** The first problem, and the other lines with the same one, so a hurried person fixes them all in one go. */
function withSameOn(problems: RowProblem[]): string {
  const [first, ...rest] = problems as [RowProblem, ...RowProblem[]];
  const same = rest.filter((problem) => problem.kind === first.kind).map((problem) => problem.line);
  return same.length === 0 ? first.message : `${first.message} (the same on ${lineList(same)})`;
}

function lineList(lines: number[]): string {
  const shown = lines.slice(0, 5).join(', ');
  const word = lines.length === 1 ? 'line' : 'lines';
  return lines.length <= 5 ? `${word} ${shown}` : `${word} ${shown} and ${lines.length - 5} more`;
}

function tooMany(count: number): Failure {
  return fail(`the file has ${count.toLocaleString('en-US')} examples; the limit is ${MAX_TRIAL_EXAMPLES}: keep the first ${MAX_TRIAL_EXAMPLES} or split it`);
}

interface ColumnPick {
  index: number;
  /** Other columns whose names would also have fitted. */
  others: number[];
}

/** The column (or key) whose name is the most specific of `wanted`, ignoring case, spaces, _ and -. */
function pickColumn(names: string[], wanted: string[]): ColumnPick | undefined {
  const normal = names.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s_\-.]+/g, ' ')
      .trim(),
  );
  const matches = normal.flatMap((name, index) => (wanted.includes(name) ? [index] : []));
  const best = matches.sort((a, b) => wanted.indexOf(normal[a]!) - wanted.indexOf(normal[b]!) || a - b)[0];
  return best === undefined ? undefined : { index: best, others: matches.filter((index) => index !== best) };
}

/** Says which column was taken when several could have been: "answer" and "label" in one file is a guess worth showing. */
function noteOtherColumns(notes: Set<string>, names: string[], pick: ColumnPick | undefined, role: 'input' | 'expected'): void {
  if (pick === undefined || pick.others.length === 0) return;
  notes.add(`used "${names[pick.index]}" as the ${role}; ${quoteNames(pick.others.map((index) => names[index]!))} would also have fitted`);
}

function quoteNames(names: string[]): string {
  const shown = names.slice(0, 6).map((name) => `"${clip(name, 30)}"`);
  return names.length > 6 ? `${shown.join(', ')} and ${names.length - 6} more` : shown.join(', ');
}

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
