import { describe, expect, it } from 'vitest';
import { catalogueWith, OPENAI_OPEN } from '../helpers/catalogue.js';
import { stuckPrompt, workingPrompt } from '../helpers/answers.js';
import { verdictFor } from '../helpers/advice.js';

const warnings = (v: ReturnType<typeof verdictFor>) => v.notices.filter((n) => n.severity === 'warning').map((n) => n.text);

describe('notices about the prices behind a verdict', () => {
  it('warns when the prompted model\'s prices were checked 181 days before the advice', () => {
    const catalogue = catalogueWith({ models: [{ id: 'gemini-2.5-pro', checked_on: '2026-05-26' }] });
    const v = verdictFor(workingPrompt(), undefined, catalogue);
    expect(warnings(v)).toContain(
      'Prices for Gemini 2.5 Pro on Vertex AI were checked on 2026-05-26, 181 days before this advice: check them at https://cloud.google.com/vertex-ai/generative-ai/pricing',
    );
    expect(v.cost!.pricesAsOf).toBe('2026-05-26');
  });

  it('gives no staleness warning for prices checked 180 days before', () => {
    const catalogue = catalogueWith({ models: [{ id: 'gemini-2.5-pro', checked_on: '2026-05-27' }] });
    expect(warnings(verdictFor(workingPrompt(), undefined, catalogue)).join('\n')).not.toContain('were checked on');
  });

  it('warns about a stale tuned model too', () => {
    const catalogue = catalogueWith({ models: [{ id: 'nova-pro', checked_on: '2025-12-01' }] });
    const v = verdictFor(stuckPrompt({ model: 'claude-sonnet-4.5' }), undefined, catalogue);
    expect(v.fineTuneModel).toBe('nova-pro');
    expect(warnings(v).some((w) => w.startsWith('Prices for Amazon Nova Pro on Bedrock were checked on 2025-12-01'))).toBe(true);
  });

  it('warns that a prompted model retires inside the horizon', () => {
    const v = verdictFor(workingPrompt({ model: 'gpt-4.1' }));
    expect(warnings(v)).toContain('GPT-4.1 retires on 2027-01-14, inside your horizon: plan the move to its successor.');
  });

  it('says a prompted model that is already shut down was shut down', () => {
    const v = verdictFor(workingPrompt({ model: 'gpt-4.1-nano' }));
    expect(v.notices).toContainEqual({ severity: 'danger', text: 'GPT-4.1 nano was shut down on 2026-10-23.' });
  });

  it('passes on the tuned model\'s note when fine-tuning it', () => {
    const v = verdictFor(stuckPrompt({ model: 'azure-gpt-4o-mini' }), OPENAI_OPEN);
    expect(v.fineTuneModel).toBe('azure-gpt-4o-mini');
    expect(v.notices.some((n) => n.severity === 'info' && n.text.startsWith('Fine-tuning GPT-4o mini on Azure OpenAI: Tuned tokens at base rates plus US$1.70 an hour'))).toBe(true);
  });
});
