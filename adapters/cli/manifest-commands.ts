import type { CliIo } from './cli-io.js';
import { BadInput } from './bad-input.js';
import { packageTeamsApp, renderTeamsManifest } from './package-teams-app.js';
import { ManifestOptionError, renderSlackManifest, slackManifestObject } from './render-slack-manifest.js';

/** The platforms `manifest` can print an app manifest for; `manifest TARGET` dispatches on these. */
const MANIFEST_TARGETS = ['slack', 'teams'] as const;

/** The platforms `package` can build an app package for; `package TARGET` dispatches on these. */
const PACKAGE_TARGETS = ['teams'] as const;

export interface ManifestValues {
  url?: string;
  'socket-mode'?: boolean;
  json?: boolean;
  'bot-id'?: string;
  domain?: string;
  out?: string;
}

/** Options that belong to another target (or command) than the one asked for: named, so nothing is silently ignored. */
function rejectOptions(values: ManifestValues, names: Array<keyof ManifestValues>, what: string, why: string): void {
  const given = names.filter((n) => values[n] !== undefined && values[n] !== false).map((n) => `--${n}`);
  if (given.length > 0) throw new BadInput([`${given.join(', ')}: not for ${what}; ${why}`]);
}

/** The Teams option errors (bad --bot-id, --domain, --out) become exit 2; anything else is our bug and propagates. */
async function teamsOptions<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ManifestOptionError) throw new BadInput([err.message]);
    throw err;
  }
}

export async function printManifest(args: string[], values: ManifestValues, io: CliIo): Promise<void> {
  const [target, ...extra] = args;
  const targets = MANIFEST_TARGETS.join(', ');
  if (target === undefined) {
    throw new BadInput([`manifest needs a target: one of ${targets}, e.g. manifest slack --url https://advisor.example.com or manifest teams --bot-id <app id> --domain advisor.example.com`]);
  }
  if (extra.length > 0) throw new BadInput([`manifest ${target}: unexpected "${extra.join(' ')}" (see --help)`]);
  switch (target) {
    case 'slack': {
      rejectOptions(values, ['bot-id', 'domain', 'out'], 'manifest slack', 'Slack needs --url (or --socket-mode)');
      const options = { ...(values.url !== undefined ? { url: values.url } : {}), socketMode: values['socket-mode'] === true };
      try {
        io.stdout.write(values.json ? `${JSON.stringify(slackManifestObject(options), null, 2)}\n` : renderSlackManifest(options));
      } catch (err) {
        if (err instanceof ManifestOptionError) throw new BadInput([err.message]);
        throw err;
      }
      return;
    }
    case 'teams': {
      rejectOptions(values, ['url', 'socket-mode', 'out'], 'manifest teams', 'Teams needs --bot-id and --domain (package teams takes --out)');
      // The Teams manifest is JSON already: --json changes nothing.
      io.stdout.write(await teamsOptions(() => renderTeamsManifest({ botId: values['bot-id'], domain: values.domain })));
      return;
    }
    default:
      throw new BadInput([`"${target}" is not a manifest target; the targets are ${targets}`]);
  }
}

export async function buildPackage(args: string[], values: ManifestValues, io: CliIo): Promise<void> {
  const [target, ...extra] = args;
  const targets = PACKAGE_TARGETS.join(', ');
  if (target === undefined) {
    throw new BadInput([`package needs a target: one of ${targets}, e.g. package teams --bot-id <app id> --domain advisor.example.com`]);
  }
  if (extra.length > 0) throw new BadInput([`package ${target}: unexpected "${extra.join(' ')}" (see --help)`]);
  switch (target) {
    case 'teams': {
      rejectOptions(values, ['url', 'socket-mode', 'json'], 'package teams', 'Teams needs --bot-id and --domain, and --out for the folder');
      const built = await teamsOptions(() => packageTeamsApp({ botId: values['bot-id'] ?? '', domain: values.domain, ...(values.out !== undefined ? { outDir: values.out } : {}) }));
      const manifest = built.manifest as { id?: string; validDomains?: string[] };
      io.stdout.write(
        [
          built.zipPath,
          '',
          `The Teams app package for bot ${String(manifest.id)} at https://${String(manifest.validDomains?.[0])}/api/messages` +
            (built.schemaVersion ? ` (manifest v${built.schemaVersion}, checked against its schema).` : ' (not checked against the manifest schema: @microsoft/app-manifest is not installed).'),
          'Upload it in Teams: Apps → Manage your apps → Upload an app, or Teams admin center → Teams apps → Manage apps → Upload',
          '',
        ].join('\n'),
      );
      return;
    }
    default:
      throw new BadInput([`"${target}" is not a package target; the targets are ${targets}`]);
  }
}
