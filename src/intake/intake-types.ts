import type { Answers } from '../interview/answers.js';

/** Who read a value out of the task text. */
export type IntakeSource = 'rules' | 'model';

/** The answers a reader can fill from free text: the interview's own questions. */
export const INTAKE_FIELDS = [
  'taskKind',
  'testedExamples',
  'successRate',
  'promptIterations',
  'failureMode',
  'model',
  'labeledExamples',
  'categories',
  'promptTokens',
  'inputTokens',
  'outputTokens',
  'monthlyCalls',
  'cacheHitRate',
  'deadline',
  'specStable',
] as const satisfies readonly (keyof Answers)[];
export type IntakeField = (typeof INTAKE_FIELDS)[number];

/** What the deterministic reader found: the values, and the words each was read from. */
export interface RulesReading {
  answers: Pick<Answers, IntakeField>;
  /** The phrase each value came from, e.g. monthlyCalls: "50k tickets a day". */
  phrases: Partial<Record<IntakeField, string>>;
  /** Remarks worth showing, e.g. "read 50k a day as 1.5M a month". */
  notes: string[];
}

/** What a language model proposed, after validation: bad fields already dropped. */
export type ModelReading =
  | { ok: true; answers: Pick<Answers, IntakeField>; dropped: IntakeField[] }
  | { ok: false; reason: 'not-configured' | 'timeout' | 'refused' | 'rate-limited' | 'error' | 'invalid' };

/** The intake of a task text: the answers to prefill, who read each, and what to tell the person. */
export interface IntakeResult {
  answers: Pick<Answers, IntakeField>;
  sources: Partial<Record<IntakeField, IntakeSource>>;
  phrases: Partial<Record<IntakeField, string>>;
  notes: string[];
  /** True when a configured model could not be used: the person is told a few questions are left. */
  degraded: boolean;
}
