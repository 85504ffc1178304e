import { createHash } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import {
  buildAssumptionsCard,
  buildMessageCard,
  buildQuestions,
  decodeAction,
  buildHistoryCard,
  inputFromAction,
  inputFromText,
  takesPastedText,
  type ActionPayload,
  type CardAction,
  type ConversationStore,
  unmarked,
} from '../../src/index.js';
import type { Logger } from '../logging/create-logger.js';
import { buildAnswerModal } from './build-answer-modal.js';
import { renderBlockKit } from './render-block-kit.js';
import { parseCommandText, SLACK_USAGE, typedText } from './slack-command-text.js';
import { errorInWords, errorReference } from './slack-errors.js';
import { blockActionsShape, slashCommandShape, threadFileShape, threadReplyShape, viewShape, type BlockActionElement } from './slack-payload-shapes.js';
import type { SlackInterview } from './slack-interview.js';
import type { SlackTrial } from './slack-trial.js';
import { registerTrialForm } from './register-slack-trial-form.js';
import { registerWhatIfForm, type SlackWhatIf } from './slack-what-if.js';

const TRIALS_OFF = 'Trials are off on this service: an admin turns them on by setting OPENAI_API_KEY (and OPENAI_BASE_URL for another OpenAI-compatible endpoint).';

export const ACTION_PREFIX = /^fta:([a-z-]+)(?::.*)?$/;
export const ANSWER_MODAL = 'fta:answer-modal';

interface ListenerDeps {
  interview: SlackInterview;
  /** Prompt trials; absent when no trial endpoint is configured. */
  trial?: SlackTrial;
  store: ConversationStore;
  /** "Try other numbers" on a verdict card. */
  whatIf: SlackWhatIf;
  logger: Logger;
  /** Runs work after Slack has been answered (counted for a clean stop, logged if it fails). */
  background: (what: string, work: () => Promise<void>) => void;
}

/** One key per slash command invocation, the same for every delivery of it. */
function commandKey(command: { team_id: string; trigger_id?: string | undefined; response_url: string }): string {
  const id = createHash('sha256')
    .update(command.trigger_id || command.response_url)
    .digest('hex')
    .slice(0, 32);
  return `slack:command:${command.team_id}:${id}`;
}

/** The value a clicked element carries back: a button's value, or a menu's block id plus the chosen option. */
function payloadOf(action: BlockActionElement): ActionPayload | null {
  if (action.type === 'static_select') {
    const base = decodeAction(action.block_id);
    const chosen = action.selected_option?.value;
    return base && chosen ? { ...base, a: chosen } : null;
  }
  return decodeAction(action.value);
}

