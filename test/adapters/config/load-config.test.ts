import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../adapters/config/load-config.js';
import { DEFAULT_DOOR_LIMITS } from '../../../adapters/http/door-limits.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('the service settings', () => {
  it('starts with defaults and no Slack when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 3978,
      host: '0.0.0.0',
      databasePath: './data/advisor.db',
      logLevel: 'info',
      slack: null,
      teams: null,
      openai: null,
      trial: null,
      limits: DEFAULT_DOOR_LIMITS,
    });
  });

  it("reads the limits at the door, and says what each takes when one won't do", () => {
    expect(
      loadConfig({
        SLACK_MAX_BODY_BYTES: '2097152',
        TEAMS_MAX_BODY_BYTES: '262144',
        HEADERS_TIMEOUT_MS: '3000',
        REQUEST_TIMEOUT_MS: '8000',
        KEEP_ALIVE_TIMEOUT_MS: '65000',
        MAX_REQUESTS_IN_FLIGHT: '200',
        MAX_REQUESTS_PER_CLIENT: '50',
        TRUST_X_FORWARDED_FOR: '1',
      }).limits,
    ).toEqual({
      slackBodyBytes: 2_097_152,
      teamsBodyBytes: 262_144,
      headersTimeoutMs: 3_000,
      requestTimeoutMs: 8_000,
      keepAliveTimeoutMs: 65_000,
      maxInFlight: 200,
      maxInFlightPerClient: 50,
      trustForwardedFor: true,
    });
    expect(problemsOf({ SLACK_MAX_BODY_BYTES: '4MB', MAX_REQUESTS_IN_FLIGHT: '0', TRUST_X_FORWARDED_FOR: 'yes' })).toEqual([
      'SLACK_MAX_BODY_BYTES: a whole number of bytes from 65536 to 16777216, e.g. 1048576',
      'MAX_REQUESTS_IN_FLIGHT: a whole number of requests from 1 to 100000, e.g. 64',
      "TRUST_X_FORWARDED_FOR: 1 when a proxy in front appends the caller's address to X-Forwarded-For, or leave it unset",
    ]);
    expect(problemsOf({ HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '10000' })).toEqual([
      "HEADERS_TIMEOUT_MS: at most REQUEST_TIMEOUT_MS (10000): the head is part of the request, so it can't be given longer than the whole",
    ]);
  });

  it('picks HTTP mode from a signing secret and a bot token, with the Web API URL the tests use', () => {
    const config = loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'http://127.0.0.1:9999/api', PORT: '8080' });
    expect(config.port).toBe(8080);
    expect(config.slack).toEqual({ mode: 'http', signingSecret: 's', botToken: 'xoxb-1', apiUrl: 'http://127.0.0.1:9999/api/' });
  });

  it('picks Socket Mode from an app-level token and OAuth from the client settings', () => {
    expect(loadConfig({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-1' }).slack).toMatchObject({ mode: 'socket' });
    expect(loadConfig({ SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 'secret', SLACK_STATE_SECRET: 'state', SLACK_SIGNING_SECRET: 's' }).slack).toMatchObject({ mode: 'oauth' });
  });

  it('names every missing or malformed setting and says how to fix it', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual(['PORT: a port number, e.g. 3978']);
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxp-user-token', LOG_LEVEL: 'loud' })).toEqual([
      'LOG_LEVEL: one of fatal, error, warn, info, debug, trace, silent',
      'SLACK_BOT_TOKEN: a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)',
    ]);
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: needed with SLACK_BOT_TOKEN.*Signing Secret/)]);
    expect(problemsOf({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN: Socket Mode/)]);
    expect(problemsOf({ SLACK_CLIENT_ID: 'id' })).toHaveLength(3);
  });

  it('reads an empty setting as not set', () => {
    expect(loadConfig({ SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: ' ' }).slack).toBeNull();
  });

  it('puts all problems in one message that starts by saying the service cannot start', () => {
    expect(() => loadConfig({ PORT: '-1', SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/^The service can't start; fix these settings \(environment or \.env\):\n {2}- PORT: from 0 to 65535/);
  });
});

describe('the weekly digest setting', () => {
  it('sends on Monday at 08:00 UTC unless told otherwise, and can be turned off', () => {
    expect(loadConfig({}).weeklyDigest).toBeUndefined();
    expect(loadConfig({ WEEKLY_DIGEST: 'friday 16:00' }).weeklyDigest).toEqual({ weekday: 5, hour: 16 });
    expect(loadConfig({ WEEKLY_DIGEST: 'Tue 7' }).weeklyDigest).toEqual({ weekday: 2, hour: 7 });
    expect(loadConfig({ WEEKLY_DIGEST: 'OFF' }).weeklyDigest).toBeNull();
  });

  it('says what is wrong with a schedule it cannot read, and how to write one', () => {
    expect(problemsOf({ WEEKLY_DIGEST: 'every monday' })).toEqual(['WEEKLY_DIGEST: "every monday" is not a weekday and an hour in UTC such as "monday 08:00" or "fri 16:00", or "off"']);
    expect(problemsOf({ WEEKLY_DIGEST: 'mo 08:00' })).toEqual([
      'WEEKLY_DIGEST: "mo" is not a weekday: write one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday (or its first three letters)',
    ]);
    expect(problemsOf({ WEEKLY_DIGEST: 'monday 25:00' })).toEqual(['WEEKLY_DIGEST: 25 is not an hour of the day: from 0 to 23 (UTC)']);
    expect(problemsOf({ WEEKLY_DIGEST: 'monday 08:30' })).toEqual(['WEEKLY_DIGEST: the digest goes out on the hour: write 08:00, not 08:30']);
  });
});

describe('the Teams settings', () => {
  const APP = '11111111-2222-3333-4444-555555555555';
  const TENANT = '66666666-7777-8888-9999-000000000000';

  it('leaves Teams off without an app id, and turns local mode on only when asked, on loopback only', () => {
    expect(loadConfig({}).teams).toBeNull();
    const local = loadConfig({ TEAMS_LOCAL: '1', HOST: '0.0.0.0' });
    expect(local.teams).toEqual({ mode: 'local' });
    expect(local.host).toBe('127.0.0.1');
  });

  it('takes a SingleTenant registration by default and a user-assigned managed identity when asked', () => {
    expect(loadConfig({ MicrosoftAppId: APP, MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: TENANT }).teams).toEqual({
      mode: 'azure',
      appId: APP,
      appType: 'SingleTenant',
      password: 'secret',
      tenantId: TENANT,
    });
    expect(loadConfig({ MicrosoftAppId: APP, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }).teams).toMatchObject({ appType: 'UserAssignedMSI' });
  });

  it('names what a registration is missing, and refuses multi-tenant and malformed ids', () => {
    expect(problemsOf({ MicrosoftAppId: APP })).toEqual([expect.stringMatching(/^MicrosoftAppTenantId: /), expect.stringMatching(/^MicrosoftAppPassword: a SingleTenant bot needs a client secret/)]);
    expect(problemsOf({ MicrosoftAppId: 'my-bot' })).toEqual(['MicrosoftAppId: the Microsoft App ID of the Azure Bot registration, a GUID']);
    expect(problemsOf({ MicrosoftAppId: APP, MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 'x' })).toEqual([
      'MicrosoftAppType: SingleTenant or UserAssignedMSI (new multi-tenant bots are deprecated)',
    ]);
  });
});

describe('the language model settings', () => {
  it('reads task descriptions with a model only when OPENAI_API_KEY is set, with any OpenAI-compatible server', () => {
    expect(loadConfig({}).openai).toBeNull();
    expect(loadConfig({ OPENAI_API_KEY: 'sk-test' }).openai).toEqual({ apiKey: 'sk-test', model: 'gpt-5-mini', timeoutMs: 4000 });
    expect(loadConfig({ OPENAI_API_KEY: 'ollama', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3.1', INTAKE_TIMEOUT_MS: '2500' }).openai).toEqual({
      apiKey: 'ollama',
      baseURL: 'http://127.0.0.1:11434/v1',
      model: 'llama3.1',
      timeoutMs: 2500,
    });
  });

  it('names a bad base URL or time-box', () => {
    expect(problemsOf({ OPENAI_BASE_URL: 'localhost:11434', INTAKE_TIMEOUT_MS: '50' })).toEqual([
      expect.stringMatching(/^OPENAI_BASE_URL: the base URL of an OpenAI-compatible API/),
      'INTAKE_TIMEOUT_MS: from 200 to 30000 ms',
    ]);
  });
});

describe('the trial settings', () => {
  it('turns trials on with the endpoint key, with the default limits', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).trial).toEqual({
      apiKey: 'sk-x',
      baseURL: 'http://127.0.0.1:11434/v1',
      modelNames: {},
      limits: { capUsd: 5, concurrency: 4, timeoutMs: 60_000, maxOutputTokens: 1024 },
      retentionDays: 7,
    });
  });

  it('reads the model names an endpoint uses and the limits an admin sets', () => {
    const trial = loadConfig({ OPENAI_API_KEY: 'sk-x', TRIAL_MODELS: 'gpt-4.1-mini=my-deployment, llama-3.1-8b = llama3.1:8b', TRIAL_MAX_USD: '12.5', TRIAL_RETENTION_DAYS: '0' }).trial;
    expect(trial?.modelNames).toEqual({ 'gpt-4.1-mini': 'my-deployment', 'llama-3.1-8b': 'llama3.1:8b' });
    expect(trial?.limits.capUsd).toBe(12.5);
    expect(trial?.retentionDays).toBe(0);
  });

  it('names a setting that is wrong and how to write it', () => {
    expect(() => loadConfig({ OPENAI_API_KEY: 'sk-x', TRIAL_MODELS: 'gpt-4.1-mini', TRIAL_MAX_USD: 'lots' })).toThrow(
      /TRIAL_MAX_USD: US\$, e\.g\. 5[\s\S]*TRIAL_MODELS: "gpt-4\.1-mini" is not catalogue-id=endpoint-name, e\.g\. gpt-4\.1-mini=my-azure-deployment/,
    );
  });
});
