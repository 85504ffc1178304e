import type { VerdictRecord } from '../conversation/conversation-store.js';
import { formatUsd } from '../format/format-numbers.js';
import type { Card, CardField } from './card-model.js';
import { VERDICT_LABELS } from '../verdict/verdict-kinds.js';
import { verdictHeadline } from './build-verdict-card.js';
import { describeDecision } from './describe-decision.js';
import { said } from './said-text.js';

/** Where a verdict was reached, as a manager reads it. */
export const PLATFORM_NAMES = { slack: 'Slack', teams: 'Teams', terminal: 'the terminal' } as const;

/**
 * The short card managers see in their channel thread: who asked, the task, the verdict, the
 * decision's monthly cost against the alternative's, what each path costs a month, the
 * break-even, and where the full card is.
 */
export function buildSummaryCard(record: VerdictRecord): Card {
  const { verdict } = record;
  const owner = said(record.ownerName);
  const task = record.task === null ? null : said(record.task);
  const cost = verdict.cost;
  const fields: CardField[] = [
    { label: 'Asked by', value: `${owner} (${PLATFORM_NAMES[record.platform]})` },
    { label: 'Task', value: task ?? 'not described' },
    { label: 'Verdict', value: VERDICT_LABELS[verdict.verdict] },
  ];
  const decision = describeDecision(verdict);
  if (decision) fields.push({ label: 'Decision', value: decision.line });
  if (cost) {
    fields.push({ label: 'Prompting a month', value: `${formatUsd(cost.promptEngineering.monthly)} (${cost.promptEngineering.model})` });
    if (cost.substitutePrompt) fields.push({ label: 'Prompting it switched', value: `${formatUsd(cost.substitutePrompt.monthly)} (${cost.substitutePrompt.model})` });
    if (cost.fineTuning) fields.push({ label: 'Fine-tuned a month', value: `${formatUsd(cost.fineTuning.monthly)} (${cost.fineTuning.model})` });
    if (cost.hybrid) fields.push({ label: 'Both a month', value: formatUsd(cost.hybrid.monthly) });
    if (cost.fineTuning) fields.push({ label: 'Break-even', value: cost.breakEvenMonth === null ? 'not within 60 months' : `month ${cost.breakEvenMonth}` });
  }
  const where = record.link ? `[Open the full verdict](${record.link})` : `The full card is in ${PLATFORM_NAMES[record.platform]}, in ${owner}'s conversation.`;
  return {
    kind: 'summary',
    title: `${VERDICT_LABELS[verdict.verdict]}: ${task ?? 'a new task'}`,
    blocks: [
      { type: 'text', text: verdictHeadline(verdict) },
      { type: 'fields', fields },
      { type: 'context', text: `${where} Advice as of ${verdict.asOf}.` },
    ],
  };
}
