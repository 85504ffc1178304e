import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { ClaimsIdentity, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import type { TeamsConfig } from '../config/load-config.js';

/** The name core-rest-pipeline gives the policy that retries a failed request (three times, about 12 s for a 502). */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

/**
 * The settings' authentication, with Bot Connector clients that don't retry on their own: the
 * outbox worker retries what the connector refuses, with its own backoff and in order, and the
 * SDK's retries would only hold a person's request up (Teams waits at most 15 s for a bot).
 */
class AuthenticationWithoutSdkRetries extends ConfigurationBotFrameworkAuthentication {
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const factory = super.createConnectorFactory(claimsIdentity);
    return {
      create: async (serviceUrl: string, audience?: string): Promise<ConnectorClient> => {
        const client = await factory.create(serviceUrl, audience);
        // ConnectorClient keeps its core-client ServiceClient as `client`; without one (another SDK shape) nothing changes.
        (client as unknown as { client?: { pipeline?: { removePolicy(o: { name: string }): unknown } } }).client?.pipeline?.removePolicy({ name: SDK_RETRY_POLICY });
        return client;
      },
    } as ConnectorFactory;
  }
}

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
  const auth = new AuthenticationWithoutSdkRetries(settings, new ConfigurationServiceClientCredentialFactory(settings));
  return { adapter: new CloudAdapter(auth), appId: config.mode === 'azure' ? config.appId : '' };
}
