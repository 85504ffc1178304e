import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { ManifestOptionError } from './render-slack-manifest.js';

/** The app id and bot id written in the committed manifest, replaced by the Azure Bot's Microsoft App ID. */
export const TEAMS_MANIFEST_PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
/** The service's host written in the committed manifest (URLs and validDomains), replaced by `--domain`. */
export const TEAMS_MANIFEST_PLACEHOLDER_DOMAIN = 'finetune-advisor.example.com';
/** The file `package teams` writes. */
export const TEAMS_APP_ZIP_NAME = 'finetune-advisor-teams.zip';
/** The icon files next to manifest.json, copied into the zip as they are committed. */
export const TEAMS_ICON_FILES = { color: { file: 'color.png', size: 192 }, outline: { file: 'outline.png', size: 32 } } as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DOMAIN_EXAMPLE = 'e.g. --domain advisor.example.com';

/** A bad or missing `--bot-id` or `--domain`: the admin's mistake, not ours (the CLI exits 2). */
export class TeamsAppOptionError extends ManifestOptionError {}

export interface TeamsManifestOptions {
  /** The Microsoft App ID (a GUID) of the Azure Bot registration: becomes the app id and the bot id. */
  botId?: string;
  /** The service's public host name, no scheme or path: Teams reaches https://DOMAIN/api/messages. */
  domain?: string;
  /** The folder holding manifest.json, color.png and outline.png (default: manifests/teams in the package). */
  manifestDir?: string;
}

export interface TeamsPackageOptions extends TeamsManifestOptions {
  botId: string;
  /** Where the zip goes (default: the current directory); created if missing. */
  outDir?: string;
}

export interface TeamsPackage {
  /** The absolute path of the zip written. */
  zipPath: string;
  /** The manifest inside it. */
  manifest: object;
  /** The schema version it was checked against, or undefined when @microsoft/app-manifest is not installed. */
  schemaVersion: string | undefined;
}

/** The manifest and icons shipped with the advisor, found from this file so it works from the sources and dist alike. */
export function defaultTeamsManifestDir(): string {
  const here = fileURLToPath(import.meta.url);
  const root = here.includes('/dist/') ? here.slice(0, here.lastIndexOf('/dist/')) : here.slice(0, here.lastIndexOf('/adapters/'));
  return `${root}/manifests/teams`;
}

/** The admin's `--bot-id` as a lower-case GUID, or a TeamsAppOptionError saying what is wrong with it. */
export function teamsBotId(raw: string | undefined): string {
  const use = 'use the Microsoft App ID (a GUID) of your Azure Bot registration';
  if (raw === undefined || raw.trim() === '') {
    throw new TeamsAppOptionError(`--bot-id is missing: ${use} (Azure portal → your Azure Bot → Configuration → Microsoft App ID)`);
  }
  const id = raw.trim();
  if (!GUID.test(id)) throw new TeamsAppOptionError(`--bot-id: "${raw}" is not an app id; ${use}`);
  if (id === TEAMS_MANIFEST_PLACEHOLDER_ID) throw new TeamsAppOptionError(`--bot-id: "${raw}" is the manifest's placeholder; ${use}`);
  return id.toLowerCase();
}

/** The admin's `--domain` as a lower-case bare host name, or a TeamsAppOptionError saying what is wrong with it. */
export function teamsDomain(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') {
    throw new TeamsAppOptionError(`--domain is missing: give the host name where Teams reaches this service (https://HOST/api/messages), ${DOMAIN_EXAMPLE}`);
  }
  const host = raw.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host) || host.includes('/')) {
    throw new TeamsAppOptionError(`--domain: "${raw}" must be a bare host name, without https:// or a path, ${DOMAIN_EXAMPLE}`);
  }
  if (host.includes(':')) throw new TeamsAppOptionError(`--domain: "${raw}" must be a bare host name without a port (Teams calls https on 443), ${DOMAIN_EXAMPLE}`);
  const labels = host.split('.');
  if (host.length > 253 || labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l))) {
    throw new TeamsAppOptionError(`--domain: "${raw}" is not a host name Teams can reach, ${DOMAIN_EXAMPLE}`);
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) {
    throw new TeamsAppOptionError(`--domain: "${raw}" is an IP address; Teams needs a host name with a TLS certificate, ${DOMAIN_EXAMPLE}`);
  }
  if (host === TEAMS_MANIFEST_PLACEHOLDER_DOMAIN) {
    throw new TeamsAppOptionError(`--domain: "${raw}" is the manifest's placeholder; give your service's own host name, ${DOMAIN_EXAMPLE}`);
  }
  return host;
}

function readTemplateFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`The Teams app file ${file} could not be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** Every string of `value` with the placeholder host replaced, in URLs (https://HOST/…) and as a whole (validDomains). */
function replaceDomain(value: unknown, domain: string): unknown {
  if (typeof value === 'string') {
    if (value === TEAMS_MANIFEST_PLACEHOLDER_DOMAIN) return domain;
    const prefix = `https://${TEAMS_MANIFEST_PLACEHOLDER_DOMAIN}`;
    if (value === prefix || value.startsWith(`${prefix}/`)) return `https://${domain}${value.slice(prefix.length)}`;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => replaceDomain(v, domain));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceDomain(v, domain)]));
  }
  return value;
}

