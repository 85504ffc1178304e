import { describe, expect, it } from 'vitest';
import { fineTuningAvailability, isAvailable, lifecycleFacts, lifecycleOf, type Answers } from '../../src/index.js';
import { costsFor, itemOf } from '../helpers/advice.js';
import { AS_OF, CATALOGUE, OPENAI_OPEN, catalogueWith, modelById } from '../helpers/catalogue.js';

/**
 * Issue 9: lifecycles as data. Every fact carries the date it was announced, so advice as of a
 * past date uses only what was known then; the prompt path moves to the successor when its model
 * retires; a tuned model that stops with no successor to retrain on is no path, and no break-even
 * is looked for past its end. Every figure below is hand arithmetic from data/price-catalogue.json.
 */

const usd = (tokens: number, perMillion: number) => (tokens * perMillion) / 1e6;
const life = (id: string, asOf: string) => lifecycleOf(CATALOGUE, modelById(id), asOf);

describe('what is known of a model, as of a date', () => {
  it("knows nothing of Claude Sonnet 4.5's retirement before Anthropic announced it on 2026-11-27", () => {
    expect(life('claude-sonnet-4.5', '2026-11-26')).toMatchObject({ retires: null, retired: false, successor: null });
    expect(isAvailable(CATALOGUE, modelById('claude-sonnet-4.5'), '2026-11-26')).toBe(true);
  });

  it('retires Claude Sonnet 4.5 on 2026-11-30 from the announcement on, with Claude Sonnet 5.5 priced as its successor', () => {
    const known = life('claude-sonnet-4.5', '2026-11-27');
    expect(known).toMatchObject({ retires: '2026-11-30', retired: false });
    expect(known.successor?.id).toBe('claude-sonnet-5.5');
    expect(known.successor?.model?.prices).toEqual({ input: 2, cachedInput: 0.2, output: 10 });
    expect(isAvailable(CATALOGUE, modelById('claude-sonnet-4.5'), '2026-11-29')).toBe(true);
    expect(isAvailable(CATALOGUE, modelById('claude-sonnet-4.5'), '2026-11-30')).toBe(false);
  });

  it("knows nothing of OpenAI's wind-down as of 2026-03-01: it was announced on 2026-05-07", () => {
    expect(life('gpt-4.1', OPENAI_OPEN)).toMatchObject({ retires: null, successor: null, newJobsUntil: null, tunedServedUntil: null, windDownServedUntil: null, gates: [] });
  });

  it('knows the wind-down and the first gate from 2026-05-07, and the second gate from 2026-07-02', () => {
    const may = life('gpt-4.1', '2026-05-07');
    expect(may).toMatchObject({ retires: '2027-01-14', newJobsUntil: '2027-01-06', tunedServedUntil: '2027-01-14', windDownServedUntil: '2027-01-14' });
    expect(may.gates.map((g) => g.who)).toEqual(['organisations that have never fine-tuned cannot start']);
    const july = life('gpt-4.1', '2026-07-02');
    expect(july.gates.map((g) => [g.from, g.verified])).toEqual([
      ['2026-05-07', true],
      ['2026-07-02', false],
    ]);
  });

  it("uses a model's own wind-down over its provider's: Azure tunes GPT-4o until 2027-04-01 and serves it until 2027-10-01", () => {
    expect(life('azure-gpt-4o', OPENAI_OPEN)).toMatchObject({ newJobsUntil: '2027-04-01', tunedServedUntil: '2027-10-01', retires: null });
  });

  it('has GPT-4.1 nano and o4-mini shut down on 2026-10-23 and GPT-5 shut down on 2026-12-11, known from 2026-11-27', () => {
    for (const id of ['gpt-4.1-nano', 'o4-mini']) expect(life(id, AS_OF)).toMatchObject({ retires: '2026-10-23', retired: true });
    expect(life('gpt-5', AS_OF).retires).toBeNull();
    expect(life('gpt-5', '2026-11-27')).toMatchObject({ retires: '2026-12-11', retired: false });
    expect(life('gpt-5', '2026-11-27').successor).toEqual({ id: 'gpt-6.1-sol', model: null, note: "named on OpenAI's deprecations page; its prices are not in the catalogue" });
    for (const id of ['gpt-5', 'gpt-5-mini', 'gpt-5-nano']) expect(isAvailable(CATALOGUE, modelById(id), '2026-12-11')).toBe(false);
  });

  it('says the facts in words, the tuning ones only for a model being tuned, unverified ones as such', () => {
    expect(lifecycleFacts(CATALOGUE, modelById('gpt-4.1'), '2026-11-27', false)).toEqual([
      'GPT-4.1 retires on 2027-01-14; its successor is GPT-5.4 (OpenAI names none on its deprecations page; the advisor assumes its current model of the same size).',
    ]);
    expect(lifecycleFacts(CATALOGUE, modelById('gpt-4.1'), '2026-11-27', true).slice(1)).toEqual([
      'No new fine-tuning jobs for GPT-4.1 after 2027-01-06.',
      'A tuned GPT-4.1 stops serving on 2027-01-14.',
      'Since 2026-05-07, organisations that have never fine-tuned cannot start.',
      'Since 2026-07-02, organisations with no inference on a fine-tuned model in the past 60 days cannot start jobs (secondary sources, not verified).',
    ]);
    expect(lifecycleFacts(CATALOGUE, modelById('gpt-4.1'), OPENAI_OPEN, true)).toEqual([]);
  });
});

