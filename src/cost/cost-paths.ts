import type { PriceOverrides } from '../interview/answers.js';
import type { CostInputs } from './cost-assumptions.js';
import { cents, perCallPrecision, type CostItem } from './cost-items.js';
import type { CatalogueModel, PriceCatalogue } from './price-catalogue.js';

/** The break-even is looked for up to this many months, and a successor's prices reach this far. */
export const MAX_BREAK_EVEN_MONTHS = 60;

export interface PathCost {
  model: string;
  /** Everything a month costs (tokens and fixed fees), spread over the month's calls. */
  perCall: number;
  monthly: number;
  /** The part of `monthly` that does not grow with calls: hosting, storage and hardware fees. */
  feesMonthly: number;
  /** The part of `total` that grows with calls (tokens): the rest is fees and one-off work. */
  scalingTotal: number;
  total: number;
  items: CostItem[];
}

export interface TunedPathCost extends PathCost {
  training: number;
  retraining: number;
  retrainings: number;
  /** Share of calls served by the tuned model: 1 for fine-tuning, the edge cases for the hybrid. */
  fineTunedShare: number;
  /** The tuned model's base retirement, as known on the day of the advice. */
  baseRetires: string | null;
  /** When the tuned model stops for good (a wind-down, or a retirement with no tunable successor), as known then. */
  tunedEnds: string | null;
}

export interface CumulativePoint {
  month: number;
  promptEngineering: number;
  substitutePrompt: number | null;
  fineTuning: number | null;
  hybrid: number | null;
}

export type PromptPathName = 'promptEngineering' | 'substitutePrompt';

export interface CostBreakdown {
  horizonMonths: number;
  /** Prompting the model used today. */
  promptEngineering: PathCost;
  /** Prompting the model that would be tuned, with the same prompt and no training; null when it is today's model. */
  substitutePrompt: PathCost | null;
  fineTuning: TunedPathCost | null;
  /** Only where a router can see the failing slice: the prompt for most calls, the tuned model for the slice. */
  hybrid: TunedPathCost | null;
  /** The cheaper prompt path: what fine-tuning's saving is measured against. */
  baseline: PromptPathName;
  /** First month in which fine-tuning's running total is at or below the cheaper prompt path's (looked for up to 60 months). */
  breakEvenMonth: number | null;
  /** Calls a month at which fine-tuning costs the same as the cheaper prompt path over the horizon. */
  breakEvenMonthlyCalls: number | null;
  pricesAsOf: string;
  cumulative: CumulativePoint[];
}

export interface CostRequest {
  inputs: CostInputs;
  catalogue: PriceCatalogue;
  promptModel: CatalogueModel;
  /** null when no fine-tuning is possible for this team. */
  tuneModel: CatalogueModel | null;
  /** Whether to price the "both" path (only when the failing slice can be routed). */
  includeHybrid?: boolean;
  /** Only the paths' totals are wanted (a what-if of the comparison): no break-even search, no month-by-month series. */
  totalsOnly?: boolean;
  overrides?: PriceOverrides;
  asOf: string;
  /** A prompt trial measured the tuned model, prompted, clearly below today's: it is no cheaper path to compare with. */
  substituteMeasuredWorse?: boolean;
}

/** Cents for amounts, six significant digits a call. */
export function roundedPath<T extends PathCost>(path: T): T {
  return {
    ...path,
    perCall: perCallPrecision(path.perCall),
    monthly: cents(path.monthly),
    feesMonthly: cents(path.feesMonthly),
    scalingTotal: cents(path.scalingTotal),
    total: cents(path.total),
    items: path.items.map((i) => ({ ...i, amount: cents(i.amount) })),
  };
}
