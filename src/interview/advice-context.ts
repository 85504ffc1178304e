import type { PriceCatalogue } from '../cost/price-catalogue.js';

/** What every piece of advice depends on besides the answers: the prices and the day. */
export interface AdviceContext {
  catalogue: PriceCatalogue;
  /** The date of the advice, YYYY-MM-DD: prices, retirements and wind-downs are read as of it. */
  asOf: string;
  /**
   * Counts the tokens of a pasted prompt (the adapter's tokenizer, o200k_base); without it a
   * prompt must be given as a number.
   */
  countTokens?: (text: string) => number;
}
