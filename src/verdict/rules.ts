import type { TuningChoice } from '../cost/choose-tuning-model.js';
import type { CostBreakdown } from '../cost/compute-costs.js';
import type { CostInputs } from '../cost/cost-assumptions.js';
import { findProvider, type CatalogueModel, type PriceCatalogue } from '../cost/price-catalogue.js';
import { formatCount, formatPercent, formatUsd, plural } from '../format/format-numbers.js';
import type { Answers } from '../interview/answers.js';
import { SEEDS, type SeedSource } from '../knowledge/seed-passages.js';

/** What a rule's text may draw on. */
export interface RuleFacts {
  answers: Answers;
  cost: CostBreakdown | null;
  tuning: TuningChoice | null;
  inputs: CostInputs | null;
  catalogue: PriceCatalogue;
}

export interface Rule {
  id: string;
  source: SeedSource;
  explain(facts: RuleFacts): string;
}

const pct = (a: Answers) => formatPercent(a.successRate ?? 0);
const rounds = (a: Answers) => plural(a.promptIterations ?? 0, 'round');
const horizon = (f: RuleFacts) => `${f.cost?.horizonMonths ?? 12} months`;
const tuned = (f: RuleFacts) => (f.tuning?.model ? f.tuning.model.name : 'a tuned model');

/** "Amazon Bedrock (nova-pro, nova-lite), Google Vertex AI (gemini-2.5-pro)". */
export function providersOffering(models: readonly CatalogueModel[], catalogue: PriceCatalogue): string {
  const byProvider = new Map<string, string[]>();
  for (const m of models) byProvider.set(m.provider, [...(byProvider.get(m.provider) ?? []), m.id]);
  if (byProvider.size === 0) return 'none in the catalogue as of this date';
  return [...byProvider].map(([p, ids]) => `${findProvider(catalogue, p)?.name ?? p} (${ids.join(', ')})`).join('; ');
}

function rule(id: string, source: SeedSource, explain: (f: RuleFacts) => string): Rule {
  return { id, source, explain };
}

