import { MAX_EXAMPLES_BYTES, MAX_TRIAL_EXAMPLES, type TrialExample } from '../../src/trial/trial-spec.js';

export type ExamplesRead = { ok: true; examples: TrialExample[]; note?: string } | { ok: false; message: string };

export interface ReadExamplesOptions {
  /** The uploaded file's name: its extension says the format; without one, the content does. */
  fileName?: string;
  /** The grader compares answers with `expected`, so every example needs one. */
  needsExpected: boolean;
}

import { checkCandidates, fail, ONE_JSON_OBJECT } from './example-rows.js';
import { readCsv } from './read-csv-examples.js';
import { readJson } from './read-json-examples.js';

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
