import type { WebClient } from '@slack/web-api';
import {
  buildMessageCard,
  buildOpeningCard,
  buildVerdictCard,
  refsOf,
  type Card,
  type Conversation,
  type Reply,
  type TurnContext,
  type TurnInput,
  type TurnOutcome,
  type Answers,
  type VerdictRecord,
} from '../../src/index.js';
import { commitTurn, turnContextAt } from '../conversation/commit-turn.js';
import { SerialPerKey } from '../conversation/serial-per-key.js';
import type { InterviewDeps } from '../conversation/interview-deps.js';
import { renderBlockKit } from './render-block-kit.js';
import { errorInWords, errorReference, isSlackError, slackErrorInWords } from './slack-errors.js';

export type SlackInterviewDeps = InterviewDeps;

export interface StartRequest {
  client: WebClient;
  teamId: string;
  channelId: string;
  userId: string;
  /** The person's name as text (Slack's user_name), for Teams summaries. */
  userName?: string;
  task?: string;
  suggested?: Answers;
  /** Tells only the person, where they typed the command (response_url); absent for buttons. */
  respondPrivately?: (text: string) => Promise<unknown>;
}

export type TurnRequest = { client: WebClient; conversationId: string; eventKey: string | null; input: Exclude<TurnInput, { kind: 'start' }>; actorId: string };

/**
 * The interview as Slack shows it: an opening message in the channel, the questions in its
 * thread, the verdict back in the channel. Every turn goes through the core's runTurn inside
 * one store transaction; what to show is rendered from the replies it returns.
 */
/** The metadata event a verdict card carries: Slack's own record that it was posted. */
const VERDICT_EVENT = 'finetune_advisor_verdict';
/** A verdict older than this is not posted late: the conversation has moved on. */
const REPOST_WITHIN_MS = 7 * 24 * 3_600_000;

export class SlackInterview {
  private readonly serial = new SerialPerKey();

  constructor(private readonly deps: SlackInterviewDeps) {}

  turnContext(): TurnContext {
    return turnContextAt(this.deps.now(), this.deps.catalogue, this.deps.countTokens);
  }

  /** Posts the opening message (in a DM with the person if the bot can't post here) and asks the first question. */
  async start(req: StartRequest): Promise<void> {
    const ownerLabel = `<@${req.userId}>`;
    const opening = renderBlockKit(buildOpeningCard(ownerLabel, req.task));
    let channel = req.channelId;
    let movedToDm = false;
    let posted: Awaited<ReturnType<WebClient['chat']['postMessage']>>;
    try {
      posted = await req.client.chat.postMessage({ channel, ...opening });
    } catch (err) {
      if (!isSlackError(err, ['not_in_channel', 'channel_not_found', 'is_archived'])) throw err;
      const dm = await req.client.conversations.open({ users: req.userId });
      channel = dm.channel?.id ?? req.userId;
      movedToDm = true;
      posted = await req.client.chat.postMessage({ channel, ...opening });
    }
    const threadTs = posted.ts!;
    const conversationId = `slack:${req.teamId}:${channel}:${threadTs}`;
    // Read the description after the opening is up: a model may take a few seconds.
    const intake = req.task && !req.suggested && this.deps.readIntake ? await this.deps.readIntake(req.task, this.turnContext()) : undefined;
    const input: TurnInput = {
      kind: 'start',
      conversationId,
      platform: 'slack',
      ownerId: req.userId,
      ownerLabel,
      refs: { kind: 'slack', channel, threadTs, teamId: req.teamId, ownerName: req.userName ?? req.userId },
      ...(req.task ? { task: req.task } : {}),
      ...(req.suggested ? { suggested: req.suggested } : {}),
      ...(intake ? { intake } : {}),
    };
    const outcome = await this.commit(conversationId, null, input);
    if (outcome) await this.deliver(req.client, conversationId, outcome.replies, req.userId);
    if (movedToDm && req.respondPrivately) {
      const link = await this.permalink(req.client, channel, threadTs);
      await req.respondPrivately(
        `I'm not a member of this conversation, so I started the interview in a direct message with you${link ? `: <${link}|open it>` : ''}. To run it here, invite me with \`/invite @finetune-advisor\`.`,
      );
    }
  }

  /**
   * One answer, skip, back, start over or cancel. Returns the outcome, or null for a repeat of a
   * seen event. Turns on one conversation run one at a time, each with its messages delivered
   * before the next starts; `beforeDelivery` runs in between (a form's answer to Slack) and may
   * keep the replies back (false: the form itself shows them).
   */
  turn(req: TurnRequest, beforeDelivery?: (outcome: TurnOutcome | null) => Promise<boolean>): Promise<TurnOutcome | null> {
    return this.serial.run(req.conversationId, async () => {
      const outcome = await this.commit(req.conversationId, req.eventKey, req.input);
      const deliver = beforeDelivery ? await beforeDelivery(outcome) : true;
      if (outcome && deliver) await this.deliver(req.client, req.conversationId, outcome.replies, req.actorId);
      return outcome;
    });
  }

  /** Runs the turn in the store's transaction; a verdict is saved with it. */
  commit(conversationId: string, eventKey: string | null, input: TurnInput): Promise<TurnOutcome | null> {
    return commitTurn(this.deps, this.turnContext(), conversationId, eventKey, input);
  }

