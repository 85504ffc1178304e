import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliWith } from '../../helpers/cli.js';

const catalogue = JSON.parse(readFileSync(new URL('../../../data/price-catalogue.json', import.meta.url), 'utf8'));

describe('finetune-advisor prices', () => {
  it('lists every model with its prices, whether fine-tuning is open, the date checked and the source', async () => {
    const run = await runCliWith(['prices']);
    expect(run.code).toBe(0);
    for (const model of catalogue.models) {
      expect(run.stdout).toMatch(new RegExp(`^${model.id.replace(/\./g, '\\.')}\\s.*${model.checked_on}$`, 'm'));
      expect(run.stdout).toContain(`${model.id}: ${model.source}`);
    }
    expect(run.stdout).toMatch(/^gpt-4\.1\s.*closing/m);
    expect(run.stdout).toMatch(/^claude-sonnet-4\.5\s.*\bno\b/m);
    expect(run.stdout).toMatch(/^nova-pro\s.*\byes\b/m);
  });

  it('prints the catalogue as JSON with --json', async () => {
    const run = await runCliWith(['prices', '--json']);
    expect(JSON.parse(run.stdout).models).toHaveLength(catalogue.models.length);
  });

  it('shows usage for help, and exit 2 for an unknown command or option', async () => {
    expect((await runCliWith(['--help'])).stdout).toContain('finetune-advisor advise --answers FILE');
    const unknown = await runCliWith(['decide']);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('"decide" is not a command') });
    const option = await runCliWith(['advise', '--answer', 'x.json']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--answer'");
  });
});
