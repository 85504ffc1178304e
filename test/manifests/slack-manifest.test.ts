import { readFileSync } from 'node:fs';
import type { webApi } from '@slack/bolt';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_MANIFEST_PLACEHOLDER_HOST, renderSlackManifest, slackManifestObject } from '../../adapters/cli/render-slack-manifest.js';

/** Slack's own manifest type, from @slack/web-api (re-exported by Bolt): it names every valid scope and event. */
type Manifest = webApi.AppsManifestCreateArguments['manifest'];
type BotScope = NonNullable<NonNullable<NonNullable<Manifest['oauth_config']>['scopes']>['bot']>[number];
type BotEvent = NonNullable<NonNullable<NonNullable<Manifest['settings']>['event_subscriptions']>['bot_events']>[number];

// Compile-time: a misspelt or invented scope or event name here fails `tsc`; at run time the
// manifests must hold exactly these lists, so the YAML is held to Slack's unions through them.
const BOT_SCOPES = ['commands', 'chat:write', 'channels:history', 'groups:history', 'im:history', 'im:write', 'files:read', 'files:write'] as const satisfies readonly BotScope[];
const BOT_EVENTS = ['message.channels', 'message.groups', 'message.im', 'app_uninstalled', 'tokens_revoked'] as const satisfies readonly BotEvent[];
// What the app must NOT ask for: it DMs rather than posting where it is not a member, and never reads users or mentions.
const NOT_NEEDED: readonly BotScope[] = ['chat:write.public', 'app_mentions:read', 'users:read', 'channels:read', 'groups:read', 'im:read'];

const manifestDir = new URL('../../manifests/slack/', import.meta.url);
const readYaml = (name: string): unknown => parse(readFileSync(new URL(name, manifestDir), 'utf8'));
const schema = JSON.parse(readFileSync(new URL('../fixtures/slack-app-manifest.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

/** Runtime check against Slack's published JSON schema, after which the value may be used as Slack's `Manifest` type. */
function assertValidManifest(value: unknown): asserts value is Manifest {
  if (!validate(value)) throw new Error(`not a valid Slack app manifest:\n${JSON.stringify(validate.errors, null, 2)}`);
}

/** Every string in the manifest that looks like a URL, with where it sits. */
function urlsIn(value: unknown, path = ''): { path: string; url: string }[] {
  if (typeof value === 'string') return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? [{ path, url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => urlsIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urlsIn(v, path ? `${path}.${k}` : k));
  return [];
}

function withoutUrls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUrls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['url', 'request_url', 'redirect_urls'].includes(k))
        .map(([k, v]) => [k, withoutUrls(v)]),
    );
  }
  return value;
}

const http = readYaml('manifest.yaml');
const socket = readYaml('manifest.socket-mode.yaml');

describe.each([
  ['manifest.yaml', http],
  ['manifest.socket-mode.yaml', socket],
])('manifests/slack/%s', (_name, manifest) => {
  it("passes Slack's published manifest schema", () => {
    assertValidManifest(manifest);
  });

  it('asks for exactly the bot scopes the app uses, and subscribes to exactly its events', () => {
    assertValidManifest(manifest);
    expect(manifest.oauth_config?.scopes?.bot).toEqual([...BOT_SCOPES]);
    expect(manifest.oauth_config?.scopes?.user).toBeUndefined();
    for (const scope of NOT_NEEDED) expect(manifest.oauth_config?.scopes?.bot).not.toContain(scope);
    expect(manifest.settings?.event_subscriptions?.bot_events).toEqual([...BOT_EVENTS]);
    expect(manifest.settings?.event_subscriptions?.user_events).toBeUndefined();
  });

  it('describes the app, its bot user and the /finetune-advisor command', () => {
    assertValidManifest(manifest);
    const info = manifest.display_information;
    expect(info.name).toBe('finetune-advisor');
    expect(info.description?.length).toBeLessThanOrEqual(140);
    expect(info.long_description?.length).toBeGreaterThanOrEqual(175);
    expect(info.long_description?.length).toBeLessThanOrEqual(4000);
    // The schema spells this check as a non-standard "regex" keyword, which Ajv skips.
    expect(info.background_color).toBe('#1f2937');
    expect(manifest.features?.bot_user).toEqual({ display_name: 'finetune-advisor', always_online: true });
    const commands = manifest.features?.slash_commands ?? [];
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({
      command: '/finetune-advisor',
      usage_hint: '[task, e.g. classify 50k tickets a day] | trial | history | help',
      should_escape: false,
    });
    expect(commands[0]?.description).toBeTruthy();
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
    expect(manifest.settings).toMatchObject({ org_deploy_enabled: false, token_rotation_enabled: false });
  });
});

