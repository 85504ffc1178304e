import { z } from 'zod';
import type { DigestSchedule } from '../../src/index.js';
import { DEFAULT_DOOR_LIMITS, type DoorLimits } from '../http/door-limits.js';
import { loadTrialConfig, type TrialConfig } from './load-trial-config.js';
import { parseDigestSchedule } from './parse-digest-schedule.js';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A whole number of `unit` from `min` to `max`, `fallback` when unset: one message says all of it. */
const whole = (unit: string, min: number, max: number, fallback: number) => {
  const says = `a whole number of ${unit} from ${min} to ${max}, e.g. ${fallback}`;
  return z.coerce.number({ error: says }).int(says).min(min, says).max(max, says).default(fallback);
};
const MIB = 1024 * 1024;
const flag = (what: string) => optional.pipe(z.enum(['0', '1', 'true', 'false'], { error: `1 ${what}, or leave it unset` }).optional());
const d = DEFAULT_DOOR_LIMITS;

const envSchema = z.object({
  PORT: z.coerce.number({ error: 'a port number, e.g. 3978' }).int('a whole port number').min(0, 'from 0 to 65535').max(65535, 'from 0 to 65535').default(3978),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().trim().min(1, 'a file path, e.g. ./data/advisor.db').default('./data/advisor.db'),
  DATABASE_URL: optional.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\/[^/]+/.test(v),
    'a PostgreSQL URL such as postgres://advisor:secret@db.internal:5432/advisor (leave it unset for the SQLite file at DATABASE_PATH)',
  ),
  OUTBOX_LEASE_SECONDS: z.coerce.number({ error: 'a number of seconds, e.g. 60' }).int('whole seconds').min(5, 'at least 5 seconds').max(3600, 'at most 3600 seconds').optional(),
  WEEKLY_DIGEST: optional,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  PRICES_FILE: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), 'a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)'),
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), 'an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)'),
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  SLACK_API_URL: optional.refine((v) => v === undefined || /^https?:\/\/[^/]+/.test(v), 'a URL such as https://slack.com/api/'),
  MicrosoftAppId: optional.refine((v) => v === undefined || GUID.test(v), 'the Microsoft App ID of the Azure Bot registration, a GUID'),
  MicrosoftAppPassword: optional,
  MicrosoftAppType: optional.pipe(z.enum(['SingleTenant', 'UserAssignedMSI'], { error: 'SingleTenant or UserAssignedMSI (new multi-tenant bots are deprecated)' }).optional()),
  MicrosoftAppTenantId: optional.refine((v) => v === undefined || GUID.test(v), 'the Directory (tenant) ID, a GUID'),
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional.refine((v) => v === undefined || /^https?:\/\/[^/]+/.test(v), 'the base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1'),
  OPENAI_MODEL: optional,
  PUBLIC_URL: optional.refine((v) => v === undefined || /^https?:\/\/[^/]+/.test(v), "the service's public address, e.g. https://advisor.example.com (links to a trial's Promptfoo file use it)"),
  INTAKE_TIMEOUT_MS: z.coerce.number({ error: 'milliseconds, e.g. 4000' }).int('whole milliseconds').min(200, 'from 200 to 30000 ms').max(30_000, 'from 200 to 30000 ms').default(4000),
  TEAMS_LOCAL: flag('to turn local mode on'),
  // Limits at the door (adapters/http/door-limits.ts says why each default is what it is).
  SLACK_MAX_BODY_BYTES: whole('bytes', 64 * 1024, 16 * MIB, d.slackBodyBytes),
  TEAMS_MAX_BODY_BYTES: whole('bytes', 64 * 1024, 16 * MIB, d.teamsBodyBytes),
  HEADERS_TIMEOUT_MS: whole('milliseconds', 1_000, 60_000, d.headersTimeoutMs),
  REQUEST_TIMEOUT_MS: whole('milliseconds', 1_000, 300_000, d.requestTimeoutMs),
  KEEP_ALIVE_TIMEOUT_MS: whole('milliseconds', 1_000, 600_000, d.keepAliveTimeoutMs),
  MAX_REQUESTS_IN_FLIGHT: whole('requests', 1, 100_000, d.maxInFlight),
  MAX_REQUESTS_PER_CLIENT: whole('requests', 1, 100_000, d.maxInFlightPerClient),
  TRUST_X_FORWARDED_FOR: flag("when a proxy in front appends the caller's address to X-Forwarded-For"),
});

