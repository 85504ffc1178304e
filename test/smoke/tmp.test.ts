import { it } from 'vitest';
import { loadPriceCatalogue } from '../../adapters/catalogue/load-price-catalogue.js';
import { adviseFromAnswers } from '../../src/index.js';
it('smoke', () => {
  const catalogue = loadPriceCatalogue();
  const ctx = { catalogue, asOf: '2026-11-23' };
  const cases = [
    { testedExamples: 5 },
    { testedExamples: 20, successRate: 0.9, model: 'gpt-4.1', promptTokens: 4000, monthlyCalls: 10_000_000, inputTokens: 300, outputTokens: 200 },
    { testedExamples: 30, successRate: 0.6, promptIterations: 4, failureMode: 'format', model: 'gpt-4.1-mini', promptTokens: 1700, inputTokens: 300, outputTokens: 200, monthlyCalls: 1_500_000, labeledExamples: 2000, taskKind: 'classification', categories: 12 },
    { testedExamples: 30, successRate: 0.6, promptIterations: 4, failureMode: 'format', model: 'claude-sonnet-4.5', promptTokens: 1700, inputTokens: 300, outputTokens: 200, monthlyCalls: 1_500_000, labeledExamples: 300 },
  ];
  for (const c of cases) console.log(JSON.stringify(adviseFromAnswers(c, ctx), null, 1).slice(0, 6000));
});
