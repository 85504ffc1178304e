import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The host written in the committed HTTP-mode manifest, replaced by the admin's own. */
export const SLACK_MANIFEST_PLACEHOLDER_HOST = 'https://finetune-advisor.example.com';

const EXAMPLE = 'e.g. https://advisor.example.com';

/** A bad or missing `--url` (or a contradictory choice of options): the admin's mistake, not ours. */
export class ManifestOptionError extends Error {}

export interface SlackManifestOptions {
  /** The service's public https:// address (HTTP mode): where Slack sends /slack/events. */
  url?: string;
  /** The Socket Mode manifest instead: no URLs at all. */
  socketMode?: boolean;
  /** The folder holding manifest.yaml and manifest.socket-mode.yaml (default: manifests/slack in the package). */
  manifestDir?: string;
}

/** The manifests shipped with the advisor, found from this file so it works from the sources and dist alike. */
export function defaultSlackManifestDir(): string {
  const here = fileURLToPath(import.meta.url);
  const root = here.includes('/dist/') ? here.slice(0, here.lastIndexOf('/dist/')) : here.slice(0, here.lastIndexOf('/adapters/'));
  return `${root}/manifests/slack`;
}

/**
 * The admin's `--url` reduced to its origin (`https://host[:port]`, no trailing slash), or a
 * ManifestOptionError saying what is wrong with it.
 */
export function slackServiceOrigin(raw: string): string {
  const notHttps = `--url: "${raw}" must be an https:// address Slack can reach, ${EXAMPLE}`;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ManifestOptionError(notHttps);
  }
  if (url.protocol !== 'https:' || !url.hostname) throw new ManifestOptionError(notHttps);
  if (url.username || url.password) throw new ManifestOptionError(`--url: "${raw}" must not carry a user name or password, ${EXAMPLE}`);
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new ManifestOptionError(`--url: "${raw}" must be the service's address without a path (the manifest adds /slack/events and /slack/oauth_redirect), ${EXAMPLE}`);
  }
  return url.origin;
}

function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`The Slack manifest template ${file} could not be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/**
 * The Slack app manifest as YAML text, comments kept, ready to paste into "Create New App → From an
 * app manifest". HTTP mode (the default) needs `url`, which replaces the placeholder host in every
 * request URL; Socket Mode has no URLs. Throws ManifestOptionError for a bad or missing url.
 */
export function renderSlackManifest(options: SlackManifestOptions = {}): string {
  const dir = options.manifestDir ?? defaultSlackManifestDir();
  if (options.socketMode) {
    if (options.url !== undefined) {
      throw new ManifestOptionError('--url and --socket-mode do not go together: a Socket Mode app has no request URLs, Slack needs none');
    }
    return readTemplate(`${dir}/manifest.socket-mode.yaml`);
  }
  if (options.url === undefined || options.url.trim() === '') {
    throw new ManifestOptionError(`--url is missing: give the https:// address where Slack reaches this service, ${EXAMPLE} (or use --socket-mode, which needs no public URL)`);
  }
  const origin = slackServiceOrigin(options.url);
  const file = `${dir}/manifest.yaml`;
  const template = readTemplate(file);
  // Only the URLs (placeholder host followed by a path) change; the comments name the bare host and stay.
  const placeholderUrl = new RegExp(`${SLACK_MANIFEST_PLACEHOLDER_HOST.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/)`, 'g');
  let replaced = 0;
  const text = template.replace(placeholderUrl, () => {
    replaced += 1;
    return origin;
  });
  if (replaced === 0) throw new Error(`The Slack manifest template ${file} has no ${SLACK_MANIFEST_PLACEHOLDER_HOST}/… URLs to fill in`);
  return text;
}

/** The same manifest parsed into a plain object (what `--json` prints). */
export function slackManifestObject(options: SlackManifestOptions = {}): unknown {
  return parse(renderSlackManifest(options));
}
