import { baselinePath } from '../cost/compute-costs.js';
import { formatUsd, plural } from '../format/format-numbers.js';
import type { Answers } from '../interview/answers.js';
import type { FlowExit } from '../interview/walk-flowchart.js';
import { SEEDS, type SeedSource } from '../knowledge/seed-passages.js';
import { involvesFineTuning } from '../verdict/verdict-kinds.js';

export const CAUTION_IDS = ['model-versioning', 'inference-cost', 'knowledge-goes-stale'] as const;
export type CautionId = (typeof CAUTION_IDS)[number];

/** What a team that trains must plan for later: shown apart from the mistakes it is making now. */
export interface Caution {
  id: CautionId;
  text: string;
  fix: string;
  source: SeedSource;
}

interface CautionRule {
  id: CautionId;
  source: SeedSource;
  fix: SeedSource;
  check(a: Answers, exit: FlowExit): string | null;
}

const CAUTIONS: CautionRule[] = [
  {
    id: 'model-versioning',
    source: SEEDS.mistakeVersioning,
    fix: SEEDS.fixVersioning,
    check: (_a, exit) => {
      const model = exit.tuning?.model;
      const ft = exit.cost?.fineTuning;
      if (!model || !ft) return null;
      // The lifecycle as known on the day of the advice (the costs use the same).
      if (ft.tunedEnds) return `A tuned ${model.name} stops serving on ${ft.tunedEnds} and no successor can be tuned in its place: plan the move off it before then.`;
      if (ft.baseRetires) return `${model.name} retires on ${ft.baseRetires}; the fine-tune must be redone on its successor (${plural(ft.retrainings, 'retraining')} in your horizon).`;
      if (ft.retrainings > 0) return `Over your horizon the tuned model needs ${plural(ft.retrainings, 'retraining')}, at least one a year.`;
      return `A fine-tune of ${model.name} is tied to that model version; a new version means training again.`;
    },
  },
  {
    id: 'inference-cost',
    source: SEEDS.mistakeInferenceCost,
    fix: SEEDS.fixInferenceCost,
    check: (_a, exit) => {
      const ft = exit.cost?.fineTuning;
      if (!ft || !exit.cost) return null;
      const base = baselinePath(exit.cost);
      if (ft.monthly <= base.monthly) return null;
      return `The tuned model would cost ${formatUsd(ft.monthly)} a month to run against ${formatUsd(base.monthly)} for the prompt: training is not the whole bill.`;
    },
  },
  {
    id: 'knowledge-goes-stale',
    source: SEEDS.notRag,
    fix: SEEDS.ragIsPrompting,
    check: (a) =>
      a.taskKind === 'knowledge' ? 'The task answers from knowledge: tune for the failures you saw, and keep the facts in retrieval; a fine-tune memorises a snapshot that goes stale.' : null,
  },
];

/** Cautions for verdicts that train a model now or later. */
export function detectCautions(answers: Answers, exit: FlowExit): Caution[] {
  if (!involvesFineTuning(exit.verdict)) return [];
  return CAUTIONS.flatMap((c) => {
    const text = c.check(answers, exit);
    return text ? [{ id: c.id, text, fix: c.fix.quote, source: c.source }] : [];
  });
}