interface TeamsManifestShape {
  manifestVersion?: unknown;
  id?: unknown;
  bots?: Array<{ botId?: unknown }>;
  [key: string]: unknown;
}

/** The committed manifest with the bot id and the domain filled in (not yet checked against the schema). */
export function fillTeamsManifest(options: TeamsManifestOptions): TeamsManifestShape {
  // Both options checked before either complaint, so the admin sees every problem at once.
  const problems: string[] = [];
  const checked = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (err) {
      if (!(err instanceof TeamsAppOptionError)) throw err;
      problems.push(err.message);
      return undefined;
    }
  };
  const botId = checked(() => teamsBotId(options.botId));
  const domain = checked(() => teamsDomain(options.domain));
  if (botId === undefined || domain === undefined) throw new TeamsAppOptionError(problems.join('\n'));
  const file = `${options.manifestDir ?? defaultTeamsManifestDir()}/manifest.json`;
  let template: TeamsManifestShape;
  try {
    template = JSON.parse(readTemplateFile(file).toString('utf8')) as TeamsManifestShape;
  } catch (err) {
    if (err instanceof SyntaxError) throw new Error(`The Teams manifest template ${file} is not valid JSON (${err.message})`);
    throw err;
  }
  const bot = template.bots?.[0];
  if (template.id !== TEAMS_MANIFEST_PLACEHOLDER_ID || bot?.botId !== TEAMS_MANIFEST_PLACEHOLDER_ID) {
    throw new Error(`The Teams manifest template ${file} has no placeholder id ${TEAMS_MANIFEST_PLACEHOLDER_ID} in id and bots[0].botId to fill in`);
  }
  if (!JSON.stringify(template).includes(TEAMS_MANIFEST_PLACEHOLDER_DOMAIN)) {
    throw new Error(`The Teams manifest template ${file} has no ${TEAMS_MANIFEST_PLACEHOLDER_DOMAIN} to fill in`);
  }
  const filled = replaceDomain(template, domain) as TeamsManifestShape;
  filled.id = botId;
  filled.bots = [{ ...filled.bots![0], botId }, ...filled.bots!.slice(1)];
  return filled;
}

export { teamsManifestSchemaProblems } from './teams-manifest-schema.js';
import { teamsManifestSchemaProblems } from './teams-manifest-schema.js';

export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function checkedManifest(options: TeamsManifestOptions): Promise<{ manifest: TeamsManifestShape; schemaVersion: string | undefined }> {
  const manifest = fillTeamsManifest(options);
  const { schemaVersion, problems } = await teamsManifestSchemaProblems(manifest);
  if (problems.length > 0) {
    throw new Error([`The Teams manifest does not pass the v${String(manifest.manifestVersion)} schema:`, ...problems.map((p) => `  ${p}`)].join('\n'));
  }
  return { manifest, schemaVersion };
}

/**
 * The Teams app manifest as JSON text, with the bot id and domain filled in and checked against the
 * bundled schema (what `manifest teams` prints). Throws TeamsAppOptionError for a bad or missing
 * --bot-id or --domain, and an Error with one line per problem when the result fails the schema.
 */
export async function renderTeamsManifest(options: TeamsManifestOptions): Promise<string> {
  const { manifest } = await checkedManifest(options);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function zipBuffer(entries: ReadonlyArray<[name: string, bytes: Buffer]>): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolvePromise(Buffer.concat(chunks)));
    zip.end();
  });
}

/**
 * Builds the Teams app package: a flat zip of manifest.json (bot id and domain filled in, checked
 * against the bundled schema for its manifestVersion) and the committed color.png and outline.png,
 * written as finetune-advisor-teams.zip into `outDir` (default: the current directory).
 */
export async function packageTeamsApp(options: TeamsPackageOptions): Promise<TeamsPackage> {
  const dir = options.manifestDir ?? defaultTeamsManifestDir();
  const { manifest, schemaVersion } = await checkedManifest({ ...options, manifestDir: dir });
  const icons = manifest.icons as { color?: unknown; outline?: unknown } | undefined;
  const entries: Array<[string, Buffer]> = [['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]];
  for (const [key, { file, size }] of Object.entries(TEAMS_ICON_FILES)) {
    if (icons?.[key as keyof typeof TEAMS_ICON_FILES] !== file) throw new Error(`The Teams manifest's icons.${key} must be "${file}"`);
    const bytes = readTemplateFile(`${dir}/${file}`);
    const found = pngSize(bytes);
    if (!found || found.width !== size || found.height !== size) {
      throw new Error(`The Teams icon ${dir}/${file} must be a ${size}x${size} PNG${found ? `, not ${found.width}x${found.height}` : ''}`);
    }
    entries.push([file, bytes]);
  }
  const outDir = resolve(options.outDir ?? '.');
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    throw new TeamsAppOptionError(`--out: cannot create the folder ${outDir} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const zipPath = join(outDir, TEAMS_APP_ZIP_NAME);
  const partial = `${zipPath}.${process.pid}.partial`;
  try {
    await writeFile(partial, await zipBuffer(entries));
    renameSync(partial, zipPath);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new TeamsAppOptionError(`--out: cannot write ${zipPath} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return { zipPath, manifest, schemaVersion };
}
