import { describe, expect, it } from 'vitest';
import { findModel, findProvider, isAvailable, lifecycleOf, type CatalogueModel, type Verdict } from '../../src/index.js';
import { verdictFor } from '../helpers/advice.js';
import { expensiveWorkingPrompt, stuckPrompt } from '../helpers/answers.js';
import { AS_OF, CATALOGUE, OPENAI_OPEN } from '../helpers/catalogue.js';

/**
 * Issue 9, honest provenance: every provider note of a model the card names is on it, every
 * figure says where it came from (the provider's page or a secondary source, verified or not,
 * as of when; or the team's own), and a figure nobody verified carries a warning.
 */

const texts = (v: Verdict) => v.notices.map((n) => n.text);
const warnings = (v: Verdict) => v.notices.filter((n) => n.severity === 'warning').map((n) => n.text);

/** Every model a card names: today's, the one tuned or prompted instead, and their successors. */
function modelsNamed(v: Verdict, asOf: string): CatalogueModel[] {
  const ids = [v.answers.model, v.fineTuneModel, v.cost?.fineTuning?.model, v.cost?.substitutePrompt?.model].filter((id): id is string => !!id);
  const models = ids.map((id) => findModel(CATALOGUE, id)).filter((m): m is CatalogueModel => !!m);
  const successors = models.map((m) => lifecycleOf(CATALOGUE, m, asOf).successor?.model).filter((m): m is CatalogueModel => !!m);
  return [...models, ...successors];
}

/** Verdicts for every model a team can prompt, on dates before and after the announcements. */
function sweep(): Array<{ v: Verdict; asOf: string }> {
  const out: Array<{ v: Verdict; asOf: string }> = [];
  for (const asOf of [OPENAI_OPEN, AS_OF, '2026-11-27']) {
    for (const m of CATALOGUE.models.filter((model) => isAvailable(CATALOGUE, model, asOf))) {
      // A long prompt, half cached, a slice a router can see: every kind of item, the router call too.
      out.push({
        v: verdictFor(stuckPrompt({ model: m.id, promptTokens: 5000, cacheHitRate: 0.5, successRate: 0.7, testedExamples: 200, failuresIdentifiable: true, labeledExamples: 50 }), asOf),
        asOf,
      });
      out.push({ v: verdictFor(stuckPrompt({ model: m.id, promptTokens: 5000, cacheHitRate: 0.5, successRate: 0.7, testedExamples: 200, failuresIdentifiable: true }), asOf), asOf });
      out.push({ v: verdictFor(expensiveWorkingPrompt({ model: m.id, cacheHitRate: 0.5 }), asOf), asOf });
    }
  }
  return out;
}
const VERDICTS = sweep();

