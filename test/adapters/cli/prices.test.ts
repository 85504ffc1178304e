import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliWith } from '../../helpers/cli.js';

const catalogue = JSON.parse(readFileSync(new URL('../../../data/price-catalogue.json', import.meta.url), 'utf8'));

describe('finetune-advisor prices', () => {
  it('lists every model still in use with its prices, lifecycle dates, whether fine-tuning is open, the source and the date checked', async () => {
    const run = await runCliWith(['prices', '--as-of', '2026-11-23']);
    expect(run.code).toBe(0);
    const gone = ['gpt-4.1-nano', 'o4-mini'];
    for (const model of catalogue.models.filter((m: { id: string }) => !gone.includes(m.id))) {
      expect(run.stdout).toMatch(new RegExp(`^${model.id.replace(/\./g, '\\.')}\\s.*${model.checked_on}$`, 'm'));
      expect(run.stdout).toContain(`${model.id}: ${model.source}`);
    }
    // Shut down on 2026-10-23: not listed, and counted.
    expect(run.stdout).not.toMatch(/^gpt-4\.1-nano\s/m);
    expect(run.stdout).toContain('2 models shut down by 2026-11-23 are not listed.');
    // Retires, tuning until, tuned models stop, fine-tune: OpenAI's wind-down, known since 2026-05-07.
    expect(run.stdout).toMatch(/^gpt-4\.1\s.*2027-01-14\s+2027-01-06\s+2027-01-14\s+closing/m);
    expect(run.stdout).toMatch(/^claude-sonnet-4\.5\s.*\bno\b/m);
    expect(run.stdout).toMatch(/^nova-pro\s.*\byes\b/m);
    expect(run.stdout).toMatch(/^gpt-5\s.*secondary\*/m);
  });

  it('reads the catalogue as it was known on an earlier date: no wind-down before it was announced', async () => {
    const run = await runCliWith(['prices', '--as-of', '2026-03-01']);
    expect(run.stdout).toMatch(/^gpt-4\.1-nano\s/m);
    expect(run.stdout).toMatch(/^gpt-4\.1\s.*—\s+—\s+—\s+yes/m);
    expect(run.stdout).not.toContain('shut down by');
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
