/**
 * @pydantic/genai-prices (a devDependency) for `prices --check`, offline: its price data is bundled
 * in the package, and it fetches newer data only after updatePrices() is called, which this never does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LibraryProvider, PriceLibrary } from './check-prices.js';

export const LIBRARY_PACKAGE = '@pydantic/genai-prices';

/**
 * The day each version was published on npm (`npm view @pydantic/genai-prices time`): its bundled
 * data is the project's prices as of then. A version missing here prints "not recorded".
 */
export const LIBRARY_RELEASED: Readonly<Record<string, string>> = {
  '0.1.8': '2026-09-23',
};

/** The library, or undefined when it is not installed (e.g. after `npm install --omit=dev`). */
export async function loadGenaiPrices(): Promise<PriceLibrary | undefined> {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(LIBRARY_PACKAGE);
  } catch {
    return undefined;
  }
  // The package's exports hide package.json; it sits beside dist/, where the entry is.
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  const lib = await import('@pydantic/genai-prices');
  const provider = (id: string): LibraryProvider | undefined => {
    // findProvider also matches loosely by name ("google-vertex" finds "google"): only the exact id counts.
    const found = lib.findProvider({ providerId: id });
    return found?.id === id ? (found as LibraryProvider) : undefined;
  };
  return {
    name: LIBRARY_PACKAGE,
    version,
    released: LIBRARY_RELEASED[version],
    provider,
    looseMatch(modelId, providerId) {
      try {
        const found = lib.calcPrice({ input_tokens: 0, output_tokens: 0 }, modelId, { providerId });
        return found?.provider.id === providerId ? found.model.id : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
