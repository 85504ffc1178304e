import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPrices, formatPerMillion, withinTolerance, type CheckedRow, type LibraryProvider, type PriceLibrary } from '../../../adapters/cli/check-prices.js';
import { LIBRARY_RELEASED, loadGenaiPrices } from '../../../adapters/cli/genai-prices-library.js';
import { renderPriceCheck } from '../../../adapters/cli/render-price-check.js';
import { runCliWith, tempFile, AS_OF } from '../../helpers/cli.js';

const catalogue = JSON.parse(readFileSync(new URL('../../../data/price-catalogue.json', import.meta.url), 'utf8'));
const rowOf = (id: string) => structuredClone(catalogue.models.find((m: { id: string }) => m.id === id));

/** A price library with fixed data, so the comparison itself is tested whatever the real library's next release says. */
const FAKE_PROVIDERS: Record<string, LibraryProvider> = {
  openai: {
    id: 'openai',
    name: 'OpenAI',
    models: [
      { id: 'gpt-4.1', prices: { input_mtok: 2, cache_read_mtok: 0.5, output_mtok: 8 } },
      { id: 'gpt-4o-mini', prices: { input_mtok: 0.15, cache_read_mtok: 0.075, output_mtok: 0.6 } },
      {
        id: 'gpt-9',
        prices: [
          { prices: { input_mtok: 1, cache_read_mtok: 0.1, output_mtok: 4 } },
          { constraint: { type: 'start_date', start_date: '2027-01-01' }, prices: { input_mtok: 2, cache_read_mtok: 0.2, output_mtok: 8 } },
        ],
      },
    ],
  },
  azure: { id: 'azure', name: 'Microsoft Azure', models: [], fallback_model_providers: ['openai'] },
  anthropic: {
    id: 'anthropic',
    name: 'Anthropic',
    models: [{ id: 'claude-sonnet-4-5', prices: { input_mtok: { base: 3, tiers: [{ start: 200000, price: 6 }] }, cache_read_mtok: 0.3, output_mtok: 15 } }],
  },
};
const fakeLibrary: PriceLibrary = {
  name: 'fake-prices',
  version: '9.9.9',
  released: '2026-10-01',
  provider: (id) => FAKE_PROVIDERS[id],
  looseMatch: (modelId) => (modelId.startsWith('gpt-4.1') ? 'gpt-4.1' : undefined),
};
const row = (id: string, provider: string, input: number | null, cachedInput: number | null, output: number | null, more: Partial<CheckedRow> = {}): CheckedRow => ({
  id,
  provider,
  name: id,
  prices: { input, cachedInput, output },
  ...more,
});