describe('the HTTP-mode manifest', () => {
  it('sends every request to /slack/events and OAuth to /slack/oauth_redirect, all on the one placeholder host', () => {
    assertValidManifest(http);
    expect(http.settings?.socket_mode_enabled).toBe(false);
    expect(http.features?.slash_commands?.[0]?.url).toBe(`${SLACK_MANIFEST_PLACEHOLDER_HOST}/slack/events`);
    expect(http.settings?.event_subscriptions?.request_url).toBe(`${SLACK_MANIFEST_PLACEHOLDER_HOST}/slack/events`);
    expect(http.settings?.interactivity?.request_url).toBe(`${SLACK_MANIFEST_PLACEHOLDER_HOST}/slack/events`);
    expect(http.oauth_config?.redirect_urls).toEqual([`${SLACK_MANIFEST_PLACEHOLDER_HOST}/slack/oauth_redirect`]);
    const urls = urlsIn(http);
    expect(urls).toHaveLength(4);
    for (const { path, url } of urls) {
      const parsed = new URL(url);
      expect(parsed.origin, path).toBe(SLACK_MANIFEST_PLACEHOLDER_HOST);
      expect(['/slack/events', '/slack/oauth_redirect'], path).toContain(parsed.pathname);
    }
  });

  it('says at the top how to fill in the host', () => {
    expect(readFileSync(new URL('manifest.yaml', manifestDir), 'utf8')).toMatch(/^#.*\n(#.*\n)*#.*finetune-advisor manifest slack --url https:\/\/your-host/);
  });
});

describe('the Socket Mode manifest', () => {
  it('has no URLs at all and turns Socket Mode on', () => {
    assertValidManifest(socket);
    expect(urlsIn(socket)).toEqual([]);
    expect(socket.settings?.socket_mode_enabled).toBe(true);
    expect(socket.settings?.interactivity).toEqual({ is_enabled: true });
    expect(socket.oauth_config?.redirect_urls).toBeUndefined();
  });

  it('differs from the HTTP one only in its URLs and socket_mode_enabled', () => {
    const expected = withoutUrls(http) as { settings: Record<string, unknown> };
    expected.settings.socket_mode_enabled = true;
    expect(socket).toEqual(expected);
  });
});

describe('renderSlackManifest', () => {
  it("fills in the admin's host, keeps the comments, and validates", () => {
    const text = renderSlackManifest({ url: 'https://advisor.acme.dev/' });
    expect(text).not.toContain(`${SLACK_MANIFEST_PLACEHOLDER_HOST}/`);
    expect(text).toContain('# Slack app manifest for finetune-advisor');
    const manifest = slackManifestObject({ url: 'https://Advisor.Acme.dev:8443' });
    assertValidManifest(manifest);
    expect(urlsIn(manifest).map((u) => new URL(u.url).origin)).toEqual(Array(4).fill('https://advisor.acme.dev:8443'));
  });

  it.each([
    ['http://x', 'must be an https:// address'],
    ['advisor.acme.dev', 'must be an https:// address'],
    ['https://', 'must be an https:// address'],
    ['https://advisor.acme.dev/slack/events', 'without a path'],
    ['https://advisor.acme.dev/?a=1', 'without a path'],
    ['https://me:pw@advisor.acme.dev', 'user name or password'],
  ])('rejects --url %s', (url, problem) => {
    expect(() => renderSlackManifest({ url })).toThrow(problem);
    expect(() => renderSlackManifest({ url })).toThrow(`--url: "${url}"`);
  });

  it('needs a url in HTTP mode, none in Socket Mode', () => {
    expect(() => renderSlackManifest({})).toThrow(/--url is missing/);
    expect(() => renderSlackManifest({ socketMode: true, url: 'https://advisor.acme.dev' })).toThrow(/--url and --socket-mode/);
    expect(renderSlackManifest({ socketMode: true })).toBe(readFileSync(new URL('manifest.socket-mode.yaml', manifestDir), 'utf8'));
  });
});