  /** Shows the replies of a turn; a failure is told to the person in words and never loses the saved turn. */
  async deliver(client: WebClient, conversationId: string, replies: Reply[], actorId: string): Promise<void> {
    for (const reply of replies) {
      const conv = await this.deps.store.getConversation(conversationId);
      if (!conv) return;
      try {
        await this.show(client, conv, reply, actorId);
      } catch (err) {
        const ref = errorReference();
        this.deps.logger.error({ ref, conversationId, reply: reply.kind, err: { message: (err as Error).message } }, 'could not show a reply in Slack');
        const bySlack = slackErrorInWords(err);
        const text = bySlack ? `Your answer is saved, but I couldn't post in Slack: ${bySlack}` : `Your answer is saved, but showing what comes next failed: ${errorInWords(err, ref)}`;
        await this.tellPrivately(client, conv, actorId, buildMessageCard("Couldn't post", text)).catch(() => undefined);
      }
    }
  }

  private async show(client: WebClient, conv: Conversation, reply: Reply, actorId: string): Promise<void> {
    const { channel, threadTs, questionTs } = refsOf(conv.refs, 'slack');
    switch (reply.kind) {
      case 'update-question':
        if (questionTs) await client.chat.update({ channel: channel!, ts: questionTs, ...renderBlockKit(reply.card) });
        return;
      case 'post-thread': {
        const posted = await client.chat.postMessage({ channel: channel!, thread_ts: threadTs!, ...renderBlockKit(reply.card) });
        if (reply.role === 'question' && posted.ts) await this.deps.store.setQuestionRef(conv.id, { questionTs: posted.ts });
        return;
      }
      case 'post-verdict': {
        const record = conv.verdictId ? await this.deps.store.getVerdict(conv.verdictId) : undefined;
        try {
          if (record) await this.postVerdict(client, conv, record, reply.card);
        } finally {
          // The summaries were queued with the verdict: send them now, posted or not (a failed post is retried).
          if (record && this.deps.onVerdict) await this.deps.onVerdict((await this.deps.store.getVerdict(record.id)) ?? record);
        }
        return;
      }
      case 'ephemeral':
        await this.tellPrivately(client, conv, actorId, reply.card);
        return;
    }
  }

  /**
   * Posts a verdict card in the channel, tagged with its id in the message's metadata, records it
   * as posted with Slack's own message id, and says so in the thread.
   */
  private async postVerdict(client: WebClient, conv: Conversation, record: VerdictRecord, card: Card): Promise<void> {
    const { channel, threadTs } = refsOf(conv.refs, 'slack');
    const posted = await client.chat.postMessage({ channel: channel!, ...renderBlockKit(card), metadata: { event_type: VERDICT_EVENT, event_payload: { verdict_id: record.id } } });
    const link = posted.ts ? await this.permalink(client, channel!, posted.ts) : null;
    await this.deps.store.markVerdictPosted(record.id, posted.ts ?? '', link);
    const where = link ? `[in the channel](${link})` : 'in the channel';
    await client.chat.postMessage({ channel: channel!, thread_ts: threadTs!, ...renderBlockKit(buildMessageCard('Verdict posted', `The verdict is ${where}.`)) });
  }

  /**
   * Posts the verdicts whose card is not up (a failed post, a crash between the turn and its
   * post), once: a verdict already in the channel (found by its metadata, Slack's own record) is
   * only marked as posted.
   */
  async postPendingVerdicts(clientFor: (teamId: string) => Promise<WebClient | null>): Promise<void> {
    const since = new Date(this.deps.now().getTime() - REPOST_WITHIN_MS).toISOString();
    for (const record of await this.deps.store.unpostedVerdicts('slack', since)) {
      // After any turn still running on the conversation (it may be posting this very card).
      await this.serial.run(record.conversationId, () => this.postLate(clientFor, record));
    }
  }

  private async postLate(clientFor: (teamId: string) => Promise<WebClient | null>, record: VerdictRecord): Promise<void> {
    const still = await this.deps.store.unpostedVerdicts('slack', record.createdAt);
    const conv = still.some((r) => r.id === record.id) ? await this.deps.store.getConversation(record.conversationId) : undefined;
    if (!conv) return;
    const { channel, teamId } = refsOf(conv.refs, 'slack');
    const client = await clientFor(teamId);
    if (!client) {
      // Left pending (and listed by `outbox`): the workspace may install the app again.
      this.deps.logger.warn({ verdict: record.id, teamId }, 'a verdict waits: its workspace has no installation');
      return;
    }
    const history = await client.conversations.history({ channel: channel!, limit: 200, include_all_metadata: true });
    const already = history.messages?.find((m) => m.metadata?.event_type === VERDICT_EVENT && (m.metadata.event_payload as { verdict_id?: string } | undefined)?.verdict_id === record.id);
    if (already?.ts) {
      await this.deps.store.markVerdictPosted(record.id, already.ts, await this.permalink(client, channel!, already.ts));
      return;
    }
    const card = buildVerdictCard(record.verdict, { askedBy: record.ownerLabel, ref: { conversationId: conv.id, version: conv.version, verdictId: record.id } });
    await this.postVerdict(client, conv, record, card);
    this.deps.logger.info({ verdict: record.id }, 'a verdict posted late');
  }

  private async tellPrivately(client: WebClient, conv: Conversation, userId: string, card: Card): Promise<void> {
    const { channel, threadTs } = refsOf(conv.refs, 'slack');
    await client.chat.postEphemeral({ channel: channel!, user: userId, ...(threadTs ? { thread_ts: threadTs } : {}), ...renderBlockKit(card) });
  }

  async permalink(client: WebClient, channel: string, ts: string): Promise<string | null> {
    try {
      const result = await client.chat.getPermalink({ channel, message_ts: ts });
      return result.permalink ?? null;
    } catch (err) {
      this.deps.logger.warn({ channel, err: { message: (err as Error).message } }, 'no permalink');
      return null;
    }
  }
}
