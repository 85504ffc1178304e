import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : path.endsWith('.ts') || path.endsWith('.mjs') ? [path] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

/**
 * Each SDK stays in its own adapter folder, so moving off it (botbuilder is archived upstream)
 * is a one-folder change. The SQLite installation store implements Bolt's interface, so it may
 * import Bolt's types, and only types.
 */
describe('SDK boundaries', () => {
  const all = [...files('adapters'), ...files('src'), ...files('tools')];

  it('keeps every botbuilder import inside adapters/teams/', () => {
    const outside = all.filter((f) => !f.startsWith('adapters/teams/') && importsOf(f).some((s) => s.startsWith('botbuilder')));
    expect(outside).toEqual([]);
  });

  it('keeps every Slack SDK import inside adapters/slack/ (the installation stores take Bolt types only)', () => {
    const outside = all.filter((f) => !f.startsWith('adapters/slack/') && importsOf(f).some((s) => s.startsWith('@slack/')));
    expect(outside.sort()).toEqual([
      'adapters/postgres/postgres-installation-store.ts',
      'adapters/sqlite/sqlite-installation-store.ts',
      'adapters/store/installation-keys.ts',
      'adapters/store/open-stores.ts',
    ]);
    for (const file of outside) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).toMatch(/import type \{[^}]+\} from '@slack\/bolt'/);
      expect(text, file).not.toMatch(/^import \{[^}]*\} from '@slack\//m);
    }
  });

  it('finds the adapter sources it checks', () => {
    expect(all.map((f) => relative('.', f))).toContain('adapters/teams/teams-bot.ts');
  });
});
