import { formatCount, formatUsd } from '../format/format-numbers.js';
import { citeSeed } from '../knowledge/seed-passages.js';
import type { Verdict } from '../verdict/decide-verdict.js';
import type { Card, CardBlock } from './card-model.js';
import { markTeamModel } from './build-verdict-card.js';

function showValue(field: string, value: number): string {
  if (field === 'cacheHitRate' || field === 'hybridFineTunedShare' || field === 'failuresFixedShare') return `${Math.round(value * 100)}%`;
  if (/Cost|Rate$/.test(field) && field !== 'cacheHitRate') return formatUsd(value);
  return formatCount(value);
}

/** Every input and default behind a verdict's costs, and how each cost line was made. */
export function buildAssumptionsCard(verdict: Verdict): Card {
  // A list, not a table: where a value came from is a sentence, and a phone's narrow column made it a tower of single words.
  const blocks: CardBlock[] = [
    {
      type: 'list',
      title: 'Inputs',
      items: verdict.assumptions.map((a) => ({ text: `${a.label}: ${showValue(a.field, a.value)}`, detail: a.seed ? `${a.why} (${citeSeed(a.seed)})` : a.why })),
    },
  ];
  const cost = verdict.cost;
  if (cost) {
    const paths = [
      ['Prompt (today)', cost.promptEngineering],
      ['Prompt, switched', cost.substitutePrompt],
      ['Fine-tune', cost.fineTuning],
      ['Both', cost.hybrid],
    ] as const;
    for (const [name, path] of paths) {
      if (!path) continue;
      blocks.push({ type: 'list', title: `${name} (${path.model})`, items: path.items.map((i) => ({ text: `${i.label}: ${formatUsd(i.amount)} ${i.cadence}`, detail: i.basis })) });
    }
  }
  return { kind: 'assumptions', title: 'Assumptions behind this verdict', blocks: markTeamModel(blocks, verdict) };
}
