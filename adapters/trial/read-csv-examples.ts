import { parse as parseCsv } from 'csv-parse/sync';
import { MAX_TRIAL_EXAMPLES } from '../../src/trial/trial-spec.js';
import { clip, EXPECTED_NAMES, EXPECTED_SPELLINGS, fail, INPUT_NAMES, INPUT_SPELLINGS, noteOtherColumns, pickColumn, quoteNames, tooMany, type Candidates, type Failure } from './example-rows.js';

/** A team's examples as CSV: a header row naming the columns, one example a row. */
interface CsvRow {
  line: number;
  values: string[];
}

export function readCsv(body: string, forcedDelimiter: string | undefined, needsExpected: boolean, notes: Set<string>): Candidates {
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
