import { describe, expect, it } from 'vitest';
import { retrainingMonths, type Answers } from '../../src/index.js';
import { catalogueWith, OPENAI_OPEN } from '../helpers/catalogue.js';
import { costsFor, itemOf } from '../helpers/advice.js';

const usage: Answers = { promptTokens: 4000, inputTokens: 300, outputTokens: 200, monthlyCalls: 1_000_000, labeledExamples: 1000 };
const gemini = { prompt: 'gemini-2.5-pro', tune: 'gemini-2.5-pro' };

describe('retraining', () => {
  it.each([
    [12, 0],
    [24, 1],
    [36, 2],
  ])('retrains yearly: over %d months, %d times', (horizonMonths, times) => {
    expect(costsFor({ ...usage, horizonMonths }, gemini).fineTuning!.retrainings).toBe(times);
  });

  it('costs each retraining as training again plus 8 hours of evaluation', () => {
    const tuned = costsFor({ ...usage, horizonMonths: 24 }, gemini).fineTuning!;
    expect(tuned.retraining).toBeCloseTo(tuned.training + 8 * 100, 2);
    expect(itemOf(tuned, 'Retraining').basis).toContain('in month 12');
  });

  it('retrains when the base model retires inside the horizon, then yearly from there', () => {
    // Gemini 2.5 Pro retiring 2027-01-14, announced 2026-02-01, with a successor Vertex tunes: month 11 from 2026-03-01.
    const catalogue = catalogueWith({ models: [{ id: 'gemini-2.5-pro', retires: '2027-01-14', retiresAnnounced: '2026-02-01', successor: 'gemini-2.5-flash' }] });
    const at = { ...gemini, asOf: OPENAI_OPEN, catalogue };
    expect(costsFor({ ...usage, horizonMonths: 6 }, at).fineTuning!.retrainings).toBe(0);
    const year = costsFor({ ...usage, horizonMonths: 12 }, at).fineTuning!;
    expect(year.retrainings).toBe(1);
    expect(itemOf(year, 'Retraining').basis).toContain('in month 11');
    expect(itemOf(costsFor({ ...usage, horizonMonths: 24 }, at).fineTuning!, 'Retraining').basis).toContain('in months 11, 23');
  });

  it('uses no retirement announced after the day of the advice: GPT-4.1 mini as of 2026-03-01 (announced 2026-05-07)', () => {
    const openai = { prompt: 'gpt-4.1-mini', tune: 'gpt-4.1-mini', asOf: OPENAI_OPEN };
    const year = costsFor({ ...usage, horizonMonths: 12 }, openai).fineTuning!;
    expect(year.retrainings).toBe(0);
    expect(year.baseRetires).toBeNull();
    expect(itemOf(costsFor({ ...usage, horizonMonths: 24 }, openai).fineTuning!, 'Retraining').basis).toContain('in month 12');
    // Once announced, it is used.
    expect(costsFor({ ...usage, horizonMonths: 12 }, { ...openai, asOf: '2026-05-07' }).fineTuning!.baseRetires).toBe('2027-01-14');
  });

  it('retrains at a retirement set by a price override, when a successor can take the tune', () => {
    const catalogue = catalogueWith({ models: [{ id: 'gemini-2.5-pro', retires: '2027-05-01', successor: 'gemini-2.5-flash' }] });
    const tuned = costsFor({ ...usage, horizonMonths: 12 }, { ...gemini, catalogue }).fineTuning!;
    expect(tuned.retrainings).toBe(1);
    expect(itemOf(tuned, 'Retraining').basis).toContain('in month 6');
  });

  it('ends the tuned path at a retirement with no successor, and sends the calls back to the prompt', () => {
    const catalogue = catalogueWith({ models: [{ id: 'gemini-2.5-pro', retires: '2027-05-01' }] });
    const tuned = costsFor({ ...usage, horizonMonths: 12 }, { ...gemini, catalogue }).fineTuning!;
    expect(tuned.retrainings).toBe(0);
    expect(tuned.items.find((i) => i.label === 'Tight prompt')?.untilMonth).toBe(6);
    expect(tuned.items.some((i) => i.label.startsWith('Back to prompting') && i.fromMonth === 7)).toBe(true);
  });

  it('schedules retraining at the retirement month and yearly otherwise', () => {
    expect(retrainingMonths(36, null)).toEqual([12, 24]);
    expect(retrainingMonths(36, 5)).toEqual([5, 17, 29]);
    expect(retrainingMonths(12, 12)).toEqual([]);
  });
});

describe('break-even', () => {
  const base = costsFor(usage, gemini);
  const at = base.breakEvenMonthlyCalls!;
  const savingPerCall = base.promptEngineering.perCall - base.fineTuning!.perCall;

  it('finds a break-even volume when the tuned model is cheaper per call', () => {
    expect(savingPerCall).toBeGreaterThan(0);
    expect(at).toBeGreaterThan(0);
  });

  it('costs about the same both ways over the horizon at the break-even volume', () => {
    const even = costsFor({ ...usage, monthlyCalls: at }, gemini);
    const gap = Math.abs(even.fineTuning!.total - even.promptEngineering.total);
    expect(gap).toBeLessThanOrEqual(savingPerCall * 12 + 0.05);
  });

  it('makes fine-tuning cheaper above the break-even volume and dearer below it', () => {
    const above = costsFor({ ...usage, monthlyCalls: at * 2 }, gemini);
    const below = costsFor({ ...usage, monthlyCalls: Math.floor(at / 2) }, gemini);
    expect(above.fineTuning!.total).toBeLessThan(above.promptEngineering.total);
    expect(below.fineTuning!.total).toBeGreaterThan(below.promptEngineering.total);
  });

  it('gives the first month in which the running total of fine-tuning is at or below prompting', () => {
    const cost = costsFor({ ...usage, monthlyCalls: 200_000, horizonMonths: 24 }, gemini);
    const month = cost.breakEvenMonth!;
    expect(month).toBeGreaterThan(1);
    const point = (m: number) => cost.cumulative[m - 1]!;
    expect(point(month).fineTuning!).toBeLessThanOrEqual(point(month).promptEngineering);
    expect(point(month - 1).fineTuning!).toBeGreaterThan(point(month - 1).promptEngineering);
    expect(point(24).promptEngineering).toBeCloseTo(cost.promptEngineering.total, 2);
    expect(point(24).fineTuning!).toBeCloseTo(cost.fineTuning!.total, 2);
  });

  it('has no break-even at all when fine-tuning is not possible', () => {
    const cost = costsFor(usage, { prompt: 'claude-sonnet-4.5', tune: null });
    expect(cost.fineTuning).toBeNull();
    expect(cost.breakEvenMonth).toBeNull();
    expect(cost.breakEvenMonthlyCalls).toBeNull();
  });
});
