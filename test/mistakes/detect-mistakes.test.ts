import { describe, expect, it } from 'vitest';
import { FIX_CONTRADICTS, MISTAKE_IDS, SEEDS, type Answers, type MistakeId, type SeedSource } from '../../src/index.js';
import { answersFor, expensiveWorkingPrompt, longPromptAtMillions, lowVolume, stuckPrompt, untestedPrompt, workingPrompt } from '../helpers/answers.js';
import { mistakeIdsOf, seedText, verdictFor } from '../helpers/advice.js';

const mistake = (v: ReturnType<typeof verdictFor>, id: MistakeId) => {
  const found = v.mistakes.find((m) => m.id === id);
  if (!found) throw new Error(`${id} not among ${mistakeIdsOf(v).join(', ') || 'no mistakes'}`);
  return found;
};

/**
 * Each of the seeds' mistakes a team can be making now, a situation that makes it, what the advisor
 * says and the seed's fix. The two about later (inference cost, model versioning) are cautions:
 * test/mistakes/detect-cautions.test.ts.
 */
const CASES: { id: MistakeId; answers: Answers; asOf?: string; says: string | RegExp; fix: SeedSource }[] = [
  { id: 'fine-tune-before-prompt-testing', answers: untestedPrompt(), says: 'a prompt tested on 5 examples', fix: SEEDS.fixPromptTesting },
  { id: 'small-dataset', answers: stuckPrompt({ labeledExamples: 20 }), says: '20 labelled examples is too few to train on', fix: SEEDS.fixSmallDataset },
  {
    id: 'wrong-model-size',
    answers: stuckPrompt({ taskKind: 'reasoning', failureMode: 'reasoning', model: 'gpt-5-nano' }),
    says: 'GPT-5 nano is too small to tune for a task that needs reasoning; the costs use Amazon Nova Lite on Bedrock, a larger one, whose quality on your task is untested until you run your examples on it.',
    fix: SEEDS.fixWrongModel,
  },
  { id: 'knowledge-by-fine-tuning', answers: stuckPrompt({ failureMode: 'knowledge' }), says: 'The failures are missing knowledge', fix: SEEDS.notRag },
  { id: 'skipped-prompt', answers: stuckPrompt({ fineTunedPromptTokens: 0 }), says: 'You plan to drop the prompt entirely once the model is tuned.', fix: SEEDS.fixSkippedPrompt },
];

describe("the seeds' common mistakes", () => {
  it('has a case for every mistake the advisor knows', () => {
    expect(CASES.map((c) => c.id).sort()).toEqual([...MISTAKE_IDS].sort());
  });

  it.each(CASES)("spots $id and shows the seed's fix", ({ id, answers, asOf, says, fix }) => {
    const found = mistake(verdictFor(answers, asOf), id);
    if (typeof says === 'string') expect(found.text).toContain(says);
    else expect(found.text).toMatch(says);
    expect(found.fix).toBe(fix.quote);
    expect(seedText(fix.file)).toContain(found.fix);
    expect(seedText(found.source.file)).toContain(found.source.quote);
  });

  it("shows the seed's fix for testing prompts in its own words", () => {
    expect(mistake(verdictFor(untestedPrompt()), 'fine-tune-before-prompt-testing').fix).toBe(
      'Test prompt engineering first. Run 30-50 examples with 3-5 prompt variations. Only fine-tune if the best prompt still fails 20%+ of the time.',
    );
  });
});

