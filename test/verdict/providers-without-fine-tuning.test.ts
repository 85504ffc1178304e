import { describe, expect, it } from 'vitest';
import { AS_OF, CATALOGUE, OPENAI_OPEN, modelById } from '../helpers/catalogue.js';
import { expensiveWorkingPrompt, stuckPrompt } from '../helpers/answers.js';
import { reasonText, ruleIdsOf, verdictFor } from '../helpers/advice.js';
import { fineTuningAvailability } from '../../src/index.js';

describe('prompting a model whose provider offers no fine-tuning', () => {
  const stuckOnClaude = stuckPrompt({ model: 'claude-sonnet-4.5', promptTokens: 1700, monthlyCalls: 1_500_000 });

  it('fine-tunes a suggested model of the same size from a provider that offers it', () => {
    const v = verdictFor(stuckOnClaude);
    expect(v.verdict).toBe('fine-tune');
    expect(ruleIdsOf(v)).toEqual(['below-80-after-iterations', 'provider-offers-no-fine-tuning', 'fine-tuning-also-saves']);
    expect(v.fineTuneModel).toBe('nova-pro');
    expect(modelById(v.fineTuneModel!).size).toBe(modelById('claude-sonnet-4.5').size);
    expect(v.cost!.promptEngineering.model).toBe('claude-sonnet-4.5');
    expect(v.cost!.fineTuning!.model).toBe('nova-pro');
  });

  it('shows the saving from moving to that model apart from the saving from tuning it, and says its quality is untested', () => {
    const v = verdictFor(stuckOnClaude);
    const cost = v.cost!;
    expect(cost.substitutePrompt!.model).toBe('nova-pro');
    expect(cost.baseline).toBe('substitutePrompt');
    // The switch costs its retesting (4 hours, $400, against today's 2): $121,480 from switching.
    expect(v.comparison).toMatchObject({ savingVsToday: 138_278.95, fromSwitching: 121_480, fromTuning: 16_798.95 });
    const text = reasonText(v, 'fine-tuning-also-saves');
    expect(text).toContain('It fixes answers and costs $16,799 less than prompting');
    expect(text).toContain(
      '87.9% of the saving against today comes from moving to Amazon Nova Pro on Bedrock, which prompting it untrained would give too; ' +
        'its quality on your task is untested until you run your examples on it.',
    );
  });

  it('says why, and names the model the figures use instead', () => {
    const text = reasonText(verdictFor(stuckOnClaude), 'provider-offers-no-fine-tuning');
    expect(text).toContain('Anthropic offers no fine-tuning of Claude Sonnet 4.5');
    expect(text).toContain('The figures use Amazon Nova Pro on Bedrock instead');
    expect(text).not.toContain('Anthropic (');
  });
});

