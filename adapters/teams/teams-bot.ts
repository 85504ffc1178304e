import { ActivityTypes, TurnContext } from 'botbuilder';
import { buildHistoryCard, type ChannelAddress, type ConversationStore, type SubscriptionStore } from '../../src/index.js';
import type { Logger } from '../logging/create-logger.js';
import type { SummaryNotifier } from './summary-notifier.js';
import { actorOf, type TeamsInterview, type InvokeAnswer } from './teams-interview.js';
import { readCardAction } from './read-card-action.js';
import { renderAdaptiveAttachment } from './render-adaptive-card.js';
import type { TeamsTrial } from './teams-trial.js';
import type { TeamsWhatIf } from './teams-what-if.js';

const TRIALS_OFF = 'Trials are off on this service: an admin turns them on by setting OPENAI_API_KEY (and OPENAI_BASE_URL for another OpenAI-compatible endpoint).';

export const TEAMS_USAGE = [
  '**finetune-advisor**: keep improving the prompt, or fine-tune? A few questions, then a verdict with the costs.',
  '- `start` or `finetune-advisor <your task>` starts an interview, e.g. `finetune-advisor classify 50k tickets a day into 12 queues`',
  '- `trial` runs your prompt on your own examples for the interview running here (attach a CSV or JSONL of examples first, or paste them)',
  '- `history` lists your last verdicts; `cancel` stops your interview; `help` shows this',
  '- In a channel: `subscribe` posts every verdict (from Slack and Teams) as a summary, and a digest of each week, in a "Fine-tuning verdicts" thread here; `unsubscribe` stops it; `subscriptions` lists them',
  'Answer with the card buttons, or type: `4k`, `10M a month`, `250k/day`, `8/10`, `80%`.',
].join('\n\n');

interface TeamsBotDeps {
  interview: TeamsInterview;
  /** "Try other numbers" on a verdict card. */
  whatIf: TeamsWhatIf;
  /** Prompt trials; absent when no trial endpoint is configured. */
  trial?: TeamsTrial;
  store: ConversationStore;
  subscriptions: SubscriptionStore;
  notifier: SummaryNotifier;
  logger: Logger;
  now: () => Date;
}

/** The channel this activity came from, as our own address record; null outside channels. */
export function channelAddressOf(context: TurnContext): ChannelAddress | null {
  const a = context.activity;
  const data = (a.channelData ?? {}) as { channel?: { id?: string }; team?: { id?: string }; tenant?: { id?: string } };
  const channelId = data.channel?.id;
  if (!channelId || a.conversation.conversationType !== 'channel') return null;
  return {
    serviceUrl: a.serviceUrl,
    tenantId: data.tenant?.id ?? a.conversation.tenantId ?? '',
    conversationId: a.conversation.id.split(';')[0]!,
    teamId: data.team?.id ?? null,
    channelId,
    botId: a.recipient.id,
  };
}

