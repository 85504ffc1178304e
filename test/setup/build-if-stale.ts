import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = ['src', 'adapters', 'tools', 'bench'];
const BUILT = join(root, 'dist/adapters/cli/main.js');

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0);
  }, 0);
}

/**
 * A few tests run the built command line and server as a person would (`node dist/...`).
 * `npx vitest run` on a fresh clone has no build yet: make one first, or a new one when a
 * source is newer than it.
 */
export default function setup(): void {
  const stale = !existsSync(BUILT) || SOURCES.some((dir) => newest(join(root, dir)) > statSync(BUILT).mtimeMs);
  if (stale) execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
}
