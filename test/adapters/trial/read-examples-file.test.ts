import { describe, expect, it } from 'vitest';
import { readExamplesFile } from '../../../adapters/trial/read-examples-file.js';
import type { TrialExample } from '../../../src/trial/trial-spec.js';

const BOM = '\uFEFF';
const withExpected = { needsExpected: true };

function examplesOf(text: string, options: { fileName?: string; needsExpected: boolean } = withExpected): TrialExample[] {
  const read = readExamplesFile(text, options);
  if (!read.ok) throw new Error(`expected the file to be read, got: ${read.message}`);
  return read.examples;
}

function messageFor(text: string, options: { fileName?: string; needsExpected: boolean } = withExpected): string {
  const read = readExamplesFile(text, options);
  if (read.ok) throw new Error(`expected a refusal, got ${JSON.stringify(read.examples)}`);
  return read.message;
}

function noteFor(text: string, options: { fileName?: string; needsExpected: boolean } = withExpected): string | undefined {
  const read = readExamplesFile(text, options);
  if (!read.ok) throw new Error(`expected the file to be read, got: ${read.message}`);
  return read.note;
}

/** Files as hurried people make them: each is read to exactly these examples. */
const CORPUS: { made: string; fileName?: string; text: string; needsExpected?: boolean; examples: TrialExample[] }[] = [
  {
    made: 'Excel "CSV UTF-8": a BOM, CRLF line ends, capitalised headers and trailing rows of bare commas',
    fileName: 'tickets.csv',
    text: `${BOM}Input,Expected\r\nWhere is my refund?,refund\r\nI was charged twice,billing\r\n,\r\n,\r\n`,
    examples: [
      { input: 'Where is my refund?', expected: 'refund' },
      { input: 'I was charged twice', expected: 'billing' },
    ],
  },
  {
    made: 'Excel in a European locale: semicolons, with its sep=; hint line, and decimal commas in values',
    fileName: 'preise.csv',
    text: 'sep=;\r\nQuestion;Answer\r\nWas kostet das Abo?;12,50 €\r\n',
    examples: [{ input: 'Was kostet das Abo?', expected: '12,50 €' }],
  },
  {
    made: 'semicolons with no hint line',
    fileName: 'export.csv',
    text: 'PROMPT;LABEL\nDie Rechnung ist falsch, bitte prüfen;billing\n',
    examples: [{ input: 'Die Rechnung ist falsch, bitte prüfen', expected: 'billing' }],
  },
  {
    made: 'quoted commas, quoted line breaks and doubled quotes inside quotes',
    fileName: 'cases.csv',
    text: 'input,expected\n"Refund me, now",refund\n"Line one\nline two",billing\n"He said ""cancel it""",cancel\n',
    examples: [
      { input: 'Refund me, now', expected: 'refund' },
      { input: 'Line one\nline two', expected: 'billing' },
      { input: 'He said "cancel it"', expected: 'cancel' },
    ],
  },
  {
    made: 'spaces around values and around quoted values',
    fileName: 'spaced.csv',
    text: 'input , expected\n  "Hi, there"  ,  greeting  \n',
    examples: [{ input: 'Hi, there', expected: 'greeting' }],
  },
  {
    made: 'curly quotes and a stray straight quote inside values, kept as written',
    fileName: 'quotes.csv',
    text: 'input,expected\nI “love” the new plan,praise\nIt\'s 5" wide,size\n',
    examples: [
      { input: 'I “love” the new plan', expected: 'praise' },
      { input: 'It\'s 5" wide', expected: 'size' },
    ],
  },
  {
    made: 'blank lines before the header and between rows',
    fileName: 'gappy.csv',
    text: '\n\ninput,expected\n\na,b\n\n\nc,d\n',
    examples: [
      { input: 'a', expected: 'b' },
      { input: 'c', expected: 'd' },
    ],
  },
  {
    made: 'a TSV whose values have commas in them',
    fileName: 'rows.tsv',
    text: 'input\texpected\nYes, please cancel\tcancel\n',
    examples: [{ input: 'Yes, please cancel', expected: 'cancel' }],
  },
  {
    made: 'cells copied from a spreadsheet and pasted in a code fence (tab-separated, no file name)',
    text: '```\nQuestion\tAnswer\nWhat is 2+2?\t4\nCapital of France?\tParis\n```',
    examples: [
      { input: 'What is 2+2?', expected: '4' },
      { input: 'Capital of France?', expected: 'Paris' },
    ],
  },
  {
    made: 'a block typed into Slack between backticks, the fences touching the text',
    text: '```input,expected\nhi there,greeting```',
    examples: [{ input: 'hi there', expected: 'greeting' }],
  },
  {
    made: 'a pasted Markdown table',
    text: '| input | expected |\n|---|---|\n| Where is my parcel, please? | shipping |\n| Cancel my plan | cancel |\n',
    examples: [
      { input: 'Where is my parcel, please?', expected: 'shipping' },
      { input: 'Cancel my plan', expected: 'cancel' },
    ],
  },
  {
    made: 'an extra notes column and an id column, ignored',
    fileName: 'annotated.csv',
    text: 'id,text,label,notes\n1,Card declined,billing,from March\n',
    examples: [{ input: 'Card declined', expected: 'billing' }],
  },
  {
    made: 'headers with underscores and two words',
    fileName: 'evals.csv',
    text: 'User_Input,Expected Output\nhello,hi\n',
    examples: [{ input: 'hello', expected: 'hi' }],
  },
  {
    made: 'inputs only, for a grader that needs no expected answer',
    fileName: 'inputs.csv',
    text: 'Query\nsummarise this\nsummarise that\n',
    needsExpected: false,
    examples: [{ input: 'summarise this' }, { input: 'summarise that' }],
  },
  {
    made: 'old Mac line ends (a lone CR)',
    fileName: 'classic.csv',
    text: 'input,expected\ra,b\rc,d\r',
    examples: [
      { input: 'a', expected: 'b' },
      { input: 'c', expected: 'd' },
    ],
  },
  {
    made: 'JSONL with blank lines, numbers, booleans and an object as the input',
    fileName: 'cases.jsonl',
    text: '{"input": "What is 6*7?", "expected": 42}\n\n{"input": {"order": 17, "status": "late"}, "expected": true}\n\n',
    examples: [
      { input: 'What is 6*7?', expected: '42' },
      { input: '{"order":17,"status":"late"}', expected: 'true' },
    ],
  },
  {
    made: 'a pretty-printed JSON array',
    fileName: 'cases.json',
    text: '[\n  {\n    "question": "  Reset my password ",\n    "answer": "account"\n  },\n  {"question": "Refund?", "answer": "refund"}\n]\n',
    examples: [
      { input: 'Reset my password', expected: 'account' },
      { input: 'Refund?', expected: 'refund' },
    ],
  },
  {
    made: 'JSONL saved with a .json name',
    fileName: 'cases.json',
    text: '{"input": "a", "expected": "b"}\n{"input": "c", "expected": "d"}\n',
    examples: [
      { input: 'a', expected: 'b' },
      { input: 'c', expected: 'd' },
    ],
  },
  {
    made: "OpenAI's old prompt/completion fine-tuning file",
    fileName: 'train.jsonl',
    text: '{"prompt": "Translate: chat", "completion": " cat"}\n',
    examples: [{ input: 'Translate: chat', expected: 'cat' }],
  },
  {
    made: 'a pasted JSONL block in a json code fence',
    text: '```json\n{"Input": "a", "Expected": "b"}\n```',
    examples: [{ input: 'a', expected: 'b' }],
  },
  {
    made: 'one example spread over several lines',
    fileName: 'one.json',
    text: '{\n  "input": "only one",\n  "expected": "yes"\n}\n',
    examples: [{ input: 'only one', expected: 'yes' }],
  },
];

