import { substituteQuality } from '../trial/measured-answers.js';
import { chooseTuningModel, type TuningChoice } from '../cost/choose-tuning-model.js';
import { comparePaths, type PathComparison } from '../cost/compare-paths.js';
import { baselinePath, computeCosts, type CostBreakdown } from '../cost/compute-costs.js';
import { DEFAULT_HORIZON_MONTHS, minimumExamplesFor, resolveCostInputs, type Assumption, type CostInputs } from '../cost/cost-assumptions.js';
import { OTHER_MODEL_ID, withOtherModel } from '../cost/other-model.js';
import { findModel } from '../cost/price-catalogue.js';
import type { RuleId } from '../verdict/rules.js';
import { examplesToTell, successInterval, type SuccessInterval } from '../verdict/success-interval.js';
import type { VerdictKind } from '../verdict/verdict-kinds.js';
import { weighQuality, type QualityWeighing } from '../verdict/weigh-quality.js';
import type { AdviceContext } from './advice-context.js';
import type { Answers } from './answers.js';
import type { QuestionId } from './questions.js';

export interface InterviewState {
  answers: Answers;
  /** Questions the person chose to skip: their defaults apply and they are not asked again. */
  skipped: readonly QuestionId[];
}

/** Why fine-tuning is on the table: quality below 80%, the 80-85% ceiling, the 85-90% edge cases, or cost alone. */
export type Indication = 'quality' | 'ceiling' | 'edge-cases' | 'cost';

export interface FlowExit {
  kind: 'exit';
  verdict: VerdictKind;
  rules: RuleId[];
  indication: Indication | null;
  cost: CostBreakdown | null;
  comparison: PathComparison | null;
  quality: QualityWeighing | null;
  /** The measured success rate's 95% interval, once it is known. */
  interval: SuccessInterval | null;
  tuning: TuningChoice | null;
  inputs: CostInputs | null;
  assumptions: Assumption[];
}

export type FlowStep = { kind: 'ask'; question: QuestionId } | FlowExit;

/** Shares at or above this pass the seeds' 8/10 test. */
export const PASS_RATE = 0.8;
/** The seeds' ceiling, "around 80-85%"; above it scenario 1 stops ("If success rate exceeds 85%, stop"). */
export const CEILING_RATE = 0.85;
/** The 90% test: "If 90% of cases work with prompt engineering, stop." */
export const NINETY_RATE = 0.9;
/** The 90% test's other side: at or below this, most cases fail. */
export const RETHINK_RATE = 0.1;
export const MIN_TESTED_EXAMPLES = 10;
/** Mistake 1's fix: "Run 30-50 examples with 3-5 prompt variations" before fine-tuning. */
export const MIN_TESTED_TO_TRAIN = 30;
export const MIN_ITERATIONS = 3;
/** Beyond this many examples, a rate too close to 80% to tell apart is taken as at the ceiling. */
const MAX_EXAMPLES_TO_ASK = 200;
/** The tuned model takes the failing share in "both"; above half, routing is no longer "the edge cases". */
const MAX_ROUTED_SHARE = 0.5;

/** A failure pattern fine-tuning is good at; the seeds' "style, format, domain vocabulary". */
const TUNABLE_FAILURES = new Set(['format', 'style', 'vocabulary', 'reasoning']);

class Ask {
  constructor(readonly question: QuestionId) {}
}

/**
 * The seeds' decision flowchart (001, "Decision Flowchart"), walked from the answers so far.
 * Returns the next question to ask, or the exit it reaches and the rules that took it there.
 * One walk serves both, so the interview never asks what the verdict does not use.
 */
export function walkFlowchart(state: InterviewState, ctx: AdviceContext): FlowStep {
  try {
    return walk(state, withOtherModel(ctx, state.answers));
  } catch (signal) {
    if (signal instanceof Ask) return { kind: 'ask', question: signal.question };
    throw signal;
  }
}

