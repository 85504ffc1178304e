import { describe, expect, it } from 'vitest';
import { CAUTION_IDS, MISTAKE_IDS, SEEDS, type Answers, type CautionId, type SeedSource } from '../../src/index.js';
import { OPENAI_OPEN, catalogueWith } from '../helpers/catalogue.js';
import { edgeCasesCheaperToRoute, expensiveWorkingPrompt, stuckPrompt, workingPrompt } from '../helpers/answers.js';
import { seedText, verdictFor } from '../helpers/advice.js';

const cautionIdsOf = (v: ReturnType<typeof verdictFor>) => v.cautions.map((c) => c.id);
const caution = (v: ReturnType<typeof verdictFor>, id: CautionId) => {
  const found = v.cautions.find((c) => c.id === id);
  if (!found) throw new Error(`${id} not among ${cautionIdsOf(v).join(', ') || 'no cautions'} (verdict ${v.verdict})`);
  return found;
};

/**
 * What a team that trains must plan for later, shown apart from the mistakes it is making now:
 * a situation that raises each, what the advisor says and the seed's fix.
 */
const CASES: { id: CautionId; answers: Answers; asOf?: string; says: string | RegExp; fix: SeedSource }[] = [
  {
    id: 'model-versioning',
    answers: stuckPrompt({ horizonMonths: 24 }),
    says: 'Over your horizon the tuned model needs 1 retraining, at least one a year.',
    fix: SEEDS.fixVersioning,
  },
  {
    id: 'inference-cost',
    answers: stuckPrompt({ model: 'azure-gpt-4o-mini' }),
    asOf: OPENAI_OPEN,
    says: /^The tuned model would cost \$1,2\d\d a month to run against \$\d+\.\d\d for the prompt: training is not the whole bill\.$/,
    fix: SEEDS.fixInferenceCost,
  },
  {
    id: 'knowledge-goes-stale',
    answers: stuckPrompt({ taskKind: 'knowledge' }),
    says: 'The task answers from knowledge: tune for the failures you saw, and keep the facts in retrieval; a fine-tune memorises a snapshot that goes stale.',
    fix: SEEDS.ragIsPrompting,
  },
];

describe('cautions about later', () => {
  it('has a case for every caution the advisor knows', () => {
    expect(CASES.map((c) => c.id).sort()).toEqual([...CAUTION_IDS].sort());
  });

  it('keeps cautions and mistakes apart: no id is both', () => {
    for (const id of CAUTION_IDS) expect(MISTAKE_IDS as readonly string[]).not.toContain(id);
  });

  it.each(CASES)("raises $id beside a verdict to train and shows the seed's fix", ({ id, answers, asOf, says, fix }) => {
    const v = verdictFor(answers, asOf);
    expect(v.verdict).toBe('fine-tune');
    const found = caution(v, id);
    if (typeof says === 'string') expect(found.text).toBe(says);
    else expect(found.text).toMatch(says);
    expect(found.fix).toBe(fix.quote);
    expect(seedText(fix.file)).toContain(found.fix);
    expect(seedText(found.source.file)).toContain(found.source.quote);
    expect(v.mistakes.map((m) => m.id)).not.toContain(id);
  });
});

describe('when each caution shows', () => {
  it('sees a tuned model at OpenAI tuned prices costing more a month to run than a short prompt', () => {
    const v = verdictFor(edgeCasesCheaperToRoute({ testedExamples: 100 }), OPENAI_OPEN);
    expect(v.verdict).toBe('fine-tune');
    expect(v.cost!.fineTuning!.monthly).toBeGreaterThan(v.cost!.promptEngineering.monthly);
    expect(caution(v, 'inference-cost').text).toBe('The tuned model would cost $904 a month to run against $560 for the prompt: training is not the whole bill.');
  });

  it('says nothing about inference cost when the tuned model is cheaper to run than the prompt', () => {
    const v = verdictFor(expensiveWorkingPrompt());
    expect(v.verdict).toBe('fine-tune');
    expect(cautionIdsOf(v)).not.toContain('inference-cost');
  });

  it('weighs running costs against the cheaper prompt path: a tuned Nova Pro against prompting Nova Pro, not the dearer Claude prompted today', () => {
    const v = verdictFor(stuckPrompt({ model: 'claude-sonnet-4.5', promptTokens: 1700, monthlyCalls: 1_500_000 }));
    expect(v.verdict).toBe('fine-tune');
    expect(v.cost!.baseline).toBe('substitutePrompt');
    expect(v.cost!.fineTuning!.monthly).toBeLessThan(v.cost!.substitutePrompt!.monthly);
    expect(cautionIdsOf(v)).not.toContain('inference-cost');
  });

  it("names the retirement of the tuned model's base inside the horizon", () => {
    // A retirement with a successor Vertex can tune: the fine-tune is redone there, not abandoned.
    const catalogue = catalogueWith({ models: [{ id: 'gemini-2.5-pro', retires: '2027-06-01', successor: 'gemini-2.5-flash' }] });
    const v = verdictFor(stuckPrompt(), undefined, catalogue);
    expect(caution(v, 'model-versioning').text).toBe('Gemini 2.5 Pro on Vertex AI retires on 2027-06-01; the fine-tune must be redone on its successor (1 retraining in your horizon).');
  });

  it('names no retirement that was announced after the day of the advice', () => {
    // GPT-4.1's retirement (2027-01-14) was announced on 2026-05-07: advice as of 2026-03-01 does not know it.
    const v = verdictFor(stuckPrompt({ model: 'gpt-4.1', horizonMonths: 6 }), OPENAI_OPEN);
    expect(v.fineTuneModel).toBe('gpt-4.1');
    expect(caution(v, 'model-versioning').text).toBe('A fine-tune of GPT-4.1 is tied to that model version; a new version means training again.');
  });

  it('reminds a careful fine-tune only that it is tied to its model version', () => {
    const v = verdictFor(stuckPrompt({ labeledExamples: 800, fineTunedPromptTokens: 200 }));
    expect(v.verdict).toBe('fine-tune');
    expect(cautionIdsOf(v)).toEqual(['model-versioning']);
    expect(v.cautions[0]!.text).toBe('A fine-tune of Gemini 2.5 Pro on Vertex AI is tied to that model version; a new version means training again.');
  });

  it('cautions a team told to collect data first, which is on its way to training', () => {
    const v = verdictFor(stuckPrompt({ labeledExamples: 40 }));
    expect(v.verdict).toBe('collect-data');
    expect(cautionIdsOf(v)).toContain('model-versioning');
  });

  it.each([
    ['a working prompt at low volume', workingPrompt()],
    ['a team that ships this week', stuckPrompt({ deadline: 'this-week' })],
    ['a prompt stuck at 88% where scenario 1 stops', stuckPrompt({ successRate: 0.88, promptIterations: 3, failureMode: 'vocabulary' })],
    ['a knowledge task whose prompt works', workingPrompt({ taskKind: 'knowledge' })],
  ])('shows no cautions when the verdict trains nothing: %s', (_label, answers) => {
    const v = verdictFor(answers);
    expect(['fine-tune', 'hybrid', 'collect-data']).not.toContain(v.verdict);
    expect(v.cautions).toEqual([]);
  });
});