export const RULES = {
  'untested-prompt': rule('untested-prompt', SEEDS.testOnTenExamples, ({ answers }) =>
    `Your best prompt has been tested on ${plural(answers.testedExamples ?? 0, 'real example')}; the flowchart starts by testing it on at least 10.`),
  'eight-of-ten': rule('eight-of-ten', SEEDS.testOnTenExamples, ({ answers }) =>
    `It gets ${pct(answers)} of your tested examples right, at or above 8 of 10: prompting works.`),
  'fine-tuning-does-not-pay': rule('fine-tuning-does-not-pay', SEEDS.tokenCostVsTraining, (f) => {
    const ft = f.cost?.fineTuning;
    if (!f.cost || !ft) return 'Fine-tuning would not pay for itself.';
    const at = f.cost.breakEvenMonthlyCalls;
    return (
      `Over ${horizon(f)}, prompting costs ${formatUsd(f.cost.promptEngineering.total)} and fine-tuning ${tuned(f)} would cost ${formatUsd(ft.total)}: ` +
      `it would not pay for itself at ${formatCount(f.answers.monthlyCalls ?? 0)} calls a month` +
      (at !== null ? `; it starts to pay at about ${formatCount(at)} calls a month.` : ', at any volume, since the tuned model costs as much or more per call.')
    );
  }),
  'prompt-costs-more-than-fine-tuning': rule('prompt-costs-more-than-fine-tuning', SEEDS.longPromptAtVolume, (f) => {
    const c = f.cost!;
    return (
      `Your ${formatCount(f.answers.promptTokens ?? 0)}-token prompt at ${formatCount(f.answers.monthlyCalls ?? 0)} calls a month costs ${formatUsd(c.promptEngineering.total)} over ${horizon(f)}; ` +
      `fine-tuning ${tuned(f)} would cost ${formatUsd(c.fineTuning?.total ?? 0)}` +
      (c.breakEvenMonth !== null ? `, breaking even in month ${c.breakEvenMonth}.` : '.')
    );
  }),
  'below-80-few-iterations': rule('below-80-few-iterations', SEEDS.improveThePrompt, ({ answers }) =>
    `${pct(answers)} right after ${rounds(answers)} of prompt improvement; try 3 to 5 rounds (context, examples, constraints, output format) before fine-tuning.`),
  'knowledge-failures': rule('knowledge-failures', SEEDS.notRag, () =>
    'The failures come from missing facts or documents. Fine-tuning does not add knowledge reliably; retrieval (RAG) puts it in the prompt.'),
  'ninety-percent-test': rule('ninety-percent-test', SEEDS.ninetyPercentTest, ({ answers }) =>
    `Only ${pct(answers)} right after ${rounds(answers)}: when nearly everything fails, the problem is bigger than fine-tuning can solve alone.`),
  'below-80-after-iterations': rule('below-80-after-iterations', SEEDS.considerFineTuning, ({ answers }) =>
    `${pct(answers)} right after ${rounds(answers)} of prompt improvement, still below 80%: time to consider fine-tuning.`),
  'too-few-examples': rule('too-few-examples', SEEDS.perCategory, (f) => {
    const min = f.inputs?.minimumExamples ?? 100;
    const per = f.answers.taskKind === 'classification' && (f.answers.categories ?? 1) > 1 ? ` (100 for each of ${f.answers.categories} categories)` : '';
    return `You have ${plural(f.answers.labeledExamples ?? 0, 'labelled example')}; fine-tuning needs at least ${formatCount(min)}${per}, ideally 500 or more.`;
  }),
  plateau: rule('plateau', SEEDS.ceiling, ({ answers }) =>
    `${pct(answers)} right after ${rounds(answers)}, and the ${formatPercent(1 - (answers.successRate ?? 0))} that fail share a pattern (${answers.failureMode}): prompting has hit its ceiling, and fine-tuning on top can take the systematic rest.`),
  'edge-cases-cheapest': rule('edge-cases-cheapest', SEEDS.combineForCost, (f) => {
    const h = f.cost!.hybrid!;
    return (
      `Routing ${formatPercent(h.fineTunedShare)} of calls (the cases the prompt gets wrong) to a fine-tuned ${tuned(f)} and the rest through the prompt costs ` +
      `${formatUsd(h.total)} over ${horizon(f)}, against ${formatUsd(f.cost!.fineTuning!.total)} for fine-tuning every call.`
    );
  }),
  'provider-offers-no-fine-tuning': rule('provider-offers-no-fine-tuning', SEEDS.closedModels, (f) => {
    const t = f.tuning;
    if (!t?.model) return 'The model you prompt today cannot be fine-tuned.';
    const others = t.alternatives.filter((m) => m.id !== t.model!.id);
    return (
      `You can't fine-tune the model you prompt today: ${'promptModelBlocked' in t ? t.promptModelBlocked : ''}. ` +
      `The costs use ${t.model.name} instead` +
      (others.length ? `; fine-tuning is also offered by ${providersOffering(others, f.catalogue)}.` : '.')
    );
  }),
  'no-fine-tuning-available': rule('no-fine-tuning-available', SEEDS.closedApi, (f) => {
    const t = f.tuning;
    const reason = t && !t.model ? t.reason : 'the model you prompt cannot be fine-tuned';
    return `Fine-tuning is not possible for you as things stand: ${reason}. Providers in the catalogue that offer it: ${providersOffering(t?.alternatives ?? [], f.catalogue)}.`;
  }),
  'ship-this-week': rule('ship-this-week', SEEDS.shipThisWeek, () =>
    'You need to ship this week, and a fine-tune takes about 7 days with data collection: ship the prompt now and train behind it.'),
  'spec-moving': rule('spec-moving', SEEDS.specMoves, () =>
    'Your output spec still moves: every change would mean retraining. Settle it before you train.'),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
