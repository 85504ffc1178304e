import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { adviseFromAnswers, computeCosts, resolveCostInputs, type Answers, type CostBreakdown, type CostItem, type PathCost, type PriceCatalogue, type Verdict } from '../../src/index.js';
import { AS_OF, CATALOGUE, contextFor, modelById } from './catalogue.js';

/** The headless verdict for these answers; fails the test with the messages if there is none. */
export function verdictFor(answers: unknown, asOf = AS_OF, catalogue: PriceCatalogue = CATALOGUE): Verdict {
  const advice = adviseFromAnswers(answers, contextFor(asOf, catalogue));
  if (!advice.ok) throw new Error(`expected a verdict, got:\n${advice.errors.join('\n')}`);
  return advice.verdict;
}

/** The errors for these answers; fails the test if they give a verdict. */
export function errorsFor(answers: unknown, asOf = AS_OF): string[] {
  const advice = adviseFromAnswers(answers, contextFor(asOf));
  if (advice.ok) throw new Error(`expected errors, got the verdict ${advice.verdict.verdict}`);
  return advice.errors;
}

export const ruleIdsOf = (v: Verdict): string[] => v.reasons.map((r) => r.rule);
export const mistakeIdsOf = (v: Verdict): string[] => v.mistakes.map((m) => m.id);
export const reasonText = (v: Verdict, rule: string): string => v.reasons.find((r) => r.rule === rule)?.text ?? `(no reason ${rule})`;

/** The cost model run directly: prompting one model, fine-tuning another (or none). */
export function costsFor(answers: Answers, models: { prompt: string; tune: string | null; asOf?: string; catalogue?: PriceCatalogue }): CostBreakdown {
  const catalogue = models.catalogue ?? CATALOGUE;
  const { inputs } = resolveCostInputs(answers);
  return computeCosts({
    inputs,
    catalogue,
    promptModel: modelById(models.prompt, catalogue),
    tuneModel: models.tune ? modelById(models.tune, catalogue) : null,
    overrides: answers.prices ?? {},
    asOf: models.asOf ?? AS_OF,
  });
}

/** The one cost item whose label starts with this text. */
export function itemOf(path: PathCost, labelStart: string): CostItem {
  const found = path.items.filter((i) => i.label.startsWith(labelStart));
  if (found.length !== 1) throw new Error(`expected one item starting "${labelStart}", found: ${path.items.map((i) => i.label).join(' | ')}`);
  return found[0]!;
}

const SEED_DIR = fileURLToPath(new URL('../../docs/seeds/', import.meta.url));

/** The text of a seed document, read from docs/seeds/. */
export function seedText(file: string): string {
  return readFileSync(`${SEED_DIR}${file}`, 'utf8');
}