/** The interview's Slack surface: the slash command, buttons and menus, the answer modal, typed thread replies. */
export function registerSlackListeners(app: App, { interview, trial, store, whatIf, logger, background }: ListenerDeps): void {
  app.command('/finetune-advisor', async ({ command: raw, ack, respond }) => {
    await ack();
    const shape = slashCommandShape.safeParse(raw);
    if (!shape.success) return void logger.warn({ issue: shape.error.issues[0]?.message }, 'slash command not as Slack sends it');
    const command = shape.data;
    const parsed = parseCommandText(command.text);
    const tell = (text: string) => respond({ response_type: 'ephemeral', text });
    logger.info({ command: parsed.kind, team: command.team_id }, 'slash command');
    try {
      if (parsed.kind === 'help') return void (await tell(SLACK_USAGE));
      if (parsed.kind === 'unknown') return void (await tell(`"${parsed.word}" is not something I know. ${SLACK_USAGE}`));
      if (parsed.kind === 'trial') {
        const conv = await store.findActiveConversation('slack', command.user_id, command.channel_id);
        if (!trial) return void (await tell(TRIALS_OFF));
        if (!conv) return void (await tell('No interview of yours is running in this channel. Start one with `/finetune-advisor <your task>`, then run the trial from it.'));
        if (!command.trigger_id) return void (await tell('Slack sent no way to open the form; use the "Run a trial on your examples" button on the interview\'s examples question.'));
        const words = await trial.openForm(app.client, command.trigger_id, conv.id, command.user_id);
        if (words) await tell(words);
        return;
      }
      if (parsed.kind === 'history') {
        const verdicts = await store.listVerdicts('slack', command.user_id, 10);
        if (!verdicts.length) return void (await tell('You have no verdicts yet. Start with `/finetune-advisor <your task>`.'));
        return void (await respond({ response_type: 'ephemeral', ...renderBlockKit(buildHistoryCard(verdicts)) }));
      }
      // A command delivered again (Slack's retry, a replayed signed request) carries the same
      // trigger_id and response_url: its key is recorded once, in the store all replicas share.
      // Recorded before Slack hears back (the receiver answers once this listener is done), then started in the background.
      const started = await interview.requestStart(
        {
          teamId: command.team_id,
          enterpriseId: command.enterprise_id,
          orgWide: command.is_enterprise_install === 'true',
          channelId: command.channel_id,
          userId: command.user_id,
          userName: command.user_name,
          task: parsed.task,
          responseUrl: command.response_url,
        },
        commandKey(command),
      );
      if (!started) logger.info({ team: command.team_id }, 'slash command delivered again: nothing started');
    } catch (err) {
      const ref = errorReference();
      const what = parsed.kind === 'history' ? "I couldn't list your verdicts" : parsed.kind === 'start' ? "I couldn't start the interview" : "I couldn't answer";
      logger.error({ ref, command: parsed.kind, err: { message: (err as Error).message } }, 'slash command failed');
      await tell(`${what}: ${errorInWords(err, ref)}`).catch(() => undefined);
    }
  });

  app.action(ACTION_PREFIX, async ({ ack, body: raw, client }) => {
    await ack();
    const shape = blockActionsShape.safeParse(raw);
    if (!shape.success) return void logger.warn({ issue: shape.error.issues[0]?.message }, 'block action not as Slack sends it');
    const body = shape.data;
    const action = body.actions[0]!;
    const name = ACTION_PREFIX.exec(action.action_id)?.[1];
    const payload = payloadOf(action);
    const userId = body.user.id;
    const warn = (text: string) => client.chat.postEphemeral({ channel: body.channel?.id ?? userId, user: userId, ...renderBlockKit(buildMessageCard('Sorry', text)) });
    if (!payload) {
      logger.warn({ action: action.action_id.slice(0, 100) }, 'button without a readable payload');
      return void (await warn('That button is not one I can read any more; start again with `/finetune-advisor`.').catch(() => undefined));
    }
    try {
      switch (name) {
        case 'open-input':
          return await openAnswerModal(client, body.trigger_id, payload, userId);
        case 'open-trial': {
          if (!trial) return void (await warn(TRIALS_OFF));
          const words = await trial.openForm(client, body.trigger_id, payload.c, userId);
          if (words) await warn(words);
          return;
        }
        case 'cancel-trial': {
          if (!trial || !payload.d) return void (await warn(TRIALS_OFF));
          return void (await warn(await trial.cancel(payload.d, userId)));
        }
        case 'try-other-numbers': {
          const words = await whatIf.openForm(client, body.trigger_id, payload);
          return void (words && (await warn(words)));
        }
        case 'post-what-if':
          return void (await warn(await whatIf.post(client, payload, userId)));
        case 'show-assumptions': {
          const record = payload.d ? await store.getVerdict(payload.d) : undefined;
          if (!record) return void (await warn('That verdict is no longer stored.'));
          const conv = await store.getConversation(record.conversationId);
          const card = buildAssumptionsCard(record.verdict);
          const channel = (conv?.refs.kind === 'slack' ? conv.refs.channel : undefined) ?? body.channel?.id ?? userId;
          return void (await client.chat.postEphemeral({ channel, user: userId, ...renderBlockKit(card) }));
        }
        case 'new-from-verdict': {
          const record = payload.d ? await store.getVerdict(payload.d) : undefined;
          if (!record) return void (await warn('That verdict is no longer stored.'));
          const conv = await store.getConversation(record.conversationId);
          const teamId = (conv?.refs.kind === 'slack' ? conv.refs.teamId : undefined) ?? body.team?.id ?? '';
          const channelId = (conv?.refs.kind === 'slack' ? conv.refs.channel : undefined) ?? body.channel?.id ?? userId;
          const { task, ...rest } = record.verdict.answers;
          const userName = body.user.username ?? body.user.name;
          const grid = conv?.refs.kind === 'slack' ? { enterpriseId: conv.refs.enterpriseId, orgWide: conv.refs.orgWide } : { enterpriseId: body.enterprise?.id, orgWide: body.is_enterprise_install };
          // In the background: a start may read the task with a model, longer than Slack waits for an answer.
          return void background('starting an interview from a verdict', async () => {
            await interview.start({ client, teamId, ...grid, channelId, userId, ...(userName ? { userName } : {}), ...(task ? { task } : {}), suggested: rest });
          });
        }
        case 'change':
        case 'answer':
        case 'skip':
        case 'back':
        case 'start-over':
        case 'show-verdict':
        case 'cancel': {
          const input = inputFromAction(name as CardAction, payload, userId);
          if (!input) return;
          await interview.turn({ client, conversationId: payload.c, eventKey: `slack:action:${userId}:${action.action_ts}`, input, actorId: userId });
          return;
        }
        default:
          logger.warn({ action: action.action_id.slice(0, 100) }, 'unknown action');
      }
    } catch (err) {
      const ref = errorReference();
      logger.error({ ref, action: name, err: { message: (err as Error).message } }, 'action failed');
      await warn(`That button didn't work: ${errorInWords(err, ref)}`).catch(() => undefined);
    }
  });

  /** A typed answer in a modal: checked before the modal closes, so a mistake is shown in the field. */
  app.view(ANSWER_MODAL, async ({ ack, body: raw, client }) => {
    const refuse = (answer: string) => ack({ response_action: 'errors', errors: { answer: answer.slice(0, 2000) } });
    const shape = viewShape.safeParse(raw);
    if (!shape.success) {
      logger.warn({ issue: shape.error.issues[0]?.message }, 'form answer not as Slack sends it');
      return void (await refuse('This form could not be read; close it and start again.'));
    }
    const { view, user } = shape.data;
    const payload = decodeAction(view.private_metadata);
    const text = view.state?.values.answer?.value?.value ?? '';
    if (!payload) return void (await refuse('This form is out of date; close it and start again.'));
    const input = inputFromAction('answer', payload, user.id, text)!;
    let answered = false;
    try {
      // In turn with the thread's typed replies: the form is answered between the turn and its messages.
      await interview.turn({ client, conversationId: payload.c, eventKey: `slack:view:${view.id}`, input, actorId: user.id, fromForm: true }, async (outcome) => {
        answered = true;
        if (outcome?.status === 'invalid') {
          const message = outcome.replies.map((r) => r.card.blocks.find((b) => b.type === 'text')).find(Boolean);
          // A view error is plain text: the marks on a person's words come off.
          await refuse(message && 'text' in message ? unmarked(message.text) : 'That answer does not fit.');
          return false;
        }
        await ack();
        return true;
      });
    } catch (err) {
      const ref = errorReference();
      logger.error({ ref, err: { message: (err as Error).message } }, 'form answer failed');
      if (!answered) await refuse(`I couldn't save this answer: ${errorInWords(err, ref)}`);
    }
  });

  if (trial) registerTrialForm(app, trial, logger);
  registerWhatIfForm(app, whatIf, logger);

  /** Typed replies in an interview's thread: only the interview's owner, only while it runs. */
  app.event('message', async ({ event, body, client }) => {
    // A file shared in an interview's thread is no answer: the trial form takes it; say so.
    const shared = threadFileShape.safeParse(event);
    if (shared.success) return void (await trial?.noteSharedFile(client, (body as { team_id?: string }).team_id ?? '', shared.data));
    // Only a person's plain reply in a thread: edits, joins, bot posts and the like are not answers.
    const reply = threadReplyShape.safeParse(event);
    if (!reply.success || reply.data.thread_ts === reply.data.ts) return;
    const message = reply.data;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const conversationId = `slack:${teamId}:${message.channel}:${message.thread_ts}`;
    try {
      const conv = await store.getConversation(conversationId);
      if (conv?.status !== 'active' || conv.ownerId !== message.user) return;
      const eventId = (body as { event_id?: string }).event_id ?? `${message.channel}:${message.ts}`;
      await interview.turn({ client, conversationId, eventKey: `slack:event:${eventId}`, input: inputFromText(typedText(message.text ?? ''), message.user), actorId: message.user });
    } catch (err) {
      const ref = errorReference();
      logger.error({ ref, conversationId, err: { message: (err as Error).message } }, 'thread reply failed');
      const card = renderBlockKit(buildMessageCard('Not taken', `I couldn't take your reply: ${errorInWords(err, ref)}`));
      await client.chat.postEphemeral({ channel: message.channel, user: message.user, thread_ts: message.thread_ts, ...card }).catch(() => undefined);
    }
  });

  async function openAnswerModal(client: WebClient, triggerId: string, payload: ActionPayload, userId: string): Promise<void> {
    const conv = await store.getConversation(payload.c);
    const channel = (conv?.refs.kind === 'slack' ? conv.refs.channel : undefined) ?? userId;
    if (!conv || conv.ownerId !== userId) {
      const text = conv ? `This is ${conv.ownerLabel}'s interview; only they can answer it. Start your own with \`/finetune-advisor\`.` : 'This interview is no longer stored.';
      await client.chat.postEphemeral({ channel, user: userId, ...renderBlockKit(buildMessageCard('Not your interview', text)) });
      return;
    }
    const question = payload.q ? buildQuestions(interview.turnContext())[payload.q as keyof ReturnType<typeof buildQuestions>] : undefined;
    if (!question || conv.pending !== question.id || conv.version !== payload.v) {
      await client.chat.postEphemeral({ channel, user: userId, ...renderBlockKit(buildMessageCard('Already moved on', 'That question was already answered.')) });
      return;
    }
    await client.views.open({
      trigger_id: triggerId,
      view: buildAnswerModal({
        payload: JSON.stringify(payload),
        title: 'Your answer',
        label: question.prompt,
        placeholder: takesPastedText(question) ? `e.g. ${question.example}, or paste the prompt` : `e.g. ${question.example}`,
        multiline: takesPastedText(question),
      }),
    });
  }
}
