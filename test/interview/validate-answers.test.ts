import { describe, expect, it } from 'vitest';
import { TASK_KINDS, validateAnswers } from '../../src/index.js';
import { contextFor } from '../helpers/catalogue.js';
import { errorsFor, verdictFor } from '../helpers/advice.js';
import { workingPrompt } from '../helpers/answers.js';

const check = (json: unknown) => validateAnswers(json, contextFor());
const errorsOf = (json: unknown) => {
  const result = check(json);
  return result.ok ? [] : result.errors;
};

describe('an answers file with bad fields (headless)', () => {
  it('says a success rate of 80 must be between 0 and 1', () => {
    expect(errorsOf({ successRate: 80 })).toEqual(['successRate: between 0 and 1']);
  });

  it('lists the allowed task kinds for "poem"', () => {
    const [message, ...rest] = errorsOf({ taskKind: 'poem' });
    expect(rest).toEqual([]);
    expect(message).toMatch(/^taskKind: one of /);
    for (const kind of TASK_KINDS) expect(message).toContain(`"${kind}"`);
  });

  it('says a misspelt field is not a field, and lists the fields', () => {
    const [message, ...rest] = errorsOf({ sucessRate: 0.8 });
    expect(rest).toEqual([]);
    expect(message).toMatch(/^sucessRate: not a field of the answers file; the fields are /);
    expect(message).toContain('successRate');
  });

  it('says a misspelt price is not a price field, and lists the price fields', () => {
    expect(errorsOf({ prices: { inptu: 1 } })).toEqual([
      'prices.inptu: not a field of the answers file; the fields are input, cachedInput, output, fineTunedInput, fineTunedCachedInput, fineTunedOutput, training, hostingPerMonth',
    ]);
  });

  it('says a model that is not in the catalogue is not, and lists the ones that are', () => {
    const [message, ...rest] = errorsOf({ model: 'gpt-9' });
    expect(rest).toEqual([]);
    expect(message).toMatch(/^model: "gpt-9" is not in the price catalogue; one of gpt-4\.1, /);
    expect(message).toContain('claude-sonnet-4.5');
  });

  it('checks the model to fine-tune the same way', () => {
    expect(errorsOf({ fineTuneModel: 'llama-9' })[0]).toMatch(/^fineTuneModel: "llama-9" is not in the price catalogue/);
  });

  it('gives one message per bad field', () => {
    const errors = errorsOf({ successRate: 80, taskKind: 'poem', sucessRate: 1, horizonMonths: 0, prices: { input: -1 } });
    expect(errors).toHaveLength(5);
    for (const field of ['successRate:', 'taskKind:', 'sucessRate:', 'horizonMonths: from 1 to 60', 'prices.input: a price cannot be negative'])
      expect(
        errors.some((e) => e.startsWith(field)),
        field,
      ).toBe(true);
  });

  it('refuses answers that are not a JSON object', () => {
    expect(errorsOf([1, 2])).toEqual(['(answers): expected a JSON object']);
  });

  it('accepts a dated snapshot name and reads it as the catalogue id', () => {
    const result = check({ model: 'gpt-4.1-2025-04-14' });
    expect(result.ok && result.answers.model).toBe('gpt-4.1');
  });
});

describe('a missing answer the verdict needs (headless)', () => {
  it('names successRate and shows an example value when 20 examples were tested', () => {
    expect(errorsFor({ testedExamples: 20 })).toEqual(['successRate: missing, and these answers need it. How many of them came out right? For example "successRate": 0.8']);
  });

  it('names testedExamples first for empty answers', () => {
    expect(errorsFor({})[0]).toMatch(/^testedExamples: missing, .* For example "testedExamples": 10$/);
  });

  it('names the volume for a prompt that works, with an example a person would type', () => {
    const { monthlyCalls: _dropped, ...rest } = workingPrompt();
    expect(errorsFor(rest)[0]).toMatch(/^monthlyCalls: missing, and these answers need it\. How many calls a month\? For example "monthlyCalls": \d+$/);
  });

  it('takes questions with a default as skipped', () => {
    const { inputTokens: _i, outputTokens: _o, taskKind: _t, ...rest } = workingPrompt();
    const v = verdictFor(rest);
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.cost!.horizonMonths).toBe(12);
    expect(v.assumptions.find((a) => a.field === 'inputTokens')).toMatchObject({ origin: 'default', value: 0 });
  });
});
