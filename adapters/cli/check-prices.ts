/**
 * `prices --check`: the catalogue's base prices against a maintained public price library
 * (@pydantic/genai-prices), so that a stale row is caught by a machine rather than a customer.
 * Only base prices: fine-tuning prices, fees and lifecycles are in no library.
 */
import { formatRate } from '../../src/index.js';
import { LIBRARY_MODEL_IDS, LIBRARY_PROVIDER_IDS, UNCHECKABLE_PROVIDERS } from './genai-prices-ids.js';

/** A difference up to a cent per 1M tokens is agreement; anything more is shown. */
export const TOLERANCE_PER_MILLION = 0.01;

/** Compared in millionths of a dollar, so 2.00 against 1.99 is the cent it reads as (not 0.010000000000000009). */
export function withinTolerance(ours: number, theirs: number): boolean {
  return Math.round(Math.abs(ours - theirs) * 1e6) <= Math.round(TOLERANCE_PER_MILLION * 1e6);
}

/** The parts of a catalogue row the check reads (the catalogue has more; what it gains later is ignored). */
export interface CheckedRow {
  id: string;
  provider: string;
  name?: string;
  snapshot?: string | undefined;
  checked_on?: string;
  source?: string;
  /** Priced by GPU time, not per token: its token prices are placeholders. */
  selfHosted?: unknown;
  prices?: { input?: number | null; cachedInput?: number | null; output?: number | null } | null;
}

/** The shapes of the library's data the check reads (its Provider and ModelInfo types fit). */
type LibraryPrice = number | { base: number; tiers: { start: number; price: number }[] } | undefined;
type LibraryPrices = Record<string, LibraryPrice>;
interface LibraryConditionalPrice {
  constraint?: { type: string; start_date?: string };
  prices: LibraryPrices;
}
export interface LibraryModel {
  id: string;
  name?: string;
  price_comments?: string;
  prices: LibraryPrices | LibraryConditionalPrice[];
}
export interface LibraryProvider {
  id: string;
  name: string;
  models: LibraryModel[];
  fallback_model_providers?: string[];
}

/** The price library, as the check sees it: its bundled data only. */
export interface PriceLibrary {
  name: string;
  version: string;
  /** The day this version was released (its data is the project's prices as of then), when known. */
  released: string | undefined;
  /** The provider with exactly this id, or undefined. */
  provider(id: string): LibraryProvider | undefined;
  /** The model id the library's own (loose) name matching would take, to help map a row not found. */
  looseMatch(modelId: string, providerId: string): string | undefined;
}

export const PRICE_FIELDS = ['input', 'cachedInput', 'output'] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];
const LIBRARY_KEY: Record<PriceField, string> = { input: 'input_mtok', cachedInput: 'cache_read_mtok', output: 'output_mtok' };
export const FIELD_LABEL: Record<PriceField, string> = { input: 'input', cachedInput: 'cached input', output: 'output' };

export interface FieldCheck {
  field: PriceField;
  /** null: the catalogue has no such price (no cached-input rate). */
  ours: number | null;
  /** null: the library has no such price. */
  theirs: number | null;
  /** 'not-in-library': ours has a price the library lacks; shown, not counted as a disagreement. */
  result: 'agrees' | 'disagrees' | 'not-in-library';
}

interface RowBase {
  id: string;
  provider: string;
  name: string | undefined;
}
export type RowCheck =
  | (RowBase & {
      result: 'agrees' | 'disagrees';
      /** The library's provider and model compared with; `pricedAs` when the library prices the provider as another. */
      library: { provider: string; model: string; pricedAs?: string; comment?: string };
      fields: FieldCheck[];
      notes: string[];
    })
  | (RowBase & { result: 'not-found' | 'not-checkable'; reason: string });

export interface PriceCheck {
  library: { name: string; version: string; released: string | undefined };
  asOf: string;
  tolerancePerMillion: number;
  rows: RowCheck[];
  counts: { agrees: number; disagrees: number; notFound: number; notCheckable: number; rows: number };
}

/** The library model's prices on a date: the latest dated price in force, the standard (not off-peak) one. */
function pricesOn(model: LibraryModel, asOf: string): { prices: LibraryPrices; next?: { from: string; prices: LibraryPrices } } {
  if (!Array.isArray(model.prices)) return { prices: model.prices };
  const entries = model.prices;
  const inForce = [...entries].reverse().find((e) => e.constraint === undefined || (e.constraint.type === 'start_date' && (e.constraint.start_date ?? '') <= asOf)) ?? entries[0]!;
  const upcoming = entries
    .filter((e) => e.constraint?.type === 'start_date' && (e.constraint.start_date ?? '') > asOf)
    .sort((a, b) => (a.constraint!.start_date! < b.constraint!.start_date! ? -1 : 1))[0];
  return { prices: inForce.prices, ...(upcoming ? { next: { from: upcoming.constraint!.start_date!, prices: upcoming.prices } } : {}) };
}

const base = (p: LibraryPrice): number | null => (typeof p === 'number' ? p : p && typeof p === 'object' ? p.base : null);
/** A price per 1M tokens as the check prints it: 1.80, 0.00875; 'none' where there is no such price. */
export const formatPerMillion = (n: number | null): string => (n === null ? 'none' : formatRate(n).slice(1));

