import type { TrialSpec } from '../../src/index.js';
import type { Responder } from './fake-openai.js';

export const LABELS = ['billing', 'refund', 'bug'] as const;

/** Support tickets with their labels, as a team would export them. */
export function tickets(count: number): { input: string; expected: string }[] {
  return Array.from({ length: count }, (_, i) => ({ input: `Ticket ${i}: ${['I was charged twice', 'I want my money back', 'The app crashes on login'][i % 3]}`, expected: LABELS[i % 3]! }));
}

export function labelSpec(over: Partial<TrialSpec> = {}): TrialSpec {
  return {
    prompts: [{ label: 'the prompt', text: 'Label the support ticket as billing, refund or bug. Answer with the label only.' }],
    examples: tickets(20),
    models: ['gpt-4.1-mini'],
    grader: { kind: 'label', labels: [...LABELS] },
    ...over,
  };
}

/**
 * A model that labels tickets, deterministically: right except on every `wrongEvery`-th ticket
 * (where it says "refund" for a bill, or "billing" otherwise). A prompt saying "strict" makes
 * every model right; gpt-4.1-nano misses every 4th ticket, the others every 5th.
 */
export const labellingModel: Responder = ({ model, messages }) => {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const user = messages.find((m) => m.role === 'user')?.content ?? '';
  if (system.startsWith('You grade one answer')) return user.includes('crashes') ? 'FAIL: calls a crash a bill' : 'PASS';
  const n = Number(/Ticket (\d+)/.exec(user)?.[1] ?? -1);
  if (n < 0) return 'ok';
  const right = LABELS[n % 3]!;
  const wrongEvery = system.includes('strict') ? Infinity : model.includes('nano') ? 4 : 5;
  return wrongEvery !== Infinity && n % wrongEvery === 0 ? (right === 'billing' ? 'refund' : 'billing') : right;
};
