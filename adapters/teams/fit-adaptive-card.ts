import type { RenderKnobs } from './adaptive-card-parts.js';
import type { AdaptiveCard } from './adaptive-card-types.js';
import { TEAMS_LIMITS as L } from './teams-limits.js';

/** The knobs of RenderKnobs, and how many droppable parts (from the start) are kept. */
export interface FitKnobs extends RenderKnobs {
  keep: number;
}

/** A card rendered with some knobs, and how many parts it could drop. */
export interface BuiltCard {
  card: AdaptiveCard;
  droppable: number;
}

/** Texts are not cut below this to save bytes: under it, cutting rows or dropping parts says more. */
export const MIN_TEXT = 100;

/** A card's size as the limit counts it: the UTF-8 bytes of its JSON. */
export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** The largest n in [lo, hi] for which `fits(n)` holds, assuming it holds up to some n and not above; null when not even `lo` fits. */
function largest(lo: number, hi: number, fits: (n: number) => boolean): number | null {
  if (lo > hi || !fits(lo)) return null;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The card within `budget` bytes, giving up as little as it can, in this order: the longest
 * texts are cut (not below MIN_TEXT), then table rows, then charts give way to their fallback
 * tables, then droppable parts go from the end. After each later step, rows and texts grow back
 * as far as they fit. Null when even that does not fit (the caller sends a plain-text card).
 */
export function fitAdaptiveCard(build: (knobs: FitKnobs) => BuiltCard, budget: number): AdaptiveCard | null {
  const k: FitKnobs = { textMax: L.textMax, rowsMax: L.tableRowsMax, charts: true, keep: Number.POSITIVE_INFINITY };
  const first = build(k);
  if (cardBytes(first.card) <= budget) return first.card;
  k.keep = first.droppable;
  const fitsWith = (over: Partial<FitKnobs>) => cardBytes(build({ ...k, ...over }).card) <= budget;
  const regrow = (): AdaptiveCard => {
    k.rowsMax = largest(k.rowsMax, L.tableRowsMax, (rowsMax) => fitsWith({ rowsMax })) ?? k.rowsMax;
    k.textMax = largest(k.textMax, L.textMax, (textMax) => fitsWith({ textMax })) ?? k.textMax;
    return build(k).card;
  };

  const textMax = largest(MIN_TEXT, L.textMax, (n) => fitsWith({ textMax: n }));
  if (textMax !== null) return build({ ...k, textMax }).card;
  k.textMax = MIN_TEXT;

  const rowsMax = largest(1, L.tableRowsMax, (n) => fitsWith({ rowsMax: n }));
  k.rowsMax = rowsMax ?? 1;
  if (rowsMax !== null) return regrow();

  k.charts = false;
  if (fitsWith({})) return regrow();

  const keep = largest(0, first.droppable, (n) => fitsWith({ keep: n }));
  if (keep === null) return null;
  k.keep = keep;
  return regrow();
}
