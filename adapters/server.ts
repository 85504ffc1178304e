import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadPriceCatalogue } from './catalogue/load-price-catalogue.js';
import { ConfigError, loadConfig, type ServiceConfig } from './config/load-config.js';
import { judgeProblem } from './config/load-trial-config.js';
import { DEFAULT_DIGEST_SCHEDULE, findModel } from '../src/index.js';
import { InFlight } from './in-flight.js';
import type { DoorDeps } from './conversation/door-deps.js';
import { serveTrialExport } from './trial/serve-trial-export.js';
import { OutboxWorker } from './conversation/outbox-worker.js';
import { DoorGuard } from './http/door-guard.js';
import { DEFAULT_DOOR_LIMITS } from './http/door-limits.js';
import { sendJson } from './http/send-json.js';
import type { SummaryNotifier } from './teams/summary-notifier.js';
import type { WeeklyDigest } from './teams/weekly-digest.js';
import { SerialPerKey } from './conversation/serial-per-key.js';
import { countTokens } from './intake/count-tokens.js';
import { createIntake } from './intake/create-intake.js';
import { INFO_PAGES } from './info-pages.js';
import { createLogger, type Logger } from './logging/create-logger.js';
import { logStrayErrors } from './logging/log-stray-errors.js';
import { openStores } from './store/open-stores.js';

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
  /** The clock retries wait by: real time, unless a test moves the service's clock ahead of it. */
  wallClock?: () => Date;
}

export interface ServiceOptions {
  now?: () => Date;
  logger?: Logger;
  delivery?: DeliveryTimings;
  /** On PostgreSQL, a schema of the service's own (tests run each in one). */
  postgresSchema?: string;
  /** A trial's timings (tests make its progress updates frequent). */
  trial?: { progressEveryMs?: number };
}

export interface RunningService {
  url: string;
  port: number;
  server: Server;
  stop(): Promise<void>;
}

const VERSION: string = JSON.parse(readFileSync(new URL(import.meta.url.includes('/dist/') ? '../../package.json' : '../package.json', import.meta.url), 'utf8')).version;

/**
 * The composition root: one process, one HTTP server. Slack at /slack/events (and the OAuth
 * install pages), /healthz beside it. Everything the core needs is built here and injected.
 */
