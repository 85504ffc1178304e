import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import {
  buildAssumptionsCard,
  buildMessageCard,
  buildQuestions,
  decodeAction,
  formatUsd,
  inputFromAction,
  inputFromText,
  takesPastedText,
  type ActionPayload,
  type CardAction,
  type ConversationStore,
} from '../../src/index.js';
import type { Logger } from '../logging/create-logger.js';
import { buildAnswerModal } from './build-answer-modal.js';
import { renderBlockKit } from './render-block-kit.js';
import { parseCommandText, SLACK_USAGE } from './slack-command-text.js';
import { slackErrorInWords } from './slack-errors.js';
import type { SlackInterview } from './slack-interview.js';

export const ACTION_PREFIX = /^fta:([a-z-]+)(?::.*)?$/;
export const ANSWER_MODAL = 'fta:answer-modal';

interface ListenerDeps {
  interview: SlackInterview;
  store: ConversationStore;
  logger: Logger;
}

/** The value a clicked element carries back: a button's value, or a menu's block id plus the chosen option. */
function payloadOf(action: BlockAction['actions'][number], blockId: string | undefined): ActionPayload | null {
  if (action.type === 'static_select') {
    const base = decodeAction(blockId);
    const chosen = (action as StaticSelectAction).selected_option?.value;
    return base && chosen ? { ...base, a: chosen } : null;
  }
  return decodeAction((action as ButtonAction).value);
}

