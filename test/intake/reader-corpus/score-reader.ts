import type { IntakeField } from '../../../src/intake/intake-types.js';

/** What a sentence says: the fields a careful reader takes from it, and their values. */
export type Expected = Partial<Record<IntakeField, unknown>>;

/** A sentence and everything it says; any other field read from it is a misreading. */
export type CorpusEntry = readonly [text: string, expected: Expected];

/** A reader under test: the answers it took from a sentence. */
export type Reader = (text: string) => Partial<Record<IntakeField, unknown>>;

/** One field the reader got wrong: read with another value, read from words that don't say it, or missed. */
export interface Miss {
  text: string;
  field: IntakeField;
  expected: unknown;
  read: unknown;
}

export interface Score {
  /** Fields the sentences state. */
  expectedFields: number;
  /** Of those, read with the right value. */
  right: number;
  /** Fields the reader returned, in all. */
  readFields: number;
  /** Of those, a wrong value, or a field the sentence doesn't state. */
  misread: Miss[];
  /** Stated fields the reader left for the interview. */
  missed: Miss[];
  /** right / expectedFields. */
  rightShare: number;
  /** misread / readFields: of what the card would show as read, the share that is wrong. */
  misreadShare: number;
}

/** Numbers equal to a millionth (a share like 2/3), anything else exactly. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  return a === b;
}

/** Runs a reader over sentences with what each says, and counts what it read right, misread and missed. */
export function scoreReader(read: Reader, entries: readonly CorpusEntry[]): Score {
  let expectedFields = 0;
  let right = 0;
  let readFields = 0;
  const misread: Miss[] = [];
  const missed: Miss[] = [];
  for (const [text, expected] of entries) {
    const answers = read(text);
    for (const [field, value] of Object.entries(expected) as [IntakeField, unknown][]) {
      expectedFields++;
      const got = answers[field];
      if (got === undefined) missed.push({ text, field, expected: value, read: undefined });
      else if (same(got, value)) right++;
    }
    for (const [field, got] of Object.entries(answers) as [IntakeField, unknown][]) {
      if (got === undefined) continue;
      readFields++;
      if (!same(got, expected[field])) misread.push({ text, field, expected: expected[field], read: got });
    }
  }
  return {
    expectedFields,
    right,
    readFields,
    misread,
    missed,
    rightShare: expectedFields === 0 ? 1 : right / expectedFields,
    misreadShare: readFields === 0 ? 0 : misread.length / readFields,
  };
}
