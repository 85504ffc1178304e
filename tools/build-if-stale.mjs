#!/usr/bin/env node
/**
 * Builds dist/ with tsc only when a TypeScript source (or a tsconfig, or package.json) is newer
 * than the build: `npm start` then starts the built service at once when nothing changed, and a
 * fresh clone or an edit still gets a build first. Plain JavaScript, so it needs no build itself.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'adapters', 'tools', 'bench'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** The newest of these is what a build writes last-ish; any built entry point would do. */
const BUILT = ['dist/adapters/server.js', 'dist/adapters/cli/main.js'];

function newestSource(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newestSource(path));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/** True when dist/ is missing or older than a source. */
export function isStale() {
  const built = BUILT.map((f) => join(root, f));
  if (!built.every((f) => existsSync(f))) return true;
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  const sources = Math.max(...SOURCES.map((d) => newestSource(join(root, d))), ...CONFIGS.map((f) => statSync(join(root, f)).mtimeMs));
  return sources > builtAt;
}

/** Builds dist/ with tsc, then marks package.json's bins executable (tsc writes them 644, and `npx finetune-advisor` would say "Permission denied"). */
export function build() {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  const bins = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin ?? {};
  for (const file of Object.values(bins)) chmodSync(join(root, file), 0o755);
}

export function buildIfStale({ quiet = false } = {}) {
  if (!isStale()) return false;
  if (!quiet) process.stderr.write('building dist/ (a source is newer than the build)…\n');
  build();
  return true;
}

// `node tools/build-if-stale.mjs` builds when stale; with --always (npm run build) it builds anyway.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--always')) build();
  else buildIfStale();
}
