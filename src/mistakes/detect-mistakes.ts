import { formatCount, formatUsd, plural } from '../format/format-numbers.js';
import type { FlowExit } from '../interview/walk-flowchart.js';
import { MIN_ITERATIONS } from '../interview/walk-flowchart.js';
import type { Answers } from '../interview/answers.js';
import { SEEDS, type SeedSource } from '../knowledge/seed-passages.js';
import { involvesFineTuning } from '../verdict/verdict-kinds.js';

export const MISTAKE_IDS = [
  'fine-tune-before-prompt-testing',
  'small-dataset',
  'forgotten-inference-cost',
  'ignored-model-versioning',
  'wrong-model-size',
  'knowledge-by-fine-tuning',
  'skipped-prompt',
] as const;
export type MistakeId = (typeof MISTAKE_IDS)[number];

export interface Mistake {
  id: MistakeId;
  /** What the advisor saw in the answers, in the seeds' terms. */
  text: string;
  /** The seeds' fix. */
  fix: string;
  source: SeedSource;
}

type Check = (a: Answers, exit: FlowExit) => Omit<Mistake, 'id' | 'fix' | 'source'> | null;

interface MistakeRule {
  id: MistakeId;
  fix: SeedSource;
  source: SeedSource;
  check: Check;
}

/** The seeds' five mistakes, plus fine-tuning for knowledge (RAG) and without a tight prompt. */
const MISTAKES: MistakeRule[] = [
  {
    id: 'fine-tune-before-prompt-testing',
    source: SEEDS.mistakePromptTesting,
    fix: SEEDS.fixPromptTesting,
    check: (a, exit) => {
      const tested = a.testedExamples ?? 0;
      const iterations = a.promptIterations;
      if (exit.verdict === 'test-prompts-first')
        return { text: `You are weighing fine-tuning with a prompt tested on ${plural(tested, 'example')}.` };
      if (!involvesFineTuning(exit.verdict)) return null;
      if (tested < 30) return { text: `Fine-tuning on the strength of ${plural(tested, 'tested example')}; the seeds test 30-50 first.` };
      if (iterations !== undefined && iterations < MIN_ITERATIONS) return { text: `Fine-tuning after ${plural(iterations, 'round')} of prompt improvement; the seeds try 3-5.` };
      return null;
    },
  },
  {
    id: 'small-dataset',
    source: SEEDS.mistakeSmallDataset,
    fix: SEEDS.fixSmallDataset,
    check: (a, exit) => {
      if (!involvesFineTuning(exit.verdict) || a.labeledExamples === undefined || !exit.inputs) return null;
      if (a.labeledExamples >= exit.inputs.minimumExamples) return null;
      const perClass = a.taskKind === 'classification' && a.categories ? ` (${formatCount(Math.floor(a.labeledExamples / a.categories))} per category)` : '';
      return { text: `${plural(a.labeledExamples, 'labelled example')}${perClass} is too few to train on: the model would overfit.` };
    },
  },
  {
    id: 'forgotten-inference-cost',
    source: SEEDS.mistakeInferenceCost,
    fix: SEEDS.fixInferenceCost,
    check: (_a, exit) => {
      const ft = exit.cost?.fineTuning;
      const pe = exit.cost?.promptEngineering;
      if (!ft || !pe || ft.monthly <= pe.monthly) return null;
      return { text: `The tuned model would cost ${formatUsd(ft.monthly)} a month to run against ${formatUsd(pe.monthly)} for the prompt: training is not the whole bill.` };
    },
  },
  {
    id: 'ignored-model-versioning',
    source: SEEDS.mistakeVersioning,
    fix: SEEDS.fixVersioning,
    check: (_a, exit) => {
      if (!involvesFineTuning(exit.verdict)) return null;
      const model = exit.tuning?.model;
      const ft = exit.cost?.fineTuning;
      if (!model || !ft) return null;
      if (model.retires) return { text: `${model.name} retires on ${model.retires}; the fine-tune must be redone on its successor (${plural(ft.retrainings, 'retraining')} in your horizon).` };
      if (ft.retrainings > 0) return { text: `Over your horizon the tuned model needs ${plural(ft.retrainings, 'retraining')}, at least one a year.` };
      return { text: `A fine-tune of ${model.name} is tied to that model version; a new version means training again.` };
    },
  },
  {
    id: 'wrong-model-size',
    source: SEEDS.mistakeWrongModel,
    fix: SEEDS.fixWrongModel,
    check: (a, exit) => {
      const model = exit.tuning?.model;
      const reasoning = a.taskKind === 'reasoning' || a.failureMode === 'reasoning';
      if (model && model.size === 'small' && reasoning && involvesFineTuning(exit.verdict))
        return { text: `${model.name} is a small model, and the task needs reasoning.` };
      return null;
    },
  },
  {
    id: 'knowledge-by-fine-tuning',
    source: SEEDS.ragIsPrompting,
    fix: SEEDS.notRag,
    check: (a, exit) => {
      if (a.failureMode === 'knowledge') return { text: 'The failures are missing knowledge, which fine-tuning does not reliably add.' };
      if (a.taskKind === 'knowledge' && involvesFineTuning(exit.verdict)) return { text: 'Answering from knowledge is retrieval\'s job: a fine-tune memorises a snapshot that goes stale.' };
      return null;
    },
  },
  {
    id: 'skipped-prompt',
    source: SEEDS.mistakeSkippedPrompt,
    fix: SEEDS.fixSkippedPrompt,
    check: (a, exit) => {
      if (!involvesFineTuning(exit.verdict)) return null;
      if (a.fineTunedPromptTokens === 0) return { text: 'You plan to drop the prompt entirely once the model is tuned.' };
      if (a.promptIterations === 0) return { text: 'Fine-tuning without having worked on the prompt.' };
      return null;
    },
  },
];

export function detectMistakes(answers: Answers, exit: FlowExit): Mistake[] {
  return MISTAKES.flatMap((m) => {
    const found = m.check(answers, exit);
    return found ? [{ id: m.id, text: found.text, fix: m.fix.quote, source: m.source }] : [];
  });
}
