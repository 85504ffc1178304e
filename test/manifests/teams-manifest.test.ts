import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { packageTeamsApp, renderTeamsManifest, TEAMS_MANIFEST_PLACEHOLDER_DOMAIN, TEAMS_MANIFEST_PLACEHOLDER_ID, teamsManifestSchemaProblems } from '../../adapters/cli/package-teams-app.js';

const teamsFile = (name: string): Buffer => readFileSync(new URL(`../../manifests/teams/${name}`, import.meta.url));
const committed = JSON.parse(teamsFile('manifest.json').toString('utf8'));
const BOT_ID = '3f2a9c4e-8b1d-4e6f-a7c2-1d5e9b0f4a63';

interface CommandList {
  scopes: string[];
  commands: Array<{ title: string; description?: string }>;
}

/** The schema check every manifest here must pass, offline, against a schema no older than v1.25. */
async function expectValid(manifest: object): Promise<void> {
  const { schemaVersion, problems } = await teamsManifestSchemaProblems(manifest);
  expect(problems).toEqual([]);
  expect(schemaVersion).toBeDefined();
  const [major, minor] = schemaVersion!.split('.').map(Number);
  expect(major! > 1 || (major === 1 && minor! >= 25)).toBe(true);
}

describe('manifests/teams/manifest.json', () => {
  it('passes the bundled schema of its manifestVersion (v1.25 or later, $schema matching)', async () => {
    expect(committed.manifestVersion).toBe('1.30');
    expect(committed.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${committed.manifestVersion}/MicrosoftTeams.schema.json`);
    await expectValid(committed);
  });

  it('would fail the schema for a broken manifest, so the check is real', async () => {
    const broken = { ...committed, name: { short: 'x'.repeat(31) }, bots: [{ ...committed.bots[0], scopes: ['Personal'] }] };
    const { problems } = await teamsManifestSchemaProblems(broken);
    expect(problems.join('\n')).toMatch(/\/name\/short must NOT have more than 30 characters/);
    expect(problems.join('\n')).toMatch(/\/bots\/0\/scopes\/0 must be equal to one of the allowed values/);
  });

  it('keeps within the limits Teams shows: short name, short description, commands per list', () => {
    expect(committed.version).toBe('0.1.0');
    expect(committed.name.short).toBe('finetune-advisor');
    expect(committed.name.short.length).toBeLessThanOrEqual(30);
    expect(committed.description.short.length).toBeLessThanOrEqual(80);
    expect(committed.description.full.length).toBeGreaterThan(0);
    for (const list of committed.bots[0].commandLists as CommandList[]) {
      expect(list.commands.length).toBeLessThanOrEqual(12);
      for (const command of list.commands) expect(command.title.length).toBeLessThanOrEqual(128);
    }
  });

  it('has one bot in exactly the personal, team and groupChat scopes, with the commands of each', () => {
    expect(committed.id).toBe(TEAMS_MANIFEST_PLACEHOLDER_ID);
    expect(committed.bots).toHaveLength(1);
    const [bot] = committed.bots;
    expect(bot.botId).toBe(TEAMS_MANIFEST_PLACEHOLDER_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    // Files: a CSV or JSONL of examples attached in a personal chat, for a prompt trial.
    expect(bot).toMatchObject({ supportsFiles: true, isNotificationOnly: false });
    const titles = (scope: string): string[] => (bot.commandLists as CommandList[]).filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
    expect(titles('personal')).toEqual(['start', 'trial', 'history', 'help']);
    expect(titles('groupChat')).toEqual(['start', 'trial', 'history', 'help']);
    expect(titles('team')).toEqual(['start', 'trial', 'history', 'help', 'subscribe', 'unsubscribe', 'subscriptions']);
    const start = (bot.commandLists as CommandList[])[0]!.commands[0]!;
    expect(start).toEqual({ title: 'start', description: 'Size up a task: prompt engineering or fine-tuning?' });
    expect(committed.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(committed.validDomains).toEqual([TEAMS_MANIFEST_PLACEHOLDER_DOMAIN]);
    expect(committed.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(committed.accentColor).toBe('#1F2937');
    expect(committed.webApplicationInfo).toBeUndefined();
  });

  it('fills in to a manifest that still passes the schema', async () => {
    const filled = JSON.parse(await renderTeamsManifest({ botId: BOT_ID, domain: 'advisor.acme.dev' }));
    await expectValid(filled);
    expect(filled.id).toBe(BOT_ID);
    expect(filled.bots[0].botId).toBe(BOT_ID);
  });

  it('packages to a zip whose manifest passes the schema', async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'teams-manifest-')), 'nested');
    const built = await packageTeamsApp({ botId: BOT_ID, domain: 'advisor.acme.dev', outDir });
    expect(built.zipPath).toBe(join(outDir, 'finetune-advisor-teams.zip'));
    expect(built.schemaVersion).toBe(committed.manifestVersion);
    await expectValid(built.manifest);
  });
});

describe('the Teams icons', () => {
  it('color.png is 192x192', () => {
    const png = PNG.sync.read(teamsFile('color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
  });

  it('outline.png is 32x32, every pixel fully transparent or opaque white, with a mark on it', () => {
    const png = PNG.sync.read(teamsFile('outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    let white = 0;
    const offenders: string[] = [];
    for (let i = 0; i < png.width * png.height; i += 1) {
      const [r, g, b, a] = png.data.subarray(i * 4, i * 4 + 4);
      if (a === 0) continue;
      if (r === 255 && g === 255 && b === 255 && a === 255) white += 1;
      else offenders.push(`(${i % png.width},${Math.floor(i / png.width)}) rgba ${r},${g},${b},${a}`);
    }
    expect(offenders).toEqual([]);
    expect(white).toBeGreaterThan(32);
    expect(white).toBeLessThan(32 * 32 - 32);
  });
});
