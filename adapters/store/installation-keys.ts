import type { Installation, InstallationQuery } from '@slack/bolt';

/** Which row an installation or a query is about: the org for org-wide installs, else the workspace. */
export interface Key {
  id: string;
  /** How a message names it, never with a token. */
  label: string;
}

export function keyOfInstallation(installation: Installation): Key {
  if (installation.isEnterpriseInstall) {
    const id = installation.enterprise?.id;
    if (!id) throw new Error('cannot store an org-wide Slack installation without an enterprise id');
    return { id, label: `enterprise ${id}` };
  }
  const id = installation.team?.id;
  if (!id) throw new Error('cannot store a Slack installation without a team id');
  return { id, label: `team ${id}` };
}

export function keyOfQuery(query: InstallationQuery<boolean>): Key {
  if (query.isEnterpriseInstall && query.enterpriseId) return { id: query.enterpriseId, label: `enterprise ${query.enterpriseId} (org-wide)` };
  if (query.teamId) return { id: query.teamId, label: `team ${query.teamId}` };
  if (query.enterpriseId) return { id: query.enterpriseId, label: `enterprise ${query.enterpriseId}` };
  throw new Error('a Slack installation query needs a team id or an enterprise id');
}

/** An installation read back; a damaged row is named by its key, never quoted (it holds tokens). */
export function parseInstallation(key: Key, data: string): Installation<'v1' | 'v2', boolean> {
  try {
    return JSON.parse(data) as Installation<'v1' | 'v2', boolean>;
  } catch {
    // The parser's message could quote the stored text, tokens and all: say only where.
    throw new Error(`the stored installation for ${key.label} is damaged (not valid JSON): reinstall the app there`);
  }
}
