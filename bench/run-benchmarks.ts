/**
 * How fast the core decides: verdicts per second for a fixed set of answers, each run
 * headless (validation, flowchart, costs, mistakes) the way the chat apps call it.
 * Prints figures; asserts nothing. `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { loadPriceCatalogue } from '../adapters/catalogue/load-price-catalogue.js';
import { adviseFromAnswers, type AdviceContext } from '../src/index.js';

const ctx: AdviceContext = { catalogue: loadPriceCatalogue(), asOf: '2026-11-23' };

const SCENARIOS: Record<string, unknown> = {
  'test prompts first (early exit)': { testedExamples: 5 },
  'prompt engineering (8/10, low volume)': { testedExamples: 20, successRate: 0.8, promptIterations: 1, model: 'gpt-4.1-mini', promptTokens: 800, monthlyCalls: 20_000 },
  'fine-tune (below 80% after 4 rounds)': {
    taskKind: 'classification', testedExamples: 50, successRate: 0.7, promptIterations: 4, failureMode: 'format', model: 'claude-sonnet-4.5',
    promptTokens: 3000, inputTokens: 400, outputTokens: 20, monthlyCalls: 1_500_000, labeledExamples: 2000, categories: 12,
  },
  'cost-driven (4k prompt at 10M calls)': { testedExamples: 40, successRate: 0.92, model: 'gpt-4.1', promptTokens: 4000, inputTokens: 300, outputTokens: 200, monthlyCalls: 10_000_000, labeledExamples: 3000, horizonMonths: 24 },
};

function measure(answers: unknown): { perVerdictUs: number; perSecond: number } {
  for (let i = 0; i < 500; i++) adviseFromAnswers(answers, ctx); // warm up the JIT
  const runs = 5_000;
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const result = adviseFromAnswers(answers, ctx);
    if (!result.ok) throw new Error(result.errors.join('; '));
  }
  const ms = performance.now() - start;
  return { perVerdictUs: (ms * 1000) / runs, perSecond: Math.round(runs / (ms / 1000)) };
}

console.log(`finetune-advisor core benchmark — node ${process.version}, ${ctx.catalogue.models.length} catalogue models`);
console.log('scenario'.padEnd(42), 'µs/verdict'.padStart(11), 'verdicts/s'.padStart(12));
for (const [name, answers] of Object.entries(SCENARIOS)) {
  const { perVerdictUs, perSecond } = measure(answers);
  console.log(name.padEnd(42), perVerdictUs.toFixed(1).padStart(11), perSecond.toLocaleString('en-US').padStart(12));
}
