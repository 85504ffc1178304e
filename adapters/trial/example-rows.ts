/* Examples as read from a file, before and after they are checked: what the CSV and the JSON readers share. */
import { MAX_TRIAL_EXAMPLES, type TrialExample } from '../../src/trial/trial-spec.js';

/** What people call the two columns, most specific first: the first one a file has is used. */
export const INPUT_NAMES = ['input', 'prompt', 'question', 'text', 'query', 'user input', 'user message', 'input text'];
export const EXPECTED_NAMES = [
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
export const INPUT_SPELLINGS = `input (or ${INPUT_NAMES.slice(1, 5).join(', ')})`;
export const EXPECTED_SPELLINGS = `expected (or ${EXPECTED_NAMES.slice(1, 7).join(', ')})`;
export const ONE_JSON_OBJECT = '{"input": "...", "expected": "..."}';

/** One example as read, before it is checked: the line it starts on names it in messages. */
export interface Candidate {
  line: number;
  input: string;
  expected: string;
}

export type Failure = { ok: false; message: string };
export type Candidates = { ok: true; candidates: Candidate[] } | Failure;

export const fail = (message: string): Failure => ({ ok: false, message });

/** A problem with one example; the first is shown, with the other lines that have the same one. */
export interface RowProblem {
  line: number;
  kind: string;
  message: string;
}

export function collect(read: (Candidate | RowProblem)[]): Candidates {
  const problems = read.filter((item): item is RowProblem => 'kind' in item);
  if (problems.length > 0) return fail(withSameOn(problems));
  return { ok: true, candidates: read as Candidate[] };
}

type Checked = { ok: true; examples: TrialExample[] } | Failure;

export function checkCandidates(candidates: Candidate[], needsExpected: boolean): Checked {
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

export function lineList(lines: number[]): string {
  const shown = lines.slice(0, 5).join(', ');
  const word = lines.length === 1 ? 'line' : 'lines';
  return lines.length <= 5 ? `${word} ${shown}` : `${word} ${shown} and ${lines.length - 5} more`;
}

export function tooMany(count: number): Failure {
  return fail(`the file has ${count.toLocaleString('en-US')} examples; the limit is ${MAX_TRIAL_EXAMPLES}: keep the first ${MAX_TRIAL_EXAMPLES} or split it`);
}

interface ColumnPick {
  index: number;
  /** Other columns whose names would also have fitted. */
  others: number[];
}

/** The column (or key) whose name is the most specific of `wanted`, ignoring case, spaces, _ and -. */
export function pickColumn(names: string[], wanted: string[]): ColumnPick | undefined {
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
export function noteOtherColumns(notes: Set<string>, names: string[], pick: ColumnPick | undefined, role: 'input' | 'expected'): void {
  if (pick === undefined || pick.others.length === 0) return;
  notes.add(`used "${names[pick.index]}" as the ${role}; ${quoteNames(pick.others.map((index) => names[index]!))} would also have fitted`);
}

export function quoteNames(names: string[]): string {
  const shown = names.slice(0, 6).map((name) => `"${clip(name, 30)}"`);
  return names.length > 6 ? `${shown.join(', ')} and ${names.length - 6} more` : shown.join(', ');
}

export function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
