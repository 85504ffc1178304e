import { describe, expect, it } from 'vitest';
import { ticketTriage } from '../../helpers/answers.js';
import { AS_OF, runCliWith, tempFile } from '../../helpers/cli.js';

describe('finetune-advisor advise --answers FILE --set FIELD=VALUE', () => {
  it('prints the verdict again with the numbers tried, what changed first', async () => {
    const run = await runCliWith(['advise', '--answers', tempFile('a.json', ticketTriage), '--as-of', AS_OF, '--set', 'monthlyCalls=5M', '--set', 'horizonMonths=24']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^=+\nWHAT IF: /);
    expect(run.stdout).toContain('What changed\n- Calls a month: 1.5M → 5M\n- Months to compare over: 12 → 24\n');
    expect(run.stdout).toMatch(/- Fine-tune, total: \$[\d.,]+k \(\$[\d.,]+k? a month\) → \$[\d.,]+k \(/);
    expect(run.stdout).toContain('Cost over 24 months');
    expect(run.stdout).not.toContain('Only you see this');
  });

  it('gives the recomputed verdict and what changed in --json', async () => {
    const run = await runCliWith(['advise', '--answers', tempFile('a.json', ticketTriage), '--as-of', AS_OF, '--json', '--set', 'model=gpt-4.1-mini']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.answers.model).toBe('gpt-4.1-mini');
    expect(out.changed[0]).toEqual({ label: 'Model prompted today', from: 'claude-sonnet-4.5', to: 'gpt-4.1-mini' });
  });

  it('names every --set it cannot read, with what it takes, and prints no verdict', async () => {
    const bad = await runCliWith(['advise', '--answers', tempFile('a.json', ticketTriage), '--set', 'colour=red']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--set "colour=red": write FIELD=VALUE with FIELD one of monthlyCalls, model, horizonMonths');
    const unread = await runCliWith(['advise', '--answers', tempFile('a.json', ticketTriage), '--set', 'monthlyCalls=lots', '--set', 'cacheHitRate=150%']);
    expect(unread.code).toBe(2);
    expect(unread.stderr).toMatch(/--set monthlyCalls: I didn't understand "lots"/);
    expect(unread.stderr).toMatch(/--set cacheHitRate: /);
    const alone = await runCliWith(['advise', '--set', 'monthlyCalls=5M']);
    expect(alone.stderr).toContain('--set needs --answers FILE');
  });
});
