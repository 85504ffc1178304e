import { qualityClause, substituteQuality } from '../trial/measured-answers.js';
import { baselinePath } from '../cost/compute-costs.js';
import { findModel, findProvider, type CatalogueModel, type PriceCatalogue } from '../cost/price-catalogue.js';
import { formatCount, formatPercent, formatUsd, plural } from '../format/format-numbers.js';
import type { Answers } from '../interview/answers.js';
import type { FlowExit } from '../interview/walk-flowchart.js';
import { SEEDS, type SeedSource } from '../knowledge/seed-passages.js';
import { describeInterval, examplesToTell } from './success-interval.js';
import { onceTrainable } from './once-trainable.js';

/** What a rule's text may draw on: the flowchart's exit, the answers and the catalogue. */
export type RuleFacts = Pick<FlowExit, 'cost' | 'comparison' | 'quality' | 'interval' | 'tuning' | 'inputs'> & {
  answers: Answers;
  catalogue: PriceCatalogue;
};

export interface Rule {
  id: string;
  source: SeedSource;
  explain(facts: RuleFacts): string;
}

const pct = (a: Answers) => formatPercent(a.successRate ?? 0);
const rounds = (a: Answers) => plural(a.promptIterations ?? 0, 'round');
const horizon = (f: RuleFacts) => plural(f.cost?.horizonMonths ?? 12, 'month');
const tuned = (f: RuleFacts) => (f.tuning?.model ? f.tuning.model.name : 'a tuned model');
const modelName = (f: RuleFacts, id: string) => findModel(f.catalogue, id)?.name ?? id;
/** "8 of 10 is consistent with 49% to 94%", or nothing when the rate was measured on 50 or more. */
const uncertainty = (f: RuleFacts) => (f.interval && f.interval.tested < 50 ? ` (${describeInterval(f.interval)})` : '');

/** "Amazon Bedrock (nova-pro, nova-lite), Google Vertex AI (gemini-2.5-pro)". */
export function providersOffering(models: readonly CatalogueModel[], catalogue: PriceCatalogue): string {
  const byProvider = new Map<string, string[]>();
  for (const m of models) byProvider.set(m.provider, [...(byProvider.get(m.provider) ?? []), m.id]);
  if (byProvider.size === 0) return 'none in the catalogue as of this date';
  return [...byProvider].map(([p, ids]) => `${findProvider(catalogue, p)?.name ?? p} (${ids.join(', ')})`).join('; ');
}

/** "prompting GPT-4.1", or "prompting Amazon Nova Pro (the cheaper prompt path, untested)" when that is the comparison. */
function cheaperPrompt(f: RuleFacts): string {
  if (!f.cost) return 'prompting';
  const base = baselinePath(f.cost);
  return f.cost.baseline === 'substitutePrompt'
    ? `prompting ${modelName(f, base.model)} (the cheaper prompt path, ${substituteQuality(f.answers, base.model).words})`
    : `prompting ${modelName(f, base.model)}`;
}

/** Where a saving comes from: switching models, and tuning; said briefly (the card's fields give the figures). */
export function savingCauses(f: RuleFacts): string {
  const c = f.comparison;
  if (!c || !f.cost?.substitutePrompt || c.fromSwitching <= 0) return '';
  const total = c.fromSwitching + Math.max(0, c.fromTuning);
  const share = total > 0 ? formatPercent(c.fromSwitching / total) : '0%';
  return ` ${share} of the saving against today comes from moving to ${tuned(f)}, which prompting it untrained would give too; ${substituteSentence(f)}`;
}

/** What is known of the tuned model's quality, prompted untrained: untested, or a trial's score. */
function substituteSentence(f: RuleFacts): string {
  const q = substituteQuality(f.answers, f.cost!.substitutePrompt!.model);
  return q.measured ? `prompted untrained, ${q.trialSays}.` : 'its quality on your task is untested until you run your examples on it.';
}

function flipText(f: RuleFacts): string {
  const at = f.comparison?.flipMonthlyCalls;
  if (at === null || at === undefined) return ' At no volume would it clear the margin: the tuned model costs as much or more per call.';
  return ` It would clear the margin from about ${formatCount(at)} calls a month${onceTrainable(f.answers)}.`;
}