/** The library model for a row: the mapped id, else the row's id, else its snapshot; in the provider, then in its fallbacks. */
function findLibraryModel(row: CheckedRow, provider: LibraryProvider, library: PriceLibrary): { model: LibraryModel; pricedAs?: string } | { missing: string[] } {
  const mapped = LIBRARY_MODEL_IDS[row.id];
  const wanted = mapped ? [mapped] : [row.id, ...(row.snapshot ? [row.snapshot] : [])];
  const providers = [provider, ...(provider.fallback_model_providers ?? []).flatMap((id) => library.provider(id) ?? [])];
  for (const p of providers) {
    for (const id of wanted) {
      const model = p.models.find((m) => m.id === id);
      if (model) return p === provider ? { model } : { model, pricedAs: p.id };
    }
  }
  return { missing: wanted };
}

function checkRow(row: CheckedRow, library: PriceLibrary, asOf: string): RowCheck {
  const at: RowBase = { id: row.id, provider: row.provider, name: row.name };
  const prices = row.prices;
  if (UNCHECKABLE_PROVIDERS.includes(row.provider)) {
    return { ...at, result: 'not-checkable', reason: `the prices are the customer's own (${row.provider}): no public list has them` };
  }
  if (row.selfHosted !== undefined && row.selfHosted !== null) {
    return { ...at, result: 'not-checkable', reason: 'priced by GPU time (selfHosted), not per token' };
  }
  if (!prices || (typeof prices.input !== 'number' && typeof prices.output !== 'number')) {
    return { ...at, result: 'not-checkable', reason: 'no token prices in the catalogue (custom or self-hosted pricing)' };
  }
  const providerId = LIBRARY_PROVIDER_IDS[row.provider];
  if (providerId === undefined) {
    return { ...at, result: 'not-found', reason: `no library provider is mapped to "${row.provider}": add it to adapters/cli/genai-prices-ids.ts if the library has one` };
  }
  const provider = library.provider(providerId);
  if (!provider) return { ...at, result: 'not-found', reason: `the library has no provider "${providerId}"` };
  const found = findLibraryModel(row, provider, library);
  if ('missing' in found) {
    const loose = library.looseMatch(found.missing[0]!, providerId);
    const hint =
      loose && !found.missing.includes(loose) ? `; its loose name matching would take "${loose}", which may be another model (if it is this one, map it in adapters/cli/genai-prices-ids.ts)` : '';
    return { ...at, result: 'not-found', reason: `the library has no ${providerId} model ${found.missing.map((m) => `"${m}"`).join(' or ')}${hint}` };
  }

  const { prices: theirs, next } = pricesOn(found.model, asOf);
  const fields: FieldCheck[] = PRICE_FIELDS.map((field) => {
    const o = typeof prices[field] === 'number' ? (prices[field] as number) : null;
    const t = base(theirs[LIBRARY_KEY[field]]);
    const result = o === null && t === null ? 'agrees' : t === null ? 'not-in-library' : o === null ? 'disagrees' : withinTolerance(o, t) ? 'agrees' : 'disagrees';
    return { field, ours: o, theirs: t, result };
  });
  const notes: string[] = [];
  for (const f of fields) if (f.result === 'not-in-library') notes.push(`the library has no ${FIELD_LABEL[f.field]} price`);
  const tiered = PRICE_FIELDS.map((f) => theirs[LIBRARY_KEY[f]]).find((p) => typeof p === 'object' && p.tiers.length > 0);
  if (typeof tiered === 'object') {
    notes.push(`the library's prices rise above ${tiered.tiers[0]!.start.toLocaleString('en-US')} input tokens; the base prices are compared`);
  }
  if (next) {
    notes.push(`the library has new prices from ${next.from}: ${PRICE_FIELDS.map((f) => formatPerMillion(base(next.prices[LIBRARY_KEY[f]]))).join(' / ')}`);
  }
  const result = fields.some((f) => f.result === 'disagrees') ? 'disagrees' : 'agrees';
  if (result === 'disagrees' && row.checked_on && library.released && row.checked_on > library.released) {
    notes.push(`our row was checked on ${row.checked_on}, after the library's data (${library.released}): see ${row.source ?? `${row.provider}'s prices`} before changing either`);
  }
  const matched = {
    provider: provider.id,
    model: found.model.id,
    ...(found.pricedAs ? { pricedAs: found.pricedAs } : {}),
    ...(found.model.price_comments ? { comment: found.model.price_comments } : {}),
  };
  return { ...at, result, library: matched, fields, notes };
}

/** Every row of the catalogue against the library, on the date `asOf`: each row agrees, disagrees, is not found or is not checkable. */
export function checkPrices(rows: readonly CheckedRow[], library: PriceLibrary, asOf: string): PriceCheck {
  const checked = rows.map((row) => checkRow(row, library, asOf));
  const count = (r: RowCheck['result']) => checked.filter((c) => c.result === r).length;
  return {
    library: { name: library.name, version: library.version, released: library.released },
    asOf,
    tolerancePerMillion: TOLERANCE_PER_MILLION,
    rows: checked,
    counts: { agrees: count('agrees'), disagrees: count('disagrees'), notFound: count('not-found'), notCheckable: count('not-checkable'), rows: checked.length },
  };
}
