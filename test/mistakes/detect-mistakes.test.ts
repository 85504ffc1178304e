import { describe, expect, it } from 'vitest';
import { MISTAKE_IDS, SEEDS, type Answers, type MistakeId, type SeedSource } from '../../src/index.js';
import { OPENAI_OPEN, catalogueWith } from '../helpers/catalogue.js';
import {
  answersFor,
  edgeCasesCheaperToRoute,
  expensiveWorkingPrompt,
  lowVolume,
  stuckPrompt,
  untestedPrompt,
  workingPrompt,
} from '../helpers/answers.js';
import { mistakeIdsOf, seedText, verdictFor } from '../helpers/advice.js';

const mistake = (v: ReturnType<typeof verdictFor>, id: MistakeId) => {
  const found = v.mistakes.find((m) => m.id === id);
  if (!found) throw new Error(`${id} not among ${mistakeIdsOf(v).join(', ') || 'no mistakes'}`);
  return found;
};

/** Each of the seeds' mistakes, a situation that makes it, what the advisor says and the seed's fix. */
const CASES: { id: MistakeId; answers: Answers; asOf?: string; says: string | RegExp; fix: SeedSource }[] = [
  { id: 'fine-tune-before-prompt-testing', answers: untestedPrompt(), says: 'a prompt tested on 5 examples', fix: SEEDS.fixPromptTesting },
  { id: 'small-dataset', answers: stuckPrompt({ labeledExamples: 20 }), says: '20 labelled examples is too few to train on', fix: SEEDS.fixSmallDataset },
  { id: 'forgotten-inference-cost', answers: stuckPrompt({ model: 'azure-gpt-4o-mini' }), asOf: OPENAI_OPEN, says: /^The tuned model would cost \$1,2\d\d a month to run against \$\d+\.\d\d for the prompt/, fix: SEEDS.fixInferenceCost },
  { id: 'ignored-model-versioning', answers: stuckPrompt({ horizonMonths: 24 }), says: 'Over your horizon the tuned model needs 1 retraining, at least one a year.', fix: SEEDS.fixVersioning },
  { id: 'wrong-model-size', answers: stuckPrompt({ taskKind: 'reasoning', failureMode: 'reasoning', model: 'gpt-5-nano' }), says: 'Amazon Nova Micro on Bedrock is a small model, and the task needs reasoning.', fix: SEEDS.fixWrongModel },
  { id: 'knowledge-by-fine-tuning', answers: stuckPrompt({ failureMode: 'knowledge' }), says: 'The failures are missing knowledge', fix: SEEDS.notRag },
  { id: 'skipped-prompt', answers: stuckPrompt({ fineTunedPromptTokens: 0 }), says: 'You plan to drop the prompt entirely once the model is tuned.', fix: SEEDS.fixSkippedPrompt },
];

describe("the seeds' common mistakes", () => {
  it('has a case for every mistake the advisor knows', () => {
    expect(CASES.map((c) => c.id).sort()).toEqual([...MISTAKE_IDS].sort());
  });

  it.each(CASES)('spots $id and shows the seed\'s fix', ({ id, answers, asOf, says, fix }) => {
    const found = mistake(verdictFor(answers, asOf), id);
    if (typeof says === 'string') expect(found.text).toContain(says);
    else expect(found.text).toMatch(says);
    expect(found.fix).toBe(fix.quote);
    expect(seedText(fix.file)).toContain(found.fix);
    expect(seedText(found.source.file)).toContain(found.source.quote);
  });

  it('shows the seed\'s fix for testing prompts in its own words', () => {
    expect(mistake(verdictFor(untestedPrompt()), 'fine-tune-before-prompt-testing').fix).toBe(
      'Test prompt engineering first. Run 30-50 examples with 3-5 prompt variations. Only fine-tune if the best prompt still fails 20%+ of the time.',
    );
  });
});