function walk(state: InterviewState, ctx: AdviceContext): FlowExit {
  const a = state.answers;
  const skipped = new Set(state.skipped);
  function need<K extends QuestionId>(id: K): NonNullable<Answers[K]> | undefined {
    const value = a[id];
    if (value !== undefined) return value as NonNullable<Answers[K]>;
    if (skipped.has(id)) return undefined;
    throw new Ask(id);
  }
  const must = <K extends QuestionId>(id: K): NonNullable<Answers[K]> => {
    const value = need(id);
    if (value === undefined) throw new Ask(id);
    return value;
  };

  let interval: SuccessInterval | null = null;
  let indication: Indication | null = null;
  // Costs only once there is something to cost: a model, a volume and some tokens; never a table of zeros.
  const costable = () => (a.monthlyCalls ?? 0) > 0 && (a.promptTokens ?? 0) + (a.inputTokens ?? 0) + (a.outputTokens ?? 0) > 0;
  // One walk prices the same answers once for each way of routing, however many exits look.
  const priced = new Map<boolean, Costs>();
  const costsOf = (includeHybrid: boolean): Costs => {
    let costs = priced.get(includeHybrid);
    if (!costs) priced.set(includeHybrid, (costs = costsFor(a, ctx, includeHybrid)));
    return costs;
  };
  const costsIfKnown = () => (a.model && findModel(ctx.catalogue, a.model) && costable() ? costsOf(false) : null);
  const exit = (verdict: VerdictKind, rules: RuleId[], costs: Costs | null = costsIfKnown(), quality: QualityWeighing | null = null): FlowExit => ({
    kind: 'exit',
    verdict,
    rules,
    indication,
    // No figures where nothing can be costed: a table of zeros would read as "free".
    cost: costable() ? (costs?.cost ?? null) : null,
    comparison: costable() ? (costs?.comparison ?? null) : null,
    quality: costable() ? quality : null,
    interval,
    tuning: costs?.tuning ?? null,
    inputs: costs?.inputs ?? null,
    assumptions: costs?.assumptions ?? [],
  });

  need('taskKind');
  const tested = must('testedExamples');
  if (tested < MIN_TESTED_EXAMPLES) return exit('test-prompts-first', ['untested-prompt']);
  const rate = must('successRate');
  interval = successInterval(rate, tested);

  if (rate < PASS_RATE) {
    const failure = must('failureMode');
    if (failure === 'knowledge') return exit('rag-first', ['knowledge-failures']);
    if (must('promptIterations') < MIN_ITERATIONS) return exit('iterate-prompt', ['below-80-few-iterations']);
    if (rate <= RETHINK_RATE) return exit('rethink-task', ['ninety-percent-test']);
    indication = 'quality';
    // Never train on a difference smaller than the measurement's own uncertainty.
    if (interval.high >= PASS_RATE && tested >= MIN_TESTED_TO_TRAIN) {
      if (examplesToTell(rate, PASS_RATE) <= MAX_EXAMPLES_TO_ASK) return exit('test-prompts-first', ['below-80-after-iterations', 'rate-uncertain']);
      indication = TUNABLE_FAILURES.has(failure) ? 'ceiling' : null;
    }
  } else if (rate < NINETY_RATE && must('promptIterations') >= MIN_ITERATIONS) {
    const failure = must('failureMode');
    if (failure === 'knowledge') return exit('rag-first', ['knowledge-failures']);
    if (TUNABLE_FAILURES.has(failure)) indication = rate <= CEILING_RATE ? 'ceiling' : 'edge-cases';
  }
  if (indication && tested < MIN_TESTED_TO_TRAIN) return exit('test-prompts-first', [indicationRule(indication), 'too-few-tested']);

  if (must('model') === OTHER_MODEL_ID) must('otherModel');
  must('promptTokens');
  need('inputTokens');
  need('outputTokens');
  must('monthlyCalls');
  need('cacheHitRate');
  need('horizonMonths');

  const passes: RuleId[] = indication === 'edge-cases' ? ['seeds-disagree-85-90'] : ['eight-of-ten'];
  if (!indication) {
    // A prompt that works is only worth replacing if fine-tuning saves a clear margin: check
    // with the seeds' minimum training set before asking about data.
    if (a.taskKind === 'knowledge') return exit('prompt-engineering', [...passes, 'knowledge-not-cost-tuned']);
    // With no calls or no tokens counted there is no cost to cut: the prompt that works stays.
    if (!costable()) return exit('prompt-engineering', passes);
    const early = costsOf(false);
    if (!early.tuning.model) return exit('prompt-engineering', [...passes, 'no-fine-tuning-available'], early);
    if (!early.comparison?.robust)
      return exit('prompt-engineering', [...passes, 'fine-tuning-does-not-pay', ...(early.tuning.promptModelBlocked ? ['provider-offers-no-fine-tuning' as const] : [])], early);
    indication = 'cost';
    if (tested < MIN_TESTED_TO_TRAIN) return exit('test-prompts-first', [...passes, 'prompt-costs-more-than-fine-tuning', 'too-few-tested'], early);
  }
  const forQuality = indication !== 'cost';
  const reasons: RuleId[] = forQuality ? [indicationRule(indication)] : [...passes, 'prompt-costs-more-than-fine-tuning'];
  // Where fine-tuning is off the table, the prompt stays: below 80% it needs more work, above it it passes.
  const stay: VerdictKind = indication === 'quality' ? 'iterate-prompt' : 'prompt-engineering';

  const tuning = tuningFor(a, ctx);
  if (!tuning.model) return exit(stay, [...(indication === 'edge-cases' ? passes : reasons), 'no-fine-tuning-available']);
  if (tuning.promptModelBlocked) reasons.push('provider-offers-no-fine-tuning');
  need('fineTuneModel');
  if (a.taskKind === 'classification') must('categories');
  const labeled = must('labeledExamples');
  need('deadline');
  need('specStable');

  const tooFewExamples = labeled < minimumExamplesFor(a);
  // Seed 000: "Choose Prompt Engineering if… You need to ship this week / the spec still moves."
  const notNow: RuleId[] = [...(a.deadline === 'this-week' ? ['ship-this-week' as const] : []), ...(a.specStable === false ? ['spec-moving' as const] : [])];
  /** A fine-tune worth doing: now, later (ship first, settle the spec), or once the data is there. */
  const train = (kind: VerdictKind, rules: RuleId[], costs: Costs, weighing: QualityWeighing | null = null): FlowExit => {
    if (notNow.length) return exit('prompt-engineering', [...rules, ...notNow], costs, weighing);
    if (tooFewExamples) {
      // Asked last: it moves the figures, never what is worth weighing first.
      need('labelingCostPerExample');
      return exit('collect-data', [...rules, 'too-few-examples'], costs, weighing);
    }
    return exit(kind, rules, costs, weighing);
  };

  if (!forQuality) {
    const costs = costsOf(false);
    if (!costs.tuning.model || !costs.cost.fineTuning) return exit('prompt-engineering', [...passes, 'no-fine-tuning-available'], costs);
    if (!costs.comparison?.robust) return exit('prompt-engineering', [...passes, 'fine-tuning-does-not-pay'], costs);
    return train('fine-tune', reasons, costs);
  }

  // Seed 001, "Using Both": only where a router can see the slice before answering.
  if (1 - rate <= MAX_ROUTED_SHARE) need('failuresIdentifiable');
  const costs = costsOf(a.failuresIdentifiable === true && 1 - rate <= MAX_ROUTED_SHARE);
  const ft = costs.cost.fineTuning;
  if (!costs.tuning.model || !ft) return exit(stay, [...reasons, 'no-fine-tuning-available'], costs);
  const hybrid = costs.cost.hybrid;
  const routed = hybrid !== null && hybrid.total < ft.total;
  const baseline = baselinePath(costs.cost);
  let weighing = weighQuality(routed ? 'hybrid' : 'fineTuning', routed ? hybrid : ft, baseline, rate, costs.inputs, a.costOfWrongAnswer);
  // Nothing counted, nothing to weigh: below 85% the seeds' flowchart decides alone, above it scenario 1 stops.
  if (!costable()) return indication === 'edge-cases' ? exit('prompt-engineering', passes) : train('fine-tune', reasons, costs);
  if (weighing.worthIt === null) {
    need('costOfWrongAnswer');
    weighing = weighQuality(weighing.path, routed ? hybrid : ft, baseline, rate, costs.inputs, a.costOfWrongAnswer);
  }
  const how: RuleId = weighing.extraCost <= 0 ? 'fine-tuning-also-saves' : weighing.worthIt ? 'fixes-worth-it' : weighing.worthIt === false ? 'fixes-not-worth-it' : 'wrong-answer-break-even';
  // Weighed before the deadline and the data: a fix that is not worth it is not worth it later either.
  // Scenario 1 stops above 85% unless the fixes are shown to pay (scenario 5).
  if (weighing.worthIt === false || (indication === 'edge-cases' && weighing.worthIt !== true))
    return exit('prompt-engineering', [...(indication === 'edge-cases' ? passes : reasons), how], costs, weighing);
  // Only now, with the fixes shown to pay, does the advisor follow scenario 5.
  const shown = reasons.map((r): RuleId => (r === 'seeds-disagree-85-90' ? 'edge-cases-worth-fixing' : r));
  return train(routed ? 'hybrid' : 'fine-tune', [...shown, ...(routed ? ['edge-cases-cheapest' as const] : []), how], costs, weighing);
}