describe("OpenAI's fine-tuning wind-down", () => {
  const gpt41 = modelById('gpt-4.1');

  it('makes fine-tuning gpt-4.1 unavailable as of 2026-11-23 over 12 months, naming the 2027-01-14 shutdown', () => {
    const status = fineTuningAvailability(CATALOGUE, gpt41, AS_OF, 12);
    expect(status.available).toBe(false);
    expect(status.available ? '' : status.reason).toContain('2027-01-14');
  });

  it('leaves fine-tuning gpt-4.1 open as of 2026-03-01 for a 6-month plan', () => {
    expect(fineTuningAvailability(CATALOGUE, gpt41, OPENAI_OPEN, 6)).toEqual({ available: true });
  });

  it('leaves a 12-month plan open as of 2026-03-01: the wind-down was announced on 2026-05-07', () => {
    expect(fineTuningAvailability(CATALOGUE, gpt41, OPENAI_OPEN, 12)).toEqual({ available: true });
  });

  it('refuses a 12-month plan once the wind-down is known: the tuned model would stop 8 months in', () => {
    const status = fineTuningAvailability(CATALOGUE, gpt41, '2026-06-01', 12);
    expect(status.available ? '' : status.reason).toBe(
      'OpenAI is winding fine-tuning of GPT-4.1 down: no new jobs after 2027-01-06, and tuned models stop on 2027-01-14, 8 months into your 12-month horizon',
    );
  });

  it('refuses new jobs after 2027-01-06', () => {
    const status = fineTuningAvailability(CATALOGUE, gpt41, '2027-01-07', 1);
    expect(status.available ? '' : status.reason).toBe('OpenAI stopped taking fine-tuning jobs after 2027-01-06');
  });

  it('moves a team prompting gpt-4.1 at volume to a provider that still fine-tunes', () => {
    const v = verdictFor(expensiveWorkingPrompt({ model: 'gpt-4.1' }));
    expect(v.verdict).toBe('fine-tune');
    expect(v.fineTuneModel).not.toMatch(/^gpt-/);
    expect(reasonText(v, 'provider-offers-no-fine-tuning')).toContain('tuned models stop on 2027-01-14');
  });

  it('fine-tunes gpt-4.1 itself as of 2026-03-01 over 6 months', () => {
    const v = verdictFor(stuckPrompt({ model: 'gpt-4.1', horizonMonths: 6 }), OPENAI_OPEN);
    expect(v.verdict).toBe('fine-tune');
    expect(v.fineTuneModel).toBe('gpt-4.1');
    expect(v.headline).toContain('Fine-tune GPT-4.1:');
  });
});

describe('when fine-tuning is not open to the team', () => {
  const expectNotOpen = (answers: Parameters<typeof stuckPrompt>[0], why: string) => {
    const v = verdictFor(stuckPrompt(answers));
    expect(v.verdict).toBe('iterate-prompt');
    expect(v.headline).toBe('Keep improving the prompt: fine-tuning would be next, but it is not open to you');
    expect(ruleIdsOf(v)).toEqual(['below-80-after-iterations', 'no-fine-tuning-available']);
    expect(v.cost!.fineTuning).toBeNull();
    expect(v.cost!.hybrid).toBeNull();
    expect(v.fineTuneModel).toBeNull();
    const text = reasonText(v, 'no-fine-tuning-available');
    expect(text).toContain(why);
    expect(text).toContain('Providers in the catalogue that offer it: Google Vertex AI (gemini-2.5-pro');
    expect(text).toContain('Amazon Bedrock (nova-pro, nova-lite, nova-micro, llama-3.1-70b-bedrock, llama-3.1-8b-bedrock)');
    expect(text).toContain('Together AI (llama-3.1-70b-together, llama-3.1-8b-together); Fireworks AI (llama-3.1-70b-fireworks); Mistral AI (mistral-small); Self-hosted (llama-3.1-70b-self-hosted)');
    expect(text).not.toMatch(/OpenAI \(|Azure OpenAI \(|Anthropic \(/);
    expect(v.nextSteps.at(-1)).toMatch(/^Or move to a provider that offers fine-tuning: Google Vertex AI/);
  };

  it('says fine-tuning is not open when gpt-4.1 is pinned as of 2026-11-23, and names alternatives', () => {
    expectNotOpen({ model: 'gpt-4.1', fineTuneModel: 'gpt-4.1' }, '2027-01-14');
  });

  it('says fine-tuning is not open when the team says it is not available to them', () => {
    expectNotOpen({ fineTuningAvailable: false }, 'you said fine-tuning is not available to you');
  });

  it('stays with a working prompt at volume and says fine-tuning is not open, with no fine-tuning cost', () => {
    const v = verdictFor(expensiveWorkingPrompt({ fineTuningAvailable: false }));
    expect(v.verdict).toBe('prompt-engineering');
    expect(v.headline).toBe('Stay with prompt engineering: it works, and fine-tuning is not open to you');
    expect(ruleIdsOf(v)).toEqual(['eight-of-ten', 'no-fine-tuning-available']);
    expect(v.cost!.fineTuning).toBeNull();
    expect(v.cost!.breakEvenMonthlyCalls).toBeNull();
  });
});