describe('when each mistake shows', () => {
  it('calls 12 tested examples too few to fine-tune on', () => {
    const v = verdictFor(stuckPrompt({ testedExamples: 12 }));
    expect(v.verdict).toBe('fine-tune');
    expect(mistake(v, 'fine-tune-before-prompt-testing').text).toContain('12 tested examples; the seeds test 30-50 first');
  });

  it('counts examples per category for a classifier', () => {
    const v = verdictFor(stuckPrompt({ taskKind: 'classification', categories: 12, labeledExamples: 1000 }));
    expect(mistake(v, 'small-dataset').text).toBe('1,000 labelled examples (83 per category) is too few to train on: the model would overfit.');
  });

  it('sees a tuned model at OpenAI tuned prices costing more a month than a short prompt', () => {
    const v = verdictFor(edgeCasesCheaperToRoute(), OPENAI_OPEN);
    expect(v.cost!.fineTuning!.monthly).toBeGreaterThan(v.cost!.promptEngineering.monthly);
    expect(mistakeIdsOf(v)).toContain('forgotten-inference-cost');
  });

  it('names the retirement of the tuned model\'s base inside the horizon', () => {
    const catalogue = catalogueWith({ models: [{ id: 'gemini-2.5-pro', retires: '2027-06-01' }] });
    const v = verdictFor(stuckPrompt(), undefined, catalogue);
    expect(mistake(v, 'ignored-model-versioning').text).toBe(
      'Gemini 2.5 Pro on Vertex AI retires on 2027-06-01; the fine-tune must be redone on its successor (1 retraining in your horizon).',
    );
  });

  it('sees a small model named for a reasoning task', () => {
    const v = verdictFor(stuckPrompt({ taskKind: 'reasoning', fineTuneModel: 'gemini-2.5-flash-lite' }));
    expect(mistakeIdsOf(v)).toContain('wrong-model-size');
  });

  it('has no objection to tuning a large model for a reasoning task', () => {
    const v = verdictFor(stuckPrompt({ taskKind: 'reasoning', failureMode: 'reasoning' }));
    expect(v.fineTuneModel).toBe('gemini-2.5-pro');
    expect(mistakeIdsOf(v)).not.toContain('wrong-model-size');
  });

  it('sees fine-tuning for a knowledge task as the job of retrieval', () => {
    const v = verdictFor(stuckPrompt({ taskKind: 'knowledge' }));
    expect(v.verdict).toBe('fine-tune');
    expect(mistake(v, 'knowledge-by-fine-tuning').text).toContain("retrieval's job");
  });

  it('sees fine-tuning a long prompt away without a single round of prompt work', () => {
    const v = verdictFor(expensiveWorkingPrompt({ promptIterations: 0 }));
    expect(v.verdict).toBe('fine-tune');
    expect(mistake(v, 'skipped-prompt').text).toBe('Fine-tuning without having worked on the prompt.');
    expect(mistake(v, 'fine-tune-before-prompt-testing').text).toContain('after 0 rounds');
  });
});

describe('a clean case', () => {
  it('finds no mistakes when a well-tested prompt stays', () => {
    const v = verdictFor(answersFor({ testedExamples: 40, successRate: 0.92, promptIterations: 3, failureMode: 'none', ...lowVolume }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.mistakes).toEqual([]);
  });

  it('finds no mistakes in a working prompt at low volume', () => {
    expect(verdictFor(workingPrompt({ testedExamples: 30 })).mistakes).toEqual([]);
  });

  it('only reminds a careful fine-tune that it is tied to its model version', () => {
    const v = verdictFor(stuckPrompt({ labeledExamples: 800, fineTunedPromptTokens: 200 }));
    expect(v.verdict).toBe('fine-tune');
    expect(mistakeIdsOf(v)).toEqual(['ignored-model-versioning']);
    expect(v.mistakes[0]!.text).toBe('A fine-tune of Gemini 2.5 Pro on Vertex AI is tied to that model version; a new version means training again.');
  });
});
