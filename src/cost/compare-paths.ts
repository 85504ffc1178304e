import type { Assumption, CostInputs } from './cost-assumptions.js';
import { baselinePath, computeCosts, type CostBreakdown, type CostRequest, type PathCost } from './compute-costs.js';

/**
 * A cost-only fine-tune must save at least this share of the cheaper prompt path over the
 * horizon: a prompt is "the fastest, cheapest, and most reversible lever" (seed 000), and a
 * fine-tune is version-locked, so a saving within the noise of the estimate is no reason.
 */
export const COST_MARGIN = 0.2;

/** How fine-tuning's saving moves when a default it rests on is wrong by a factor of two. */
export interface Sensitivity {
  assumption: 'fineTunedPromptTokens' | 'fineTuningHours';
  label: string;
  saving: number;
}

export interface PathComparison {
  /** Prompting today's model minus fine-tuning, over the horizon. */
  savingVsToday: number;
  /** Of that, what moving to the tuned model's base (prompted, untrained) saves. */
  fromSwitching: number;
  /** The cheaper prompt path minus fine-tuning: what tuning itself saves. */
  fromTuning: number;
  margin: number;
  clearsMargin: boolean;
  sensitivity: Sensitivity[];
  /** True when fine-tuning clears the margin and still saves under every doubled default. */
  robust: boolean;
  /** Calls a month from which a cost-only fine-tune would be recommended; null if at no volume. */
  flipMonthlyCalls: number | null;
}

const isDefault = (assumptions: readonly Assumption[], field: string) => assumptions.find((a) => a.field === field)?.origin !== 'answered';

interface Line {
  at0: number;
  slope: number;
}

/** A path's total as a line in monthly calls: fees and one-off costs, plus tokens that grow with calls. */
function pathLine(path: PathCost, calls: number): Line {
  return { at0: path.total - path.scalingTotal, slope: path.scalingTotal / calls };
}

/**
 * Fine-tuning's saving less a share of the cheaper prompt path, as a line in monthly calls.
 * Every cost is linear in volume, and both prompt paths cost the same at no volume, so the
 * cheaper one is the one with the smaller slope.
 */
function savingLine(cost: CostBreakdown, calls: number, marginShare: number): Line {
  const prompts = [cost.promptEngineering, cost.substitutePrompt].filter((p): p is PathCost => p !== null).map((p) => pathLine(p, calls));
  const base = prompts.reduce((a, b) => (b.slope < a.slope ? b : a));
  const ft = pathLine(cost.fineTuning!, calls);
  return { at0: (1 - marginShare) * base.at0 - ft.at0, slope: (1 - marginShare) * base.slope - ft.slope };
}

function callsToReach(line: Line): number | null {
  if (line.at0 >= 0) return 0;
  if (line.slope <= 0 || !Number.isFinite(line.slope)) return null;
  return Math.ceil(-line.at0 / line.slope);
}

/**
 * Fine-tuning against the real alternatives: the saving split into its causes (switching
 * models, tuning), the margin a cost-only verdict must clear, how the saving moves if the
 * uncertain defaults are doubled, and the volume at which the verdict would flip.
 */
export function comparePaths(cost: CostBreakdown, req: CostRequest, assumptions: readonly Assumption[]): PathComparison | null {
  const ft = cost.fineTuning;
  if (!ft) return null;
  const today = cost.promptEngineering.total;
  const base = baselinePath(cost).total;
  const fromTuning = base - ft.total;
  const margin = COST_MARGIN * base;
  const variants: Array<{ assumption: Sensitivity['assumption']; label: string; inputs: CostInputs }> = [];
  if (isDefault(assumptions, 'fineTunedPromptTokens'))
    variants.push({ assumption: 'fineTunedPromptTokens', label: 'the tight prompt is twice as long', inputs: { ...req.inputs, fineTunedPromptTokens: req.inputs.fineTunedPromptTokens * 2 } });
  if (isDefault(assumptions, 'fineTuningHours'))
    variants.push({ assumption: 'fineTuningHours', label: 'the fine-tuning work takes twice as long', inputs: { ...req.inputs, fineTuningHours: req.inputs.fineTuningHours * 2 } });
  // Lines need some volume to measure their slope; at none, price a million calls instead.
  const calls = req.inputs.monthlyCalls > 0 ? req.inputs.monthlyCalls : 1_000_000;
  const at = (inputs: CostInputs) => computeCosts({ ...req, inputs: { ...inputs, monthlyCalls: calls }, includeHybrid: false, totalsOnly: true });
  const measured = req.inputs.monthlyCalls > 0 ? cost : at(req.inputs);
  const variantCosts = variants.map((v) => ({ ...v, cost: at(v.inputs) }));
  const sensitivity = variantCosts.map((v) => {
    const c = req.inputs.monthlyCalls > 0 ? v.cost : computeCosts({ ...req, inputs: v.inputs, includeHybrid: false, totalsOnly: true });
    return { assumption: v.assumption, label: v.label, saving: Math.round((baselinePath(c).total - c.fineTuning!.total) * 100) / 100 };
  });
  const clearsMargin = fromTuning >= margin;
  const robust = clearsMargin && sensitivity.every((s) => s.saving > 0);
  const needed = [savingLine(measured, calls, COST_MARGIN), ...variantCosts.map((v) => savingLine(v.cost, calls, 0))].map(callsToReach);
  const flipMonthlyCalls = needed.some((n) => n === null) ? null : Math.max(...(needed as number[]));
  return {
    savingVsToday: round(today - ft.total),
    fromSwitching: round(Math.max(0, today - base)),
    fromTuning: round(fromTuning),
    margin: round(margin),
    clearsMargin,
    sensitivity,
    robust,
    flipMonthlyCalls,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
