import { describe, expect, it } from 'vitest';
import { catalogueWith, OPENAI_OPEN } from '../helpers/catalogue.js';
import { stuckPrompt, workingPrompt } from '../helpers/answers.js';
import { errorsFor, verdictFor } from '../helpers/advice.js';

const warnings = (v: ReturnType<typeof verdictFor>) => v.notices.filter((n) => n.severity === 'warning').map((n) => n.text);

describe('notices about the prices behind a verdict', () => {
  it("warns when the prompted model's prices were last checked 181 days before the advice", () => {
    const catalogue = catalogueWith({ models: [{ id: 'gemini-2.5-pro', checked_on: '2026-05-26' }] });
    const v = verdictFor(workingPrompt(), undefined, catalogue);
    expect(warnings(v)).toContain(
      'Prices for Gemini 2.5 Pro on Vertex AI were last checked on 2026-05-26, 181 days before this advice: check them at https://cloud.google.com/vertex-ai/generative-ai/pricing',
    );
    expect(v.cost!.pricesAsOf).toBe('2026-05-26');
  });

  it('gives no staleness warning for prices checked 180 days before', () => {
    const catalogue = catalogueWith({ models: [{ id: 'gemini-2.5-pro', checked_on: '2026-05-27' }] });
    expect(warnings(verdictFor(workingPrompt(), undefined, catalogue)).join('\n')).not.toContain('last checked on');
  });

  it('warns about a stale tuned model too', () => {
    const catalogue = catalogueWith({ models: [{ id: 'nova-pro', checked_on: '2025-12-01' }] });
    const v = verdictFor(stuckPrompt({ model: 'claude-sonnet-4.5' }), undefined, catalogue);
    expect(v.fineTuneModel).toBe('nova-pro');
    expect(warnings(v).some((w) => w.startsWith('Prices for Amazon Nova Pro on Bedrock were last checked on 2025-12-01'))).toBe(true);
  });

  it("fires on the shipped catalogue: GPT-4.1's prices, last seen on 2026-03-31, are 237 days old on 2026-11-23", () => {
    const v = verdictFor(workingPrompt({ model: 'gpt-4.1' }));
    expect(warnings(v)).toContain('Prices for GPT-4.1 were last checked on 2026-03-31, 237 days before this advice: check them at https://openai.com/api/pricing/');
  });

  it("names a prompted model's retirement and its successor, and flags the successor's unverified prices", () => {
    const v = verdictFor(workingPrompt({ model: 'gpt-4.1' }));
    expect(warnings(v)).toContain('GPT-4.1 retires on 2027-01-14; its successor is GPT-5.4 (OpenAI names none on its deprecations page; the advisor assumes its current model of the same size).');
    expect(warnings(v)).toContain(
      "GPT-5.4's prices come from a secondary source and were not verified: check them at https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json",
    );
  });

  it('refuses a prompted model that is already shut down, naming its successor', () => {
    const [error] = errorsFor(workingPrompt({ model: 'gpt-4.1-nano' }));
    expect(error).toMatch(/^model: GPT-4\.1 nano was shut down on 2026-10-23; its successor is "gpt-5\.4-mini"\. Choose a model you can still use: /);
    expect(error).not.toMatch(/gpt-4\.1-nano|o4-mini/);
  });

  it('says, before the shutdown, that the model retires and that the date is not verified', () => {
    const v = verdictFor(workingPrompt({ model: 'gpt-4.1-nano' }), '2026-10-01');
    expect(warnings(v)).toContain("GPT-4.1 nano retires on 2026-10-23 (secondary sources, not verified); its successor is GPT-5.4 mini (the advisor assumes OpenAI's current small model).");
  });

  it("passes on the tuned model's note when fine-tuning it, as a warning when the tuning figures are not verified", () => {
    const v = verdictFor(stuckPrompt({ model: 'azure-gpt-4o-mini' }), OPENAI_OPEN);
    expect(v.fineTuneModel).toBe('azure-gpt-4o-mini');
    expect(warnings(v).some((n) => n.startsWith('Fine-tuning GPT-4o mini on Azure OpenAI: Tuned tokens at base rates plus US$1.70 an hour'))).toBe(true);
  });
});