function rule(id: string, source: SeedSource, explain: (f: RuleFacts) => string): Rule {
  return { id, source, explain };
}

export const RULES = {
  'untested-prompt': rule(
    'untested-prompt',
    SEEDS.testOnTenExamples,
    ({ answers }) => `Your best prompt has been tested on ${plural(answers.testedExamples ?? 0, 'real example')}; the flowchart starts by testing it on at least 10.`,
  ),
  'eight-of-ten': rule('eight-of-ten', SEEDS.testOnTenExamples, (f) =>
    (f.answers.successRate ?? 0) >= 0.9
      ? `It gets ${pct(f.answers)} of your tested examples right${uncertainty(f)}: past the 8 of 10 test and the 90% test, prompting works.`
      : (f.answers.successRate ?? 0) < 0.8 && f.interval
        ? `It gets ${pct(f.answers)} of your tested examples right (${describeInterval(f.interval)}): too close to 8 of 10 to tell apart, and the failures share no pattern fine-tuning fixes, so it counts as passing: prompting works.`
        : `It gets ${pct(f.answers)} of your tested examples right${uncertainty(f)}, at or above 8 of 10: prompting works.`,
  ),
  'seeds-disagree-85-90': rule(
    'seeds-disagree-85-90',
    SEEDS.scenarioStopAbove85,
    (f) =>
      `${pct(f.answers)} right after ${rounds(f.answers)}${uncertainty(f)}. Between 85% and 90% the seeds disagree: scenario 1 stops above 85%, scenario 5 fine-tunes the last 12% at 88%. ` +
      'This advisor follows scenario 1 unless the answers fine-tuning would fix are shown to be worth more than it costs.',
  ),
  'edge-cases-worth-fixing': rule(
    'edge-cases-worth-fixing',
    SEEDS.scenarioEdgeCases,
    (f) =>
      `${pct(f.answers)} right after ${rounds(f.answers)}${uncertainty(f)}, the rest failing on ${f.answers.failureMode}. Between 85% and 90% the seeds disagree (scenario 1 stops above 85%); ` +
      'this advisor follows scenario 5 here, because the answers fine-tuning would fix are worth more than it costs.',
  ),
  'fine-tuning-does-not-pay': rule('fine-tuning-does-not-pay', SEEDS.mostReversible, (f) => {
    const ft = f.cost?.fineTuning;
    const c = f.comparison;
    if (!f.cost || !ft || !c) return 'Fine-tuning would not pay for itself.';
    const base = baselinePath(f.cost);
    const against = `prompting ${modelName(f, base.model)} (${formatUsd(base.total)})`;
    const moved = c.sensitivity.filter((s) => s.saving <= 0).map((s) => `if ${s.label} it would cost ${formatUsd(-s.saving)} more`);
    const verdict =
      c.fromTuning <= 0
        ? `fine-tuning ${tuned(f)} would cost ${formatUsd(ft.total)} over ${horizon(f)} against ${against}: it does not pay for itself.`
        : !c.clearsMargin
          ? `fine-tuning ${tuned(f)} would save ${formatUsd(c.fromTuning)} over ${horizon(f)} against ${against}, less than the 20% margin (${formatUsd(c.margin)}) a change away from the most reversible lever must clear.`
          : `fine-tuning ${tuned(f)} would save ${formatUsd(c.fromTuning)} over ${horizon(f)} against ${against}, but not if its uncertain defaults are off: ${moved.join('; ')}.`;
    return `At ${formatCount(f.answers.monthlyCalls ?? 0)} calls a month, ${verdict}${flipText(f)}`;
  }),
  'prompt-costs-more-than-fine-tuning': rule('prompt-costs-more-than-fine-tuning', SEEDS.longPromptAtVolume, (f) => {
    const c = f.cost!;
    const cmp = f.comparison;
    const base = baselinePath(c);
    const saves = cmp ? `, saving ${formatUsd(cmp.fromTuning)} (${formatPercent(cmp.fromTuning / Math.max(1, base.total))}), past the 20% margin` : '';
    const holds = cmp?.sensitivity.length ? `; it still saves ${cmp.sensitivity.map((s) => `${formatUsd(s.saving)} if ${s.label}`).join(' and ')}` : '';
    return (
      `Your ${formatCount(f.answers.promptTokens ?? 0)}-token prompt at ${formatCount(f.answers.monthlyCalls ?? 0)} calls a month costs ${formatUsd(base.total)} over ${horizon(f)} on ${modelName(f, base.model)}; ` +
      `fine-tuning ${tuned(f)} would cost ${formatUsd(c.fineTuning?.total ?? 0)}${saves}${holds}` +
      (c.breakEvenMonth !== null ? `, breaking even in month ${c.breakEvenMonth}.` : '.') +
      savingCauses(f)
    );
  }),
  'below-80-few-iterations': rule(
    'below-80-few-iterations',
    SEEDS.improveThePrompt,
    ({ answers }) => `${pct(answers)} right after ${rounds(answers)} of prompt improvement; try 3 to 5 rounds (context, examples, constraints, output format) before fine-tuning.`,
  ),
  'knowledge-failures': rule(
    'knowledge-failures',
    SEEDS.notRag,
    () => 'The failures come from missing facts or documents. Fine-tuning does not add knowledge reliably; retrieval (RAG) puts it in the prompt.',
  ),
  'knowledge-not-cost-tuned': rule(
    'knowledge-not-cost-tuned',
    SEEDS.ragIsPrompting,
    (f) =>
      `It gets ${pct(f.answers)} right: prompting works. The task answers from knowledge, and retrieved context can't be baked into weights, so a fine-tune would not shorten the prompt: it is not a cost lever here.`,
  ),
  'ninety-percent-test': rule(
    'ninety-percent-test',
    SEEDS.ninetyPercentTest,
    ({ answers }) => `Only ${pct(answers)} right after ${rounds(answers)}: when nearly everything fails, the problem is bigger than fine-tuning can solve alone.`,
  ),
  'below-80-after-iterations': rule(
    'below-80-after-iterations',
    SEEDS.considerFineTuning,
    (f) => `${pct(f.answers)} right after ${rounds(f.answers)} of prompt improvement${uncertainty(f)}, still below 80%: time to consider fine-tuning.`,
  ),
  'rate-uncertain': rule('rate-uncertain', SEEDS.fixPromptTesting, (f) => {
    const i = f.interval!;
    const n = examplesToTell(f.answers.successRate ?? 0, 0.8);
    return `${describeInterval(i)}: that reaches 80%, so your examples can't yet tell whether the prompt fails 20% or more. Test on about ${formatCount(n)} examples before you train.`;
  }),
  'too-few-tested': rule(
    'too-few-tested',
    SEEDS.fixPromptTesting,
    (f) =>
      `Fine-tuning could be next, but your score rests on ${plural(f.answers.testedExamples ?? 0, 'tested example')}${f.interval ? ` (${describeInterval(f.interval)})` : ''}: test on 30-50 before you train.`,
  ),
  'too-few-examples': rule('too-few-examples', SEEDS.perCategory, (f) => {
    const min = f.inputs?.minimumExamples ?? 100;
    const per = f.answers.taskKind === 'classification' && (f.answers.categories ?? 1) > 1 ? ` (100 for each of ${f.answers.categories} categories)` : '';
    return `You have ${plural(f.answers.labeledExamples ?? 0, 'labelled example')}; fine-tuning needs at least ${formatCount(min)}${per}, ideally 500 or more.`;
  }),
  plateau: rule(
    'plateau',
    SEEDS.ceiling,
    (f) =>
      `${pct(f.answers)} right after ${rounds(f.answers)}${uncertainty(f)}, and the ${formatPercent(1 - (f.answers.successRate ?? 0))} that fail share a pattern (${f.answers.failureMode}): prompting has hit its ceiling, and fine-tuning could take the systematic rest.`,
  ),
  'edge-cases-cheapest': rule('edge-cases-cheapest', SEEDS.combineForCost, (f) => {
    const h = f.cost!.hybrid!;
    const router = h.items.find((i) => i.label.startsWith('Router'));
    return (
      `A router can tell the failing cases apart, so routing them (${formatPercent(h.fineTunedShare)} of calls) to a fine-tuned ${tuned(f)} and the rest through the prompt costs ` +
      `${formatUsd(h.total)} over ${horizon(f)}${router ? `, a router call on every request included (${formatUsd(router.amount)} a month)` : ''}, against ${formatUsd(f.cost!.fineTuning!.total)} for fine-tuning every call.`
    );
  }),
  'fine-tuning-also-saves': rule('fine-tuning-also-saves', SEEDS.bestCostToQuality, (f) => {
    const q = f.quality!;
    const base = f.cost ? modelName(f, baselinePath(f.cost).model) : 'the model';
    return `It fixes answers and costs ${formatUsd(-q.extraCost)} less than prompting ${base} over ${horizon(f)}: the better cost-to-quality ratio either way.${savingCauses(f)}`;
  }),
  'fixes-worth-it': rule('fixes-worth-it', SEEDS.bestCostToQuality, (f) => {
    const q = f.quality!;
    return (
      `At ${formatUsd(q.costOfWrongAnswer ?? 0)} a wrong answer, fixing ${formatPercent(q.fixedShare)} (assumed) of the ${formatPercent(q.failRate)} that fail is ${formatCount(q.fixedAnswers)} answers worth ${formatUsd(q.value ?? 0)} over ${horizon(f)}, ` +
      `more than the ${formatUsd(q.extraCost)} it costs beyond ${cheaperPrompt(f)}.`
    );
  }),
  'fixes-not-worth-it': rule('fixes-not-worth-it', SEEDS.bestCostToQuality, (f) => {
    const q = f.quality!;
    return (
      `At ${formatUsd(q.costOfWrongAnswer ?? 0)} a wrong answer, fixing ${formatPercent(q.fixedShare)} (assumed) of the ${formatPercent(q.failRate)} that fail is ${formatCount(q.fixedAnswers)} answers worth ${formatUsd(q.value ?? 0)} over ${horizon(f)}, ` +
      `less than the ${formatUsd(q.extraCost)} ${q.path === 'hybrid' ? 'using both' : 'fine-tuning'} costs beyond ${cheaperPrompt(f)}` +
      (q.breakEvenCostOfWrongAnswer !== null ? `; it would pay if a wrong answer cost more than ${formatUsd(q.breakEvenCostOfWrongAnswer)}.` : '.')
    );
  }),
  'wrong-answer-break-even': rule('wrong-answer-break-even', SEEDS.bestCostToQuality, (f) => {
    const q = f.quality!;
    return q.breakEvenCostOfWrongAnswer === null
      ? `At ${formatCount(f.answers.monthlyCalls ?? 0)} calls a month it fixes too few answers to weigh against its ${formatUsd(q.extraCost)} extra cost.`
      : `${q.path === 'hybrid' ? 'Using both' : 'Fine-tuning'} costs ${formatUsd(q.extraCost)} more than ${cheaperPrompt(f)} over ${horizon(f)} and would fix about ${formatCount(q.fixedAnswers)} wrong answers ` +
          `(${q.fixedShare === 0.5 ? 'half' : formatPercent(q.fixedShare)} of those that fail, assumed): ` +
          `it pays for itself if a wrong answer costs you more than ${formatUsd(q.breakEvenCostOfWrongAnswer)}.`;
  }),
  'provider-offers-no-fine-tuning': rule('provider-offers-no-fine-tuning', SEEDS.closedModels, (f) => {
    const t = f.tuning;
    if (!t?.model) return 'The model you prompt today cannot be fine-tuned.';
    return (
      `You can't fine-tune the model you prompt today for your horizon: ${'promptModelBlocked' in t ? t.promptModelBlocked : ''}. ` +
      `The figures use ${t.model.name} instead, ${qualityClause(f.answers, t.model.id)}.`
    );
  }),
  'no-fine-tuning-available': rule('no-fine-tuning-available', SEEDS.closedApi, (f) => {
    const t = f.tuning;
    const reason = t && !t.model ? t.reason : 'the model you prompt cannot be fine-tuned';
    return `Fine-tuning is not possible for you as things stand: ${reason}. Providers in the catalogue that offer it: ${providersOffering(t?.alternatives ?? [], f.catalogue)}.`;
  }),
  'ship-this-week': rule(
    'ship-this-week',
    SEEDS.shipThisWeek,
    () => 'You need to ship this week, and a fine-tune takes about 7 days with data collection: ship the prompt now; fine-tuning is a later step.',
  ),
  'spec-moving': rule('spec-moving', SEEDS.specMoves, () => 'Your output spec still moves: every change would mean retraining. Prompt now; train once the spec is settled.'),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