/** The interview's Slack surface: the slash command, buttons and menus, the answer modal, typed thread replies. */
export function registerSlackListeners(app: App, { interview, store, logger }: ListenerDeps): void {
  app.command('/finetune-advisor', async ({ command, ack, respond, client }) => {
    await ack();
    const parsed = parseCommandText(command.text);
    const tell = (text: string) => respond({ response_type: 'ephemeral', text });
    logger.info({ command: parsed.kind, team: command.team_id }, 'slash command');
    try {
      if (parsed.kind === 'help') return void (await tell(SLACK_USAGE));
      if (parsed.kind === 'unknown') return void (await tell(`"${parsed.word}" is not something I know. ${SLACK_USAGE}`));
      if (parsed.kind === 'history') {
        const verdicts = await store.listVerdicts('slack', command.user_id, 10);
        if (!verdicts.length) return void (await tell('You have no verdicts yet. Start with `/finetune-advisor <your task>`.'));
        const lines = verdicts.map((v) => {
          const monthly = v.verdict.cost ? ` · prompt ${formatUsd(v.verdict.cost.promptEngineering.monthly)}/mo` : '';
          const where = v.link ? ` · <${v.link}|open>` : '';
          return `• ${v.createdAt.slice(0, 10)} · *${v.verdict.headline}* · ${v.task ?? 'no task given'}${monthly}${where}`;
        });
        return void (await tell(`Your last verdicts:\n${lines.join('\n')}`));
      }
      await interview.start({ client, teamId: command.team_id, channelId: command.channel_id, userId: command.user_id, userName: command.user_name, task: parsed.task, respondPrivately: tell });
    } catch (err) {
      logger.error({ err: { message: (err as Error).message } }, 'slash command failed');
      await tell(`I couldn't start the interview: ${slackErrorInWords(err)}`).catch(() => undefined);
    }
  });

  app.action<BlockAction>(ACTION_PREFIX, async ({ ack, body, action, client }) => {
    const name = ACTION_PREFIX.exec(action.action_id)?.[1];
    const payload = payloadOf(action, action.block_id);
    await ack();
    const userId = body.user.id;
    const warn = (text: string) => client.chat.postEphemeral({ channel: body.channel?.id ?? userId, user: userId, ...renderBlockKit(buildMessageCard('Sorry', text)) });
    if (!payload) {
      logger.warn({ action: action.action_id }, 'button without a readable payload');
      return void (await warn('That button is not one I can read any more; start again with `/finetune-advisor`.').catch(() => undefined));
    }
    try {
      switch (name) {
        case 'open-input':
          return await openAnswerModal(client, body.trigger_id, payload, userId);
        case 'show-assumptions': {
          const record = payload.d ? await store.getVerdict(payload.d) : undefined;
          if (!record) return void (await warn('That verdict is no longer stored.'));
          const conv = await store.getConversation(record.conversationId);
          const card = buildAssumptionsCard(record.verdict);
          const channel = conv?.refs.channel ?? body.channel?.id ?? userId;
          return void (await client.chat.postEphemeral({ channel, user: userId, ...renderBlockKit(card) }));
        }
        case 'new-from-verdict': {
          const record = payload.d ? await store.getVerdict(payload.d) : undefined;
          if (!record) return void (await warn('That verdict is no longer stored.'));
          const conv = await store.getConversation(record.conversationId);
          const teamId = conv?.refs.teamId ?? body.team?.id ?? '';
          const channelId = conv?.refs.channel ?? body.channel?.id ?? userId;
          const { task, ...rest } = record.verdict.answers;
          const userName = body.user.username ?? body.user.name;
          return void (await interview.start({ client, teamId, channelId, userId, ...(userName ? { userName } : {}), ...(task ? { task } : {}), suggested: rest }));
        }
        case 'change':
        case 'answer':
        case 'skip':
        case 'back':
        case 'start-over':
        case 'cancel': {
          const input = inputFromAction(name as CardAction, payload, userId);
          if (!input) return;
          await interview.turn({ client, conversationId: payload.c, eventKey: `slack:action:${userId}:${(action as ButtonAction).action_ts}`, input, actorId: userId });
          return;
        }
        default:
          logger.warn({ action: action.action_id }, 'unknown action');
      }
    } catch (err) {
      logger.error({ action: name, err: { message: (err as Error).message } }, 'action failed');
      await warn(`That didn't work: ${slackErrorInWords(err)}`).catch(() => undefined);
    }
  });

  /** A typed answer in a modal: checked before the modal closes, so a mistake is shown in the field. */
  app.view(ANSWER_MODAL, async ({ ack, body, view, client }) => {
    const payload = decodeAction(view.private_metadata);
    const text = view.state.values.answer?.value?.value ?? '';
    if (!payload) return void (await ack({ response_action: 'errors', errors: { answer: 'This form is out of date; close it and start again.' } }));
    const userId = body.user.id;
    const input = inputFromAction('answer', payload, userId, text)!;
    const outcome = await interview.commit(payload.c, `slack:view:${view.id}`, input);
    if (outcome?.status === 'invalid') {
      const message = outcome.replies.map((r) => r.card.blocks.find((b) => b.type === 'text')).find(Boolean);
      return void (await ack({ response_action: 'errors', errors: { answer: message && 'text' in message ? message.text.slice(0, 2000) : 'That answer does not fit.' } }));
    }
    await ack();
    if (outcome) await interview.deliver(client, payload.c, outcome.replies, userId);
  });

  /** Typed replies in an interview's thread: only the interview's owner, only while it runs. */
  app.event('message', async ({ event, body, client }) => {
    const message = event as { subtype?: string; bot_id?: string; thread_ts?: string; ts: string; channel: string; user?: string; text?: string };
    if (message.subtype || message.bot_id || !message.thread_ts || message.thread_ts === message.ts || !message.user) return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const conversationId = `slack:${teamId}:${message.channel}:${message.thread_ts}`;
    const conv = await store.getConversation(conversationId);
    if (!conv || conv.status !== 'active' || conv.ownerId !== message.user) return;
    const eventId = (body as { event_id?: string }).event_id ?? `${message.channel}:${message.ts}`;
    await interview.turn({
      client,
      conversationId,
      eventKey: `slack:event:${eventId}`,
      input: inputFromText(message.text ?? '', message.user),
      actorId: message.user,
    });
  });

  async function openAnswerModal(client: WebClient, triggerId: string, payload: ActionPayload, userId: string): Promise<void> {
    const conv = await store.getConversation(payload.c);
    const channel = conv?.refs.channel ?? userId;
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
