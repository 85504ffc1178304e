import { describe, expect, it } from 'vitest';
import { buildVerdictCard, type CostItem, type PathCost } from '../../src/index.js';
import { errorsFor, itemOf, verdictFor } from '../helpers/advice.js';
import { stuckPrompt } from '../helpers/answers.js';

/**
 * Issue 9: a team on its own (or rented) GPUs gets a verdict priced by GPU time on both paths:
 * the prompt path's tokens and the tuned model's tokens from the GPU's cost and speed, training
 * from the GPU hours a LoRA run takes; hardware paid by the month is a fee on both paths, with
 * as many units as the month's tokens need. Figures are hand arithmetic.
 */

const SECONDS_A_MONTH = 730 * 3600;
const tokenItems = (path: PathCost): CostItem[] => path.items.filter((i) => i.scales);

describe('the self-hosted Llama 3.1 70B in the catalogue: 2 H100s at $5 an hour, 2,500 tokens a second', () => {
  // 1,000-token prompt + 300 in + 200 out at 1M calls; the tight prompt is 100 tokens.
  const v = verdictFor(stuckPrompt({ model: 'llama-3.1-70b-self-hosted', monthlyCalls: 1_000_000 }));
  const perMillion = (5 / (2500 * 3600)) * 1e6; // $0.5556 per 1M tokens
  const trainingPerMillion = (5 / (1500 * 3600)) * 1e6; // $0.9259 per 1M training tokens (LoRA at 1,500 tokens a second)
  const GPU = 'GPU time: $5.00 an hour ÷ 2,500 tokens a second (2 H100s rented at about US$2.50 an hour each)';

  it('fine-tunes the model itself', () => {
    expect(v.verdict).toBe('fine-tune');
    expect(v.fineTuneModel).toBe('llama-3.1-70b-self-hosted');
    expect(v.cost!.substitutePrompt).toBeNull();
  });

  it("prices the prompt path's tokens by GPU time: 1.5B tokens a month, $833.33", () => {
    const pe = v.cost!.promptEngineering;
    expect(pe.monthly).toBeCloseTo(1500 * perMillion, 2);
    expect(pe.total).toBeCloseTo(200 + 12 * 1500 * perMillion, 1); // $10,200
    for (const item of tokenItems(pe)) expect(item.basis, item.label).toContain(`at $0.55556 per 1M (${GPU})`);
    expect(itemOf(pe, 'Output per call').amount).toBeCloseTo(200 * perMillion, 2);
  });

  it("prices the tuned path's tokens the same way: 600M tokens a month, $333.33", () => {
    const ft = v.cost!.fineTuning!;
    expect(ft.monthly).toBeCloseTo(600 * perMillion, 2);
    for (const item of tokenItems(ft)) expect(item.basis, item.label).toContain(`(${GPU})`);
  });

  it('prices training by the GPU hours it takes', () => {
    const training = itemOf(v.cost!.fineTuning!, 'Training');
    // 600 examples × (100 + 300 + 200) tokens × 3 epochs = 1.08M tokens.
    expect(training.amount).toBeCloseTo(1.08 * trainingPerMillion, 2); // $1.00: 0.2 GPU hours
    expect(training.basis).toBe('600 examples × 600 tokens × 3 epochs = 1.08M tokens at $0.92593 per 1M (GPU hours: $5.00 an hour ÷ 1,500 training tokens a second)');
    expect(v.cost!.fineTuning!.total).toBeCloseTo(training.amount + 5600 + 12 * 600 * perMillion, 1);
  });

  it('says the GPU figures are an example, and what self-hosting is priced from', () => {
    expect(v.notices.map((n) => n.text)).toContain(
      'Llama 3.1 70B, self-hosted (vLLM): An example: GPU rent and throughput are assumptions; give your own with "another model" (a GPU cost and tokens a second).',
    );
    expect(v.notices.map((n) => n.text)).toContain('Self-hosted: Your own or rented GPUs: priced from the GPU cost and the tokens a second the hardware serves.');
  });
});