/** The reason fine-tuning is on the table; between 85% and 90% the seeds disagree until the weighing shows the fixes pay. */
function indicationRule(indication: Indication | null): RuleId {
  return indication === 'ceiling' ? 'plateau' : indication === 'edge-cases' ? 'seeds-disagree-85-90' : 'below-80-after-iterations';
}

interface Costs {
  cost: CostBreakdown;
  comparison: PathComparison | null;
  tuning: TuningChoice;
  inputs: CostInputs;
  assumptions: Assumption[];
}

function tuningFor(a: Answers, ctx: AdviceContext): TuningChoice {
  return chooseTuningModel(a, findModel(ctx.catalogue, a.model!)!, ctx, a.horizonMonths ?? DEFAULT_HORIZON_MONTHS);
}

function costsFor(a: Answers, ctx: AdviceContext, includeHybrid: boolean): Costs {
  const promptModel = findModel(ctx.catalogue, a.model!)!;
  const { inputs, assumptions } = resolveCostInputs(a);
  const tuning = chooseTuningModel(a, promptModel, ctx, inputs.horizonMonths);
  const substituteMeasuredWorse = tuning.model !== null && substituteQuality(a, tuning.model.id).worse;
  const request = { inputs, catalogue: ctx.catalogue, promptModel, tuneModel: tuning.model, includeHybrid, overrides: a.prices ?? {}, asOf: ctx.asOf, substituteMeasuredWorse };
  const cost = computeCosts(request);
  return { cost, comparison: comparePaths(cost, request, assumptions), tuning, inputs, assumptions };
}
