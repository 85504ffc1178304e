import { chooseTuningModel, type TuningChoice } from '../cost/choose-tuning-model.js';
import { computeCosts, type CostBreakdown } from '../cost/compute-costs.js';
import { DEFAULT_HORIZON_MONTHS, minimumExamplesFor, resolveCostInputs, type Assumption, type CostInputs } from '../cost/cost-assumptions.js';
import { findModel } from '../cost/price-catalogue.js';
import type { RuleId } from '../verdict/rules.js';
import type { VerdictKind } from '../verdict/verdict-kinds.js';
import type { AdviceContext } from './advice-context.js';
import type { Answers } from './answers.js';
import type { QuestionId } from './questions.js';

export interface InterviewState {
  answers: Answers;
  /** Questions the person chose to skip: their defaults apply and they are not asked again. */
  skipped: readonly QuestionId[];
}

export interface FlowExit {
  kind: 'exit';
  verdict: VerdictKind;
  rules: RuleId[];
  cost: CostBreakdown | null;
  tuning: TuningChoice | null;
  inputs: CostInputs | null;
  assumptions: Assumption[];
}

export type FlowStep = { kind: 'ask'; question: QuestionId } | FlowExit;

/** Shares at or above this pass the seeds' 8/10 test. */
export const PASS_RATE = 0.8;
/**
 * Up to here a prompt that passes can still have plateaued: the seeds' ceiling is "around
 * 80-85%", fine-tuning is for "systematic problems that affect 10+ percent of cases", and
 * their translation scenario fine-tunes the last 12% of a prompt that covers 88%.
 */
export const PLATEAU_RATE = 0.9;
/** The 90% test: at or below this, most cases fail. */
export const RETHINK_RATE = 0.1;
export const MIN_TESTED_EXAMPLES = 10;
export const MIN_ITERATIONS = 3;

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
    return walk(state, ctx);
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

  // Costs are worked out only once the volumes are known; before that an exit carries none.
  const costsIfKnown = () => (a.model && findModel(ctx.catalogue, a.model) && a.monthlyCalls !== undefined ? costsFor(a, ctx) : null);
  const exit = (verdict: VerdictKind, rules: RuleId[], costs = costsIfKnown()): FlowExit => ({
    kind: 'exit',
    verdict,
    rules,
    cost: costs?.cost ?? null,
    tuning: costs?.tuning ?? null,
    inputs: costs?.inputs ?? null,
    assumptions: costs?.assumptions ?? [],
  });

  need('taskKind');
  if (must('testedExamples') < MIN_TESTED_EXAMPLES) return exit('test-prompts-first', ['untested-prompt']);
  const rate = must('successRate');

  let indicated: 'quality' | 'plateau' | null = null;
  if (rate < PASS_RATE) {
    if (must('failureMode') === 'knowledge') return exit('rag-first', ['knowledge-failures']);
    if (must('promptIterations') < MIN_ITERATIONS) return exit('iterate-prompt', ['below-80-few-iterations']);
    if (rate <= RETHINK_RATE) return exit('rethink-task', ['ninety-percent-test']);
    indicated = 'quality';
  } else if (rate <= PLATEAU_RATE && must('promptIterations') >= MIN_ITERATIONS) {
    const failure = must('failureMode');
    if (failure === 'knowledge') return exit('rag-first', ['knowledge-failures']);
    if (TUNABLE_FAILURES.has(failure)) indicated = 'plateau';
  }

  must('model');
  must('promptTokens');
  need('inputTokens');
  need('outputTokens');
  must('monthlyCalls');
  need('cacheHitRate');
  need('horizonMonths');

  const passes = ['eight-of-ten'] as RuleId[];
  if (!indicated) {
    // A prompt that works is only worth replacing if fine-tuning costs less: check with
    // the seeds' minimum training set before asking about data.
    const early = costsFor(a, ctx);
    if (!(early.tuning.model && early.cost.fineTuning && early.cost.fineTuning.total < early.cost.promptEngineering.total)) {
      const why: RuleId[] = early.tuning.model ? ['fine-tuning-does-not-pay'] : ['no-fine-tuning-available'];
      return exit('prompt-engineering', [...passes, ...why], early);
    }
  }
  const reasons: RuleId[] =
    indicated === 'quality' ? ['below-80-after-iterations'] : indicated === 'plateau' ? ['plateau'] : [...passes, 'prompt-costs-more-than-fine-tuning'];

  const tuning = tuningFor(a, ctx);
  if (!tuning.model) return exit(indicated ? 'iterate-prompt' : 'prompt-engineering', [...reasons, 'no-fine-tuning-available']);
  if (tuning.promptModelBlocked) reasons.push('provider-offers-no-fine-tuning');
  need('fineTuneModel');
  if (a.taskKind === 'classification') must('categories');
  const labeled = must('labeledExamples');
  need('deadline');
  need('specStable');
  const costs = costsFor(a, ctx);
  if (!costs.tuning.model || !costs.cost.fineTuning)
    return exit(indicated ? 'iterate-prompt' : 'prompt-engineering', [...reasons.filter((r) => r !== 'provider-offers-no-fine-tuning'), 'no-fine-tuning-available'], costs);
  if (!indicated && costs.cost.fineTuning.total >= costs.cost.promptEngineering.total)
    return exit('prompt-engineering', [...passes, 'fine-tuning-does-not-pay'], costs);

  const context: RuleId[] = [];
  if (a.deadline === 'this-week') context.push('ship-this-week');
  if (a.specStable === false) context.push('spec-moving');
  if (labeled < minimumExamplesFor(a)) return exit('collect-data', [...reasons, 'too-few-examples', ...context], costs);
  if (indicated === 'plateau') return exit('hybrid', [...reasons, ...context], costs);
  const hybrid = costs.cost.hybrid;
  if (indicated === 'quality' && hybrid && hybrid.fineTunedShare <= 0.5 && hybrid.total < costs.cost.fineTuning.total)
    return exit('hybrid', [...reasons, 'edge-cases-cheapest', ...context], costs);
  return exit('fine-tune', [...reasons, ...context], costs);
}

interface Costs {
  cost: CostBreakdown;
  tuning: TuningChoice;
  inputs: CostInputs;
  assumptions: Assumption[];
}

function tuningFor(a: Answers, ctx: AdviceContext): TuningChoice {
  return chooseTuningModel(a, findModel(ctx.catalogue, a.model!)!, ctx, a.horizonMonths ?? DEFAULT_HORIZON_MONTHS);
}

function costsFor(a: Answers, ctx: AdviceContext): Costs {
  const promptModel = findModel(ctx.catalogue, a.model!)!;
  const { inputs, assumptions } = resolveCostInputs(a);
  const tuning = chooseTuningModel(a, promptModel, ctx, inputs.horizonMonths);
  const cost = computeCosts({ inputs, promptModel, tuneModel: tuning.model, overrides: a.prices ?? {}, asOf: ctx.asOf });
  return { cost, tuning, inputs, assumptions };
}
