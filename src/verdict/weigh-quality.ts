import type { CostInputs } from '../cost/cost-assumptions.js';
import type { PathCost } from '../cost/compute-costs.js';

/**
 * A fine-tune for quality, weighed in money: the wrong answers it would fix over the horizon
 * against what it costs beyond the cheaper prompt path. OpenAI's model-selection guide
 * reasons the same way (break-even accuracy from the cost of a wrong answer and the saving
 * per right one); here the unknown is the cost of a wrong answer, so the card states the
 * figure above which fine-tuning pays.
 */
export interface QualityWeighing {
  /** The path that would fix them: fine-tuning every call, or the routed slice. */
  path: 'fineTuning' | 'hybrid';
  failRate: number;
  fixedShare: number;
  /** Wrong answers fixed over the horizon. */
  fixedAnswers: number;
  /** Cost of that path minus the cheaper prompt path (negative: it saves money too). */
  extraCost: number;
  costOfWrongAnswer: number | null;
  /** Fixed answers × cost of a wrong answer, when that cost is known. */
  value: number | null;
  /** Cost of a wrong answer above which the fix pays for itself; null when it saves money anyway. */
  breakEvenCostOfWrongAnswer: number | null;
  /** True when it saves money or the fixes are worth more than the extra cost; null when that can't be told. */
  worthIt: boolean | null;
}

export function weighQuality(path: QualityWeighing['path'], tuned: PathCost, baseline: PathCost, rate: number, inputs: CostInputs, costOfWrongAnswer: number | undefined): QualityWeighing {
  const failRate = Math.max(0, 1 - rate);
  const fixedAnswers = Math.round(inputs.monthlyCalls * inputs.horizonMonths * failRate * inputs.failuresFixedShare);
  const extraCost = Math.round((tuned.total - baseline.total) * 100) / 100;
  const breakEven = extraCost > 0 ? (fixedAnswers > 0 ? perAnswer(extraCost / fixedAnswers) : Infinity) : null;
  const value = costOfWrongAnswer === undefined ? null : Math.round(fixedAnswers * costOfWrongAnswer * 100) / 100;
  const worthIt = extraCost <= 0 ? true : value === null ? null : value >= extraCost;
  return {
    path,
    failRate,
    fixedShare: inputs.failuresFixedShare,
    fixedAnswers,
    extraCost,
    costOfWrongAnswer: costOfWrongAnswer ?? null,
    value,
    breakEvenCostOfWrongAnswer: breakEven === Infinity ? null : breakEven,
    worthIt,
  };
}

/** Cents from a dollar up; below it two significant digits, so that a fraction of a cent never reads as $0. */
function perAnswer(usd: number): number {
  return usd >= 1 ? Math.round(usd * 100) / 100 : Number(usd.toPrecision(2));
}
