import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFile, AS_OF } from '../../helpers/cli.js';

const bin = fileURLToPath(new URL('../../../dist/adapters/cli/main.js', import.meta.url));

describe('the finetune-advisor binary', () => {
  it('runs as `npx finetune-advisor` in a fresh clone, as the README says (its bin is executable once built)', () => {
    expect(statSync(bin).mode & 0o111, 'dist/adapters/cli/main.js is not executable: npx answers "Permission denied"').toBe(0o111);
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const run = spawnSync('npx', ['--no-install', 'finetune-advisor', '--help'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).not.toContain('Permission denied');
    expect(run.stdout).toContain('finetune-advisor: keep improving the prompt, or fine-tune?');
  }, 30_000); // npx itself starts in about a second, several under a full parallel run

  it('runs headless from the built package and prints the verdict JSON', () => {
    const answers = tempFile('a.json', { testedExamples: 4 });
    const out = execFileSync(process.execPath, [bin, 'advise', '--answers', answers, '--json', '--as-of', AS_OF], { encoding: 'utf8' });
    expect(JSON.parse(out).verdict).toBe('test-prompts-first');
  });

  it('exits 2 with the problem on stderr', () => {
    const run = spawnSync(process.execPath, [bin, 'advise', '--answers', tempFile('a.json', { testedExamples: -1 }), '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('testedExamples: cannot be negative');
  });

  it('exits quietly with 0 when the reader closes the pipe early, as `| head -1` does', async () => {
    const answers = tempFile('a.json', { testedExamples: 4 });
    const commands: Record<string, string[]> = { 'advise --json': ['advise', '--answers', answers, '--json'], advise: ['advise', '--answers', answers], prices: ['prices'] };
    const runs = await Promise.all(
      Object.entries(commands).map(
        ([name, args]) =>
          new Promise<string>((resolve) => {
            const child = spawn(process.execPath, [bin, ...args, '--as-of', AS_OF], { stdio: ['ignore', 'pipe', 'pipe'] });
            // The reader is gone before the command has printed anything.
            child.stdout.destroy();
            let err = '';
            child.stderr.on('data', (d) => (err += d));
            child.on('close', (code) => resolve(`${name}: exit ${code}${err ? `, stderr ${err.split('\n')[0]}` : ''}`));
          }),
      ),
    );
    expect(runs).toEqual(Object.keys(commands).map((name) => `${name}: exit 0`));
  });
});