describe('when each mistake shows', () => {
  it('calls 12 tested examples too few to fine-tune on, beside a verdict to test on 30-50 first', () => {
    const v = verdictFor(stuckPrompt({ testedExamples: 12 }));
    expect(v.verdict).toBe('test-prompts-first');
    expect(mistake(v, 'fine-tune-before-prompt-testing').text).toBe('You are weighing fine-tuning with a prompt tested on 12 examples.');
  });

  it('counts examples per category for a classifier', () => {
    const v = verdictFor(stuckPrompt({ taskKind: 'classification', categories: 12, labeledExamples: 1000 }));
    expect(mistake(v, 'small-dataset').text).toBe('1,000 labelled examples (83 per category) is too few to train on: the model would overfit.');
  });

  it('sees a small model named for a reasoning task, and costs a larger one instead', () => {
    const v = verdictFor(stuckPrompt({ taskKind: 'reasoning', fineTuneModel: 'gemini-2.5-flash-lite' }));
    expect(mistake(v, 'wrong-model-size').text).toBe(
      'Gemini 2.5 Flash-Lite on Vertex AI, the model you named, is too small for a task that needs reasoning; the costs use Gemini 2.5 Pro on Vertex AI, a larger one, whose quality on your task is untested until you run your examples on it.',
    );
    expect(v.fineTuneModel).toBe('gemini-2.5-pro');
  });

  it('never recommends tuning a small model for a reasoning task: prompting gpt-5-nano, the fine-tune is costed on a larger model', () => {
    const v = verdictFor(stuckPrompt({ taskKind: 'reasoning', failureMode: 'reasoning', model: 'gpt-5-nano' }));
    expect(v.verdict).toBe('fine-tune');
    expect(v.fineTuneModel).toBe('nova-lite');
    expect(v.cost!.fineTuning!.model).toBe('nova-lite');
  });

  it('has no objection to tuning a large model for a reasoning task', () => {
    const v = verdictFor(stuckPrompt({ taskKind: 'reasoning', failureMode: 'reasoning' }));
    expect(v.fineTuneModel).toBe('gemini-2.5-pro');
    expect(mistakeIdsOf(v)).not.toContain('wrong-model-size');
  });

  it('sees failures from missing knowledge as the job of retrieval, beside a verdict to add retrieval first', () => {
    const v = verdictFor(stuckPrompt({ failureMode: 'knowledge' }));
    expect(v.verdict).toBe('rag-first');
    expect(mistake(v, 'knowledge-by-fine-tuning').text).toBe('The failures are missing knowledge, which fine-tuning does not reliably add.');
  });

  it('does not call fine-tuning a knowledge task for its format failures a mistake: "RAG first" would contradict the verdict (a caution says to keep the facts in retrieval)', () => {
    const v = verdictFor(stuckPrompt({ taskKind: 'knowledge' }));
    expect(v.verdict).toBe('fine-tune');
    expect(mistakeIdsOf(v)).not.toContain('knowledge-by-fine-tuning');
    expect(v.cautions.map((c) => c.id)).toContain('knowledge-goes-stale');
  });

  it('does not call a cost-driven fine-tune of a prompt at 95% on 50 examples "fine-tuning before testing prompts": its fix would contradict the verdict', () => {
    const v = verdictFor(expensiveWorkingPrompt({ promptIterations: 0 }));
    expect(v.verdict).toBe('fine-tune');
    expect(mistakeIdsOf(v)).not.toContain('fine-tune-before-prompt-testing');
  });
});

describe('a mistake never contradicts its verdict', () => {
  const sweep: Answers[] = [];
  for (const successRate of [0.05, 0.4, 0.7, 0.79, 0.82, 0.88, 0.95])
    for (const testedExamples of [5, 12, 50, 300])
      for (const promptIterations of [0, 1, 4])
        for (const failureMode of ['knowledge', 'format', 'none'] as const)
          for (const labeledExamples of [20, 600])
            for (const volume of [lowVolume, longPromptAtMillions])
              sweep.push(answersFor({ taskKind: 'classification', categories: 3, successRate, testedExamples, promptIterations, failureMode, ...volume, labeledExamples, fineTunedPromptTokens: 0 }));

  it(`shows no mistake beside a verdict its fix argues against, over ${sweep.length} answers`, () => {
    const seen = new Set<string>();
    for (const answers of sweep) {
      const v = verdictFor(answers);
      seen.add(v.verdict);
      for (const m of v.mistakes) expect(FIX_CONTRADICTS[m.id], `${m.id} beside ${v.verdict} for ${JSON.stringify(answers)}`).not.toContain(v.verdict);
    }
    expect([...seen].sort()).toEqual(['collect-data', 'fine-tune', 'iterate-prompt', 'prompt-engineering', 'rag-first', 'rethink-task', 'test-prompts-first']);
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

  it('finds no mistakes in a careful fine-tune (what it must plan for later is a caution, not a mistake)', () => {
    const v = verdictFor(stuckPrompt({ labeledExamples: 800, fineTunedPromptTokens: 200 }));
    expect(v.verdict).toBe('fine-tune');
    expect(v.mistakes).toEqual([]);
    expect(v.cautions.map((c) => c.id)).toEqual(['model-versioning']);
  });
});
