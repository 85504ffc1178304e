import type { IncomingMessage, RequestListener } from 'node:http';
import { App, AuthorizationError, HTTPReceiver, LogLevel, SocketModeReceiver, type InstallationStore, type ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { SlackConfig } from '../config/load-config.js';
import { boltLogger } from './bolt-logger.js';
import { BotAuthorization } from './bot-authorization.js';
import type { Logger } from '../logging/create-logger.js';
import { acknowledgeUnclaimed } from './acknowledge-unclaimed.js';
import { checkSlackPayload } from './slack-payload-shapes.js';
import { RefusedSlackRequest, verifySlackHttpRequest } from './verify-slack-request.js';
import { refuseUnread } from '../http/door-guard.js';
import { ClientsByToken } from './clients-by-token.js';
import { JsonChatClient } from './json-chat-client.js';
import { slackFetch } from './slack-fetch.js';

/** The bot scopes the manifest grants; OAuth installs ask for exactly these. */
export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'channels:history', 'groups:history', 'im:history', 'im:write', 'files:read', 'files:write'];

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackApp {
  app: App;
  /** Handles /slack/* on the service's own HTTP server (HTTP and OAuth modes). */
  httpHandler: RequestListener | null;
  /** The GET pages Bolt serves beside the events endpoint (the OAuth install flow), if any. */
  getPaths: readonly string[];
  /** Why Slack cannot be used now (its Web API unreachable, the token refused); empty when it can. */
  problems(): string[];
  /** The bot of a workspace, for work outside a request (the outbox); null when that workspace has no installation. */
  botClientFor(workspace: SlackWorkspace): Promise<WebClient | null>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Whose bot posts: a workspace, in an Enterprise Grid organisation maybe, where the app may be installed org-wide. */
export interface SlackWorkspace {
  teamId: string;
  enterpriseId?: string | undefined;
  orgWide?: boolean | undefined;
}

/** One workspace (HTTP, Socket Mode): the same bot whatever the team. */
const oneBot = (client: WebClient) => async () => client;

/** How soon a Socket Mode connection that failed is tried again. */
const RECONNECT_MS = 30_000;

/**
 * Bolt in the mode the settings ask for. The Web API client retries a rate-limited call
 * a few times (honouring Retry-After) rather than Bolt's default of half an hour; the outbox's
 * client (botClientFor) leaves its chat posts' retries to the outbox.
 */
export function createSlackApp(config: SlackConfig, options: { logger: Logger; installationStore: InstallationStore; now: () => Date }): SlackApp {
  const logger = boltLogger(options.logger);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    timeout: 10_000,
    logLevel: LogLevel.WARN,
    fetch: slackFetch,
  };
  /** The outbox's client for a bot token (its chat posts as JSON, their retries left to the outbox). */
  const outboxClient = (token: string) => new JsonChatClient(token, { ...clientOptions, logger, warnings: options.logger });
  if (config.mode === 'socket') {
    // The socket client opens its connection through the Web API, so it takes the same client options.
    const receiver = new SocketModeReceiver({ appToken: config.appToken, logger, installerOptions: { clientOptions } });
    // As over HTTP: the bot's identity asked here, so an unreachable Web API degrades Slack instead of ending the process.
    const bot = new BotAuthorization(new WebClient(undefined, { ...clientOptions, logger }), config.botToken, options.logger);
    const app = new App({ receiver, authorize: bot.authorize, clientOptions, logger, convoStore: false });
    let problem: string | null = null;
    let reconnect: NodeJS.Timeout | undefined;
    let stopped = false;
    // The socket opens through the Web API: when it can't, the service starts anyway and keeps trying.
    const connect = async (): Promise<void> => {
      try {
        await app.start();
        problem = null;
      } catch (err) {
        problem = `Slack's Socket Mode could not connect: ${(err as Error).message}`;
        options.logger.warn({ err: { message: (err as Error).message } }, 'Socket Mode could not connect; trying again in 30 seconds');
        if (!stopped) reconnect = setTimeout(() => void connect(), RECONNECT_MS).unref();
      }
    };
    return {
      app,
      httpHandler: null,
      getPaths: [],
      problems: () => [problem, bot.problem].filter((p): p is string => p !== null),
      botClientFor: oneBot(outboxClient(config.botToken)),
      start: async () => {
        bot.start();
        await connect();
      },
      stop: async () => {
        stopped = true;
        clearTimeout(reconnect);
        bot.stop();
        if (problem === null) await app.stop().catch(() => undefined);
      },
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    // The handler below checks signatures itself, on the service's clock and on both sides of the window.
    signatureVerification: false,
    endpoints: SLACK_EVENTS_PATH,
    logger,
    // Only a listener that is slow to acknowledge meets this: what no listener claims is acknowledged at once (acknowledgeUnclaimed).
    unhandledRequestTimeoutMillis: 2_500,
    // Slack is answered once a listener is done, and listeners are done once the input is saved (a
    // turn, or a start recorded): a replica killed after answering has lost nothing, and one killed
    // before is retried by Slack (events) or clicked again. What follows goes out in the background.
    processBeforeResponse: true,
    processEventErrorHandler: async ({ error, response }: ReceiverProcessEventErrorHandlerArgs) => {
      // A refused authorization (Slack's Web API unreachable, say) is 401: Slack retries. Anything else is ours, logged with its message.
      if (error instanceof AuthorizationError) {
        if (!response.headersSent) response.writeHead(401).end();
        return true;
      }
      options.logger.error({ err: { message: error.message } }, 'Bolt failed on a Slack request');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'The request failed inside finetune-advisor; see the service log.' }));
      return false;
    },
    ...(config.mode === 'oauth'
      ? {
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          stateSecret: config.stateSecret,
          scopes: SLACK_BOT_SCOPES,
          installationStore: options.installationStore,
          installerOptions: { directInstall: true, installPath: '/slack/install', redirectUriPath: '/slack/oauth_redirect', clientOptions },
        }
      : {}),
  });
  // One workspace: the bot's identity is asked for here rather than by Bolt, so an unreachable Web API degrades Slack instead of ending the process.
  const bot = config.mode === 'http' ? new BotAuthorization(new WebClient(undefined, { ...clientOptions, logger }), config.botToken, options.logger) : null;
  // Bolt's conversation store is not used here: without it Bolt no longer looks up (and fails to find) every request's conversation.
  const app = new App({ receiver, clientOptions, logger, convoStore: false, ...(bot ? { authorize: bot.authorize } : {}) });
  app.use(acknowledgeUnclaimed(options.logger));
  const getPaths = config.mode === 'oauth' ? ['/slack/install', '/slack/oauth_redirect'] : [];
  const boltListener = receiver.requestListener;
  const httpHandler: RequestListener = (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== SLACK_EVENTS_PATH) return boltListener(req, res);
    verifySlackHttpRequest(req, { signingSecret: config.signingSecret, now: options.now })
      .then(() => {
        // Signed, but is it something Slack sends? Bolt would throw on some shapes (a 500) and wait on others (a 404 after 2.5 s).
        const check = checkSlackPayload((req as IncomingMessage & { rawBody: Buffer }).rawBody.toString('utf8'), req.headers['content-type']);
        if (check.verdict === 'route') return boltListener(req, res);
        if (check.verdict === 'acknowledge') {
          options.logger.info({ why: check.why }, 'Slack request acknowledged and dropped');
          return void res.writeHead(200).end();
        }
        options.logger.warn({ why: check.why }, 'Slack request refused');
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: check.why }));
      })
      .catch((err: Error) => {
        options.logger.warn({ err: { message: err.message } }, 'Slack request refused');
        // The body may be unread (refused from the headers, or cut off at the limit): the connection is closed with the answer.
        if (err instanceof RefusedSlackRequest) return refuseUnread(res, err.status, `Refused: ${err.message}.`);
        if (!res.headersSent) res.writeHead(400).end();
      });
  };
  const workspaceClients = new ClientsByToken(outboxClient);
  return {
    app,
    httpHandler,
    getPaths,
    problems: () => (bot?.problem ? [bot.problem] : []),
    botClientFor:
      config.mode === 'http'
        ? oneBot(outboxClient(config.botToken))
        : async (workspace) => {
            // Each workspace's own token, from its installation (the organisation's, for an org-wide install); an uninstalled workspace has none.
            const query = { teamId: workspace.teamId, enterpriseId: workspace.enterpriseId, isEnterpriseInstall: workspace.orgWide ?? false };
            const installation = await options.installationStore.fetchInstallation(query).catch(() => null);
            return installation?.bot?.token ? workspaceClients.get(installation.bot.token) : null;
          },
    start: async () => bot?.start(),
    stop: async () => bot?.stop(),
  };
}
