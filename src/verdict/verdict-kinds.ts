export const VERDICT_KINDS = ['test-prompts-first', 'prompt-engineering', 'iterate-prompt', 'rag-first', 'rethink-task', 'collect-data', 'fine-tune', 'hybrid'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** Verdicts in which the team would train a model (now or once it has the data). */
export function involvesFineTuning(kind: VerdictKind): boolean {
  return kind === 'fine-tune' || kind === 'hybrid' || kind === 'collect-data';
}

/** Each verdict as a person reads it: on cards, summaries and what changed in a what-if. */
export const VERDICT_LABELS: Record<VerdictKind, string> = {
  'test-prompts-first': 'Test the prompt first',
  'prompt-engineering': 'Prompt engineering',
  'iterate-prompt': 'Keep improving the prompt',
  'rag-first': 'Add retrieval first',
  'rethink-task': 'Rethink the task',
  'collect-data': 'Collect data first',
  'fine-tune': 'Fine-tuning',
  hybrid: 'Both: prompt and fine-tune',
};
