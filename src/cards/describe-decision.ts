import { cents } from '../cost/cost-items.js';
import { baselinePath, type PathCost } from '../cost/compute-costs.js';
import { OTHER_MODEL_ID } from '../cost/other-model.js';
import { formatUsd } from '../format/format-numbers.js';
import type { Verdict } from '../verdict/decide-verdict.js';
import type { VerdictKind } from '../verdict/verdict-kinds.js';
import { VERDICT_LABELS } from '../verdict/verdict-kinds.js';
import { said } from './said-text.js';

/** The three ways of running the task that a verdict can lead to. */
export const DECISION_PATHS = ['prompting', 'fine-tuning', 'both'] as const;
export type DecisionPath = (typeof DECISION_PATHS)[number];

export interface PathFigure {
  path: DecisionPath;
  model: string;
  monthly: number;
  /** What the path costs once before its months: training, labelling, the work. */
  upFront: number;
}

/** What a verdict decides, in money a manager compares: the recommended path's month against the alternative's. */
export interface Decision {
  /** The path the team runs on once the verdict is followed (a step first still pays for prompting meanwhile). */
  path: DecisionPath;
  /** True when the verdict is a step to take first (test, retrieval, data…), with prompting meanwhile. */
  first: boolean;
  recommended: PathFigure;
  /** The path not taken: prompting (the cheaper prompt path) against a fine-tune, fine-tuning against a prompt; null when not priced. */
  alternative: PathFigure | null;
  /** Prompting today's model, named beside the alternative when that prompts another model. */
  today: PathFigure | null;
  /** The largest monthly figure compared: the money the decision is about. */
  atStake: number;
  /** "Fine-tune gpt-4.1-mini: $1,240/month vs prompting gpt-4.1-mini $3,900/month". */
  line: string;
}

const TRAINS: Partial<Record<VerdictKind, DecisionPath>> = { 'fine-tune': 'fine-tuning', hybrid: 'both' };

const perMonth = (amount: number) => `${formatUsd(amount)}/month`;
/** A path that trains is cheaper a month only after its one-off costs: both are said, or a lower monthly figure would read as the better choice. */
const priced = (f: PathFigure) => (f.path !== 'prompting' && f.upFront > 0 ? `${perMonth(f.monthly)} after ${formatUsd(f.upFront)} up front` : perMonth(f.monthly));

/**
 * The verdict's decision with its monthly cost against the alternative's, for history, the
 * managers' summary and the weekly digest. Null when the verdict has no costs (too early to price).
 */
export function describeDecision(verdict: Verdict): Decision | null {
  const cost = verdict.cost;
  if (!cost) return null;
  // A model the team named itself ("other") is shown by its name, as on the verdict card.
  const figure = (path: DecisionPath, p: PathCost): PathFigure => ({
    path,
    model: p.model === OTHER_MODEL_ID && verdict.answers.otherModel ? said(verdict.answers.otherModel.name) : p.model,
    monthly: p.monthly,
    upFront: cents(p.items.filter((i) => i.cadence === 'once').reduce((sum, i) => sum + i.amount, 0)),
  });
  const prompting = figure('prompting', cost.promptEngineering);
  const trains = TRAINS[verdict.verdict];
  const tuned = trains === 'both' ? cost.hybrid : cost.fineTuning;
  if (trains && tuned) {
    // Fine-tuning's saving is measured against the cheaper prompt path (never crediting it with a switch of model).
    const alternative = figure('prompting', baselinePath(cost));
    const today = alternative.model === prompting.model ? null : prompting;
    const recommended = figure(trains, tuned);
    const doing = trains === 'both' ? `Prompt and fine-tune (${recommended.model})` : `Fine-tune ${recommended.model}`;
    const line = `${doing}: ${priced(recommended)} vs prompting ${alternative.model} ${perMonth(alternative.monthly)}${today ? ` (today, ${today.model}: ${perMonth(today.monthly)})` : ''}`;
    return { path: trains, first: false, recommended, alternative, today, atStake: Math.max(recommended.monthly, alternative.monthly, today?.monthly ?? 0), line };
  }
  const alternative = cost.fineTuning ? figure('fine-tuning', cost.fineTuning) : null;
  const versus = alternative ? ` vs fine-tuning ${alternative.model} ${priced(alternative)}` : '';
  const first = verdict.verdict !== 'prompt-engineering';
  const doing = first ? `${VERDICT_LABELS[verdict.verdict]}; meanwhile prompting ${prompting.model}` : `Prompt ${prompting.model}`;
  return {
    path: 'prompting',
    first,
    recommended: prompting,
    alternative,
    today: null,
    atStake: Math.max(prompting.monthly, alternative?.monthly ?? 0),
    line: `${doing}: ${perMonth(prompting.monthly)}${versus}`,
  };
}
