import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InstallationStore } from '@slack/bolt';
import type { SlackConfig } from '../config/load-config.js';
import { interviewDepsOf, type DoorDeps } from '../conversation/door-deps.js';
import type { OutboxSender } from '../conversation/outbox-worker.js';
import { sendJson } from '../http/send-json.js';
import { createSlackApp, SLACK_EVENTS_PATH } from './create-slack-app.js';
import { registerSlackListeners } from './register-slack-listeners.js';
import { respondTo } from './respond-to.js';
import { SlackInterview } from './slack-interview.js';
import { SlackOutboxSender } from './slack-outbox-sender.js';
import { SlackWhatIf } from './slack-what-if.js';
import { SlackTrial } from './slack-trial.js';

/** Slack as the service runs it: its HTTP paths, the outbox's sender, and its health. */
export interface SlackDoor {
  sender: OutboxSender;
  /** Answers a request under /slack/; never throws, whatever the method or path. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): void;
  problems(): string[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds Slack's side of the service; loaded (with Bolt) only when Slack is configured. */
export function openSlackDoor(config: SlackConfig, deps: DoorDeps & { installationStore: InstallationStore & Required<Pick<InstallationStore, 'deleteInstallation'>> }): SlackDoor {
  const { store, logger, installationStore } = deps;
  const slack = createSlackApp(config, { logger, installationStore, now: deps.now });
  // Every listener's work (which goes on after Slack has been answered) is counted, so SIGTERM can wait for it.
  slack.app.use(async ({ next }) => deps.track(next));
  const interview = new SlackInterview({ ...interviewDepsOf(deps), background: deps.background });
  const trial = deps.trials ? new SlackTrial({ store, runner: deps.trials.runner, config: deps.trials.config, interview, catalogue: deps.catalogue, logger, now: deps.now }) : undefined;
  const whatIf = new SlackWhatIf({ store, catalogue: deps.catalogue, logger });
  registerSlackListeners(slack.app, { interview, store, whatIf, logger, background: deps.background, ...(trial ? { trial } : {}) });
  if (config.mode === 'oauth') {
    slack.app.event('app_uninstalled', async ({ context }) =>
      installationStore.deleteInstallation({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall ?? false }),
    );
  }
  // Messages are posted with the bot of their workspace (from the installation store under OAuth).
  const sender = new SlackOutboxSender({
    store,
    logger,
    clientFor: (workspace) => slack.botClientFor(workspace),
    startInterview: (client, start, from) => interview.start({ client, ...start, ...(start.responseUrl ? { respondPrivately: (text: string) => respondTo(start.responseUrl!, text) } : {}) }, from),
  });

  function handle(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (!slack.httpHandler) return sendJson(res, 404, { error: 'Slack runs in Socket Mode here: no HTTP endpoint.' });
    // Bolt throws (and so would end the process) on any method or path it does not serve: answer those here.
    if (path === SLACK_EVENTS_PATH && req.method !== 'POST') return sendJson(res, 405, { error: "This is Slack's events endpoint: it takes signed POST requests from Slack only." }, { allow: 'POST' });
    if (path !== SLACK_EVENTS_PATH && !(req.method === 'GET' && slack.getPaths.includes(path)))
      return sendJson(res, 404, { error: `Nothing at ${path}: Slack sends its requests to ${SLACK_EVENTS_PATH}.` });
    try {
      slack.httpHandler(req, res);
    } catch (err) {
      logger.warn({ err: { message: (err as Error).message } }, 'Slack request refused');
      if (!res.headersSent) sendJson(res, 404, { error: `Nothing at ${path}: Slack sends its requests to ${SLACK_EVENTS_PATH}.` });
    }
  }

  return { sender, handle, problems: () => slack.problems(), start: () => slack.start(), stop: () => slack.stop() };
}