describe('whether a model can be fine-tuned for the horizon', () => {
  it('never tunes a retired base', () => {
    expect(fineTuningAvailability(CATALOGUE, modelById('gpt-4.1-nano'), AS_OF, 1)).toEqual({ available: false, reason: 'GPT-4.1 nano was shut down on 2026-10-23' });
  });

  it('tunes GPT-4.1 for one month as of 2026-11-27: the gates on who may start jobs are lifecycle facts, said once', () => {
    expect(fineTuningAvailability(CATALOGUE, modelById('gpt-4.1'), '2026-11-27', 1)).toEqual({ available: true });
    expect(life('gpt-4.1', '2026-11-27').gates).toHaveLength(2);
  });

  it('refuses two months as of 2026-11-27: the tuned model stops on 2027-01-14 and GPT-5.4 cannot be tuned in its place', () => {
    expect(fineTuningAvailability(CATALOGUE, modelById('gpt-4.1'), '2026-11-27', 2)).toEqual({
      available: false,
      reason: 'OpenAI is winding fine-tuning of GPT-4.1 down: no new jobs after 2027-01-06, and tuned models stop on 2027-01-14, 2 months into your 2-month horizon',
    });
  });

  it('keeps a tuned model whose base retires when a tunable successor takes it over, with a warning to retrain', () => {
    const catalogue = catalogueWith({ models: [{ id: 'gemini-2.5-pro', retires: '2027-06-01', successor: 'gemini-2.5-flash' }] });
    expect(fineTuningAvailability(catalogue, modelById('gemini-2.5-pro', catalogue), AS_OF, 12)).toEqual({
      available: true,
      warning: 'Gemini 2.5 Pro on Vertex AI retires on 2027-06-01, inside your horizon: the tuned model must be retrained on Gemini 2.5 Flash on Vertex AI',
    });
  });

  it('refuses it when the successor cannot be tuned: the tuned model stops with its base', () => {
    const catalogue = catalogueWith({ models: [{ id: 'gemini-2.5-pro', retires: '2027-06-01', successor: 'gemini-3-pro' }] });
    expect(fineTuningAvailability(catalogue, modelById('gemini-2.5-pro', catalogue), AS_OF, 12)).toEqual({
      available: false,
      reason:
        "Gemini 2.5 Pro on Vertex AI retires on 2027-06-01 and a tuned model stops with it; its successor Gemini 3 Pro (preview) on Vertex AI can't be tuned in its place, 7 months into your 12-month horizon",
    });
  });
});

