import type { Assumption } from '../cost/cost-assumptions.js';
import type { CostBreakdown } from '../cost/compute-costs.js';
import { withOtherModel } from '../cost/other-model.js';
import { findModel } from '../cost/price-catalogue.js';
import type { AdviceContext } from '../interview/advice-context.js';
import type { Answers } from '../interview/answers.js';
import type { QuestionId } from '../interview/questions.js';
import { walkFlowchart, type FlowExit, type InterviewState } from '../interview/walk-flowchart.js';
import type { SeedSource } from '../knowledge/seed-passages.js';
import type { PathComparison } from '../cost/compare-paths.js';
import { detectCautions, type Caution } from '../mistakes/detect-cautions.js';
import { detectMistakes, type Mistake } from '../mistakes/detect-mistakes.js';
import type { SuccessInterval } from './success-interval.js';
import type { QualityWeighing } from './weigh-quality.js';
import { priceNotices, type Notice } from './price-notices.js';
import { RULES, type RuleId } from './rules.js';
import { involvesFineTuning, type VerdictKind } from './verdict-kinds.js';
import { verdictTexts } from './verdict-texts.js';
import { findFlips, type Flip } from './find-flips.js';
import { minimumExamplesFor } from '../cost/cost-assumptions.js';

export interface Reason {
  rule: RuleId;
  text: string;
  source: SeedSource;
}

export interface Verdict {
  verdict: VerdictKind;
  headline: string;
  reasons: Reason[];
  /** What the team is doing wrong now; never one whose fix the verdict contradicts. */
  mistakes: Mistake[];
  /** What a team that trains must plan for later (retraining, running costs). */
  cautions: Caution[];
  nextSteps: string[];
  notices: Notice[];
  cost: CostBreakdown | null;
  /** Fine-tuning against the real alternatives: the saving by cause, the margin, how it moves. */
  comparison: PathComparison | null;
  /** A fine-tune for quality weighed in money: the answers it fixes against its extra cost. */
  quality: QualityWeighing | null;
  /** The measured success rate's 95% interval. */
  successInterval: SuccessInterval | null;
  /** What would change the verdict: the nearest answers that give another one; null when it could not be worked out (and in verdicts stored before). */
  flips?: Flip[] | null;
  /** The catalogue id of the model the fine-tuning costs use, when there is one. */
  fineTuneModel: string | null;
  assumptions: Assumption[];
  asOf: string;
  answers: Answers;
}

export type Advice = { kind: 'ask'; question: QuestionId } | { kind: 'verdict'; verdict: Verdict };

/** Turns a flowchart exit into the verdict a person reads: reasons, mistakes, steps, costs. */
export function buildVerdict(answers: Answers, exit: FlowExit, given: AdviceContext): Verdict {
  const ctx = withOtherModel(given, answers);
  const facts = { answers, cost: exit.cost, comparison: exit.comparison, quality: exit.quality, interval: exit.interval, tuning: exit.tuning, inputs: exit.inputs, catalogue: ctx.catalogue };
  const reasons = exit.rules.map((id) => ({ rule: id, text: RULES[id].explain(facts), source: RULES[id].source }));
  const texts = verdictTexts(answers, exit, ctx.catalogue);
  const promptModel = answers.model ? findModel(ctx.catalogue, answers.model) : undefined;
  return {
    verdict: exit.verdict,
    headline: texts.headline,
    reasons,
    mistakes: detectMistakes(answers, exit),
    cautions: detectCautions(answers, exit),
    nextSteps: texts.nextSteps,
    notices: priceNotices(exit, promptModel, ctx.catalogue, ctx.asOf),
    cost: exit.cost,
    comparison: exit.comparison,
    quality: exit.quality,
    successInterval: exit.interval,
    flips: findFlips(answers, exit.verdict, ctx, exit.inputs?.minimumExamples ?? minimumExamplesFor(answers)),
    fineTuneModel: involvesFineTuning(exit.verdict) || exit.rules.some((r) => r === 'ship-this-week' || r === 'spec-moving') ? (exit.tuning?.model?.id ?? null) : null,
    assumptions: exit.assumptions,
    asOf: ctx.asOf,
    answers,
  };
}

/** One step of an interview: the next question, or the verdict once the flowchart ends. */
export function advise(state: InterviewState, ctx: AdviceContext): Advice {
  const step = walkFlowchart(state, ctx);
  return step.kind === 'ask' ? step : { kind: 'verdict', verdict: buildVerdict(state.answers, step, ctx) };
}
