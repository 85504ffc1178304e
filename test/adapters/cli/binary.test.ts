import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFile, AS_OF } from '../../helpers/cli.js';

const bin = fileURLToPath(new URL('../../../dist/adapters/cli/main.js', import.meta.url));

describe('the finetune-advisor binary', () => {
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
});