describe('reading an examples file the way people make them', () => {
  it.each(CORPUS)('reads $made', ({ fileName, text, needsExpected, examples }) => {
    expect(examplesOf(text, { needsExpected: needsExpected ?? true, ...(fileName === undefined ? {} : { fileName }) })).toEqual(examples);
  });
});

describe('telling CSV from JSON', () => {
  it('goes by the extension when there is one: a .csv whose first cell starts with { is still CSV', () => {
    expect(examplesOf('input,expected\n{x},y\n', { fileName: 'odd.csv', needsExpected: true })).toEqual([{ input: '{x}', expected: 'y' }]);
  });

  it('goes by the first character without a file name: { or [ is JSON, anything else CSV', () => {
    expect(examplesOf('  \n[{"input": "a", "expected": "b"}]')).toEqual([{ input: 'a', expected: 'b' }]);
    expect(examplesOf('input,expected\na,b')).toEqual([{ input: 'a', expected: 'b' }]);
  });

  it('ignores the case of the extension and an unknown one', () => {
    expect(examplesOf('input\texpected\na, b\tc\n', { fileName: 'ROWS.TSV', needsExpected: true })).toEqual([{ input: 'a, b', expected: 'c' }]);
    expect(examplesOf('{"input": "a", "expected": "b"}', { fileName: 'cases.txt', needsExpected: true })).toEqual([{ input: 'a', expected: 'b' }]);
  });
});

