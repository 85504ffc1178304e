/**
 * The passages of the two seed documents (docs/seeds/) that the advisor's rules,
 * mistakes and defaults come from. Each quote is verbatim; a test checks it.
 */
export interface SeedSource {
  /** The seed's file name: for the JSON and the tests, never shown on a card. */
  file: string;
  /** Where in the document the quote stands, as a reader finds it: "decision flowchart, step 2". */
  section: string;
  quote: string;
}

const COMPARISON = '000_bb130bd60773505c.txt';
const GUIDE = '001_01052900a96b921b.txt';

const passage = (file: string, section: string, quote: string): SeedSource => ({ file, section, quote });

export const SEEDS = {
  testOnTenExamples: passage(GUIDE, 'decision flowchart, step 2', 'test on 10 examples using the base model. If 8/10 succeed, stop. You are done with prompt engineering.'),
  improveThePrompt: passage(GUIDE, 'decision flowchart, step 3', 'If fewer than 8/10 succeed, try improving the prompt. Add context, examples, constraints, and output format.'),
  considerFineTuning: passage(GUIDE, 'decision flowchart, step 4', 'After 3-5 prompt iterations, if success rate is still below 80%, consider fine-tuning.'),
  collectExamples: passage(GUIDE, 'decision flowchart, step 5', 'If fine-tuning: collect 100-500 labeled examples (input-output pairs).'),
  bestCostToQuality: passage(GUIDE, 'decision flowchart, step 6', 'Choose the approach with the best cost-to-quality ratio.'),
  ninetyPercentTest: passage(GUIDE, 'the 90% test', 'If 90% fail, you have a bigger problem than fine-tuning can solve alone.'),
  notRag: passage(GUIDE, 'fine-tuning is not RAG', 'Use RAG first. Only fine-tune if RAG and prompt engineering both fail.'),
  longPromptAtVolume: passage(COMPARISON, 'choose fine-tuning if', 'Your prompt is 4k+ tokens and you call it millions of times.'),
  roughMath: passage(COMPARISON, 'when does fine-tuning pay off?', 'if your prompt is 4k tokens and you serve 10M calls, you pay ~40B input tokens — $40k-$400k depending on model.'),
  tokenCostVsTraining: passage(COMPARISON, 'when does fine-tuning pay off?', 'Usually when token cost exceeds training cost plus ongoing evaluation cost.'),
  ceiling: passage(GUIDE, 'using both', 'If it hits a ceiling (around 80-85% success), add fine-tuning on top.'),
  combineForCost: passage(GUIDE, 'using both', 'Combine for cost: Fine-tune on 10% of edge cases, route 90% through cheaper prompt engineering.'),
  closedModels: passage(COMPARISON, 'side-by-side table', 'Only when provider offers fine-tuning'),
  closedApi: passage(COMPARISON, 'choose prompt engineering if', "You're using a closed API that doesn't offer fine-tuning."),
  minimumData: passage(GUIDE, 'quick facts, 3', 'Data requirement for fine-tuning: minimum 100 examples, ideally 500+ for stable results.'),
  perCategory: passage(GUIDE, 'mistake 2, training on small datasets', 'Collect at least 100 examples per category. Ideally 500+.'),
  tightPrompt: passage(COMPARISON, 'can I skip prompt engineering if I fine-tune?', 'fine-tuning works best when paired with a tight prompt.'),
  shipThisWeek: passage(COMPARISON, 'choose prompt engineering if', 'You need to ship this week.'),
  specMoves: passage(COMPARISON, 'choose prompt engineering if', "You're iterating on a task and the spec still moves."),
  annualRetraining: passage(GUIDE, 'the maintenance trap', 'Budget for annual fine-tuning retraining costs—they add up.'),
  inferenceMultiple: passage(GUIDE, 'mistake 3, forgetting inference costs', 'fine-tuned models cost 2-3x more to run'),
  timeToResult: passage(GUIDE, 'quick facts, 4', 'Prompt engineering 2 hours (10 iterations), fine-tuning 7 days (including data collection).'),
  fineTuneStyleFormat: passage(COMPARISON, 'choose fine-tuning if', 'You need a very specific output style or format the model resists.'),
  systematicProblems: passage(GUIDE, 'what is fine-tuning?', 'Fine-tuning is necessary only when prompt engineering fails on systematic problems that affect 10+ percent of cases.'),
  largestModel: passage(GUIDE, 'mistake 5, fine-tuning the wrong model', 'Start with the largest model you can afford. Fine-tune to optimize cost, not to fix a weak base model.'),
  // The five common mistakes (guide) and their fixes.
  mistakePromptTesting: passage(GUIDE, 'mistake 1, fine-tuning before testing prompts', 'Teams jump to fine-tuning without seriously iterating on prompts.'),
  fixPromptTesting: passage(
    GUIDE,
    'mistake 1, fine-tuning before testing prompts',
    'Test prompt engineering first. Run 30-50 examples with 3-5 prompt variations. Only fine-tune if the best prompt still fails 20%+ of the time.',
  ),
  mistakeSmallDataset: passage(GUIDE, 'mistake 2, training on small datasets', 'Fine-tuning on 20 examples per class. Result: Overfitting, model fails on new examples.'),
  fixSmallDataset: passage(
    GUIDE,
    'mistake 2, training on small datasets',
    'Collect at least 100 examples per category. Ideally 500+. Check that your training and test distributions match real-world data.',
  ),
  mistakeInferenceCost: passage(GUIDE, 'mistake 3, forgetting inference costs', 'Teams calculate fine-tuning cost ($2000) but forget that fine-tuned models cost 2-3x more to run.'),
  fixInferenceCost: passage(GUIDE, 'mistake 3, forgetting inference costs', 'Calculate total cost of ownership: training + (inference cost per call × expected volume × time horizon).'),
  mistakeVersioning: passage(GUIDE, 'mistake 4, ignoring model versioning', 'The fine-tuned model is now outdated and must be retrained.'),
  fixVersioning: passage(GUIDE, 'mistake 4, ignoring model versioning', 'Budget for annual retraining or migration to new models. Document which base model version each fine-tune is for.'),
  mistakeWrongModel: passage(GUIDE, 'mistake 5, fine-tuning the wrong model', 'Fine-tuning a model that is too small for the task (e.g., a 7B model for complex reasoning).'),
  fixWrongModel: passage(GUIDE, 'mistake 5, fine-tuning the wrong model', 'Start with the largest model you can afford. Fine-tune to optimize cost, not to fix a weak base model.'),
  mistakeSkippedPrompt: passage(COMPARISON, 'can I skip prompt engineering if I fine-tune?', 'Skipping the prompt step usually produces brittle fine-tunes.'),
  fixSkippedPrompt: passage(COMPARISON, 'can I skip prompt engineering if I fine-tune?', 'The prompt gives the shape and the fine-tune bakes in the behaviour.'),
  ninetyPercentPass: passage(GUIDE, 'the 90% test', 'If 90% of cases work with prompt engineering, stop.'),
  scenarioStopAbove85: passage(GUIDE, 'real-world scenario 1, structured data from PDFs', 'Try prompt engineering with examples first. If success rate exceeds 85%, stop.'),
  scenarioEdgeCases: passage(
    GUIDE,
    'real-world scenario 5, technical docs into plain English',
    'Prompt engineering + few-shot examples covers 88% of cases. Fine-tune on remaining 12% of edge cases.',
  ),
  mostReversible: passage(COMPARISON, 'verdict', "Start with prompt engineering. It's the fastest, cheapest, and most reversible lever."),
  routeRequests: passage(GUIDE, 'using both', 'Use prompt engineering to route requests'),
  ragIsPrompting: passage(GUIDE, 'fine-tuning is not RAG', 'RAG inserts relevant context into the prompt—it is a prompt engineering technique.'),
} as const satisfies Record<string, SeedSource>;

export type SeedPassageId = keyof typeof SEEDS;

/** The seed documents by the titles people know them by (the files have hash names). */
export const SEED_TITLES: Record<string, string> = {
  [COMPARISON]: 'Prompt Engineering vs Fine-Tuning (comparison)',
  [GUIDE]: 'Prompt engineering vs fine-tuning (decision guide)',
};

/** Where a source stands, as a reader finds it: "Prompt engineering vs fine-tuning (decision guide), decision flowchart, step 2". */
export function seedPlace(source: SeedSource): string {
  return `${SEED_TITLES[source.file] ?? 'a seed document'}, ${source.section}`;
}

/** How a source reads on a card: its title and section, then the quote. */
export function citeSeed(source: SeedSource): string {
  return `${seedPlace(source)}: "${source.quote}"`;
}
