import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { OpenAiConfig, ServiceConfig } from '../../adapters/config/load-config.js';
import type { TrialConfig } from '../../adapters/config/load-trial-config.js';
import type { DoorLimits } from '../../adapters/http/door-limits.js';
import { createLogger } from '../../adapters/logging/create-logger.js';
import { startService, type DeliveryTimings, type RunningService } from '../../adapters/server.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { postSigned, SIGNING_SECRET, type SentRequest } from './slack-requests.js';

export const SLACK_TEST_DATE = new Date('2026-11-23T10:00:00Z');

export interface SlackTestService {
  service: RunningService;
  slack: FakeSlackApi;
  databasePath: string;
  /** Everything the service logged, one JSON object a line. */
  logs: string[];
  responseUrl(id?: string): string;
  /** Posts to /slack/events signed as Slack signs, stamped by the service's clock unless told otherwise. */
  post(body: string, contentType: string, options?: Parameters<typeof postSigned>[3]): Promise<SentRequest>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The real service (Bolt, SQLite file, HTTP server on loopback) wired to a fake Slack. */
export async function startSlackTestService(
  options: { databasePath?: string; slack?: FakeSlackApi; openai?: OpenAiConfig; now?: () => Date; delivery?: DeliveryTimings; trial?: TrialConfig; limits?: Partial<DoorLimits> } = {},
): Promise<SlackTestService> {
  const slack = options.slack ?? (await new FakeSlackApi().start());
  const databasePath = options.databasePath ?? join(mkdtempSync(join(tmpdir(), 'advisor-slack-')), 'advisor.db');
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(...String(chunk).trim().split('\n')), done()) });
  const config: ServiceConfig = {
    port: 0,
    host: '127.0.0.1',
    databasePath,
    logLevel: 'info',
    teams: null,
    slack: { mode: 'http', signingSecret: SIGNING_SECRET, botToken: 'xoxb-test-token', apiUrl: `${slack.url}/api/` },
    openai: options.openai ?? null,
    trial: options.trial ?? null,
    ...(options.limits ? { limits: options.limits } : {}),
  };
  const now = options.now ?? (() => SLACK_TEST_DATE);
  const boot = () =>
    startService(config, { now, logger: createLogger('info', sink), ...(options.delivery ? { delivery: options.delivery } : {}), ...(options.trial ? { trial: { progressEveryMs: 50 } } : {}) });
  const handle: SlackTestService = {
    service: await boot(),
    slack,
    databasePath,
    logs,
    responseUrl: (id = 'r1') => `${slack.url}/respond/${id}`,
    post: (body, contentType, postOptions = {}) => postSigned(handle.service.url, body, contentType, { timestamp: Math.floor(now().getTime() / 1000), ...postOptions }),
    restart: async () => {
      await handle.service.stop();
      handle.service = await boot();
    },
    stop: async () => {
      await handle.service.stop();
      await slack.stop();
    },
  };
  return handle;
}
