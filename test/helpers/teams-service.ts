import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { TrialConfig } from '../../adapters/config/load-trial-config.js';
import type { ServiceConfig, SlackConfig, TeamsConfig } from '../../adapters/config/load-config.js';
import type { DoorLimits } from '../../adapters/http/door-limits.js';
import { createLogger } from '../../adapters/logging/create-logger.js';
import { startService, type DeliveryTimings, type RunningService } from '../../adapters/server.js';
import { decodeAction } from '../../src/index.js';
import { cardText, FakeBotConnector, type ConnectorMessage } from './fake-bot-connector.js';
import { answerUntilVerdict, type HowToAnswer } from './interview-scenarios.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { SIGNING_SECRET } from './slack-requests.js';
import { ALICE, executeInvoke, message, postActivity, submitMessage, type Person } from './teams-activities.js';

export const TEAMS_TEST_DATE = new Date('2026-11-23T10:00:00Z');

export interface TeamsTestService {
  service: RunningService;
  connector: FakeBotConnector;
  slack: FakeSlackApi | null;
  databasePath: string;
  logs: string[];
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The real service in Teams local mode (botbuilder, SQLite file, loopback) with a fake Bot Connector; Slack too when asked. */
export async function startTeamsTestService(
  options: { teams?: TeamsConfig; withSlack?: boolean; databasePath?: string; delivery?: DeliveryTimings; trial?: TrialConfig; now?: () => Date; limits?: Partial<DoorLimits> } = {},
): Promise<TeamsTestService> {
  const connector = await new FakeBotConnector().start();
  const slack = options.withSlack ? await new FakeSlackApi().start() : null;
  const databasePath = options.databasePath ?? join(mkdtempSync(join(tmpdir(), 'advisor-teams-')), 'advisor.db');
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(...String(chunk).trim().split('\n')), done()) });
  const slackConfig: SlackConfig | null = slack ? { mode: 'http', signingSecret: SIGNING_SECRET, botToken: 'xoxb-test-token', apiUrl: `${slack.url}/api/` } : null;
  const config: ServiceConfig = {
    port: 0,
    host: '127.0.0.1',
    databasePath,
    logLevel: 'info',
    slack: slackConfig,
    teams: options.teams ?? { mode: 'local' },
    trial: options.trial ?? null,
    ...(options.limits ? { limits: options.limits } : {}),
  };
  const boot = () =>
    startService(config, {
      now: options.now ?? (() => TEAMS_TEST_DATE),
      logger: createLogger('info', sink),
      ...(options.delivery ? { delivery: options.delivery } : {}),
      ...(options.trial ? { trial: { progressEveryMs: 50 } } : {}),
    });
  const handle: TeamsTestService = {
    service: await boot(),
    connector,
    slack,
    databasePath,
    logs,
    restart: async () => {
      await handle.service.stop();
      handle.service = await boot();
    },
    stop: async () => {
      await handle.service.stop();
      await connector.stop();
      await slack?.stop();
    },
  };
  return handle;
}

interface CardAction {
  type: string;
  title: string;
  data: Record<string, unknown>;
}

/** Every Action.Execute on a message's cards, in reading order (fallbacks left out). */
export function actionsOf(msg: ConnectorMessage): CardAction[] {
  const found: CardAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute') found.push(n as unknown as CardAction);
    for (const [key, value] of Object.entries(n)) if (key !== 'fallback') walk(value);
  };
  walk(msg.activity.attachments?.map((a) => a.content));
  return found;
}

function hasInput(msg: ConnectorMessage, id: string): boolean {
  return JSON.stringify(msg.activity.attachments ?? []).includes(`"id":"${id}"`);
}

/** Drives one person's interview in a Teams conversation through /api/messages. */
export class TeamsInterviewDriver {
  readonly conversationId: string;

  constructor(
    private readonly svc: TeamsTestService,
    readonly person: Person = ALICE,
    conversationId?: string,
  ) {
    this.conversationId = conversationId ?? `a:personal-${person.id}`;
  }

  private where() {
    const inChannel = this.conversationId.startsWith('19:');
    return { serviceUrl: this.svc.connector.url, from: this.person, conversation: { id: this.conversationId, conversationType: inChannel ? ('channel' as const) : ('personal' as const) } };
  }

  /** The bot's messages in this conversation, oldest first. */
  messages(): ConnectorMessage[] {
    return this.svc.connector.in(this.conversationId);
  }

  currentQuestion(): ConnectorMessage | undefined {
    return [...this.messages()].reverse().find((m) => !m.updated && actionsOf(m).some((a) => a.data.fta === 'cancel'));
  }

  questionText(): string {
    const q = this.currentQuestion();
    if (!q) throw new Error(`no question on the table; the bot said: ${this.messages().map(cardText).join(' | ')}`);
    return cardText(q);
  }

  verdictMessage(): ConnectorMessage | undefined {
    return this.messages().find((m) => cardText(m).includes('Verdict:'));
  }

  say(text: string) {
    return postActivity(this.svc.service.url, message(text, this.where()));
  }

  /** Clicks an action of a card: Action.Execute (an invoke) by default, or its Action.Submit fallback. */
  click(msg: ConnectorMessage, data: Record<string, unknown>, options: { via?: 'execute' | 'submit'; person?: Person } = {}) {
    const where = { ...this.where(), from: options.person ?? this.person };
    const activity = options.via === 'submit' ? submitMessage(data, msg.id, where) : executeInvoke(data, msg.id, where);
    return postActivity(this.svc.service.url, activity);
  }

  action(msg: ConnectorMessage, fta: string, title?: string): CardAction {
    const found = actionsOf(msg).find((a) => a.data.fta === fta && (title === undefined || a.title.startsWith(title)));
    if (!found) throw new Error(`no ${fta} action on: ${cardText(msg)}`);
    return found;
  }

  async answer(how: HowToAnswer, options: { via?: 'execute' | 'submit' } = {}) {
    const q = this.currentQuestion();
    if (!q) throw new Error('no question on the table');
    if ('type' in how) return this.say(how.type);
    if ('skip' in how) return this.click(q, this.action(q, 'skip').data, options);
    if ('form' in how) return this.click(q, { ...this.action(q, 'answer').data, fta_text: how.form }, options);
    if (hasInput(q, 'fta_choice')) return this.click(q, { ...this.action(q, 'answer').data, fta_choice: how.choose }, options);
    const button = actionsOf(q).find((a) => a.data.fta === 'answer' && decodeAction(a.data.payload)?.a === how.choose);
    if (!button) throw new Error(`no option ${how.choose} on: ${cardText(q)}`);
    return this.click(q, button.data, options);
  }

  answerUntilVerdict(answers: [RegExp, HowToAnswer][]): Promise<ConnectorMessage> {
    return answerUntilVerdict(this, answers);
  }
}
