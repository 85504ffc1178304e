export const VERDICT_KINDS = ['test-prompts-first', 'prompt-engineering', 'iterate-prompt', 'rag-first', 'rethink-task', 'collect-data', 'fine-tune', 'hybrid'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** Verdicts in which the team would train a model (now or once it has the data). */
export function involvesFineTuning(kind: VerdictKind): boolean {
  return kind === 'fine-tune' || kind === 'hybrid' || kind === 'collect-data';
}