export async function startService(config: ServiceConfig, options: ServiceOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  const catalogue = loadPriceCatalogue(config.pricesFile ? { overrideFile: config.pricesFile } : {});
  const judge = judgeProblem(config.trial, (id) => findModel(catalogue, id) !== undefined);
  if (judge) throw new ConfigError([judge]);
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

  // The language model and each platform's SDK are loaded only when configured: a lean process for what it runs.
  const openai = config.openai ? new (await import('./openai/openai-intake.js')).OpenAiIntake({ ...config.openai, logger }) : null;
  const readIntake = createIntake({ model: openai, logger });
  if (!config.openai)
    logger.info(
      'Task descriptions are read by the deterministic reader alone, and prompt trials are off. Set OPENAI_API_KEY (and OPENAI_BASE_URL, OPENAI_MODEL for another server) to add a language model and turn trials on.',
    );

  // Work that runs after a request was answered: counted for SIGTERM, and its failure logged, never left to end the process.
  const inBackground = (what: string, work: () => Promise<void>) =>
    void inFlight.track(work).catch((err: unknown) => logger.error({ err: { message: (err as Error)?.message ?? String(err) } }, `${what} failed`));
  // Summaries go out beside the turn, not in it: an invoke must be answered within seconds. They
  // are queued with the verdict (in its transaction), and handed to one sender at a time (leased).
  const summaries = new SerialPerKey();
  let notifier: SummaryNotifier | null = null;
  const sendSummaries = (what: string, work: (n: SummaryNotifier) => Promise<void>) => {
    const to = notifier;
    if (to) inBackground(what, () => summaries.run('summaries', () => work(to)));
  };
  // The verdict's summaries were queued with it: send them once its card has been tried, posted or not.
  const afterVerdict = (verdictId: string) =>
    sendSummaries('sending the summaries of a verdict', async (n) => {
      const record = await store.getVerdict(verdictId);
      if (record) await n.onVerdict(record);
    });
  // The weekly digest is looked for at the same pace: sent once its week's time has come (claimed in the database, so once).
  let digest: WeeklyDigest | null = null;
  const sendDigests = () => {
    const to = digest;
    if (to) inBackground('sending the weekly digests', () => summaries.run('summaries', () => to.sendDue()));
  };
  // Summaries that could not go out (Teams down, a crash) are tried again every minute (or lease), not only at the next start.
  const retry = setInterval(
    () => {
      sendSummaries('sending the summaries still pending', (n) => n.resumePending());
      sendDigests();
    },
    Math.min(RETRY_EVERY_MS, leaseMs),
  ).unref();
  // Every message a turn leaves goes out through one worker, in order; what it could not deliver it retries.
  const senders: ConstructorParameters<typeof OutboxWorker>[0]['senders'] = {};
  const outbox = new OutboxWorker({ store, senders, logger, now, afterVerdict, leaseMs, ...options.delivery });
  // Prompt trials run against the same OpenAI-compatible endpoint; their data is deleted after the retention period.
  const trialRunner = config.trial
    ? new (await import('./trial/trial-runner.js')).TrialRunner({ store, config: config.trial, catalogue, countTokens, now, logger, background: inBackground, ...options.trial })
    : null;
  const trials = trialRunner && config.trial ? { runner: trialRunner, config: config.trial } : undefined;
  const doorDeps: DoorDeps = {
    store,
    subscriptions,
    catalogue,
    now,
    logger,
    outbox,
    readIntake,
    countTokens,
    background: inBackground,
    track: (work) => inFlight.track(work),
    ...(trials ? { trials } : {}),
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  };

  const teams = config.teams ? (await import('./teams/teams-door.js')).openTeamsDoor(config.teams, doorDeps) : null;
  if (teams) {
    senders.teams = teams.sender;
    notifier = teams.notifier;
    if (config.weeklyDigest !== null) {
      const { WeeklyDigest } = await import('./teams/weekly-digest.js');
      digest = new WeeklyDigest({ subscriptions, store, poster: teams.notifier, schedule: config.weeklyDigest ?? DEFAULT_DIGEST_SCHEDULE, now, logger });
    }
  } else
    logger.info(
      'Teams is off. To turn it on set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId (Azure Bot registration), or TEAMS_LOCAL=1 to try it with the Agents Playground; see the README.',
    );
  const slack = config.slack ? (await import('./slack/slack-door.js')).openSlackDoor(config.slack, { ...doorDeps, installationStore }) : null;
  if (slack) senders.slack = slack.sender;
  else
    logger.info(
      'Slack is off. To turn it on set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (HTTP), SLACK_APP_TOKEN and SLACK_BOT_TOKEN (Socket Mode), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET (OAuth); see the README.',
    );
  const platforms = { slack: config.slack?.mode ?? false, teams: config.teams?.mode ?? false };

  // A platform that cannot be reached makes the service degraded, still 200: the replica keeps serving the
  // other platform and the pages, and picks up again when the platform answers; a load balancer must keep it.
  function sendHealth(res: ServerResponse): void {
    const problems = slack?.problems() ?? [];
    sendJson(res, 200, problems.length ? { status: 'degraded', version: VERSION, platforms, problems } : { status: 'ok', version: VERSION, platforms });
  }

  // Limits at the door (bodies, time, requests at once) before any platform's code sees a request.
  const door = new DoorGuard({ ...DEFAULT_DOOR_LIMITS, ...config.limits });
  const server = createServer(door.serverOptions(), (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => logger.info({ requestId, method: req.method, path: req.url?.split('?')[0], status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request'));
    const path = (req.url ?? '/').split('?')[0]!;
    const health = path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD');
    if (!door.admit(req, res, path, !health)) return;
    if (health) return sendHealth(res);
    if (path === '/api/messages') return teams ? void teams.handle(req, res) : sendJson(res, 404, { error: 'Teams is not configured on this service; see the README.' });
    const info = req.method === 'GET' ? INFO_PAGES[path] : undefined;
    if (info) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(info);
    if (path.startsWith('/trials/') && req.method === 'GET') return void serveTrialExport(store, path, req.url ?? '', res);
    if (path.startsWith('/slack/')) return slack ? slack.handle(req, res, path) : sendJson(res, 404, { error: 'Slack is not configured on this service; see the README.' });
    sendJson(res, 404, { error: `Nothing at ${path}. Try /healthz.` });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  await slack?.start();
  // What a failure or a crash left undelivered goes out now, then as each message's time comes.
  outbox.start();
  trialRunner?.startPurging();
  sendSummaries('sending the summaries left from before the start', (n) => n.resumePending());
  // A digest whose time came while no replica was running goes out now.
  sendDigests();
  logger.info({ port, host: config.host, version: VERSION, platforms, database: stores.described }, 'finetune-advisor is listening');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('stopping: no new requests, finishing those in flight');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      // Trials running here stop first and post what they measured, while the outbox can still deliver it.
      trialRunner?.stop();
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
