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
    // Without Nova Lite, the cheapest tokens among medium models are Azure's, whose tuned deployment costs $1,241 a month.
    const catalogue = catalogueWith({ models: [{ id: 'nova-lite', fineTuning: null }] });
    const answers = { model: 'claude-haiku-4.5', inputTokens: 300, outputTokens: 200, monthlyCalls: 10_000, horizonMonths: 6 };
    const lowVolume = choose(answers, AS_OF, catalogue);
    expect(lowVolume.model?.id).toBe('gemini-2.5-flash');
    const highVolume = choose({ ...answers, monthlyCalls: 100_000_000 }, AS_OF, catalogue);
    expect(highVolume.model?.id).toBe('azure-gpt-4o-mini');
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

  it('lists Google and Amazon but no OpenAI or Azure model as of 2026-11-23 for a year', () => {
    expect(ids(AS_OF, 12)).toEqual(['gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite', 'nova-pro', 'nova-lite', 'nova-micro']);
  });

  it('adds Azure as of 2026-03-01 for a year, and OpenAI for 6 months', () => {
    expect(ids(OPENAI_OPEN, 12)).toEqual(expect.arrayContaining(['azure-gpt-4o', 'azure-gpt-4o-mini', 'azure-gpt-4.1-mini']));
    expect(ids(OPENAI_OPEN, 12)).not.toContain('gpt-4.1');
    expect(ids(OPENAI_OPEN, 6)).toEqual(expect.arrayContaining(['gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini']));
  });

  it('never lists a model whose provider offers no fine-tuning', () => {
    for (const id of ids(OPENAI_OPEN, 1)) expect(modelById(id).fineTuning).not.toBeNull();
    expect(ids(OPENAI_OPEN, 1)).not.toContain('claude-sonnet-4.5');
    expect(ids(OPENAI_OPEN, 1)).not.toContain('gpt-5');
  });
});
