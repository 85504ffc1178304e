import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { TeamsConfig } from '../config/load-config.js';

/**
 * botbuilder's CloudAdapter for the settings. With an Azure Bot registration every request
 * is authenticated (and its token's serviceurl must match the activity's); in local mode
 * there are no credentials, so nothing is authenticated: the caller keeps it on loopback.
 */
export function createTeamsAdapter(config: TeamsConfig): { adapter: CloudAdapter; appId: string } {
  const settings =
    config.mode === 'azure'
      ? {
          MicrosoftAppId: config.appId,
          MicrosoftAppType: config.appType,
          MicrosoftAppTenantId: config.tenantId,
          ...(config.password ? { MicrosoftAppPassword: config.password } : {}),
        }
      : {};
  const auth = new ConfigurationBotFrameworkAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));
  return { adapter: new CloudAdapter(auth), appId: config.mode === 'azure' ? config.appId : '' };
}
