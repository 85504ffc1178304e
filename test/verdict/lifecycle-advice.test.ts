import { describe, expect, it } from 'vitest';
import { buildQuestions, buildVerdictCard, fineTuningAvailability, isAvailable, type Answers, type Verdict } from '../../src/index.js';
import { errorsFor, reasonText, verdictFor } from '../helpers/advice.js';
import { expensiveWorkingPrompt, stuckPrompt, ticketTriage, workingPrompt } from '../helpers/answers.js';
import { AS_OF, CATALOGUE, OPENAI_OPEN, contextFor, modelById } from '../helpers/catalogue.js';

/**
 * Issue 9, "Done when": advice that knows when models and their fine-tuning end, as of the day
 * it is given, and says so on the card.
 */

const RETIRED_ON_AS_OF = ['gpt-4.1-nano', 'o4-mini'];
const notices = (v: Verdict) => v.notices.map((n) => n.text);
const cardText = (v: Verdict) => JSON.stringify(buildVerdictCard(v));
const optionsOf = (asOf: string, question: 'model' | 'fineTuneModel') => buildQuestions(contextFor(asOf))[question].options!.map((o) => o.value);

describe('a retired model is never offered, accepted, recommended or tuned', () => {
  it('is not in either picker; the model picker ends with "Another model"', () => {
    const models = optionsOf(AS_OF, 'model');
    for (const id of RETIRED_ON_AS_OF) expect(models).not.toContain(id);
    expect(models).toContain('claude-sonnet-4.5');
    expect(models.at(-1)).toBe('other');
    expect(buildQuestions(contextFor(AS_OF)).model.options!.at(-1)!.label).toBe('Another model');
    const tunable = optionsOf(AS_OF, 'fineTuneModel');
    for (const id of [...RETIRED_ON_AS_OF, 'other']) expect(tunable).not.toContain(id);
  });

  it('leaves the picker on the day it retires: Claude Sonnet 4.5 on 2026-11-30, the GPT-5 family on 2026-12-11', () => {
    expect(optionsOf('2026-11-29', 'model')).toContain('claude-sonnet-4.5');
    expect(optionsOf('2026-11-30', 'model')).not.toContain('claude-sonnet-4.5');
    expect(optionsOf('2026-12-10', 'model')).toContain('gpt-5');
    for (const id of ['gpt-5', 'gpt-5-mini', 'gpt-5-nano']) expect(optionsOf('2026-12-11', 'model')).not.toContain(id);
  });

  it('is not understood when typed to the model question', () => {
    const parsed = buildQuestions(contextFor(AS_OF)).model.parse('GPT-4.1 nano');
    expect(parsed.ok).toBe(false);
  });

  it('is refused in an answers file, naming its successor, whether prompted or to be tuned', () => {
    expect(errorsFor(workingPrompt({ model: 'gpt-4.1-nano' }))[0]).toMatch(
      /^model: GPT-4\.1 nano was shut down on 2026-10-23; its successor is "gpt-5\.4-mini"\. Choose a model you can still use: gpt-4\.1, /,
    );
    expect(errorsFor(stuckPrompt({ fineTuneModel: 'gpt-4.1-nano' }))).toEqual([expect.stringMatching(/^fineTuneModel: GPT-4\.1 nano was shut down on 2026-10-23; its successor is "gpt-5\.4-mini"\./)]);
    expect(errorsFor(workingPrompt({ model: 'claude-sonnet-4.5' }), '2026-12-01')[0]).toMatch(/^model: Claude Sonnet 4\.5 was shut down on 2026-11-30; its successor is "claude-sonnet-5\.5"\./);
    // A successor the catalogue does not price is named by its id all the same.
    expect(errorsFor(workingPrompt({ model: 'gpt-5' }), '2026-12-11')[0]).toMatch(/^model: GPT-5 was shut down on 2026-12-11; its successor is "gpt-6\.1-sol"\./);
  });

  it('is accepted the day before it retires', () => {
    expect(verdictFor(workingPrompt({ model: 'claude-sonnet-4.5' }), '2026-11-29').verdict).toBe('prompt-engineering');
  });

  it('is never the model tuned or prompted instead, for any model a team can prompt, on any date', () => {
    const dates = [OPENAI_OPEN, '2026-06-01', AS_OF, '2026-11-27', '2026-11-30', '2026-12-11', '2027-01-10'];
    let tuned = 0;
    for (const asOf of dates) {
      for (const model of CATALOGUE.models.filter((m) => isAvailable(CATALOGUE, m, asOf))) {
        for (const answers of [stuckPrompt({ model: model.id }), expensiveWorkingPrompt({ model: model.id })]) {
          const v = verdictFor(answers, asOf);
          const seen = `${model.id} as of ${asOf}: ${v.verdict}, tuned ${v.fineTuneModel}`;
          for (const id of [v.fineTuneModel, v.cost?.fineTuning?.model, v.cost?.substitutePrompt?.model]) {
            if (!id) continue;
            expect(isAvailable(CATALOGUE, modelById(id), asOf), seen).toBe(true);
          }
          if (v.fineTuneModel) {
            tuned++;
            const horizon = answers.horizonMonths ?? 12;
            expect(fineTuningAvailability(CATALOGUE, modelById(v.fineTuneModel), asOf, horizon).available, seen).toBe(true);
          }
        }
      }
    }
    expect(tuned).toBeGreaterThan(100);
  }, 30_000);
});

