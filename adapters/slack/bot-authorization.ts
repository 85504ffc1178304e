import type { Authorize, AuthorizeResult } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logging/create-logger.js';

/** How soon a failed check is tried again, so the service recovers without waiting for a request. */
const RETRY_MS = 30_000;

type BotIdentity = Pick<AuthorizeResult, 'botId' | 'botUserId'>;

function problemOf(err: Error & { code?: string; data?: { error?: string } }): string {
  // Slack answered but refused (a revoked or wrong token), or Slack could not be reached at all.
  if (err.code === 'slack_webapi_platform_error') return `Slack's Web API refused the bot token: ${err.data?.error ?? err.message}`;
  return `Slack's Web API could not be reached: ${err.message}`;
}

/**
 * The single-workspace bot's identity (auth.test), asked at start and again until Slack answers.
 * Bolt, given the token, asks in its constructor and leaves the promise unawaited, so an
 * unreachable Web API ended the process a few seconds after start. Here a failure is the problem
 * /healthz reports, and a request that arrives meanwhile is refused (401, Slack retries it).
 */
export class BotAuthorization {
  /** Why Slack cannot be used now, or null. */
  problem: string | null = null;
  private identity: Promise<BotIdentity> | null = null;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: WebClient,
    private readonly botToken: string,
    private readonly logger: Logger,
  ) {}

  readonly authorize: Authorize<boolean> = async ({ isEnterpriseInstall }) => ({ isEnterpriseInstall, botToken: this.botToken, ...(await this.check()) });

  /** Asks Slack once at start, then every 30 seconds while it fails. */
  start(): void {
    this.check().catch(() => (this.retry = setTimeout(() => this.start(), RETRY_MS).unref()));
  }

  stop(): void {
    clearTimeout(this.retry);
  }

  /** The identity Slack gave, asked for once; after a failure the next call asks again. */
  private check(): Promise<BotIdentity> {
    this.identity ??= this.client.auth.test({ token: this.botToken }).then(
      (result) => {
        if (this.problem) this.logger.info("Slack's Web API answers again");
        this.problem = null;
        return { botId: result.bot_id, botUserId: result.user_id };
      },
      (err: Error) => {
        this.identity = null;
        this.problem = problemOf(err);
        this.logger.warn(`${this.problem}; Slack is degraded until it answers`);
        throw err;
      },
    );
    return this.identity;
  }
}