describe('provider notes', () => {
  it('shows the note of every provider whose model the card names', () => {
    let checked = 0;
    for (const { v, asOf } of VERDICTS) {
      for (const m of modelsNamed(v, asOf)) {
        const provider = findProvider(CATALOGUE, m.provider);
        if (!provider?.note) continue;
        checked++;
        expect(texts(v), `${m.id} on the card of ${v.answers.model} as of ${asOf}`).toContain(`${provider.name}: ${provider.note}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('tells a team on Azure that training is for existing customers only', () => {
    const v = verdictFor(stuckPrompt({ model: 'azure-gpt-4o-mini' }), OPENAI_OPEN);
    expect(texts(v)).toContain('Azure OpenAI: Retires fine-tuning model by model; a tuned deployment with no calls for 15 days is deleted; training for existing customers only.');
  });

  it('tells a team moved to Mistral about its minimum per job and its deprecated fine-tuning', () => {
    const v = verdictFor(stuckPrompt({ model: 'claude-haiku-4.5', fineTuneModel: 'mistral-small' }));
    expect(v.fineTuneModel).toBe('mistral-small');
    expect(texts(v)).toContain('Mistral AI: Fine-tuning: US$4 minimum per job and US$2 a month storage per model; Mistral marks its fine-tuning docs deprecated.');
  });

  it('says once a note shared by two models of one provider', () => {
    const v = verdictFor(stuckPrompt({ model: 'claude-opus-4.5' }), '2026-11-27');
    expect(texts(v).filter((t) => t.startsWith('Anthropic: ')).length).toBe(1);
  });
});

describe('where every figure comes from', () => {
  // A price from the catalogue: whose page, verified or not, and when; or the team's, the GPUs', the seeds'.
  const SOURCE = String.raw`(?:provider's page|secondary source)(?:, not verified)?, as of \d{4}-\d{2}-\d{2}`;
  const PRICED = new RegExp(String.raw`\(.*(?:${SOURCE}|your override|as you gave it|GPU time: |GPU hours: |your own hardware: |seed rule of thumb)`);
  const WORK = /^\d[\d,.]* hours at \$|hours at \$\d+ an hour$|^[\d,]+ more examples to reach|training again/;

  it("names the source and its date, or the team's own figures, in every priced item of every path", () => {
    let items = 0;
    const labels = new Set<string>();
    for (const { v, asOf } of VERDICTS) {
      const paths = [v.cost?.promptEngineering, v.cost?.substitutePrompt, v.cost?.fineTuning, v.cost?.hybrid].filter((p) => !!p);
      for (const path of paths)
        for (const item of path!.items) {
          items++;
          labels.add(item.label.replace(/, on .*$/, '').replace(/ \(\d+%\)$/, ''));
          const seen = `${item.label} on ${path!.model}, ${v.answers.model} as of ${asOf}: ${item.basis}`;
          if (item.label === 'Hardware') expect(item.basis, seen).toMatch(/each serving/);
          else if (item.cadence === 'once' && item.label !== 'Training') expect(item.basis, seen).toMatch(WORK);
          else expect(item.basis, seen).toMatch(PRICED);
          expect(item.basis, seen).not.toContain('checked');
        }
    }
    expect(items).toBeGreaterThan(1000);
    // Every kind of item was seen: cached and uncached prompts, the router, fees, training, a successor's prices.
    for (const label of [
      'Prompt (instructions and examples), cached',
      'Router (every call)',
      'Hosting the tuned model',
      'Storing the tuned model',
      'Training',
      'Labelling',
      'Moving the prompt to Claude Sonnet 5.5',
      'Prompted: Input per call',
      'Tuned: Tight prompt',
    ])
      expect([...labels], label).toContain(label);
  });

  it('gives a model with no cached rate the source of the input price it uses instead', () => {
    const v = verdictFor(expensiveWorkingPrompt({ model: 'llama-3.1-70b-bedrock', cacheHitRate: 0.5 }));
    const cached = v.cost!.promptEngineering.items.find((i) => i.label.includes(', cached ('))!;
    expect(cached.basis).toContain("(Llama 3.1 70B on Bedrock input, provider's page, as of 2026-11-27; no cached rate, so the full input price)");
  });

  it('dates the costs by the oldest price behind them', () => {
    expect(verdictFor(expensiveWorkingPrompt({ model: 'gpt-4.1' })).cost!.pricesAsOf).toBe('2026-03-31');
  });
});

describe('figures nobody verified', () => {
  it('warns about every unverified model the card names', () => {
    let checked = 0;
    for (const { v, asOf } of VERDICTS)
      for (const m of modelsNamed(v, asOf).filter((model) => !model.verified)) {
        checked++;
        expect(warnings(v), `${m.id} on the card of ${v.answers.model} as of ${asOf}`).toContain(
          `${m.name}'s prices come from a ${m.sourceKind === 'official' ? "provider's page" : 'secondary source'} and were not verified: check them at ${m.source}`,
        );
      }
    expect(checked).toBeGreaterThan(50);
  });

  it("warns about Fireworks' unverified serverless price", () => {
    const v = verdictFor(expensiveWorkingPrompt({ model: 'llama-3.1-70b-fireworks' }));
    expect(warnings(v)).toContain("Llama 3.1 70B on Fireworks AI's prices come from a secondary source and were not verified: check them at https://fireworks.ai/pricing");
  });

  it('marks unverified tuning figures as a warning, verified ones as information', () => {
    const gemini = verdictFor(stuckPrompt({ model: 'gemini-2.5-flash' }));
    expect(gemini.notices).toContainEqual({
      severity: 'warning',
      text: 'Fine-tuning Gemini 2.5 Flash on Vertex AI: Tuning price from a secondary source, not verified; tuned models served at base rates, and discontinued with their base model.',
    });
  });

  it('marks an unverified lifecycle fact as such', () => {
    const v = verdictFor(stuckPrompt({ model: 'o4-mini', horizonMonths: 3 }), '2026-06-01');
    expect(warnings(v)).toContain("o4-mini retires on 2026-10-23 (secondary sources, not verified); its successor is GPT-5.4 mini (the advisor assumes OpenAI's current small model).");
  });
});