describe('a one-month "Fine-tune GPT-4.1" as of 2026-11-27', () => {
  const v = verdictFor(stuckPrompt({ model: 'gpt-4.1', horizonMonths: 1 }), '2026-11-27');

  it('is a fine-tune of GPT-4.1 itself', () => {
    expect(v.verdict).toBe('fine-tune');
    expect(v.fineTuneModel).toBe('gpt-4.1');
    expect(v.headline).toMatch(/^Fine-tune GPT-4\.1: /);
  });

  it('carries the wind-down dates and both organisation gates as warnings on the card', () => {
    const wanted = [
      'No new fine-tuning jobs for GPT-4.1 after 2027-01-06.',
      'A tuned GPT-4.1 stops serving on 2027-01-14.',
      'Since 2026-05-07, organisations that have never fine-tuned cannot start.',
      'Since 2026-07-02, organisations with no inference on a fine-tuned model in the past 60 days cannot start jobs (secondary sources, not verified).',
      'GPT-4.1 retires on 2027-01-14; its successor is GPT-5.4 (OpenAI names none on its deprecations page; the advisor assumes its current model of the same size).',
    ];
    for (const text of wanted) expect(v.notices).toContainEqual({ severity: 'warning', text });
    const card = buildVerdictCard(v);
    for (const text of wanted) expect(card.blocks).toContainEqual({ type: 'notice', severity: 'warning', text });
  });

  it('says each gate once', () => {
    expect(notices(v).filter((n) => n.includes('organisations that have never fine-tuned')).length).toBe(1);
  });

  it('cautions that the tuned model must be moved off before it stops, not "redone on its successor"', () => {
    expect(v.cautions.find((c) => c.id === 'model-versioning')!.text).toBe('A tuned GPT-4.1 stops serving on 2027-01-14 and no successor can be tuned in its place: plan the move off it before then.');
  });

  it('looks for no break-even past 2027-01-14', () => {
    expect(v.cost!.fineTuning!.tunedEnds).toBe('2027-01-14');
    expect(v.cost!.breakEvenMonth === null || v.cost!.breakEvenMonth <= 2).toBe(true);
  });

  it('is refused for two months, naming the wind-down', () => {
    const two = verdictFor(stuckPrompt({ model: 'gpt-4.1', fineTuneModel: 'gpt-4.1', horizonMonths: 2 }), '2026-11-27');
    expect(two.fineTuneModel).toBeNull();
    expect(reasonText(two, 'no-fine-tuning-available')).toContain(
      'OpenAI is winding fine-tuning of GPT-4.1 down: no new jobs after 2027-01-06, and tuned models stop on 2027-01-14, 2 months into your 2-month horizon',
    );
  });
});