describe('the prompt path moves to the successor when its model retires', () => {
  // 2,000-token prompt + 500 in, 300 out, 100,000 calls a month, nothing cached.
  const usage: Answers = { promptTokens: 2000, inputTokens: 500, outputTokens: 300, monthlyCalls: 100_000, horizonMonths: 6, cacheHitRate: 0 };
  const SONNET45 = usd(2500, 3) * 1e5 + usd(300, 15) * 1e5; // $750 + $450 = $1,200 a month
  const SONNET55 = usd(2500, 2) * 1e5 + usd(300, 10) * 1e5; // $500 + $300 = $800 a month

  it('prices Claude Sonnet 4.5 as of 2026-11-27 for month 1 and Claude Sonnet 5.5 from month 2, with the move named and costed', () => {
    const pe = costsFor(usage, { prompt: 'claude-sonnet-4.5', tune: null, asOf: '2026-11-27' }).promptEngineering;
    // Month 1 on Sonnet 4.5 (retires 2026-11-30), months 2-6 on Sonnet 5.5; 2 hours of prompt work and 2 more to move it.
    expect(pe.total).toBeCloseTo(200 + 200 + SONNET45 + 5 * SONNET55, 2); // $5,600
    expect(pe.scalingTotal).toBeCloseTo(SONNET45 + 5 * SONNET55, 2); // $5,200
    expect(itemOf(pe, 'Input per call,')).toMatchObject({ amount: 100, fromMonth: 2 });
    const before = pe.items.find((i) => i.label === 'Output per call')!;
    expect(before).toMatchObject({ amount: 450, untilMonth: 1 });
    expect(before.basis).toBe("300 tokens × 100,000 calls = 30M tokens at $15.00 per 1M (Claude Sonnet 4.5 output, provider's page, as of 2026-11-27)");
    const after = itemOf(pe, 'Output per call, on Claude Sonnet 5.5');
    expect(after).toMatchObject({ amount: 300, fromMonth: 2 });
    expect(after.basis).toBe(
      "from month 2, after Claude Sonnet 4.5 retires on 2026-11-30: 300 tokens × 100,000 calls = 30M tokens at $10.00 per 1M (Claude Sonnet 5.5 output, provider's page, as of 2026-11-27)",
    );
    const move = itemOf(pe, 'Moving the prompt to Claude Sonnet 5.5');
    expect(move).toMatchObject({ amount: 200, cadence: 'once' });
    expect(move.basis).toBe('retesting the prompt on the successor in month 2: 2 hours at $100 an hour');
  });

  it('runs the months through: $1,600 after month 1, $800 more each month after', () => {
    const cost = costsFor(usage, { prompt: 'claude-sonnet-4.5', tune: null, asOf: '2026-11-27' });
    expect(cost.cumulative.map((p) => p.promptEngineering)).toEqual([1600, 2400, 3200, 4000, 4800, 5600]);
  });

  it('keeps Claude Sonnet 4.5 all through as of 2026-11-26, before the retirement was announced', () => {
    const pe = costsFor(usage, { prompt: 'claude-sonnet-4.5', tune: null, asOf: '2026-11-26' }).promptEngineering;
    expect(pe.total).toBeCloseTo(200 + 6 * SONNET45, 2); // $7,400
    expect(pe.items.some((i) => i.label.includes('Sonnet 5.5'))).toBe(false);
  });

  it("moves GPT-4.1 to GPT-5.4 in month 3 as of 2026-11-23 (it retires 2027-01-14), at GPT-5.4's unverified prices", () => {
    const pe = costsFor({ ...usage, horizonMonths: 12 }, { prompt: 'gpt-4.1', tune: null }).promptEngineering;
    const gpt41 = (usd(2500, 2) + usd(300, 8)) * 1e5; // $740 a month
    const gpt54 = (usd(2500, 2.5) + usd(300, 15)) * 1e5; // $1,075 a month
    expect(pe.total).toBeCloseTo(400 + 2 * gpt41 + 10 * gpt54, 2); // $12,630
    expect(itemOf(pe, 'Input per call, on GPT-5.4').basis).toContain('(GPT-5.4 input, secondary source, not verified, as of 2026-07-24)');
  });

  it("says so when the successor is not priced, and keeps today's prices after the retirement", () => {
    const pe = costsFor({ ...usage, horizonMonths: 3 }, { prompt: 'gpt-5', tune: null, asOf: '2026-11-27' }).promptEngineering;
    expect(pe.total).toBeCloseTo(200 + 3 * (usd(2500, 1.25) + usd(300, 10)) * 1e5, 2); // $1,037.50
    expect(pe.items.some((i) => i.label.startsWith('Moving the prompt'))).toBe(false);
    expect(itemOf(pe, 'Output per call').basis).toBe(
      '300 tokens × 100,000 calls = 30M tokens at $10.00 per 1M (GPT-5 output, secondary source, not verified, as of 2026-07-24); GPT-5 retires on 2026-12-11 and its successor gpt-6.1-sol is not in the catalogue: priced as today after it',
    );
  });
});