export type SlackConfig =
  | { mode: 'http'; signingSecret: string; botToken: string; apiUrl?: string }
  | { mode: 'oauth'; signingSecret: string; clientId: string; clientSecret: string; stateSecret: string; apiUrl?: string }
  | { mode: 'socket'; appToken: string; botToken: string; apiUrl?: string };

export type TeamsConfig =
  | { mode: 'azure'; appId: string; appType: 'SingleTenant' | 'UserAssignedMSI'; password?: string; tenantId: string }
  /** No credentials: no authentication, so loopback only (the Agents Playground, tests). */
  | { mode: 'local' };

/** The language model that reads task descriptions (any OpenAI-compatible server); null: rules only. */
export interface OpenAiConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
}

export interface ServiceConfig {
  port: number;
  host: string;
  databasePath: string;
  /** A PostgreSQL database shared by several replicas; absent: the SQLite file at databasePath. */
  databaseUrl?: string;
  /** How long a replica holds a conversation's deliveries without renewing; 60 s by default. */
  outboxLeaseSeconds?: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  pricesFile?: string;
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
  /** Absent or null: the deterministic reader alone reads task descriptions. */
  openai?: OpenAiConfig | null;
  /** The public address (links back to the service); else the one a platform called. */
  publicUrl?: string;
  /** Prompt trials (the same OpenAI-compatible endpoint); absent or null: trials are off. */
  trial?: TrialConfig | null;
  /** When managers' threads get their weekly digest (UTC); absent: Monday 08:00; null: never. */
  weeklyDigest?: DigestSchedule | null;
  /** Limits at the door (bodies, timeouts, requests at once); what is absent takes its default (tests set a few). */
  limits?: Partial<DoorLimits>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The service can't start; fix these settings (environment or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Which Slack mode the settings ask for, or what is missing for it. */
function slackFrom(env: z.infer<typeof envSchema>, problems: string[]): SlackConfig | null {
  const apiUrl = env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/` } : {};
  const oauth = [env.SLACK_CLIENT_ID, env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET];
  if (env.SLACK_APP_TOKEN) {
    if (!env.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: Socket Mode (SLACK_APP_TOKEN is set) also needs the bot token (xoxb-…)');
    else return { mode: 'socket', appToken: env.SLACK_APP_TOKEN, botToken: env.SLACK_BOT_TOKEN, ...apiUrl };
    return null;
  }
  if (oauth.some(Boolean)) {
    const names = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'];
    oauth.forEach(
      (v, i) =>
        v ||
        problems.push(
          `${names[i]}: OAuth installs need all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (Basic Information → App Credentials; the state secret is any long random string)`,
        ),
    );
    if (!env.SLACK_SIGNING_SECRET) problems.push('SLACK_SIGNING_SECRET: needed to check that requests come from Slack (Basic Information → Signing Secret)');
    if (problems.length) return null;
    return { mode: 'oauth', signingSecret: env.SLACK_SIGNING_SECRET!, clientId: env.SLACK_CLIENT_ID!, clientSecret: env.SLACK_CLIENT_SECRET!, stateSecret: env.SLACK_STATE_SECRET!, ...apiUrl };
  }
  if (env.SLACK_SIGNING_SECRET || env.SLACK_BOT_TOKEN) {
    if (!env.SLACK_SIGNING_SECRET) problems.push('SLACK_SIGNING_SECRET: needed with SLACK_BOT_TOKEN to check that requests come from Slack (Basic Information → Signing Secret)');
    if (!env.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: needed with SLACK_SIGNING_SECRET (OAuth & Permissions → Bot User OAuth Token, xoxb-…)');
    if (problems.length) return null;
    return { mode: 'http', signingSecret: env.SLACK_SIGNING_SECRET!, botToken: env.SLACK_BOT_TOKEN!, ...apiUrl };
  }
  return null;
}

/** The intake model: set by OPENAI_API_KEY (a local server may take any key, e.g. "ollama"). */
export function openAiFrom(env: { OPENAI_API_KEY?: string | undefined; OPENAI_BASE_URL?: string | undefined; OPENAI_MODEL?: string | undefined; INTAKE_TIMEOUT_MS: number }): OpenAiConfig | null {
  if (!env.OPENAI_API_KEY) return null;
  return { apiKey: env.OPENAI_API_KEY, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}), model: env.OPENAI_MODEL ?? 'gpt-5-mini', timeoutMs: env.INTAKE_TIMEOUT_MS };
}

/** Teams with an Azure Bot registration, local mode, or off. */
function teamsFrom(env: z.infer<typeof envSchema>, problems: string[]): TeamsConfig | null {
  const local = env.TEAMS_LOCAL === '1' || env.TEAMS_LOCAL === 'true';
  if (!env.MicrosoftAppId) {
    if (env.MicrosoftAppPassword || env.MicrosoftAppTenantId) problems.push('MicrosoftAppId: needed with MicrosoftAppPassword and MicrosoftAppTenantId (Azure Bot → Configuration → Microsoft App ID)');
    return local ? { mode: 'local' } : null;
  }
  const appType = env.MicrosoftAppType ?? 'SingleTenant';
  if (!env.MicrosoftAppTenantId) problems.push(`MicrosoftAppTenantId: a ${appType} bot needs its Directory (tenant) ID (Azure Bot → Configuration → App Tenant ID)`);
  if (appType === 'SingleTenant' && !env.MicrosoftAppPassword)
    problems.push('MicrosoftAppPassword: a SingleTenant bot needs a client secret (Azure Bot → Configuration → Manage Password → New client secret)');
  if (problems.length) return null;
  return { mode: 'azure', appId: env.MicrosoftAppId, appType, tenantId: env.MicrosoftAppTenantId!, ...(env.MicrosoftAppPassword ? { password: env.MicrosoftAppPassword } : {}) };
}

/** Reads and checks every setting once, at start: all problems at once, each naming the setting. */
export function loadConfig(env: Record<string, string | undefined>): ServiceConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const problems: string[] = [];
  const slack = slackFrom(parsed.data, problems);
  const teams = teamsFrom(parsed.data, problems);
  const trial = loadTrialConfig(env);
  if (!trial.ok) problems.push(...trial.problems);
  const digest = parsed.data.WEEKLY_DIGEST === undefined ? null : parseDigestSchedule(parsed.data.WEEKLY_DIGEST);
  if (digest && !digest.ok) problems.push(`WEEKLY_DIGEST: ${digest.problem}`);
  if (parsed.data.HEADERS_TIMEOUT_MS > parsed.data.REQUEST_TIMEOUT_MS)
    problems.push(`HEADERS_TIMEOUT_MS: at most REQUEST_TIMEOUT_MS (${parsed.data.REQUEST_TIMEOUT_MS}): the head is part of the request, so it can't be given longer than the whole`);
  if (problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  // Local mode has no authentication: anyone who can reach the port could post as anyone.
  const host = teams?.mode === 'local' ? '127.0.0.1' : e.HOST;
  return {
    port: e.PORT,
    host,
    databasePath: e.DATABASE_PATH,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.OUTBOX_LEASE_SECONDS ? { outboxLeaseSeconds: e.OUTBOX_LEASE_SECONDS } : {}),
    logLevel: e.LOG_LEVEL,
    ...(e.PRICES_FILE ? { pricesFile: e.PRICES_FILE } : {}),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    slack,
    teams,
    openai: openAiFrom(e),
    trial: trial.ok ? trial.config : null,
    ...(digest?.ok ? { weeklyDigest: digest.schedule } : {}),
    limits: {
      slackBodyBytes: e.SLACK_MAX_BODY_BYTES,
      teamsBodyBytes: e.TEAMS_MAX_BODY_BYTES,
      headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
      maxInFlight: e.MAX_REQUESTS_IN_FLIGHT,
      maxInFlightPerClient: e.MAX_REQUESTS_PER_CLIENT,
      trustForwardedFor: e.TRUST_X_FORWARDED_FOR === '1' || e.TRUST_X_FORWARDED_FOR === 'true',
    },
  };
}
