import { describe, expect, it } from 'vitest';
import { applyCatalogueOverride, findModel, parseCatalogue, validateAnswers } from '../../src/index.js';
import { CATALOGUE, contextFor, rawCatalogue } from '../helpers/catalogue.js';

/** The shipped catalogue with one change made by `edit`; the errors it is refused with. */
function errorsAfter(edit: (raw: ReturnType<typeof rawCatalogue>) => void): string[] {
  const raw = rawCatalogue();
  edit(raw);
  const result = parseCatalogue(raw);
  if (result.ok) throw new Error('expected the catalogue to be refused');
  return result.errors;
}

describe('the shipped price catalogue', () => {
  it('validates', () => {
    const result = parseCatalogue(rawCatalogue());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('dates every row and gives it a source', () => {
    for (const m of CATALOGUE.models) {
      expect(m.checked_on, m.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.source, m.id).toMatch(/^https:\/\//);
    }
  });

  it('finds a model by its dated snapshot name as well as its id', () => {
    expect(findModel(CATALOGUE, 'gpt-4.1-2025-04-14')?.id).toBe('gpt-4.1');
  });
});

describe('a catalogue with a bad row is refused, naming the place', () => {
  it('refuses a negative price', () => {
    const errors = errorsAfter((raw) => ((raw.models[2] as { prices: { input: number } }).prices.input = -1));
    expect(errors).toEqual(['models[2].prices.input: a price per 1M tokens, 0 or more']);
  });

  it.each(['23/11/2026', '2026-02-30', '2026-13-01'])('refuses the date %j', (date) => {
    const errors = errorsAfter((raw) => (raw.models[0]!.checked_on = date));
    expect(errors).toEqual(['models[0].checked_on: a date as YYYY-MM-DD']);
  });

  it('refuses a model of a provider that is not listed', () => {
    const errors = errorsAfter((raw) => (raw.models[1]!.provider = 'acme'));
    expect(errors).toEqual(['models[1].provider: "acme" is not in providers; add it there first']);
  });

  it('refuses a duplicate id', () => {
    const errors = errorsAfter((raw) => (raw.models[3]!.id = 'gpt-4.1'));
    expect(errors).toEqual(['models[3].id: "gpt-4.1" appears twice; ids must be unique']);
  });

  it('gives one message per bad row', () => {
    const errors = errorsAfter((raw) => {
      (raw.models[2] as { prices: { output: number } }).prices.output = -3;
      raw.models[5]!.checked_on = 'yesterday';
    });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^models\[2\]\.prices\.output:/);
    expect(errors[1]).toMatch(/^models\[5\]\.checked_on:/);
  });
});

describe('a price override', () => {
  const newRow = {
    id: 'acme-large',
    provider: 'aws-bedrock',
    name: 'Acme Large on Bedrock',
    size: 'large',
    prices: { input: 1, cachedInput: null, output: 4 },
    fineTuning: null,
    source: 'https://example.com/prices',
    checked_on: '2026-11-20',
  };

  it('changes one field of an existing model and keeps the rest', () => {
    const result = applyCatalogueOverride(CATALOGUE, { models: [{ id: 'gpt-4.1', prices: { input: 1.5 } }] });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const changed = findModel(result.catalogue, 'gpt-4.1')!;
    expect(changed.prices).toEqual({ input: 1.5, cachedInput: 0.5, output: 8 });
    expect(changed.fineTuning?.training).toBe(25);
    expect(changed.checked_on).toBe('2026-03-31');
    expect(changed.retires).toBe('2027-01-14');
    expect(changed.successor).toBe('gpt-5.4');
    expect(result.catalogue.models).toHaveLength(CATALOGUE.models.length);
    expect(findModel(CATALOGUE, 'gpt-4.1')!.prices.input).toBe(2);
  });

  it('adds a new model given every field, which answers can then name', () => {
    const result = applyCatalogueOverride(CATALOGUE, { models: [newRow] });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(findModel(result.catalogue, 'acme-large')?.retires).toBeNull();
    expect(validateAnswers({ model: 'acme-large' }, contextFor(undefined, result.catalogue)).ok).toBe(true);
  });

  it('refuses a partial new row, naming the row', () => {
    const result = applyCatalogueOverride(CATALOGUE, { models: [{ id: 'acme-large', prices: { input: 1, cachedInput: null, output: 4 } }] });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toMatch(/^override\.models\[0\]\..* \(this row adds "acme-large" \(a new row needs every field\)\)$/);
    expect(errors.some((e) => e.startsWith('override.models[0].name:'))).toBe(true);
  });

  it('refuses a bad change to an existing row, naming the row and the field', () => {
    const result = applyCatalogueOverride(CATALOGUE, { models: [{ id: 'nova-pro' }, { id: 'gpt-4.1', prices: { output: -8 } }] });
    expect(result.ok ? [] : result.errors).toEqual(['override.models[1].prices.output: a price per 1M tokens, 0 or more (this row changes "gpt-4.1")']);
  });

  it('refuses a row without an id', () => {
    const result = applyCatalogueOverride(CATALOGUE, { models: [{ prices: { input: 1 } }] });
    expect(result.ok ? [] : result.errors).toEqual(['override.models[0].id: every row needs the id of the model it changes or adds']);
  });

  it('refuses a new row whose provider is unknown', () => {
    const result = applyCatalogueOverride(CATALOGUE, { models: [{ ...newRow, provider: 'acme' }] });
    expect(result.ok ? [] : result.errors).toEqual([`models[${CATALOGUE.models.length}].provider: "acme" is not in providers; add it there first`]);
  });
});
