import { formatCount, formatPercent, formatUsd } from '../format/format-numbers.js';
import type { OtherModel } from './answers.js';
import type { Question } from './questions.js';
import { said } from '../cards/said-text.js';

/** "Llama 3.1 70B on vLLM: $5.00 an hour for 2,500 tokens a second" or "X: $0.60 in, $0.80 out per 1M tokens". */
export function describeOtherModel(m: OtherModel): string {
  const speed = m.tokensPerSecond !== undefined ? ` for ${formatCount(m.tokensPerSecond)} tokens a second` : '';
  if (m.gpuPerHour !== undefined) return `${said(m.name)}: ${formatUsd(m.gpuPerHour)} an hour${speed}`;
  if (m.perMonth !== undefined) return `${said(m.name)}: ${formatUsd(m.perMonth)} a month${speed}`;
  return `${said(m.name)}: ${formatUsd(m.input ?? 0)} in, ${formatUsd(m.output ?? m.input ?? 0)} out per 1M tokens`;
}

/** An answer as a person reads it back: "90%", "1.5M calls a month", "Summarization". */
export function formatAnswer(question: Question, value: unknown): string {
  const option = question.options?.find((o) => o.value === value);
  if (option) return option.label;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (question.id === 'otherModel' && typeof value === 'object' && value !== null) return describeOtherModel(value as OtherModel);
  // Any other text is the person's own (a task, a name): shown as typed, never as markup.
  if (typeof value === 'string') return said(value);
  if (typeof value !== 'number') return String(value);
  switch (question.id) {
    case 'successRate':
    case 'cacheHitRate':
      return formatPercent(value);
    case 'monthlyCalls':
      return `${formatCount(value)} calls a month`;
    case 'horizonMonths':
      return `${value} month${value === 1 ? '' : 's'}`;
    case 'promptTokens':
    case 'inputTokens':
    case 'outputTokens':
      return `${formatCount(value)} tokens`;
    case 'costOfWrongAnswer':
    case 'labelingCostPerExample':
      return formatUsd(value);
    default:
      return formatCount(value);
  }
}
