import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadPriceCatalogue } from './catalogue/load-price-catalogue.js';
import { ConfigError, loadConfig, type ServiceConfig } from './config/load-config.js';
import { InFlight } from './in-flight.js';
import { OutboxWorker } from './conversation/outbox-worker.js';
import { SerialPerKey } from './conversation/serial-per-key.js';
import { countTokens } from './intake/count-tokens.js';
import { createIntake } from './intake/create-intake.js';
import { OpenAiIntake } from './openai/openai-intake.js';
import { INFO_PAGES } from './info-pages.js';
import { createLogger, type Logger } from './logging/create-logger.js';
import { logStrayErrors } from './logging/log-stray-errors.js';
import { createSlackApp, SLACK_EVENTS_PATH } from './slack/create-slack-app.js';
import { registerSlackListeners } from './slack/register-slack-listeners.js';
import { SlackInterview } from './slack/slack-interview.js';
import { respondTo } from './slack/respond-to.js';
import { SlackOutboxSender } from './slack/slack-outbox-sender.js';
import { openStores } from './store/open-stores.js';
import { createTeamsAdapter } from './teams/create-teams-adapter.js';
import { BadActivityRequest, bridge, readJsonBody } from './teams/node-http-bridge.js';
import { SummaryNotifier } from './teams/summary-notifier.js';
import { teamsBotLogic } from './teams/teams-bot.js';
import { TeamsInterview } from './teams/teams-interview.js';
import { TeamsOutboxSender } from './teams/teams-outbox-sender.js';

/** How often undelivered managers' summaries are tried again. */
const RETRY_EVERY_MS = 60_000;

/** How soon undelivered messages are tried again (tests make these short). */
export interface DeliveryTimings {
  /** The wait before the first retry; it doubles with each failure, up to five minutes. */
  firstRetryMs?: number;
  /** How often the outbox is swept for messages whose time has come. */
  sweepEveryMs?: number;
  /** How long a replica holds a conversation's deliveries without renewing (OUTBOX_LEASE_SECONDS). */
  leaseMs?: number;
}

export interface ServiceOptions {
  now?: () => Date;
  logger?: Logger;
  delivery?: DeliveryTimings;
  /** On PostgreSQL, a schema of the service's own (tests run each in one). */
  postgresSchema?: string;
}

export interface RunningService {
  url: string;
  port: number;
  server: Server;
  stop(): Promise<void>;
}

const VERSION: string = JSON.parse(readFileSync(new URL(import.meta.url.includes('/dist/') ? '../../package.json' : '../package.json', import.meta.url), 'utf8')).version;