describe('no break-even past the end of a tuned model', () => {
  // A 4k-token prompt at 200,000 calls: tuning GPT-4.1 saves $1,220 a month against $5,467.50 more up front.
  const usage: Answers = { promptTokens: 4000, inputTokens: 300, outputTokens: 200, monthlyCalls: 200_000, labeledExamples: 1000, horizonMonths: 1, cacheHitRate: 0 };
  const promptMonth = (usd(4500, 2) + usd(200, 8)) * 2e5; // $2,120
  const tunedMonth = (usd(700, 3) + usd(200, 12)) * 2e5; // $900
  const upFront = usd(1000 * 900 * 3, 25) + 56 * 100 - 2 * 100; // training $67.50 + tuning work − prompt work

  it('would break even in month 5 if GPT-4.1 were tuned for good', () => {
    // A wind-down of GPT-4.1's own, never announced, stands in for OpenAI's; so does its retirement.
    const never = { announced: '2099-01-01', source: 'https://platform.openai.com/docs/deprecations' };
    const forever = catalogueWith({ models: [{ id: 'gpt-4.1', retiresAnnounced: '2099-01-01', fineTuning: { windDown: never } }] });
    expect(lifecycleOf(forever, modelById('gpt-4.1', forever), '2026-11-27')).toMatchObject({ retires: null, tunedServedUntil: null, gates: [] });
    const cost = costsFor(usage, { prompt: 'gpt-4.1', tune: 'gpt-4.1', asOf: '2026-11-27', catalogue: forever });
    expect(Math.ceil(upFront / (promptMonth - tunedMonth))).toBe(5);
    expect(cost.breakEvenMonth).toBe(5);
  });

  it('finds none as of 2026-11-27: tuned GPT-4.1 stops on 2027-01-14, in month 2', () => {
    const cost = costsFor(usage, { prompt: 'gpt-4.1', tune: 'gpt-4.1', asOf: '2026-11-27' });
    expect(cost.fineTuning!.tunedEnds).toBe('2027-01-14');
    expect(cost.breakEvenMonth).toBeNull();
  });

  it('finds one inside the two months when the saving comes that fast', () => {
    const cost = costsFor({ ...usage, monthlyCalls: 2_000_000 }, { prompt: 'gpt-4.1', tune: 'gpt-4.1', asOf: '2026-11-27' });
    // $12,200 a month saved against $5,467.50 up front: month 1.
    expect(cost.breakEvenMonth).toBe(1);
  });
});
