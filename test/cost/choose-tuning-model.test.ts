import { describe, expect, it } from 'vitest';
import { chooseTuningModel } from '../../src/cost/choose-tuning-model.js';
import { fineTunableModels, type Answers, type PriceCatalogue } from '../../src/index.js';
import { AS_OF, CATALOGUE, OPENAI_OPEN, catalogueWith, contextFor, modelById } from '../helpers/catalogue.js';

function choose(answers: Answers, asOf = AS_OF, catalogue: PriceCatalogue = CATALOGUE, horizon = answers.horizonMonths ?? 12) {
  return chooseTuningModel(answers, modelById(answers.model!, catalogue), contextFor(asOf, catalogue), horizon);
}

describe('which model the fine-tuning costs use', () => {
  it('tunes the prompted model itself when its provider fine-tunes it', () => {
    const choice = choose({ model: 'gemini-2.5-flash' });
    expect(choice.model?.id).toBe('gemini-2.5-flash');
    expect(choice.model && choice.chosenBy).toBe('same model');
  });

  it('suggests a model of the same size when the prompted one cannot be tuned', () => {
    const choice = choose({ model: 'claude-haiku-4.5', inputTokens: 300, outputTokens: 200, monthlyCalls: 100_000 });
    expect(choice.model?.size).toBe('medium');
    expect(choice.model && choice.chosenBy).toBe('suggested');
    expect(choice.model && choice.promptModelBlocked).toBe('Anthropic offers no fine-tuning of Claude Haiku 4.5');
  });

  it('never suggests a smaller model than the one prompted when a same-size one exists', () => {
    expect(choose({ model: 'claude-opus-4.5' }).model?.size).toBe('large');
  });

  it('weighs a monthly hosting fee against token prices: no Azure deployment at $1,241 a month for 10,000 calls', () => {
    // Without Nova Lite and Mistral Small, the cheapest tokens among medium models are Azure's, whose tuned deployment costs $1,241 a month.
    const catalogue = catalogueWith({
      models: [
        { id: 'nova-lite', fineTuning: null },
        { id: 'mistral-small', fineTuning: null },
      ],
    });
    const answers = { model: 'claude-haiku-4.5', inputTokens: 300, outputTokens: 200, monthlyCalls: 10_000, horizonMonths: 6 };
    const lowVolume = choose(answers, AS_OF, catalogue);
    expect(lowVolume.model?.id).toBe('gemini-2.5-flash');
    const highVolume = choose({ ...answers, monthlyCalls: 100_000_000 }, AS_OF, catalogue);
    expect(highVolume.model?.id).toBe('azure-gpt-4o-mini');
  });

  it('suggests the cheapest tuned tokens of the same size: Mistral Small for a Claude Haiku team', () => {
    // Tuned Mistral Small: $0.10 in, $0.30 out per 1M, against Nova Lite's $0.06 and $0.24 plus nothing: Nova Lite wins;
    // without it, Mistral Small beats Gemini 2.5 Flash ($0.30 and $2.50).
    const catalogue = catalogueWith({ models: [{ id: 'nova-lite', fineTuning: null }] });
    const answers = { model: 'claude-haiku-4.5', inputTokens: 300, outputTokens: 200, monthlyCalls: 10_000, horizonMonths: 6 };
    expect(choose(answers).model?.id).toBe('nova-lite');
    expect(choose(answers, AS_OF, catalogue).model?.id).toBe('mistral-small');
  });

  it('never suggests running your own GPUs to a team on an API, however cheap the example GPU hour', () => {
    for (const model of ['claude-sonnet-4.5', 'claude-opus-4.5', 'gpt-5', 'gemini-3-pro']) {
      const choice = choose({ model, inputTokens: 300, outputTokens: 200, monthlyCalls: 10_000_000 });
      expect(choice.model?.selfHosted, model).toBeUndefined();
      expect(choice.model?.provider, model).not.toBe('self-hosted');
    }
    // It stays among the alternatives a team could move to.
    expect(choose({ model: 'claude-sonnet-4.5' }).alternatives.map((m) => m.id)).toContain('llama-3.1-70b-self-hosted');
  });

  it('tunes a self-hosted model on its own GPUs', () => {
    const choice = choose({ model: 'llama-3.1-70b-self-hosted' });
    expect(choice.model?.id).toBe('llama-3.1-70b-self-hosted');
    expect(choice.model && choice.chosenBy).toBe('same model');
  });

  it('uses the model the team names', () => {
    const choice = choose({ model: 'claude-sonnet-4.5', fineTuneModel: 'gemini-2.5-flash' });
    expect(choice.model?.id).toBe('gemini-2.5-flash');
    expect(choice.model && choice.chosenBy).toBe('you');
  });

  it('takes the team at its word when it says it can still tune a wound-down model, with a warning', () => {
    const choice = choose({ model: 'gpt-4.1', fineTuningAvailable: true });
    expect(choice.model?.id).toBe('gpt-4.1');
    expect(choice.model && choice.warning).toMatch(/^You said you can fine-tune it, but OpenAI is winding fine-tuning of GPT-4.1 down/);
  });

  it('has none when the team says fine-tuning is not available to it', () => {
    const choice = choose({ model: 'gemini-2.5-flash', fineTuningAvailable: false });
    expect(choice.model).toBeNull();
    expect(choice.model === null && choice.reason).toBe('you said fine-tuning is not available to you');
    expect(choice.alternatives.length).toBeGreaterThan(0);
  });
});

describe('which models can be fine-tuned for the horizon', () => {
  const ids = (asOf: string, horizon: number) => fineTunableModels(CATALOGUE, asOf, horizon).map((m) => m.id);

  it('lists Google, Amazon, the open-weight clouds and self-hosting, but no OpenAI or Azure model, as of 2026-11-23 for a year', () => {
    expect(ids(AS_OF, 12)).toEqual([
      'gemini-2.5-pro',
      'gemini-2.5-flash',
      'gemini-2.5-flash-lite',
      'nova-pro',
      'nova-lite',
      'nova-micro',
      'llama-3.1-70b-bedrock',
      'llama-3.1-8b-bedrock',
      'llama-3.1-70b-together',
      'llama-3.1-8b-together',
      'llama-3.1-70b-fireworks',
      'mistral-small',
      'llama-3.1-70b-self-hosted',
    ]);
  });

  it('keeps OpenAI open for a year as of 2026-03-01 (its wind-down was announced on 2026-05-07), and for 6 months but not 12 once it was', () => {
    const openai = ['gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini'];
    expect(ids(OPENAI_OPEN, 12)).toEqual(expect.arrayContaining(['azure-gpt-4o', 'azure-gpt-4o-mini', 'azure-gpt-4.1-mini', ...openai]));
    // From 2026-06-01 tuned models stop on 2027-01-14: 7 months and a half away.
    expect(ids('2026-06-01', 6)).toEqual(expect.arrayContaining(openai));
    for (const id of openai) expect(ids('2026-06-01', 12)).not.toContain(id);
  });

  it('never lists a model whose provider offers no fine-tuning', () => {
    for (const id of ids(OPENAI_OPEN, 1)) expect(modelById(id).fineTuning).not.toBeNull();
    expect(ids(OPENAI_OPEN, 1)).not.toContain('claude-sonnet-4.5');
    expect(ids(OPENAI_OPEN, 1)).not.toContain('gpt-5');
  });
});
