import { describe, expect, it } from 'vitest';
import type { Installation } from '@slack/bolt';
import { tellPostgresSkipped } from '../../helpers/postgres.js';
import { BACKENDS } from './backends.js';

/** An installation in one workspace, as Bolt hands it over after OAuth. */
function workspaceInstall(teamId: string, botToken = `xoxb-${teamId}-secret`): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { token: undefined, scopes: undefined, id: 'U1' },
    bot: { token: botToken, scopes: ['chat:write', 'commands'], id: 'B1', userId: 'UB1' },
    appId: 'A1',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

/** An org-wide installation across an Enterprise Grid org. */
function orgInstall(enterpriseId: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Grid Org' },
    user: { token: undefined, scopes: undefined, id: 'U2' },
    bot: { token: `xoxb-${enterpriseId}-secret`, scopes: ['chat:write'], id: 'B2', userId: 'UB2' },
    appId: 'A1',
    tokenType: 'bot',
    enterpriseUrl: 'https://grid.enterprise.slack.com/',
    isEnterpriseInstall: true,
    authVersion: 'v2',
  };
}

tellPostgresSkipped();

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`the Slack installation store on ${backend.name}`, () => {
    async function freshStore() {
      const db = await backend.open();
      return { db, store: db.installations() };
    }

    it('stores and fetches a workspace installation by team, across a restart', async () => {
      const { db, store } = await freshStore();
      await store.storeInstallation(workspaceInstall('T1'));
      const reopened = (await db.reopen()).installations();
      expect(await reopened.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).toEqual(workspaceInstall('T1'));
    });

    it('replaces a workspace’s installation when the app is installed again', async () => {
      const { store } = await freshStore();
      await store.storeInstallation(workspaceInstall('T1', 'xoxb-old'));
      await store.storeInstallation(workspaceInstall('T1', 'xoxb-new'));
      const fetched = await store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
      expect(fetched.bot?.token).toBe('xoxb-new');
    });

    it('stores an org-wide installation by enterprise and finds it for any workspace in the org', async () => {
      const { store } = await freshStore();
      await store.storeInstallation(orgInstall('E1'));
      const query = { teamId: 'T7', enterpriseId: 'E1', isEnterpriseInstall: true } as const;
      expect(await store.fetchInstallation(query as never)).toEqual(orgInstall('E1'));
      await store.deleteInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true });
      await expect(store.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true })).rejects.toThrow('no installation for enterprise E1');
    });

    it('deletes a workspace installation and leaves the others', async () => {
      const { store } = await freshStore();
      await store.storeInstallation(workspaceInstall('T1'));
      await store.storeInstallation(workspaceInstall('T2'));
      await store.deleteInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
      await expect(store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow('no installation for team T1');
      expect((await store.fetchInstallation({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false })).team?.id).toBe('T2');
    });

    it('rejects a fetch for a workspace that never installed the app, naming the team', async () => {
      const { store } = await freshStore();
      await expect(store.fetchInstallation({ teamId: 'T404', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow('no installation for team T404');
    });

    it('does not put the token in the error for a damaged row', async () => {
      const { db, store } = await freshStore();
      await store.storeInstallation(workspaceInstall('T1'));
      await db.run('UPDATE slack_installations SET data = ? WHERE id = ?', '{"bot":{"token":"xoxb-T1-secret"', 'T1');
      const fetching = store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
      await expect(fetching).rejects.toThrow('the stored installation for team T1 is damaged');
      await expect(fetching).rejects.not.toThrow(/xoxb/);
    });
  });
}
