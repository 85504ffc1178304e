import type { Answers } from '../interview/answers.js';
import { SEEDS, type SeedSource } from '../knowledge/seed-passages.js';

/** One input of the cost model: the value used and where it came from, for "Show assumptions". */
export interface Assumption {
  field: string;
  label: string;
  value: number;
  /** `answered` when the team gave it; otherwise the default's reason. */
  origin: 'answered' | 'default';
  why: string;
  seed?: SeedSource;
}

export interface CostInputs {
  promptTokens: number;
  fineTunedPromptTokens: number;
  inputTokens: number;
  outputTokens: number;
  monthlyCalls: number;
  cacheHitRate: number;
  horizonMonths: number;
  epochs: number;
  labeledExamples: number;
  /** The smallest training set the seeds accept for this task. */
  minimumExamples: number;
  trainingExamples: number;
  labelingCostPerExample: number;
  engineeringHourlyRate: number;
  promptEngineeringHours: number;
  fineTuningHours: number;
  retrainingHours: number;
  hybridShare: number;
  /** Share of today's failures a fine-tune is expected to fix. */
  failuresFixedShare: number;
}

/** Labelling one more example when the team gives no figure: ours, named on the card. */
export const DEFAULT_LABELING_COST = 2;
/** Fine-tuning fixes half of today's failures unless the team has measured otherwise: ours. */
export const DEFAULT_FIXED_SHARE = 0.5;

export const DEFAULT_HORIZON_MONTHS = 12;
export const MIN_EXAMPLES = 100;
export const IDEAL_EXAMPLES = 500;

/** The smallest training set the seeds accept: 100, or 100 per category for classification. */
export function minimumExamplesFor(answers: Answers): number {
  const perCategory = answers.taskKind === 'classification' ? (answers.categories ?? 1) : 1;
  return MIN_EXAMPLES * perCategory;
}

export function resolveCostInputs(answers: Answers): { inputs: CostInputs; assumptions: Assumption[] } {
  const assumptions: Assumption[] = [];
  function use(field: keyof Answers | string, label: string, given: number | undefined, fallback: number, why: string, seed?: SeedSource) {
    const answered = given !== undefined;
    const value = answered ? given : fallback;
    assumptions.push({ field, label, value, origin: answered ? 'answered' : 'default', why: answered ? 'your answer' : why, ...(seed && !answered ? { seed } : {}) });
    return value;
  }

  const promptTokens = use('promptTokens', 'Prompt tokens (instructions and examples)', answers.promptTokens, 0, 'not given: no prompt cost counted');
  const fineTunedPromptTokens = use(
    'fineTunedPromptTokens',
    'Prompt tokens after fine-tuning',
    answers.fineTunedPromptTokens,
    Math.round(promptTokens * 0.1),
    'assumed: a tight prompt a tenth as long, since fine-tuning works best with one',
    SEEDS.tightPrompt,
  );
  const inputTokens = use('inputTokens', 'Input tokens per call', answers.inputTokens, 0, 'not given: no per-call input counted');
  const outputTokens = use('outputTokens', 'Output tokens per call', answers.outputTokens, 0, 'not given: no output cost counted');
  const monthlyCalls = use('monthlyCalls', 'Calls per month', answers.monthlyCalls, 0, 'not given: no volume, so only fixed costs count');
  const cacheHitRate = use('cacheHitRate', 'Prompt cache-hit rate', answers.cacheHitRate, 0, 'not given: no prompt caching');
  const horizonMonths = use('horizonMonths', 'Horizon (months)', answers.horizonMonths, DEFAULT_HORIZON_MONTHS, "the default horizon: one year, the seeds' retraining cycle", SEEDS.annualRetraining);
  const epochs = use('epochs', 'Training epochs', answers.epochs, 3, "assumed: 3 epochs, the providers' usual default");
  const minimumExamples = minimumExamplesFor(answers);
  const labeledExamples = use('labeledExamples', 'Labelled examples you have', answers.labeledExamples, 0, 'not given: none yet');
  const trainingExamples = Math.max(labeledExamples, minimumExamples);
  assumptions.push({
    field: 'trainingExamples',
    label: 'Examples in the training set',
    value: trainingExamples,
    origin: 'default',
    why: labeledExamples >= minimumExamples ? 'all your labelled examples' : `the seeds' minimum of ${minimumExamples}`,
    seed: answers.taskKind === 'classification' ? SEEDS.perCategory : SEEDS.minimumData,
  });
  const labelingCostPerExample = use(
    'labelingCostPerExample',
    'Labelling cost per example (US$)',
    answers.labelingCostPerExample,
    DEFAULT_LABELING_COST,
    `assumed: US$${DEFAULT_LABELING_COST} an example for an annotator to write the ideal output (ours, not the seeds'); the seeds' 7 days of work cover collecting them`,
    SEEDS.timeToResult,
  );
  const engineeringHourlyRate = use('engineeringHourlyRate', 'Engineering rate (US$ per hour)', answers.engineeringHourlyRate, 100, "assumed: US$100 an hour (ours, not the seeds'); override it");
  const promptEngineeringHours = use('promptEngineeringHours', 'Prompt engineering time (hours)', answers.promptEngineeringHours, 2, '2 hours for 10 prompt iterations', SEEDS.timeToResult);
  const fineTuningHours = use('fineTuningHours', 'Fine-tuning time (hours)', answers.fineTuningHours, 56, '7 working days of 8 hours, data collection included', SEEDS.timeToResult);
  const retrainingHours = use('retrainingHours', 'Evaluation time per retraining (hours)', answers.retrainingHours, 8, 'assumed: one day to evaluate each retrained model', SEEDS.tokenCostVsTraining);
  const hybridShare = use(
    'hybridFineTunedShare',
    'Share of calls the fine-tuned model takes in the hybrid',
    answers.hybridFineTunedShare,
    answers.successRate !== undefined ? Math.min(1, Math.max(0.05, 1 - answers.successRate)) : 0.1,
    answers.successRate !== undefined ? 'the share the prompt gets wrong today' : "the seeds' 10% of edge cases",
    SEEDS.combineForCost,
  );
  const failuresFixedShare = use(
    'failuresFixedShare',
    "Share of today's failures fine-tuning fixes",
    answers.failuresFixedShare,
    DEFAULT_FIXED_SHARE,
    "assumed: half (ours, not the seeds'); measure it on a hold-out set",
  );

  return {
    inputs: {
      promptTokens,
      fineTunedPromptTokens,
      inputTokens,
      outputTokens,
      monthlyCalls,
      cacheHitRate,
      horizonMonths,
      epochs,
      labeledExamples,
      minimumExamples,
      trainingExamples,
      labelingCostPerExample,
      engineeringHourlyRate,
      promptEngineeringHours,
      fineTuningHours,
      retrainingHours,
      hybridShare,
      failuresFixedShare,
    },
    assumptions,
  };
}