describe('advice as of 2026-03-01 does not use what OpenAI announced on 2026-05-07', () => {
  const answers: Answers = stuckPrompt({ model: 'gpt-4.1' });
  const march = verdictFor(answers, OPENAI_OPEN);

  it('fine-tunes GPT-4.1 over a full year, with no retraining for a retirement nobody knew of', () => {
    expect(march.verdict).toBe('fine-tune');
    expect(march.fineTuneModel).toBe('gpt-4.1');
    expect(march.cost!.fineTuning).toMatchObject({ retrainings: 0, baseRetires: null, tunedEnds: null });
    expect(march.cautions.find((c) => c.id === 'model-versioning')!.text).toBe('A fine-tune of GPT-4.1 is tied to that model version; a new version means training again.');
  });

  it('keeps the prompt on GPT-4.1 all year: no move to GPT-5.4', () => {
    const pe = march.cost!.promptEngineering;
    expect(pe.items.some((i) => i.fromMonth !== undefined || i.untilMonth !== undefined || i.label.includes('GPT-5.4'))).toBe(false);
    expect(march.nextSteps.join('\n')).not.toContain('Move the prompt');
  });

  it('names no wind-down, gate, retirement or successor anywhere on the card', () => {
    const card = cardText(march);
    for (const fact of ['2027-01-06', '2027-01-14', 'organisations', 'GPT-5.4', 'retires', 'wind']) expect(card).not.toContain(fact);
  });

  it('moves the same team off GPT-4.1 once the wind-down is known', () => {
    const may = verdictFor(answers, '2026-05-07');
    expect(may.fineTuneModel).not.toBe('gpt-4.1');
    expect(reasonText(may, 'provider-offers-no-fine-tuning')).toContain('OpenAI is winding fine-tuning of GPT-4.1 down: no new jobs after 2027-01-06, and tuned models stop on 2027-01-14');
    expect(notices(may)).toContain('GPT-4.1 retires on 2027-01-14; its successor is GPT-5.4 (OpenAI names none on its deprecations page; the advisor assumes its current model of the same size).');
    // The first gate was announced on 2026-05-07, the second only on 2026-07-02.
    const gated = verdictFor(stuckPrompt({ model: 'gpt-4.1', horizonMonths: 6 }), '2026-05-07');
    expect(gated.fineTuneModel).toBe('gpt-4.1');
    expect(notices(gated)).toContain('Since 2026-05-07, organisations that have never fine-tuned cannot start.');
    expect(notices(gated).join('\n')).not.toContain('2026-07-02');
  });
});

describe('the prompt path moves to the successor at retirement, on the verdict', () => {
  // Claude Sonnet 4.5 as of 2026-11-27 over 6 months: 2,000-token prompt + 500 in, 300 out, 100,000 calls, nothing cached.
  const v = verdictFor(
    workingPrompt({ model: 'claude-sonnet-4.5', testedExamples: 50, promptTokens: 2000, inputTokens: 500, outputTokens: 300, monthlyCalls: 100_000, horizonMonths: 6, cacheHitRate: 0 }),
    '2026-11-27',
  );
  const month45 = ((2500 * 3 + 300 * 15) / 1e6) * 1e5; // $1,200 on Sonnet 4.5
  const month55 = ((2500 * 2 + 300 * 10) / 1e6) * 1e5; // $800 on Sonnet 5.5

  it("prices month 1 at Sonnet 4.5's prices and months 2-6 at Sonnet 5.5's, with the move costed", () => {
    const pe = v.cost!.promptEngineering;
    expect(month45).toBeCloseTo(1200, 6);
    expect(month55).toBeCloseTo(800, 6);
    expect(pe.total).toBeCloseTo(200 + 200 + month45 + 5 * month55, 2); // $5,600
    expect(pe.items.filter((i) => i.fromMonth === 2).map((i) => i.label)).toEqual([
      'Prompt (instructions and examples), on Claude Sonnet 5.5',
      'Input per call, on Claude Sonnet 5.5',
      'Output per call, on Claude Sonnet 5.5',
    ]);
    expect(pe.items.find((i) => i.label === 'Moving the prompt to Claude Sonnet 5.5')?.amount).toBe(200);
  });

  it('says the retirement and the successor, and makes the move a next step', () => {
    expect(v.notices).toContainEqual({ severity: 'warning', text: 'Claude Sonnet 4.5 retires on 2026-11-30; its successor is Claude Sonnet 5.5.' });
    expect(v.nextSteps).toContain("Move the prompt to Claude Sonnet 5.5 before today's model retires, and retest it on your examples (its prices are in the figures from then on).");
  });
});

describe('a fine-tune verdict on a model that retires soon', () => {
  it('moves the prompt only as a stopgap, if the tuned model is not live by then, and never as the plan', () => {
    const v = verdictFor(ticketTriage, '2026-11-27');
    expect(v.verdict).toBe('fine-tune');
    expect(v.nextSteps[0]).toBe("If the fine-tune is not live before today's model retires, move the prompt to Claude Sonnet 5.5 first and retest it on your examples.");
    expect(v.nextSteps.some((s) => s.startsWith('Move the prompt to'))).toBe(false);
  });
});
