import { describe, expect, it } from 'vitest';
import { parseOtherModel } from '../../src/interview/parse-other-model.js';
import { buildQuestions, describeOtherModel, said, validateAnswers, type OtherModel } from '../../src/index.js';
import { contextFor } from '../helpers/catalogue.js';
import { expectNotUnderstood } from './not-understood.js';

/** Issue 9: "another model", named and priced as a person types it in a hurry. */
describe('parseOtherModel: a model the catalogue lacks, with its prices or its GPUs', () => {
  it.each<[string, OtherModel]>([
    // Own GPUs by the hour, and their speed.
    ['llama 70b on our own H100s, $2.50/hr, 1.5k tok/s', { name: 'llama 70b on our own H100s', gpuPerHour: 2.5, tokensPerSecond: 1500 }],
    ['Llama 3.1 70B on vLLM, $5 an hour, 2,500 tokens/s', { name: 'Llama 3.1 70B on vLLM', gpuPerHour: 5, tokensPerSecond: 2500 }],
    ['Phi-4 on a 4090, $0.40/hr, 800 tok/s', { name: 'Phi-4 on a 4090', gpuPerHour: 0.4, tokensPerSecond: 800 }],
    ['llama 8b on an L4, $0.80 per hour, 1200 tokens a second', { name: 'llama 8b on an L4', gpuPerHour: 0.8, tokensPerSecond: 1200 }],
    ['our 70b on 8xA100, $12/hour, 6k tokens/sec', { name: 'our 70b on 8xA100', gpuPerHour: 12, tokensPerSecond: 6000 }],
    ['Falcon 180B, US$4.00/hr, 400 tok/s', { name: 'Falcon 180B', gpuPerHour: 4, tokensPerSecond: 400 }],
    ['llama 70b on H100s, $2.50 per GPU hour, 1500 tok/s', { name: 'llama 70b on H100s', gpuPerHour: 2.5, tokensPerSecond: 1500 }],
    ['llama 70b, 2.5 usd/hr, 1500 tps', { name: 'llama 70b', gpuPerHour: 2.5, tokensPerSecond: 1500 }],
    ['Llama 70B 3000 tok/s $4/h', { name: 'Llama 70B', gpuPerHour: 4, tokensPerSecond: 3000 }],
    ['Llama 3 in fp8 on 2 H100s, $4/hr, 2k tok/s', { name: 'Llama 3 in fp8 on 2 H100s', gpuPerHour: 4, tokensPerSecond: 2000 }],
    // Own hardware by the month.
    ['mixtral, $3k a month, 900 tokens per second', { name: 'mixtral', perMonth: 3000, tokensPerSecond: 900 }],
    ['Gemma 2 27B, $1,200 a month, 1,000 tok/s', { name: 'Gemma 2 27B', perMonth: 1200, tokensPerSecond: 1000 }],
    ['Llama 405B on-prem, $20k/month, 3,000 tokens per second', { name: 'Llama 405B on-prem', perMonth: 20_000, tokensPerSecond: 3000 }],
    // An API's prices per 1M tokens, in and out.
    ['DeepSeek V3 0.27/1.10', { name: 'DeepSeek V3', input: 0.27, output: 1.1 }],
    ['DeepSeek-V3 @ 0.27 / 1.10', { name: 'DeepSeek-V3', input: 0.27, output: 1.1 }],
    ['our fine-tuned mistral, $0.2 in $0.6 out', { name: 'our fine-tuned mistral', input: 0.2, output: 0.6 }],
    ['Llama 3.1 70B, $0.60 in, $0.80 out', { name: 'Llama 3.1 70B', input: 0.6, output: 0.8 }],
    ['Qwen2.5 72B: $0.9 input / $0.9 output', { name: 'Qwen2.5 72B', input: 0.9, output: 0.9 }],
    ['qwen 2.5 72b - 0.35 in 0.40 out per 1M', { name: 'qwen 2.5 72b', input: 0.35, output: 0.4 }],
    ['Llama 3.3 70B at $0.59/$0.79', { name: 'Llama 3.3 70B', input: 0.59, output: 0.79 }],
    ['gpt-oss-120b $0.15 in, $0.60 out', { name: 'gpt-oss-120b', input: 0.15, output: 0.6 }],
    ['Mistral Large 2: 2 in 6 out', { name: 'Mistral Large 2', input: 2, output: 6 }],
    ['DeepSeek R1 $0.55 in $2.19 out', { name: 'DeepSeek R1', input: 0.55, output: 2.19 }],
    ['command r+ $2.50 input $10 output', { name: 'command r+', input: 2.5, output: 10 }],
    ['Llama 3 70B (Groq) $0.59 in $0.79 out', { name: 'Llama 3 70B', input: 0.59, output: 0.79 }],
    ['Mixtral 8x7B: $0.24/$0.24', { name: 'Mixtral 8x7B', input: 0.24, output: 0.24 }],
    ['DBRX — $0.75 in, $2.25 out', { name: 'DBRX', input: 0.75, output: 2.25 }],
    ['Claude via some reseller, $2.40 in, $12 out', { name: 'Claude via some reseller', input: 2.4, output: 12 }],
    ['mistral 7b $0.04 / $0.04 per 1M tokens', { name: 'mistral 7b', input: 0.04, output: 0.04 }],
    // One price both ways.
    ['Llama 3.1 70B Turbo, $0.88 per 1M tokens', { name: 'Llama 3.1 70B Turbo', input: 0.88, output: 0.88 }],
    ['Gemma 7B 0.2/M', { name: 'Gemma 7B', input: 0.2, output: 0.2 }],
  ])('reads %j', (text, value) => {
    expect(parseOtherModel(text)).toEqual({ ok: true, value });
  });

  it('takes an input price alone for output too, and says so', () => {
    expect(parseOtherModel('Yi 34B, $0.80 in')).toEqual({ ok: true, value: { name: 'Yi 34B', input: 0.8, output: 0.8 }, note: 'took 0.8 per 1M for output too' });
  });

  it.each([
    ['llama 70b', 'Name the model and its prices per 1M tokens'],
    ['something cheap', 'Name the model and its prices per 1M tokens'],
    ['mixtral, free', 'Name the model and its prices per 1M tokens'],
    ['yi-34b, 0.8', 'Name the model and its prices per 1M tokens'],
    ['$2.50/hr, 1.5k tok/s', "Start with the model's name."],
    ['0.27/1.10', "Start with the model's name."],
    ['', "Start with the model's name."],
    ['llama 70b on our H100s, $2.50/hr', 'Add how many tokens a second the GPUs serve, like "2,500 tokens/s".'],
    ['mixtral, $3k a month', 'Add how many tokens a second the GPUs serve'],
    ['llama, -1 in 2 out', "Prices and speeds can't be negative."],
    ['llama 70b, $0 an hour, 0 tok/s', 'A GPU cost and a speed must be more than 0.'],
  ])('refuses %j with the "I didn\'t understand" message', (text, why) => {
    expectNotUnderstood(parseOtherModel(text), text, why, 'like "Llama 3.1 70B, $0.60 in, $0.80 out"', 'like "Llama 3.1 70B on vLLM, $5 an hour, 2,500 tokens/s"');
  });

  it('refuses a paste far too long to be an answer, quickly', () => {
    const text = `llama ${'9'.repeat(5000)}/hr`;
    const started = performance.now();
    expect(parseOtherModel(text).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('is the parser of the "otherModel" question, asked after "Another model"', () => {
    const questions = buildQuestions(contextFor());
    expect(questions.model.parse('another model')).toEqual({ ok: true, value: 'other' });
    expect(questions.otherModel.parse('DeepSeek V3 0.27/1.10')).toEqual({ ok: true, value: { name: 'DeepSeek V3', input: 0.27, output: 1.1 } });
  });

  it('reads back as a person wrote it', () => {
    expect(describeOtherModel({ name: 'Llama 3.1 70B on vLLM', gpuPerHour: 5, tokensPerSecond: 2500 })).toBe(`${said('Llama 3.1 70B on vLLM')}: $5.00 an hour for 2,500 tokens a second`);
    expect(describeOtherModel({ name: 'DeepSeek V3', input: 0.27, output: 1.1 })).toBe(`${said('DeepSeek V3')}: $0.27 in, $1.10 out per 1M tokens`);
  });
});

describe('"another model" in an answers file', () => {
  const check = (answers: unknown) => validateAnswers(answers, contextFor());

  it('takes a model priced per 1M tokens or by its GPUs', () => {
    expect(check({ model: 'other', otherModel: { name: 'DeepSeek V3', input: 0.27, output: 1.1 } }).ok).toBe(true);
    expect(check({ model: 'other', otherModel: { name: 'Llama on vLLM', gpuPerHour: 5, tokensPerSecond: 2500 } }).ok).toBe(true);
    expect(check({ model: 'other', otherModel: { name: 'Mixtral on our box', perMonth: 3000, tokensPerSecond: 900 } }).ok).toBe(true);
  });

  it('needs the model itself, its prices, the speed beside a GPU cost and the training price of a model tuned through an API', () => {
    const errors = (answers: unknown) => {
      const result = check(answers);
      return result.ok ? [] : result.errors;
    };
    expect(errors({ model: 'other' })).toEqual([expect.stringMatching(/^otherModel: "model": "other" needs the model's name and prices/)]);
    expect(errors({ model: 'other', otherModel: { name: 'Llama' } })).toEqual([
      'otherModel: give its prices per 1M tokens (input, output) or, for your own GPUs, gpuPerHour or perMonth with tokensPerSecond',
    ]);
    expect(errors({ model: 'other', otherModel: { name: 'Llama', perMonth: 3000 } })).toEqual(['otherModel.tokensPerSecond: the tokens a second your GPUs serve, beside gpuPerHour or perMonth']);
    expect(errors({ model: 'other', otherModel: { name: 'Reseller Llama', input: 0.5, output: 0.5, tunable: true } })).toEqual([
      'otherModel.training: a model you can fine-tune through an API needs its training price per 1M tokens (training)',
    ]);
  });
});
