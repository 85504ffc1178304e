import type { PriceCatalogue } from '../cost/price-catalogue.js';

/** What every piece of advice depends on besides the answers: the prices and the day. */
export interface AdviceContext {
  catalogue: PriceCatalogue;
  /** The date of the advice, YYYY-MM-DD: prices, retirements and wind-downs are read as of it. */
  asOf: string;
}
