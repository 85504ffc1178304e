import { formatCount, formatPercent, formatUsd } from '../format/format-numbers.js';
import type { Question } from './questions.js';

/** An answer as a person reads it back: "90%", "1.5M calls a month", "Summarization". */
export function formatAnswer(question: Question, value: unknown): string {
  const option = question.options?.find((o) => o.value === value);
  if (option) return option.label;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
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