describe('what a reader forgives, it says', () => {
  it('reads JSONL lines copied out of an array, with their trailing commas, and says which lines', () => {
    const text = '{"input": "a", "expected": "b"},\n{"input": "c", "expected": "d",},\n{"input": "e", "expected": "f"}\n';
    expect(examplesOf(text)).toEqual([
      { input: 'a', expected: 'b' },
      { input: 'c', expected: 'd' },
      { input: 'e', expected: 'f' },
    ]);
    expect(noteFor(text)).toBe('read lines 1, 2 despite a trailing comma or curly quotes');
  });

  it('reads JSONL typed in a word processor, with curly quotes', () => {
    const text = '{“input”: “Where is my order?”, “expected”: “shipping”}';
    expect(examplesOf(text, { fileName: 'notes.jsonl', needsExpected: true })).toEqual([{ input: 'Where is my order?', expected: 'shipping' }]);
    expect(noteFor(text, { fileName: 'notes.jsonl', needsExpected: true })).toBe('read line 1 despite a trailing comma or curly quotes');
  });

  it('reads a JSON array with a trailing comma', () => {
    const text = '[\n{"input": "a", "expected": "b"},\n]';
    expect(examplesOf(text)).toEqual([{ input: 'a', expected: 'b' }]);
    expect(noteFor(text)).toBe('read the JSON array despite a trailing comma');
  });

  it('reads the chat fine-tuning format, user message as input and assistant reply as expected, and says the system message was left out', () => {
    const text = [
      JSON.stringify({
        messages: [
          { role: 'system', content: 'You sort tickets.' },
          { role: 'user', content: 'Charged twice' },
          { role: 'assistant', content: 'billing' },
        ],
      }),
      JSON.stringify({
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Lost parcel' }] },
          { role: 'assistant', content: 'shipping' },
        ],
      }),
    ].join('\n');
    expect(examplesOf(text)).toEqual([
      { input: 'Charged twice', expected: 'billing' },
      { input: 'Lost parcel', expected: 'shipping' },
    ]);
    expect(noteFor(text)).toMatch(/^read the chat format: .*the system messages are left out/);
  });

  it('names the column it chose when several could be the expected answer', () => {
    const text = 'question,answer,label\nWhy?,Because,reason\n';
    expect(examplesOf(text)).toEqual([{ input: 'Why?', expected: 'Because' }]);
    expect(noteFor(text)).toBe('used "answer" as the expected; "label" would also have fitted');
  });

  it('says which line has characters that were not UTF-8', () => {
    expect(noteFor('input,expected\nok,fine\ncaf\uFFFD,drink\n')).toBe('line 3 has characters that were not UTF-8 (shown as \uFFFD): if they matter, save the file as "CSV UTF-8"');
  });

  it('has no note when nothing was guessed', () => {
    expect(noteFor('input,expected\na,b\n')).toBeUndefined();
  });
});