describe('"another model" on GPUs rented by the hour', () => {
  const other = { name: 'Llama 3.1 70B on our H100s', gpuPerHour: 2.5, tokensPerSecond: 1500 };
  const v = verdictFor(stuckPrompt({ model: 'other', otherModel: other, monthlyCalls: 1_000_000 }));
  const perMillion = (2.5 / (1500 * 3600)) * 1e6; // $0.46296
  const trainingPerMillion = (2.5 / (750 * 3600)) * 1e6; // half the serving speed, assumed: $0.92593

  it("gets a verdict tuning the team's own model, named as the team named it", () => {
    expect(v.verdict).toBe('fine-tune');
    expect(v.fineTuneModel).toBe('other');
    expect(v.headline).toMatch(/^Fine-tune Llama 3\.1 70B on our H100s: /);
    const card = JSON.stringify(buildVerdictCard(v));
    expect(card).toContain('Llama 3.1 70B on our H100s');
  });

  it("prices both paths by GPU time, from the team's figures", () => {
    const GPU = 'GPU time: $2.50 an hour ÷ 1,500 tokens a second (your figures)';
    for (const path of [v.cost!.promptEngineering, v.cost!.fineTuning!]) for (const item of tokenItems(path)) expect(item.basis, item.label).toContain(`at $0.46296 per 1M (${GPU})`);
    expect(v.cost!.promptEngineering.monthly).toBeCloseTo(1500 * perMillion, 2); // $694.44
    expect(v.cost!.fineTuning!.monthly).toBeCloseTo(600 * perMillion, 2); // $277.78
  });

  it('trains at half the serving speed when not told otherwise, and says it assumed so', () => {
    const training = itemOf(v.cost!.fineTuning!, 'Training');
    expect(training.amount).toBeCloseTo(1.08 * trainingPerMillion, 2);
    expect(training.basis).toContain('(GPU hours: $2.50 an hour ÷ 750 training tokens a second (assumed: half the serving speed))');
  });

  it("does not flag the team's own figures as an unverified secondary source", () => {
    expect(v.notices.map((n) => n.text).join('\n')).not.toMatch(/secondary source|not verified/);
    expect(v.notices.map((n) => n.text)).toContain('Llama 3.1 70B on our H100s: Prices as you gave them.');
  });

  it('refuses a GPU cost without the tokens a second it serves', () => {
    expect(errorsFor(stuckPrompt({ model: 'other', otherModel: { name: 'Llama on our box', gpuPerHour: 2.5 } }))).toEqual([
      'otherModel.tokensPerSecond: the tokens a second your GPUs serve, beside gpuPerHour or perMonth',
    ]);
  });
});

describe('"another model" on hardware paid by the month', () => {
  // $3,000 a month per box, each serving 900 tokens a second: 900 × 730 × 3,600 = 2,365.2M tokens a month.
  const other = { name: 'Mixtral on our box', perMonth: 3000, tokensPerSecond: 900 };
  const answers = stuckPrompt({ model: 'other', otherModel: other, monthlyCalls: 1_000_000, promptTokens: 2000, inputTokens: 400, outputTokens: 100 });
  const v = verdictFor(answers);
  const capacity = 900 * SECONDS_A_MONTH;

  it("charges a hardware fee on both paths, as many boxes as the month's tokens need", () => {
    // Prompt: 2,500 tokens × 1M = 2.5B tokens → 2 boxes. Tuned: (200 + 400 + 100) × 1M = 700M → 1 box.
    expect(Math.ceil(2.5e9 / capacity)).toBe(2);
    expect(Math.ceil(7e8 / capacity)).toBe(1);
    const pe = itemOf(v.cost!.promptEngineering, 'Hardware');
    expect(pe).toMatchObject({ amount: 6000, cadence: 'per month' });
    expect(pe.basis).toBe('2 × $3,000 a month, each serving 900 tokens a second; 2.5B tokens a month (your figures)');
    const ft = itemOf(v.cost!.fineTuning!, 'Hardware');
    expect(ft).toMatchObject({ amount: 3000, cadence: 'per month' });
    expect(ft.basis).toBe('1 × $3,000 a month, each serving 900 tokens a second; 700M tokens a month (your figures)');
  });

  it('charges nothing more per token, and says why', () => {
    for (const path of [v.cost!.promptEngineering, v.cost!.fineTuning!])
      for (const item of tokenItems(path)) {
        expect(item.amount, item.label).toBe(0);
        expect(item.basis, item.label).toContain('(your own hardware: paid by the month, not by the token)');
      }
  });

  it("totals the fees over the year and trains on the hardware's hours", () => {
    const hourly = 3000 / 730; // $4.11 an hour
    const training = 600 * 700 * 3 * (hourly / (450 * 3600)); // 1.26M tokens at half the serving speed
    expect(v.cost!.promptEngineering.total).toBeCloseTo(200 + 12 * 6000, 2); // $72,200
    expect(v.cost!.fineTuning!.total).toBeCloseTo(training + 5600 + 12 * 3000, 1); // $41,603.20
    expect(itemOf(v.cost!.fineTuning!, 'Training').amount).toBeCloseTo(training, 2);
  });

  it('needs one box even at little volume', () => {
    const small = verdictFor({ ...answers, monthlyCalls: 1000 });
    expect(itemOf(small.cost!.promptEngineering, 'Hardware').amount).toBe(3000);
    expect(itemOf(small.cost!.fineTuning!, 'Hardware').amount).toBe(3000);
  });
});
