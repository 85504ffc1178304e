import { qualityClause } from '../trial/measured-answers.js';
import { formatCount, plural } from '../format/format-numbers.js';
import type { FlowExit } from '../interview/walk-flowchart.js';
import type { Answers } from '../interview/answers.js';
import { SEEDS, type SeedSource } from '../knowledge/seed-passages.js';
import type { VerdictKind } from '../verdict/verdict-kinds.js';

export const MISTAKE_IDS = ['fine-tune-before-prompt-testing', 'small-dataset', 'wrong-model-size', 'knowledge-by-fine-tuning', 'skipped-prompt'] as const;
export type MistakeId = (typeof MISTAKE_IDS)[number];

/** Something the team is doing or about to do, with the seeds' fix. */
export interface Mistake {
  id: MistakeId;
  /** What the advisor saw in the answers, in the seeds' terms. */
  text: string;
  /** The seeds' fix. */
  fix: string;
  source: SeedSource;
}

/**
 * The verdicts each mistake's fix argues against. A card never shows a mistake beside one of
 * these: the verdict itself must already have acted on the fix (a test checks it over a sweep).
 */
export const FIX_CONTRADICTS: Record<MistakeId, readonly VerdictKind[]> = {
  // "Only fine-tune if the best prompt still fails 20%+ of the time."
  'fine-tune-before-prompt-testing': ['fine-tune', 'hybrid', 'collect-data'],
  // "Collect at least 100 examples per category."
  'small-dataset': ['fine-tune', 'hybrid'],
  // "Use RAG first. Only fine-tune if RAG and prompt engineering both fail."
  'knowledge-by-fine-tuning': ['fine-tune', 'hybrid', 'collect-data'],
  // "Start with the largest model you can afford": the advisor never recommends the small one.
  'wrong-model-size': [],
  // "The prompt gives the shape and the fine-tune bakes in the behaviour."
  'skipped-prompt': [],
};

type Check = (a: Answers, exit: FlowExit) => string | null;

interface MistakeRule {
  id: MistakeId;
  fix: SeedSource;
  source: SeedSource;
  check: Check;
}

const trains = (v: VerdictKind) => v === 'fine-tune' || v === 'hybrid';

/** The seeds' mistakes a team can be making now (the cautions about later are apart). */
const MISTAKES: MistakeRule[] = [
  {
    id: 'fine-tune-before-prompt-testing',
    source: SEEDS.mistakePromptTesting,
    fix: SEEDS.fixPromptTesting,
    check: (a, exit) =>
      exit.verdict === 'test-prompts-first' && (exit.rules.includes('too-few-tested') || exit.rules.includes('rate-uncertain') || exit.rules.includes('untested-prompt'))
        ? `You are weighing fine-tuning with a prompt tested on ${plural(a.testedExamples ?? 0, 'example')}.`
        : null,
  },
  {
    id: 'small-dataset',
    source: SEEDS.mistakeSmallDataset,
    fix: SEEDS.fixSmallDataset,
    check: (a, exit) => {
      if (a.labeledExamples === undefined || !exit.inputs || trains(exit.verdict) || !exit.indication) return null;
      if (a.labeledExamples >= exit.inputs.minimumExamples) return null;
      const perClass = a.taskKind === 'classification' && a.categories ? ` (${formatCount(Math.floor(a.labeledExamples / a.categories))} per category)` : '';
      return `${plural(a.labeledExamples, 'labelled example')}${perClass} is too few to train on: the model would overfit.`;
    },
  },
  {
    id: 'wrong-model-size',
    source: SEEDS.mistakeWrongModel,
    fix: SEEDS.fixWrongModel,
    check: (a, exit) => {
      const t = exit.tuning;
      if (!t?.tooSmall) return null;
      return t.model ? `${t.tooSmall}; the costs use ${t.model.name}, a larger one, ${qualityClause(a, t.model.id)}.` : `${t.tooSmall}, and no larger model can be tuned.`;
    },
  },
  {
    id: 'knowledge-by-fine-tuning',
    source: SEEDS.ragIsPrompting,
    fix: SEEDS.notRag,
    check: (a, exit) => (a.failureMode === 'knowledge' && exit.verdict === 'rag-first' ? 'The failures are missing knowledge, which fine-tuning does not reliably add.' : null),
  },
  {
    id: 'skipped-prompt',
    source: SEEDS.mistakeSkippedPrompt,
    fix: SEEDS.fixSkippedPrompt,
    check: (a, exit) => {
      if (!trains(exit.verdict)) return null;
      // Rounds of prompt work matter to a fine-tune for quality (the flowchart asks 3 first); a
      // prompt that already works needs none before it is tuned for cost.
      return a.fineTunedPromptTokens === 0 ? 'You plan to drop the prompt entirely once the model is tuned.' : null;
    },
  },
];

export function detectMistakes(answers: Answers, exit: FlowExit): Mistake[] {
  return MISTAKES.flatMap((m) => {
    const text = m.check(answers, exit);
    return text ? [{ id: m.id, text, fix: m.fix.quote, source: m.source }] : [];
  });
}