/** True for http(s) URLs on this machine: where local mode may send replies. */
export function isLoopbackUrl(value: unknown): boolean {
  try {
    const host = new URL(String(value)).hostname;
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * The composition root: one process, one HTTP server. Slack at /slack/events (and the OAuth
 * install pages), /healthz beside it. Everything the core needs is built here and injected.
 */
export async function startService(config: ServiceConfig, options: ServiceOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  const catalogue = loadPriceCatalogue(config.pricesFile ? { overrideFile: config.pricesFile } : {});
  // A replica that dies holding deliveries leaves them to the others after this lease.
  const leaseMs = (config.outboxLeaseSeconds ?? 60) * 1000;
  const stores = await openStores({ databasePath: config.databasePath, databaseUrl: config.databaseUrl, postgresSchema: options.postgresSchema, leaseMs: 2 * leaseMs }, now);
  const { conversations: store, installations: installationStore, subscriptions } = stores;
  const inFlight = new InFlight();
  // Event keys only need to outlive Slack's retries (minutes); purge the old ones hourly.
  const purge = setInterval(
    () => void stores.purgeExpiredEvents().catch((err: unknown) => logger.warn({ err: { message: (err as Error).message } }, 'could not purge old event keys')),
    3_600_000,
  ).unref();

  const openai = config.openai ? new OpenAiIntake({ ...config.openai, logger }) : null;
  const readIntake = createIntake({ model: openai, logger });
  if (!config.openai) logger.info('Task descriptions are read by the deterministic reader alone. Set OPENAI_API_KEY (and OPENAI_BASE_URL, OPENAI_MODEL for another server) to add a language model.');

  // Teams: the endpoint, and the summaries managers follow (for verdicts from both platforms).
  const teams = config.teams ? createTeamsAdapter(config.teams) : null;
  const notifier = teams ? new SummaryNotifier({ adapter: teams.adapter, appId: teams.appId, subscriptions, store, logger }) : null;
  // Work that runs after a request was answered: counted for SIGTERM, and its failure logged, never left to end the process.
  const inBackground = (what: string, work: () => Promise<void>) =>
    void inFlight.track(work).catch((err: unknown) => logger.error({ err: { message: (err as Error)?.message ?? String(err) } }, `${what} failed`));
  // Summaries go out beside the turn, not in it: an invoke must be answered within seconds. They
  // are queued with the verdict (in its transaction), so one sender at a time keeps each one single.
  const summaries = new SerialPerKey();
  const sendSummaries = (what: string, work: (n: SummaryNotifier) => Promise<void>) => {
    if (notifier) inBackground(what, () => summaries.run('summaries', () => work(notifier)));
  };
  // The verdict's summaries were queued with it: send them once its card has been tried, posted or not.
  const afterVerdict = (verdictId: string) =>
    sendSummaries('sending the summaries of a verdict', async (n) => {
      const record = await store.getVerdict(verdictId);
      if (record) await n.onVerdict(record);
    });
  // Summaries that could not go out (Teams down, a crash) are tried again every minute, not only at the next start.
  const retry = setInterval(() => sendSummaries('sending the summaries still pending', (n) => n.resumePending()), Math.min(RETRY_EVERY_MS, leaseMs)).unref();
  // Every message a turn leaves goes out through one worker, in order; what it could not deliver it retries.
  const senders: ConstructorParameters<typeof OutboxWorker>[0]['senders'] = {};
  const outbox = new OutboxWorker({ store, senders, logger, now, afterVerdict, leaseMs, ...options.delivery });
  const teamsInterview = teams ? new TeamsInterview({ store, catalogue, now, logger, outbox, readIntake, countTokens }) : null;
  const teamsLogic = teams && teamsInterview ? teamsBotLogic({ interview: teamsInterview, store, subscriptions, notifier: notifier!, logger, now }) : null;
  if (config.teams?.mode === 'local')
    logger.warn('TEAMS LOCAL MODE: no MicrosoftAppId, so Teams requests are NOT authenticated. Listening on 127.0.0.1 only and replying only to loopback service URLs. Never expose this port.');
  else if (!config.teams)
    logger.info(
      'Teams is off. To turn it on set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId (Azure Bot registration), or TEAMS_LOCAL=1 to try it with the Agents Playground; see the README.',
    );

  if (teams) senders.teams = new TeamsOutboxSender({ store, adapter: teams.adapter, appId: teams.appId });
  const slack = config.slack ? createSlackApp(config.slack, { logger, installationStore, now }) : null;
  if (slack) {
    // Every listener's work (which goes on after Slack has been answered) is counted, so SIGTERM can wait for it.
    slack.app.use(async ({ next }) => inFlight.track(next));
    const interview = new SlackInterview({ store, catalogue, now, logger, outbox, readIntake, countTokens, background: inBackground });
    registerSlackListeners(slack.app, { interview, store, logger, background: inBackground });
    // Messages are posted with the bot of their workspace (from the installation store under OAuth).
    senders.slack = new SlackOutboxSender({
      store,
      logger,
      clientFor: (workspace) => slack.botClientFor(workspace),
      startInterview: (client, start, from) => interview.start({ client, ...start, ...(start.responseUrl ? { respondPrivately: (text: string) => respondTo(start.responseUrl!, text) } : {}) }, from),
    });
    if (config.slack!.mode === 'oauth') {
      slack.app.event('app_uninstalled', async ({ context }) =>
        installationStore.deleteInstallation({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall ?? false }),
      );
    }
  } else {
    logger.info(
      'Slack is off. To turn it on set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (HTTP), SLACK_APP_TOKEN and SLACK_BOT_TOKEN (Socket Mode), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET (OAuth); see the README.',
    );
  }
  const platforms = { slack: config.slack?.mode ?? false, teams: config.teams?.mode ?? false };

  async function handleTeams(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!teams || !teamsLogic) return sendJson(res, 404, { error: 'Teams is not configured on this service; see the README.' });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST Bot Framework activities here.' });
    try {
      const body = await readJsonBody(req);
      if (typeof body.type !== 'string') return sendJson(res, 400, { error: 'The body is not a Bot Framework activity: it has no type.' });
      if (config.teams?.mode === 'local' && !isLoopbackUrl(body.serviceUrl)) {
        logger.warn({ serviceUrl: String(body.serviceUrl).slice(0, 100) }, 'local mode refused an activity with a non-loopback serviceUrl');
        return sendJson(res, 403, { error: 'Local mode only answers activities whose serviceUrl is on this machine (127.0.0.1, localhost or ::1).' });
      }
      const { request, response } = bridge(req, res, body);
      await teams.adapter.process(request, response, teamsLogic);
    } catch (err) {
      if (err instanceof BadActivityRequest) return sendJson(res, err.status, { error: err.message });
      // botbuilder validates the activity with zod before anything else: a malformed one is the caller's mistake.
      if ((err as Error).name === 'ZodError') return sendJson(res, 400, { error: 'The body is not a valid Bot Framework activity.' });
      logger.error({ err: { message: (err as Error).message } }, 'Teams request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'The Teams request failed; see the service log.' });
    }
  }

  // A platform that cannot be reached makes the service degraded, still 200: the replica keeps serving the
  // other platform and the pages, and picks up again when the platform answers; a load balancer must keep it.
  function sendHealth(res: ServerResponse): void {
    const problems = slack?.problems() ?? [];
    sendJson(res, 200, problems.length ? { status: 'degraded', version: VERSION, platforms, problems } : { status: 'ok', version: VERSION, platforms });
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => logger.info({ requestId, method: req.method, path: req.url?.split('?')[0], status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request'));
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return sendHealth(res);
    if (path === '/api/messages') return void handleTeams(req, res);
    const info = req.method === 'GET' ? INFO_PAGES[path] : undefined;
    if (info) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(info);
    if (path.startsWith('/slack/')) {
      if (!slack?.httpHandler) return sendJson(res, 404, { error: slack ? 'Slack runs in Socket Mode here: no HTTP endpoint.' : 'Slack is not configured on this service; see the README.' });
      // Bolt throws (and so would end the process) on any method or path it does not serve: answer those here.
      if (path === SLACK_EVENTS_PATH && req.method !== 'POST')
        return void res
          .writeHead(405, { allow: 'POST', 'content-type': 'application/json' })
          .end(JSON.stringify({ error: "This is Slack's events endpoint: it takes signed POST requests from Slack only." }));
      if (path !== SLACK_EVENTS_PATH && !(req.method === 'GET' && slack.getPaths.includes(path)))
        return sendJson(res, 404, { error: `Nothing at ${path}: Slack sends its requests to ${SLACK_EVENTS_PATH}.` });
      try {
        return slack.httpHandler(req, res);
      } catch (err) {
        logger.warn({ err: { message: (err as Error).message } }, 'Slack request refused');
        if (!res.headersSent) return sendJson(res, 404, { error: `Nothing at ${path}: Slack sends its requests to ${SLACK_EVENTS_PATH}.` });
      }
      return;
    }
    sendJson(res, 404, { error: `Nothing at ${path}. Try /healthz.` });
  });
  // Slack gives up after 3 seconds anyway; keep slow clients from holding sockets open.
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  await slack?.start();
  // What a failure or a crash left undelivered goes out now, then as each message's time comes.
  outbox.start();
  sendSummaries('sending the summaries left from before the start', (n) => n.resumePending());
  logger.info({ port, host: config.host, version: VERSION, platforms, database: stores.described }, 'finetune-advisor is listening');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('stopping: no new requests, finishing those in flight');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await slack?.stop();
      await outbox.stop();
      const drained = await inFlight.drain(10_000);
      if (!drained) logger.warn('stopped with work still running after 10 seconds');
      clearInterval(purge);
      clearInterval(retry);
      await stores.close();
      logger.info('stopped');
    })());
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return { url: `http://${shownHost}:${port}`, port, server, stop };
}

/** `npm start`: settings from the environment (and .env), checked once; stray errors are logged, not fatal; SIGTERM stops cleanly. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: ServiceConfig;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  logStrayErrors(logger);
  const service = await startService(config, { logger });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void service.stop().then(() => process.exit(0)));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
