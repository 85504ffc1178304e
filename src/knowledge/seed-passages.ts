/**
 * The passages of the two seed documents (docs/seeds/) that the advisor's rules,
 * mistakes and defaults come from. Each quote is verbatim; a test checks it.
 */
export interface SeedSource {
  file: string;
  quote: string;
}

const COMPARISON = '000_bb130bd60773505c.txt';
const GUIDE = '001_01052900a96b921b.txt';

const passage = (file: string, quote: string): SeedSource => ({ file, quote });

export const SEEDS = {
  testOnTenExamples: passage(GUIDE, 'test on 10 examples using the base model. If 8/10 succeed, stop. You are done with prompt engineering.'),
  improveThePrompt: passage(GUIDE, 'If fewer than 8/10 succeed, try improving the prompt. Add context, examples, constraints, and output format.'),
  considerFineTuning: passage(GUIDE, 'After 3-5 prompt iterations, if success rate is still below 80%, consider fine-tuning.'),
  collectExamples: passage(GUIDE, 'If fine-tuning: collect 100-500 labeled examples (input-output pairs).'),
  bestCostToQuality: passage(GUIDE, 'Choose the approach with the best cost-to-quality ratio.'),
  ninetyPercentTest: passage(GUIDE, 'If 90% fail, you have a bigger problem than fine-tuning can solve alone.'),
  notRag: passage(GUIDE, 'Use RAG first. Only fine-tune if RAG and prompt engineering both fail.'),
  longPromptAtVolume: passage(COMPARISON, 'Your prompt is 4k+ tokens and you call it millions of times.'),
  roughMath: passage(COMPARISON, 'if your prompt is 4k tokens and you serve 10M calls, you pay ~40B input tokens — $40k-$400k depending on model.'),
  tokenCostVsTraining: passage(COMPARISON, 'Usually when token cost exceeds training cost plus ongoing evaluation cost.'),
  ceiling: passage(GUIDE, 'If it hits a ceiling (around 80-85% success), add fine-tuning on top.'),
  combineForCost: passage(GUIDE, 'Combine for cost: Fine-tune on 10% of edge cases, route 90% through cheaper prompt engineering.'),
  closedModels: passage(COMPARISON, 'Only when provider offers fine-tuning'),
  closedApi: passage(COMPARISON, "You're using a closed API that doesn't offer fine-tuning."),
  minimumData: passage(GUIDE, 'Data requirement for fine-tuning: minimum 100 examples, ideally 500+ for stable results.'),
  perCategory: passage(GUIDE, 'Collect at least 100 examples per category. Ideally 500+.'),
  tightPrompt: passage(COMPARISON, 'fine-tuning works best when paired with a tight prompt.'),
  shipThisWeek: passage(COMPARISON, 'You need to ship this week.'),
  specMoves: passage(COMPARISON, "You're iterating on a task and the spec still moves."),
  annualRetraining: passage(GUIDE, 'Budget for annual fine-tuning retraining costs—they add up.'),
  inferenceMultiple: passage(GUIDE, 'fine-tuned models cost 2-3x more to run'),
  timeToResult: passage(GUIDE, 'Prompt engineering 2 hours (10 iterations), fine-tuning 7 days (including data collection).'),
  fineTuneStyleFormat: passage(COMPARISON, 'You need a very specific output style or format the model resists.'),
  systematicProblems: passage(GUIDE, 'Fine-tuning is necessary only when prompt engineering fails on systematic problems that affect 10+ percent of cases.'),
  largestModel: passage(GUIDE, 'Start with the largest model you can afford. Fine-tune to optimize cost, not to fix a weak base model.'),
  // The five common mistakes (guide) and their fixes.
  mistakePromptTesting: passage(GUIDE, 'Teams jump to fine-tuning without seriously iterating on prompts.'),
  fixPromptTesting: passage(GUIDE, 'Test prompt engineering first. Run 30-50 examples with 3-5 prompt variations. Only fine-tune if the best prompt still fails 20%+ of the time.'),
  mistakeSmallDataset: passage(GUIDE, 'Fine-tuning on 20 examples per class. Result: Overfitting, model fails on new examples.'),
  fixSmallDataset: passage(GUIDE, 'Collect at least 100 examples per category. Ideally 500+. Check that your training and test distributions match real-world data.'),
  mistakeInferenceCost: passage(GUIDE, 'Teams calculate fine-tuning cost ($2000) but forget that fine-tuned models cost 2-3x more to run.'),
  fixInferenceCost: passage(GUIDE, 'Calculate total cost of ownership: training + (inference cost per call × expected volume × time horizon).'),
  mistakeVersioning: passage(GUIDE, 'The fine-tuned model is now outdated and must be retrained.'),
  fixVersioning: passage(GUIDE, 'Budget for annual retraining or migration to new models. Document which base model version each fine-tune is for.'),
  mistakeWrongModel: passage(GUIDE, 'Fine-tuning a model that is too small for the task (e.g., a 7B model for complex reasoning).'),
  fixWrongModel: passage(GUIDE, 'Start with the largest model you can afford. Fine-tune to optimize cost, not to fix a weak base model.'),
  mistakeSkippedPrompt: passage(COMPARISON, 'Skipping the prompt step usually produces brittle fine-tunes.'),
  fixSkippedPrompt: passage(COMPARISON, 'The prompt gives the shape and the fine-tune bakes in the behaviour.'),
  ninetyPercentPass: passage(GUIDE, 'If 90% of cases work with prompt engineering, stop.'),
  scenarioStopAbove85: passage(GUIDE, 'Try prompt engineering with examples first. If success rate exceeds 85%, stop.'),
  scenarioEdgeCases: passage(GUIDE, 'Prompt engineering + few-shot examples covers 88% of cases. Fine-tune on remaining 12% of edge cases.'),
  mostReversible: passage(COMPARISON, "Start with prompt engineering. It's the fastest, cheapest, and most reversible lever."),
  routeRequests: passage(GUIDE, 'Use prompt engineering to route requests'),
  ragIsPrompting: passage(GUIDE, 'RAG inserts relevant context into the prompt—it is a prompt engineering technique.'),
} as const satisfies Record<string, SeedSource>;

export type SeedPassageId = keyof typeof SEEDS;

/** The seed documents as a reader knows them: what each is, and its number (the file keeps the whole name). */
const TITLES: Record<string, string> = {
  [COMPARISON]: 'comparison "Prompt Engineering vs Fine-Tuning" (seed 000)',
  [GUIDE]: 'decision guide (seed 001)',
};

/** How a source reads on a card: `decision guide (seed 001): "If 8/10 succeed, stop."` */
export function citeSeed(source: SeedSource): string {
  return `${TITLES[source.file] ?? source.file}: "${source.quote}"`;
}
