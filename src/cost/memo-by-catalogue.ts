import type { PriceCatalogue } from './price-catalogue.js';

/**
 * Remembers a value computed from a catalogue and a key (a date, a horizon). A loaded
 * catalogue is never changed (an override makes a new one), so the value stays right
 * for as long as the catalogue lives, and goes with it.
 */
export function memoByCatalogue<T>(compute: (catalogue: PriceCatalogue, key: string) => T): (catalogue: PriceCatalogue, key: string) => T {
  const cache = new WeakMap<PriceCatalogue, Map<string, T>>();
  return (catalogue, key) => {
    let byKey = cache.get(catalogue);
    if (!byKey) cache.set(catalogue, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, compute(catalogue, key));
    return byKey.get(key)!;
  };
}