/** One turn of the Teams bot: messages (commands and typed answers), card clicks, installs. */
export function teamsBotLogic({ interview, whatIf, trial, store, subscriptions, notifier, logger, now }: TeamsBotDeps): (context: TurnContext) => Promise<void> {
  const reply = (context: TurnContext, text: string) => context.sendActivity({ type: ActivityTypes.Message, text, textFormat: 'markdown' });

  async function command(context: TurnContext, text: string): Promise<void> {
    const [first = '', ...rest] = text.split(/\s+/);
    const word = first.toLowerCase();
    const address = channelAddressOf(context);
    switch (word) {
      case 'help':
        return void (await reply(context, TEAMS_USAGE));
      case 'start':
      case 'finetune-advisor':
        return interview.start(context, rest.join(' ').trim() || undefined);
      case 'history': {
        const verdicts = await store.listVerdicts('teams', actorOf(context).userId, 10);
        if (!verdicts.length) return void (await reply(context, 'You have no verdicts yet. Type `start` to begin.'));
        return void (await context.sendActivity({ attachments: [renderAdaptiveAttachment(buildHistoryCard(verdicts))] }));
      }
      case 'trial':
        if (!trial) return void (await reply(context, TRIALS_OFF));
        return trial.typed(context);
      case 'cancel':
        if (!(await interview.cancel(context))) await reply(context, 'You have no interview running here.');
        return;
      case 'subscribe':
      case 'unsubscribe':
      case 'subscriptions': {
        if (!address) return void (await reply(context, `\`${word}\` works in a Teams channel: add me to a team, then write \`@finetune-advisor ${word}\` in the channel.`));
        if (word === 'subscribe') {
          const sub = await subscriptions.subscribe(address, actorOf(context).userName, now().toISOString());
          await notifier.ensureThread(sub.id);
          return void (await reply(
            context,
            'Subscribed: every verdict, from Slack and Teams, will be posted as a summary in the "Fine-tuning verdicts" thread of this channel, with a digest of the verdicts each week.',
          ));
        }
        if (word === 'unsubscribe') {
          const ended = await subscriptions.unsubscribe(address.conversationId);
          return void (await reply(context, ended ? 'Unsubscribed: no more verdict summaries here.' : 'This channel was not subscribed.'));
        }
        const all = await subscriptions.listSubscriptions();
        const lines = all.map(
          (s) =>
            `- channel ${s.address.channelId}${s.address.conversationId === address.conversationId ? ' (this one)' : ''}, by ${s.subscribedBy} on ${s.createdAt.slice(0, 10)}${s.active ? '' : ' (inactive: I was removed from that team)'}`,
        );
        return void (await reply(context, all.length ? `Channels following verdicts:\n\n${lines.join('\n')}` : 'No channel follows verdicts yet. Write `@finetune-advisor subscribe` in one.'));
      }
    }
    if (await interview.typed(context, text)) return;
    await reply(context, `I didn't catch that. Type \`start\` (or \`finetune-advisor <your task>\`) for a new interview, or \`help\`.`);
  }

  /** A click on a trial's or a what-if's button, answered by it; null for every other click. */
  async function formClick(context: TurnContext, value: unknown): Promise<InvokeAnswer | null> {
    const action = readCardAction(value);
    const tried = action ? await whatIf.clicked(context, action.action, action.payload, value) : null;
    if (tried) return tried;
    if (!action || !['open-trial', 'run-trial', 'cancel-trial'].includes(action.action)) return null;
    if (!trial) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: TRIALS_OFF };
    if (action.action === 'open-trial') return trial.openForm(context, action.payload.c);
    if (action.action === 'run-trial') return trial.submit(context, action.payload, value);
    return trial.cancel(context, action.payload.d ?? '');
  }

  return async (context: TurnContext) => {
    const a = context.activity;
    const address = channelAddressOf(context);
    if (address) await subscriptions.saveAddress(address);
    try {
      if (a.type === ActivityTypes.Invoke && a.name === 'adaptiveCard/action') {
        const answer = (await formClick(context, a.value)) ?? (await interview.clicked(context, a.value));
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: answer } });
        return;
      }
      if (a.type === ActivityTypes.Message) {
        if (a.value && typeof a.value === 'object') {
          // Action.Submit (older clients): the card's data arrives as the message's value.
          const answer = (await formClick(context, a.value)) ?? (await interview.clicked(context, a.value));
          if (answer.type === 'application/vnd.microsoft.activity.message') await reply(context, answer.value);
          else if (answer.type === 'application/vnd.microsoft.card.adaptive')
            await context.sendActivity({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answer.value }] });
          return;
        }
        if (trial && (await trial.fileShared(context))) return;
        const text = (TurnContext.removeRecipientMention(a) ?? a.text ?? '').replace(/<at>[^<]*<\/at>/g, '').trim();
        await command(context, text);
        return;
      }
      if (a.type === ActivityTypes.ConversationUpdate && a.membersAdded?.some((m) => m.id === a.recipient.id)) {
        await reply(context, address ? 'Hi! Write `@finetune-advisor start` to size up a task, or `@finetune-advisor subscribe` to follow every verdict in this channel.' : TEAMS_USAGE);
      }
    } catch (err) {
      logger.error({ activity: a.type, err: { message: (err as Error).message } }, 'Teams turn failed');
      const words = `Sorry, that didn't work: ${(err as Error).message}`;
      if (a.type === ActivityTypes.Invoke) {
        const failed: InvokeAnswer = { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'InternalError', message: words } };
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: failed } });
      } else await reply(context, words).catch(() => undefined);
    }
  };
}
