/** Checking a Teams manifest against Microsoft's own schema, offline (@microsoft/app-manifest bundles them). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type AppManifestModule = typeof import('@microsoft/app-manifest');

/**
 * @microsoft/app-manifest (a devDependency): undefined when it is not installed, e.g. after
 * `npm install --omit=dev`; the package is then built with the structural checks only.
 */
async function loadAppManifestPackage(): Promise<{ module: AppManifestModule; schemaRoot: string } | undefined> {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  } catch {
    return undefined;
  }
  const imported = (await import('@microsoft/app-manifest')) as AppManifestModule & { default?: AppManifestModule };
  const module = imported.AppManifestUtils ? imported : imported.default!;
  return { module, schemaRoot: join(dirname(entry), 'json-schemas', 'teams') };
}

/**
 * The problems the bundled schema for the manifest's own manifestVersion finds (empty when none),
 * read from the package's files: never fetched over the network. `schemaVersion` is undefined when
 * @microsoft/app-manifest is not installed.
 */
export async function teamsManifestSchemaProblems(manifest: object): Promise<{ schemaVersion: string | undefined; problems: string[] }> {
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) {
    return { schemaVersion: undefined, problems: [`manifestVersion: ${JSON.stringify(version)} is not a schema version like "1.30"`] };
  }
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  if (typeof schemaUrl !== 'string' || !schemaUrl.endsWith(`/teams/v${version}/MicrosoftTeams.schema.json`)) {
    return { schemaVersion: version, problems: [`$schema: ${JSON.stringify(schemaUrl)} does not name the v${version} schema of manifestVersion`] };
  }
  const pkg = await loadAppManifestPackage();
  if (!pkg) return { schemaVersion: undefined, problems: [] };
  const schemaFile = join(pkg.schemaRoot, `v${version}`, 'MicrosoftTeams.schema.json');
  let raw: string;
  try {
    raw = readFileSync(schemaFile, 'utf8');
  } catch {
    return { schemaVersion: version, problems: [`manifestVersion: "${version}" has no schema in @microsoft/app-manifest (${schemaFile})`] };
  }
  // The same clean-up the package applies before parsing its own schema files (\a and \v are not JSON escapes).
  const schema = JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  const problems = await pkg.module.AppManifestUtils.validateAgainstSchema(manifest as Parameters<typeof pkg.module.AppManifestUtils.validateAgainstSchema>[0], schema);
  return { schemaVersion: version, problems: problems.map((p) => p.trim()) };
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
