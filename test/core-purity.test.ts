import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The core may import its own files and zod, nothing that touches the world. */
const ALLOWED_PACKAGES = new Set(['zod']);
const FORBIDDEN_CODE: [RegExp, string][] = [
  [/\bprocess\./, 'process'],
  [/\bDate\.now\(/, 'the clock (Date.now)'],
  [/new Date\(\)/, 'the clock (new Date())'],
  [/\bfetch\(/, 'the network (fetch)'],
  [/\brequire\(/, 'require'],
  [/\bimport\(/, 'dynamic import'],
];

describe('the advisor core (src/)', () => {
  const files = sourceFiles(srcDir);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(srcDir, f), f]))('%s imports only its own files and zod, and touches no I/O', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    const outside = imports.filter((spec) => !spec.startsWith('.') && !ALLOWED_PACKAGES.has(spec));
    expect(outside, 'packages the core must not import').toEqual([]);
    const found = FORBIDDEN_CODE.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
    expect(found, 'I/O the core must not reach for').toEqual([]);
  });
});
