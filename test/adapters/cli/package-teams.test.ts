import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { teamsManifestSchemaProblems } from '../../../adapters/cli/package-teams-app.js';
import { runCliWith } from '../../helpers/cli.js';

const BOT_ID = '3f2a9c4e-8b1d-4e6f-a7c2-1d5e9b0f4a63';
const DOMAIN = 'advisor.acme.dev';
const committedFile = (name: string): Buffer => readFileSync(new URL(`../../../manifests/teams/${name}`, import.meta.url));

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'package-teams-'));

/** Every entry of the zip at `path`: its name and its bytes, in the order stored. */
function readZip(path: string): Promise<Array<{ name: string; bytes: Buffer }>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const entries: Array<{ name: string; bytes: Buffer }> = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

describe('finetune-advisor package teams', () => {
  it('writes a flat zip of manifest.json, color.png and outline.png with the bot id and domain filled in', async () => {
    const out = join(tempDir(), 'not-yet');
    const run = await runCliWith(['package', 'teams', '--bot-id', BOT_ID, '--domain', DOMAIN, '--out', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const zipPath = join(out, 'finetune-advisor-teams.zip');
    expect(run.stdout.split('\n')[0]).toBe(zipPath);
    expect(run.stdout).toContain('Upload it in Teams: Apps → Manage your apps → Upload an app, or Teams admin center → Teams apps → Manage apps → Upload');
    expect(run.stdout).toContain(`https://${DOMAIN}/api/messages`);

    const entries = await readZip(zipPath);
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const file = (name: string): Buffer => entries.find((e) => e.name === name)!.bytes;
    expect(file('color.png').equals(committedFile('color.png'))).toBe(true);
    expect(file('outline.png').equals(committedFile('outline.png'))).toBe(true);

    const manifest = JSON.parse(file('manifest.json').toString('utf8'));
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual([DOMAIN]);
    expect(manifest.developer).toMatchObject({
      websiteUrl: `https://${DOMAIN}/`,
      privacyUrl: `https://${DOMAIN}/privacy`,
      termsOfUseUrl: `https://${DOMAIN}/terms`,
    });
    expect(JSON.stringify(manifest)).not.toContain('finetune-advisor.example.com');
    expect(JSON.stringify(manifest)).not.toContain('00000000-0000-0000-0000-000000000000');
    expect(await teamsManifestSchemaProblems(manifest)).toEqual({ schemaVersion: manifest.manifestVersion, problems: [] });

    // Everything else is the committed manifest as it is.
    const committed = JSON.parse(committedFile('manifest.json').toString('utf8'));
    expect({ ...manifest, id: 0, bots: [{ ...manifest.bots[0], botId: 0 }], developer: 0, validDomains: 0 }).toEqual({
      ...committed,
      id: 0,
      bots: [{ ...committed.bots[0], botId: 0 }],
      developer: 0,
      validDomains: 0,
    });
  });

  it('replaces a zip already there', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'finetune-advisor-teams.zip'), 'old');
    const run = await runCliWith(['package', 'teams', '--bot-id', BOT_ID.toUpperCase(), '--domain', DOMAIN, '--out', out]);
    expect(run.code).toBe(0);
    const entries = await readZip(join(out, 'finetune-advisor-teams.zip'));
    expect(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.bytes.toString('utf8')).id).toBe(BOT_ID);
  });

  it.each([
    [['--bot-id', 'my-bot', '--domain', DOMAIN], /--bot-id: "my-bot" is not an app id; use the Microsoft App ID \(a GUID\) of your Azure Bot registration/],
    [['--domain', DOMAIN], /--bot-id is missing/],
    [['--bot-id', '00000000-0000-0000-0000-000000000000', '--domain', DOMAIN], /--bot-id: .* placeholder/],
    [['--bot-id', BOT_ID], /--domain is missing/],
    [['--bot-id', BOT_ID, '--domain', 'https://advisor.acme.dev'], /--domain: "https:\/\/advisor\.acme\.dev" must be a bare host name/],
    [['--bot-id', BOT_ID, '--domain', 'advisor.acme.dev/api/messages'], /--domain: .* bare host name/],
    [['--bot-id', BOT_ID, '--domain', 'advisor.acme.dev:8443'], /--domain: .* without a port/],
    [['--bot-id', BOT_ID, '--domain', 'localhost'], /--domain: "localhost" is not a host name/],
    [['--bot-id', BOT_ID, '--domain', '10.0.0.7'], /--domain: .* IP address/],
    [['--bot-id', BOT_ID, '--domain', 'bad_host.example.com'], /--domain: .* not a host name/],
    [['--bot-id', BOT_ID, '--domain', DOMAIN, '--url', 'https://x.example.com'], /--url: not for package teams/],
  ])('exits 2 naming the option for %j, and writes nothing', async (args, message) => {
    const out = tempDir();
    const run = await runCliWith(['package', 'teams', ...args, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(out, 'finetune-advisor-teams.zip'))).toBe(false);
  });

  it('names both problems when both options are wrong', async () => {
    const run = await runCliWith(['package', 'teams', '--bot-id', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--bot-id: "x" is not an app id/);
    expect(run.stderr).toMatch(/--domain is missing/);
  });

  it('exits 2 for a missing or unknown target', async () => {
    const missing = await runCliWith(['package']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/package needs a target: one of teams/);
    const unknown = await runCliWith(['package', 'slack', '--bot-id', BOT_ID, '--domain', DOMAIN]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"slack" is not a package target; the targets are teams');
  });
});

describe('finetune-advisor manifest teams', () => {
  it('prints the filled manifest as JSON that passes the schema', async () => {
    const run = await runCliWith(['manifest', 'teams', '--bot-id', BOT_ID, '--domain', DOMAIN]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const manifest = JSON.parse(run.stdout);
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual([DOMAIN]);
    expect(manifest.developer.privacyUrl).toBe(`https://${DOMAIN}/privacy`);
    expect((await teamsManifestSchemaProblems(manifest)).problems).toEqual([]);
    const json = await runCliWith(['manifest', 'teams', '--bot-id', BOT_ID, '--domain', DOMAIN, '--json']);
    expect(json).toEqual(run);
  });

  it.each([
    [['--domain', DOMAIN], /--bot-id is missing/],
    [['--bot-id', 'abc', '--domain', DOMAIN], /--bot-id: "abc" is not an app id/],
    [['--bot-id', BOT_ID], /--domain is missing/],
    [['--bot-id', BOT_ID, '--domain', DOMAIN, '--out', '/tmp'], /--out: not for manifest teams/],
    [['--bot-id', BOT_ID, '--domain', DOMAIN, '--socket-mode'], /--socket-mode: not for manifest teams/],
  ])('exits 2 naming the option for %j', async (args, message) => {
    const run = await runCliWith(['manifest', 'teams', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('is a manifest target and, with package teams, in --help', async () => {
    const unknown = await runCliWith(['manifest', 'nope']);
    expect(unknown.stderr).toContain('the targets are slack, teams');
    const slackWithTeamsOption = await runCliWith(['manifest', 'slack', '--socket-mode', '--bot-id', BOT_ID]);
    expect(slackWithTeamsOption.code).toBe(2);
    expect(slackWithTeamsOption.stderr).toMatch(/--bot-id: not for manifest slack/);
    const help = await runCliWith(['--help']);
    expect(help.stdout).toContain('finetune-advisor manifest teams --bot-id APP_ID --domain HOST');
    expect(help.stdout).toContain('finetune-advisor package teams --bot-id APP_ID --domain HOST [--out DIR]');
  });
});
