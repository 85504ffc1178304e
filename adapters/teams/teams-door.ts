import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TeamsConfig } from '../config/load-config.js';
import { interviewDepsOf, type DoorDeps } from '../conversation/door-deps.js';
import type { OutboxSender } from '../conversation/outbox-worker.js';
import { refuseUnread } from '../http/door-guard.js';
import { isLoopbackUrl, sendJson } from '../http/send-json.js';
import { createTeamsAdapter } from './create-teams-adapter.js';
import { BadActivityRequest, bridge, readJsonBody } from './node-http-bridge.js';
import { SummaryNotifier } from './summary-notifier.js';
import { teamsBotLogic } from './teams-bot.js';
import { TeamsInterview } from './teams-interview.js';
import { TeamsOutboxSender } from './teams-outbox-sender.js';
import { TeamsWhatIf } from './teams-what-if.js';
import { TeamsTrial } from './teams-trial.js';

/** Teams as the service runs it: the endpoint, the outbox's sender, and the managers' summaries. */
export interface TeamsDoor {
  sender: OutboxSender;
  notifier: SummaryNotifier;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** The service's address as the caller used it: behind a proxy, its forwarded host and scheme. */
function calledAddress(req: IncomingMessage, local: boolean): string | null {
  const header = (name: string) =>
    String(req.headers[name] ?? '')
      .split(',')[0]!
      .trim();
  const host = header('x-forwarded-host') || header('host');
  if (!host || !/^[a-z0-9.\-:[\]]+$/i.test(host)) return null;
  const scheme = header('x-forwarded-proto') || (local ? 'http' : 'https');
  return `${scheme}://${host}`;
}

/** Builds Teams' side of the service; loaded (with botbuilder) only when Teams is configured. */
export function openTeamsDoor(config: TeamsConfig, deps: DoorDeps): TeamsDoor {
  const { store, subscriptions, logger } = deps;
  const teams = createTeamsAdapter(config);
  const notifier = new SummaryNotifier({ adapter: teams.adapter, appId: teams.appId, subscriptions, store, logger });
  const interview = new TeamsInterview(interviewDepsOf(deps));
  // The address Teams calls, for links back to this service (PUBLIC_URL wins: a proxy may rewrite the host).
  let calledAt: string | null = null;
  const trial = deps.trials
    ? new TeamsTrial({
        store,
        runner: deps.trials.runner,
        config: deps.trials.config,
        interview,
        catalogue: deps.catalogue,
        logger,
        now: deps.now,
        adapter: teams.adapter,
        appId: teams.appId,
        publicUrl: () => deps.publicUrl ?? calledAt,
      })
    : undefined;
  const whatIf = new TeamsWhatIf({ store, catalogue: deps.catalogue });
  const logic = teamsBotLogic({ interview, whatIf, store, subscriptions, notifier, logger, now: deps.now, ...(trial ? { trial } : {}) });
  if (config.mode === 'local')
    logger.warn('TEAMS LOCAL MODE: no MicrosoftAppId, so Teams requests are NOT authenticated. Listening on 127.0.0.1 only and replying only to loopback service URLs. Never expose this port.');

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST Bot Framework activities here.' });
    // The Bot Connector always sends a bearer token: without one, nothing is read (botbuilder checks the token itself once the activity is parsed).
    if (config.mode === 'azure' && !/^Bearer \S+$/.test(req.headers.authorization ?? '')) return refuseUnread(res, 401, 'Activities come from the Bot Connector with an Authorization: Bearer token.');
    try {
      const body = await readJsonBody(req);
      if (typeof body.type !== 'string') return sendJson(res, 400, { error: 'The body is not a Bot Framework activity: it has no type.' });
      if (config.mode === 'local' && !isLoopbackUrl(body.serviceUrl)) {
        logger.warn({ serviceUrl: String(body.serviceUrl).slice(0, 100) }, 'local mode refused an activity with a non-loopback serviceUrl');
        return sendJson(res, 403, { error: 'Local mode only answers activities whose serviceUrl is on this machine (127.0.0.1, localhost or ::1).' });
      }
      const { request, response } = bridge(req, res, body);
      const called = calledAddress(req, config.mode === 'local');
      // Remembered only once botbuilder has authenticated the activity: a stranger's Host header must not become a link's address.
      await deps.track(() =>
        teams.adapter.process(request, response, (context) => {
          calledAt = called;
          return logic(context);
        }),
      );
    } catch (err) {
      if (err instanceof BadActivityRequest) return err.status === 413 ? refuseUnread(res, 413, err.message) : sendJson(res, err.status, { error: err.message });
      // botbuilder validates the activity with zod before anything else: a malformed one is the caller's mistake.
      if ((err as Error).name === 'ZodError') return sendJson(res, 400, { error: 'The body is not a valid Bot Framework activity.' });
      logger.error({ err: { message: (err as Error).message } }, 'Teams request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'The Teams request failed; see the service log.' });
    }
  }

  return { sender: new TeamsOutboxSender({ store, adapter: teams.adapter, appId: teams.appId }), notifier, handle };
}
