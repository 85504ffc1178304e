import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCliWith } from '../../helpers/cli.js';

const template = (name: string): string => readFileSync(new URL(`../../../manifests/slack/${name}`, import.meta.url), 'utf8');
const schema = JSON.parse(readFileSync(new URL('../../fixtures/slack-app-manifest.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

function expectValidManifest(manifest: unknown): void {
  const ok = validate(manifest);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('finetune-advisor manifest slack --url', () => {
  it('prints the YAML manifest with the given host in every URL, and nothing else changed', async () => {
    const run = await runCliWith(['manifest', 'slack', '--url', 'https://advisor.acme.dev']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(template('manifest.yaml').replaceAll('https://finetune-advisor.example.com/', 'https://advisor.acme.dev/'));
    const manifest = parse(run.stdout);
    expectValidManifest(manifest);
    expect(manifest.features.slash_commands[0].url).toBe('https://advisor.acme.dev/slack/events');
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://advisor.acme.dev/slack/events');
    expect(manifest.settings.interactivity.request_url).toBe('https://advisor.acme.dev/slack/events');
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://advisor.acme.dev/slack/oauth_redirect']);
    expect(run.stdout).not.toMatch(/finetune-advisor\.example\.com\//);
  });

  it('drops a trailing slash', async () => {
    const bare = await runCliWith(['manifest', 'slack', '--url', 'https://advisor.acme.dev']);
    const slashed = await runCliWith(['manifest', 'slack', '--url', 'https://advisor.acme.dev/']);
    expect(slashed).toEqual(bare);
  });

  it('prints JSON with --json, which passes the schema and matches the YAML', async () => {
    const yaml = await runCliWith(['manifest', 'slack', '--url', 'https://advisor.acme.dev']);
    const json = await runCliWith(['manifest', 'slack', '--url', 'https://advisor.acme.dev', '--json']);
    expect(json.code).toBe(0);
    const manifest = JSON.parse(json.stdout);
    expectValidManifest(manifest);
    expect(manifest).toEqual(parse(yaml.stdout));
  });

  it.each([
    [['--url', 'http://x'], /--url: "http:\/\/x" must be an https:\/\/ address Slack can reach, e\.g\. https:\/\/advisor\.example\.com/],
    [['--url', 'https://advisor.acme.dev/slack/events'], /--url: .* without a path/],
    [[], /--url is missing/],
    [['--json'], /--url is missing/],
    [['--socket-mode', '--url', 'https://advisor.acme.dev'], /--url and --socket-mode/],
  ])('exits 2 naming --url for manifest slack %j', async (args, message) => {
    const run = await runCliWith(['manifest', 'slack', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});

describe('finetune-advisor manifest slack --socket-mode', () => {
  it('prints the Socket Mode manifest as it is committed', async () => {
    const run = await runCliWith(['manifest', 'slack', '--socket-mode']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(template('manifest.socket-mode.yaml'));
    const manifest = parse(run.stdout);
    expectValidManifest(manifest);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(run.stdout).not.toMatch(/^[^#]*https?:\/\//m);
  });

  it('prints it as JSON with --json', async () => {
    const run = await runCliWith(['manifest', 'slack', '--socket-mode', '--json']);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout);
    expectValidManifest(manifest);
    expect(manifest).toEqual(parse(template('manifest.socket-mode.yaml')));
  });
});

describe('finetune-advisor manifest TARGET', () => {
  it('exits 2 naming the targets for an unknown or missing target', async () => {
    const unknown = await runCliWith(['manifest', 'nope']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('"nope" is not a manifest target; the targets are slack');
    const missing = await runCliWith(['manifest']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/manifest needs a target: one of slack/);
    const extra = await runCliWith(['manifest', 'slack', 'now', '--socket-mode']);
    expect(extra.code).toBe(2);
  });

  it('is listed in --help', async () => {
    const help = await runCliWith(['--help']);
    expect(help.stdout).toContain('finetune-advisor manifest slack --url https://HOST');
    expect(help.stdout).toContain('finetune-advisor manifest slack --socket-mode');
  });
});
