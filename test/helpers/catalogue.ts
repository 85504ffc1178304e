import { readFileSync } from 'node:fs';
import { defaultCataloguePath, loadPriceCatalogue } from '../../adapters/catalogue/load-price-catalogue.js';
import { applyCatalogueOverride, findModel, type AdviceContext, type CatalogueModel, type PriceCatalogue } from '../../src/index.js';

/** The day every test is advised on: never the real clock. */
export const AS_OF = '2026-11-23';
/** A day when OpenAI still takes fine-tuning jobs and Azure fine-tuning is open for a year. */
export const OPENAI_OPEN = '2026-03-01';

/** The catalogue shipped in data/price-catalogue.json, loaded the way the adapters load it. */
export const CATALOGUE: PriceCatalogue = loadPriceCatalogue();

/** The shipped catalogue as plain JSON, to break one field of it at a time. */
export function rawCatalogue(): { models: Record<string, unknown>[]; providers: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(defaultCataloguePath(), 'utf8'));
}

export function contextFor(asOf = AS_OF, catalogue = CATALOGUE): AdviceContext {
  return { catalogue, asOf };
}

/** The shipped catalogue with an override applied; throws with the messages if it is refused. */
export function catalogueWith(override: unknown): PriceCatalogue {
  const result = applyCatalogueOverride(CATALOGUE, override);
  if (!result.ok) throw new Error(`override refused:\n${result.errors.join('\n')}`);
  return result.catalogue;
}

export function modelById(id: string, catalogue = CATALOGUE): CatalogueModel {
  const model = findModel(catalogue, id);
  if (!model) throw new Error(`${id} is not in the catalogue`);
  return model;
}