describe('the price check (against a fixed library)', () => {
  it('counts a difference of exactly $0.01 per 1M tokens as agreement, and $0.02 as a disagreement', () => {
    expect(withinTolerance(2.0, 1.99)).toBe(true);
    expect(withinTolerance(2.0, 2.01)).toBe(true);
    expect(withinTolerance(2.0, 1.98)).toBe(false);
    expect(withinTolerance(2.0, 2.02)).toBe(false);
    expect(withinTolerance(0.005, 0.015)).toBe(true);
    expect(withinTolerance(0.005, 0.0151)).toBe(false);
    const check = checkPrices(
      [1.99, 2.01, 1.98, 2.02].map((input) => row('gpt-4.1', 'openai', input, 0.5, 8)),
      fakeLibrary,
      AS_OF,
    );
    expect(check.rows.map((r) => r.result)).toEqual(['agrees', 'agrees', 'disagrees', 'disagrees']);
  });

  it('shows ours and theirs for each price that disagrees, and only those', () => {
    const check = checkPrices([row('gpt-4.1', 'openai', 1.8, 0.5, 8.5)], fakeLibrary, AS_OF);
    expect(check.rows[0]).toMatchObject({
      result: 'disagrees',
      library: { provider: 'openai', model: 'gpt-4.1' },
      fields: [
        { field: 'input', ours: 1.8, theirs: 2, result: 'disagrees' },
        { field: 'cachedInput', ours: 0.5, theirs: 0.5, result: 'agrees' },
        { field: 'output', ours: 8.5, theirs: 8, result: 'disagrees' },
      ],
    });
    const text = renderPriceCheck(check);
    expect(text).toContain('Base prices against fake-prices 9.9.9 (its data as published 2026-10-01), on 2026-11-23;');
    expect(text).toContain('a difference of up to $0.01 counts as agreement');
    expect(text).toMatch(/^gpt-4\.1\s+openai\s+openai gpt-4\.1\s+1\.80 \/ 2\.00\s+0\.50 \/ 0\.50\s+8\.50 \/ 8\.00\s+DISAGREES$/m);
    expect(text).toContain('Disagreements (1):\n  gpt-4.1 (openai; library openai gpt-4.1): input ours 1.80 vs theirs 2.00; output ours 8.50 vs theirs 8.00\n');
    expect(text).toMatch(/\n1 disagree, 0 agree, 0 not found, 0 not checkable \(1 rows\)\.\n$/);
  });

  it('reads a missing cached-input price as a disagreement when the library has one, and says when the library lacks one', () => {
    const check = checkPrices([row('gpt-4.1', 'openai', 2, null, 8), row('gpt-4o-mini', 'openai', 0.15, 0.075, 0.6)], fakeLibrary, AS_OF);
    expect(check.rows[0]).toMatchObject({ result: 'disagrees', fields: [{}, { ours: null, theirs: 0.5, result: 'disagrees' }, {}] });
    expect(renderPriceCheck(check)).toContain('cached input ours none vs theirs 0.50');
    FAKE_PROVIDERS.openai!.models.push({ id: 'gpt-nocache', prices: { input_mtok: 1, output_mtok: 2 } });
    try {
      const lacking = checkPrices([row('gpt-nocache', 'openai', 1, 0.1, 2)], fakeLibrary, AS_OF);
      expect(lacking.rows[0]).toMatchObject({ result: 'agrees', fields: [{}, { result: 'not-in-library' }, {}], notes: ['the library has no cached input price'] });
      expect(renderPriceCheck(lacking)).toContain('Notes (1):\n  gpt-nocache: the library has no cached input price');
    } finally {
      FAKE_PROVIDERS.openai!.models.pop();
    }
  });

  it('finds a model through the id table, a fallback provider or the snapshot, and takes the price in force on the date', () => {
    const check = checkPrices(
      [
        row('azure-gpt-4o-mini', 'azure-openai', 0.15, 0.075, 0.6),
        row('claude-sonnet-4.5', 'anthropic', 3, 0.3, 15),
        row('my-gpt', 'openai', 2, 0.5, 8, { snapshot: 'gpt-4.1' }),
        row('gpt-9', 'openai', 1, 0.1, 4),
      ],
      fakeLibrary,
      AS_OF,
    );
    expect(check.rows.map((r) => ('library' in r ? [r.result, r.library] : r.result))).toEqual([
      ['agrees', { provider: 'azure', model: 'gpt-4o-mini', pricedAs: 'openai' }],
      ['agrees', { provider: 'anthropic', model: 'claude-sonnet-4-5' }],
      ['agrees', { provider: 'openai', model: 'gpt-4.1' }],
      ['agrees', { provider: 'openai', model: 'gpt-9' }],
    ]);
    const text = renderPriceCheck(check);
    expect(text).toContain('azure (as openai) gpt-4o-mini');
    expect(text).toContain("claude-sonnet-4.5: the library's prices rise above 200,000 input tokens; the base prices are compared");
    expect(text).toContain('gpt-9: the library has new prices from 2027-01-01: 2.00 / 0.20 / 8.00');
    const later = checkPrices([row('gpt-9', 'openai', 1, 0.1, 4)], fakeLibrary, '2027-01-01');
    expect(later.rows[0]).toMatchObject({ result: 'disagrees', fields: [{ theirs: 2 }, { theirs: 0.2 }, { theirs: 8 }] });
  });

  it('lists every row it cannot match as not found, with the reason, and self-hosted rows as not checkable', () => {
    const check = checkPrices(
      [
        row('gpt-4.1-turbo-x', 'openai', 1, 0.1, 2),
        row('acme-large', 'acme', 1, null, 2),
        row('llama-3.1-70b-together', 'together', 0.88, null, 0.88),
        row('llama-self', 'self-hosted', 0, null, 0),
        row('llama-rented', 'openai', 0, null, 0, { selfHosted: { gpuPerHour: 5, tokensPerSecond: 2500 } }),
        { id: 'custom', provider: 'openai', name: 'custom', prices: null },
      ],
      fakeLibrary,
      AS_OF,
    );
    expect(check.rows.map((r) => r.result)).toEqual(['not-found', 'not-found', 'not-found', 'not-checkable', 'not-checkable', 'not-checkable']);
    expect(check.counts).toEqual({ agrees: 0, disagrees: 0, notFound: 3, notCheckable: 3, rows: 6 });
    const text = renderPriceCheck(check);
    expect(text).toContain(
      'Not found in the library (3):\n' +
        '  gpt-4.1-turbo-x (openai): the library has no openai model "gpt-4.1-turbo-x"; its loose name matching would take "gpt-4.1", which may be another model (if it is this one, map it in adapters/cli/genai-prices-ids.ts)\n' +
        '  acme-large (acme): no library provider is mapped to "acme": add it to adapters/cli/genai-prices-ids.ts if the library has one\n' +
        '  llama-3.1-70b-together (together): the library has no provider "together"\n',
    );
    expect(text).toContain(
      'Not checkable (3):\n' +
        "  llama-self (self-hosted): the prices are the customer's own (self-hosted): no public list has them\n" +
        '  llama-rented (openai): priced by GPU time (selfHosted), not per token\n' +
        '  custom (openai): no token prices in the catalogue (custom or self-hosted pricing)\n',
    );
    expect(text).toMatch(/^acme-large\s+acme\s+—.*not found$/m);
  });

  it('says when our disagreeing row was checked after the library data, and names its source', () => {
    const check = checkPrices([row('gpt-4.1', 'openai', 1.8, 0.5, 8, { checked_on: '2026-11-20', source: 'https://openai.com/api/pricing/' })], fakeLibrary, AS_OF);
    expect(renderPriceCheck(check)).toContain("    our row was checked on 2026-11-20, after the library's data (2026-10-01): see https://openai.com/api/pricing/ before changing either\n");
  });
});

