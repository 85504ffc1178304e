import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyCatalogueOverride, parseCatalogue, type PriceCatalogue } from '../../src/index.js';

/** The catalogue shipped with the advisor, found from this file so it works from src and dist alike. */
export function defaultCataloguePath(): string {
  const here = fileURLToPath(import.meta.url);
  const root = here.includes('/dist/') ? here.slice(0, here.lastIndexOf('/dist/')) : here.slice(0, here.lastIndexOf('/adapters/'));
  return `${root}/data/price-catalogue.json`;
}

export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CatalogueError(file, [code === 'ENOENT' ? `${what} not found: check the path` : `${what} could not be read (${code ?? String(err)})`]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CatalogueError(file, [`${what} is not valid JSON: ${(err as Error).message}`]);
  }
}

/**
 * Loads and validates the price catalogue, then applies the override file if one is named
 * (the `--prices FILE` option or the PRICES_FILE setting). Throws CatalogueError naming
 * every problem; nothing half-loaded is ever returned.
 */
export function loadPriceCatalogue(options: { file?: string; overrideFile?: string } = {}): PriceCatalogue {
  const file = options.file ?? defaultCataloguePath();
  const base = parseCatalogue(readJson(file, 'the price catalogue'));
  if (!base.ok) throw new CatalogueError(file, base.errors);
  if (!options.overrideFile) return base.catalogue;
  const merged = applyCatalogueOverride(base.catalogue, readJson(options.overrideFile, 'the price override file'));
  if (!merged.ok) throw new CatalogueError(options.overrideFile, merged.errors);
  return merged.catalogue;
}