describe('the message a person sees for a file that cannot be read', () => {
  it('names the line of a row with no expected value', () => {
    expect(messageFor('input,expected\r\na,b\r\nc,\r\n')).toBe('line 3: no "expected" value (the grader compares each answer with it): fill it in or remove that example');
  });

  it('counts a quoted value over two lines as two lines, and names a row by its first line', () => {
    const text = 'input,expected\n"two\nlines",ok\n\n"three\nmore\nlines",\n';
    expect(messageFor(text)).toMatch(/^line 5: no "expected" value/);
  });

  it('lists the other lines with the same problem, so all are fixed in one go', () => {
    const text = ['input,expected', 'a,', 'b,', 'c,d', 'e,', 'f,', 'g,', 'h,', 'i,'].join('\n');
    expect(messageFor(text)).toBe('line 2: no "expected" value (the grader compares each answer with it): fill it in or remove that example (the same on lines 3, 5, 6, 7, 8 and 1 more)');
  });

  it('names the line of a JSONL example whose expected value is null', () => {
    expect(messageFor('{"input": "a", "expected": "b"}\n{"input": "c", "expected": null}')).toMatch(/^line 2: no "expected" value/);
  });

  it('does not ask for an expected value when the grader needs none', () => {
    expect(examplesOf('input,expected\na,\n', { needsExpected: false })).toEqual([{ input: 'a' }]);
  });

  it('names the line of a row with an expected value but no input', () => {
    expect(messageFor('input,expected\n,orphan\n')).toBe('line 2: no "input" value: fill it in or remove that example');
  });

  it('names the line where an unclosed quote starts, not the end of the file where the parser noticed', () => {
    const text = 'input,expected\n"two\nlines",b\n\n"never closed,c\nd,e\nf,g\n';
    expect(messageFor(text)).toBe('line 5: an unclosed quote starts here: end the value with a closing " (a " inside a quoted value is written "")');
  });

  it('explains text after a closing quote', () => {
    expect(messageFor('input,expected\n\n"Hi" she said,greeting\n')).toBe(
      'line 3: text follows a closing quote: a value that starts with " must end with it; put the whole value in quotes and double the quotes inside it, like """Hi"" she said"',
    );
  });

  it('blames curly quotes when a comma inside them split a value', () => {
    expect(messageFor('input,expected\r\n“Hello, world”,greeting\r\n', { fileName: 'word.csv', needsExpected: true })).toBe(
      'line 2: a value outside the named columns ("greeting"): a value with a comma in it needs straight double quotes around it (curly quotes “ ” do not count: type them as "), or name the column in the header',
    );
  });

  it('catches a split value under an unnamed column from Excel, rather than dropping half of it', () => {
    expect(messageFor('input,expected,,\nRefund, please,refund,,\n')).toMatch(/^line 2: a value outside the named columns \("refund"\): a value with a comma in it needs straight double quotes/);
  });

  it('names the header it found and the names it looks for when there is no header row', () => {
    expect(messageFor('What is 2+2?,4\nCapital of France?,Paris\n')).toBe(
      'line 1: no input column (the header is "What is 2+2?", "4"): the first row names the columns, input (or prompt, question, text, query) and expected (or output, answer, label, target, ideal, gold)',
    );
  });

  it('asks for an expected column when the grader needs one and the header has none', () => {
    expect(messageFor('input,notes\na,b\n')).toBe(
      'line 1: no expected column (the header is "input", "notes"): add a column named expected (or output, answer, label, target, ideal, gold) holding each example\'s right answer',
    );
  });

  it('says a file with only a header has no examples under it', () => {
    expect(messageFor(`${BOM}input,expected\r\n\r\n`)).toBe('line 1 is a header with no examples under it: add one example per row below it');
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n \r\n\t\n'],
    ['a BOM and nothing else', BOM],
    ['an empty code fence', '```\n```'],
  ])('says %s is empty', (_what, text) => {
    expect(messageFor(text)).toBe('the file is empty: give one example per row under a header row "input,expected", or one JSON object per line like {"input": "...", "expected": "..."}');
  });

  it('says an empty JSON array is empty', () => {
    expect(messageFor('[]', { fileName: 'cases.json', needsExpected: true })).toBe('the JSON array is empty: put one object per example in it, like [{"input": "...", "expected": "..."}]');
  });

  it('says binary junk is not text', () => {
    expect(messageFor('\u0001\u0000\u0002garbage\u0000\u00ff')).toBe('the file is not text (it has NUL bytes): save your examples as CSV (UTF-8) or JSONL and upload that');
  });

  it('recognises a UTF-16 "Unicode Text" export', () => {
    const utf16AsUtf8 = `\uFFFD\uFFFD${[...'input\texpected\r\n'].map((c) => `${c}\u0000`).join('')}`;
    expect(messageFor(utf16AsUtf8)).toBe('the file is saved as UTF-16 ("Unicode Text"), not UTF-8: save it again as "CSV UTF-8"');
  });

  it('recognises a spreadsheet workbook by its name or its first bytes', () => {
    const expected = 'this is a spreadsheet workbook, not CSV: in Excel, File › Save As › "CSV UTF-8"; in Google Sheets, File › Download › CSV';
    expect(messageFor('PK\u0003\u0004\u0014\u0000\u0006\u0000', { fileName: 'tickets.csv', needsExpected: true })).toBe(expected);
    expect(messageFor('anything', { fileName: 'Tickets.XLSX', needsExpected: true })).toBe(expected);
  });

  it('gives the size and the limit of a file that is too large', () => {
    const text = `input,expected\n${'x'.repeat(1_000_001)},y\n`;
    expect(messageFor(text)).toBe('the file is 1,000,019 bytes; the limit is 1,000,000 bytes: keep the first 200 examples or split it');
  });

  it('counts bytes, not characters, against the size limit', () => {
    const text = `input,expected\n${'é'.repeat(500_000)},y\n`;
    expect(messageFor(text)).toMatch(/^the file is 1,000,018 bytes; the limit is 1,000,000 bytes/);
  });

  it('gives the count and the limit of a CSV with too many examples', () => {
    const rows = Array.from({ length: 201 }, (_, i) => `q${i},a${i}`);
    expect(messageFor(['input,expected', ...rows].join('\n'))).toBe('the file has 201 examples; the limit is 200: keep the first 200 or split it');
  });

  it('gives the count of a long JSONL before complaining about a line in it', () => {
    const lines = Array.from({ length: 250 }, (_, i) => (i === 230 ? 'not json' : JSON.stringify({ input: `q${i}`, expected: 'a' })));
    expect(messageFor(lines.join('\n'))).toBe('the file has 250 examples; the limit is 200: keep the first 200 or split it');
  });

  it('reads exactly 200 examples', () => {
    const rows = Array.from({ length: 200 }, (_, i) => JSON.stringify({ input: `q${i}`, expected: 'a' }));
    expect(examplesOf(rows.join('\n'))).toHaveLength(200);
  });

  it('names the line of a JSONL line that is not JSON, with what the parser found and the shape each line needs', () => {
    const text = '{"input": "a", "expected": "b"}\n\n{"input": "c" "expected": "d"}\n';
    expect(messageFor(text)).toMatch(/^line 3: not valid JSON \(Expected ',' or '}' after property value\): each line must be one object like \{"input": "\.\.\.", "expected": "\.\.\."\}$/);
  });

  it('says a line of plain text is not JSON', () => {
    expect(messageFor('{"input": "a", "expected": "b"}\nsorry, forgot the rest', { fileName: 'cases.jsonl', needsExpected: true })).toMatch(
      /^line 2: not valid JSON \(Unexpected token .*\): each line must be one object like/,
    );
  });

  it('explains that pretty-printed objects need one line each, or an array around them', () => {
    const text = '{\n  "input": "a",\n  "expected": "b"\n}\n{\n  "input": "c",\n  "expected": "d"\n}\n';
    expect(messageFor(text)).toMatch(/^line 1: not valid JSON \(.*\): .*; an example spread over several lines must be put on one line, or all of them wrapped in \[ \] as a JSON array$/);
  });

  it('asks whether a closing brace is missing from a line that ends too soon', () => {
    expect(messageFor('{"input": "a", "expected": "b"}\n{"input": "c", "expected": "d"\n')).toMatch(
      /^line 2: not valid JSON \(.*\): each line must be one object like .*; is its closing \} missing\?$/,
    );
  });

  it('names the line of a broken JSON array from where the parser stopped', () => {
    const text = '[\n  {"input": "a", "expected": "b"},\n  {"input": "c", "expected": "d"}\n  {"input": "e", "expected": "f"}\n]';
    expect(messageFor(text)).toMatch(/^line 4: not valid JSON \(Expected ',' or ']' after array element\): the file must be one array of objects like/);
  });

  it('names the line where an item of a pretty-printed JSON array starts', () => {
    const text = '[\n  {\n    "input": "a",\n    "expected": "b"\n  },\n  {\n    "input": "c, with [brackets] and {braces}",\n    "expected": ""\n  }\n]';
    expect(messageFor(text)).toMatch(/^line 6: no "expected" value/);
  });

  it('names the last line of a JSON array cut off before its end', () => {
    expect(messageFor('[\n  {"input": "a", "expected": "b"},\n  {"input": "c", "expected": "d"\n\n')).toMatch(
      /^line 3: not valid JSON \(.+\): the file must be one array of objects like \[.*\]; is a closing \] or \} missing at the end\?$/,
    );
  });

  it('names the line of an array item that is not an object', () => {
    expect(messageFor('[\n  {"input": "a", "expected": "b"},\n  "just a string"\n]')).toBe('line 3: a string, not an object: each item must be an object like {"input": "...", "expected": "..."}');
  });

  it('names the line of a JSONL line that is an array, not an object', () => {
    expect(messageFor('{"input": "a", "expected": "b"}\n["c", "d"]', { fileName: 'x.jsonl', needsExpected: true })).toBe(
      'line 2: an array, not an object: each line must be one object like {"input": "...", "expected": "..."}',
    );
  });

  it('lists the keys an example has when none of them is the input', () => {
    expect(messageFor('{"q": "a", "a": "b"}\n{"q": "c", "a": "d"}\n')).toBe('line 1: no input key (the keys are "q", "a"): name it input (or prompt, question, text, query) (the same on line 2)');
  });

  it('refuses a chat example of several turns, saying what to keep', () => {
    const turns = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
      { role: 'user', content: 'refund?' },
      { role: 'assistant', content: 'refund' },
    ];
    expect(messageFor(JSON.stringify({ messages: turns }))).toBe(
      "line 1: a conversation with 2 user messages: the trial gives the model one input per example; keep one user message and the assistant's reply to it",
    );
  });
});