describe('finetune-advisor prices --check', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The real library's price for an OpenAI model on AS_OF. */
  async function theirs(model: string, key: 'input_mtok' | 'cache_read_mtok' | 'output_mtok'): Promise<number> {
    const library = await loadGenaiPrices();
    const prices = library!.provider('openai')!.models.find((m) => m.id === model)!.prices;
    return (Array.isArray(prices) ? prices[0]!.prices : prices)[key] as number;
  }

  async function checkJson(override?: unknown) {
    const args = ['prices', '--check', '--json', '--as-of', AS_OF, ...(override ? ['--prices', tempFile('prices.json', override)] : [])];
    const run = await runCliWith(args);
    return { ...run, check: JSON.parse(run.stdout) as ReturnType<typeof checkPrices> };
  }

  it('runs offline on the bundled data and accounts for every row of the catalogue', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const run = await runCliWith(['prices', '--check', '--as-of', AS_OF]);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(run.stderr).toBe('');
    const library = await loadGenaiPrices();
    expect(run.stdout).toContain(`Base prices against @pydantic/genai-prices ${library!.version} (its data as published ${library!.released}), on ${AS_OF};`);
    expect(run.stdout).toContain('Fine-tuning prices, fees and lifecycles are not checked: no library carries them.');
    for (const model of catalogue.models) {
      expect(run.stdout).toMatch(new RegExp(`^${model.id.replace(/\./g, '\\.')}\\s.*(agrees|DISAGREES|not found|not checkable)$`, 'm'));
    }
    const summary = run.stdout.match(/\n(\d+) disagree, (\d+) agree, (\d+) not found, (\d+) not checkable \((\d+) rows\)\.\n$/);
    expect(summary).not.toBeNull();
    const [disagree, agree, notFound, notCheckable, rows] = summary!.slice(1).map(Number);
    expect(disagree! + agree! + notFound! + notCheckable!).toBe(catalogue.models.length);
    expect(rows).toBe(catalogue.models.length);
    // A provider changing a price is news for the scheduled job (exit 3), not a broken build.
    expect(run.code).toBe(disagree! > 0 ? 3 : 0);
  });

  it('has the publication date of the installed library version (an upgrade records its date)', async () => {
    const library = await loadGenaiPrices();
    expect(LIBRARY_RELEASED[library!.version]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('flags a row changed through a price override file, ours against theirs, and exits 3', async () => {
    const input = (await theirs('gpt-4.1', 'input_mtok')) - 0.2;
    const run = await runCliWith(['prices', '--check', '--as-of', AS_OF, '--prices', tempFile('prices.json', { models: [{ id: 'gpt-4.1', prices: { input } }] })]);
    expect(run.code).toBe(3);
    // With the library's gpt-4.1 at 2.00 this reads "input ours 1.80 vs theirs 2.00".
    expect(run.stdout).toContain(`  gpt-4.1 (openai; library openai gpt-4.1): input ours ${formatPerMillion(input)} vs theirs ${formatPerMillion(input + 0.2)}\n`);
    expect(run.stdout).toMatch(/^gpt-4\.1\s.*DISAGREES$/m);
  });

  it('takes a difference of $0.01 or less as agreement and $0.02 as a disagreement', async () => {
    const input = await theirs('gpt-4.1', 'input_mtok');
    const results: Record<string, string> = {};
    for (const delta of [-0.01, 0.01, -0.02, 0.02]) {
      const { check } = await checkJson({ models: [{ id: 'gpt-4.1', prices: { input: Math.round((input + delta) * 100) / 100 } }] });
      results[String(delta)] = check.rows.find((r) => r.id === 'gpt-4.1')!.result;
    }
    expect(results).toEqual({ '-0.01': 'agrees', '0.01': 'agrees', '-0.02': 'disagrees', '0.02': 'disagrees' });
  });

  it('lists rows the library does not have as not found, never skipping them', async () => {
    const acme = { ...rowOf('gpt-4o-mini'), id: 'acme-large', provider: 'acme', name: 'Acme Large' };
    const unknown = { ...rowOf('gpt-4o-mini'), id: 'gpt-4o-mini-unheard-of', name: 'GPT-4o mini, unheard of' };
    delete acme.snapshot;
    delete unknown.snapshot;
    const { check, stdout } = await checkJson({ providers: [{ id: 'acme', name: 'Acme AI' }], models: [acme, unknown] });
    expect(stdout).not.toBe('');
    expect(check.rows.filter((r) => r.id === 'acme-large' || r.id === 'gpt-4o-mini-unheard-of')).toEqual([
      expect.objectContaining({ id: 'acme-large', result: 'not-found', reason: expect.stringContaining('no library provider is mapped to "acme"') }),
      expect.objectContaining({ id: 'gpt-4o-mini-unheard-of', result: 'not-found', reason: expect.stringContaining('the library has no openai model "gpt-4o-mini-unheard-of"') }),
    ]);
    expect(check.counts.rows).toBe(catalogue.models.length + 2);
  });

  it('says how to install the library when it is missing, and exits 2', async () => {
    vi.resetModules();
    vi.doMock('../../../adapters/cli/genai-prices-library.js', () => ({ LIBRARY_PACKAGE: '@pydantic/genai-prices', loadGenaiPrices: async () => undefined }));
    try {
      const { runCliWith: runWithoutLibrary } = await import('../../helpers/cli.js');
      const run = await runWithoutLibrary(['prices', '--check']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('prices --check needs @pydantic/genai-prices, a development dependency, which is not installed');
      expect(run.stderr).toContain('npm install --no-save @pydantic/genai-prices');
    } finally {
      vi.doUnmock('../../../adapters/cli/genai-prices-library.js');
      vi.resetModules();
    }
  });

  it('refuses --check on other commands', async () => {
    const run = await runCliWith(['read', 'we classify tickets', '--check']);
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('--check: only for prices') });
  });
});
