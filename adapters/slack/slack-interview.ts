import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import {
  buildOpeningCard,
  refsOf,
  type Card,
  type Conversation,
  type OutboxMessage,
  type TurnContext,
  type TurnInput,
  type TurnOutcome,
  type Answers,
  type SlackStartRequest,
} from '../../src/index.js';
import { commitTurn, commitTurnHolding, turnContextAt, type TurnOrigin } from '../conversation/commit-turn.js';
import type { OutboxWorker } from '../conversation/outbox-worker.js';
import { SerialPerKey } from '../conversation/serial-per-key.js';
import type { InterviewDeps } from '../conversation/interview-deps.js';
import { renderBlockKit } from './render-block-kit.js';
import { isTagged } from './message-tags.js';
import { permalinkOf } from './permalink.js';
import { isSlackError } from './slack-errors.js';

export type SlackInterviewDeps = InterviewDeps & {
  outbox: OutboxWorker;
  /** Runs work after Slack has been answered, counted for a clean stop and logged if it fails. */
  background: (what: string, work: () => Promise<void>) => void;
};

/** The metadata event an opening posted for a recorded start carries, so a retry finds it. */
const OPENING_EVENT = 'finetune_advisor_opening';

export interface StartRequest {
  client: WebClient;
  teamId: string;
  /** Enterprise Grid: the organisation, and whether the app is installed org-wide. */
  enterpriseId?: string | undefined;
  orgWide?: boolean | undefined;
  channelId: string;
  userId: string;
  /** The person's name as text (Slack's user_name), for Teams summaries. */
  userName?: string;
  task?: string;
  suggested?: Answers;
  /** Tells only the person, where they typed the command (response_url); absent for buttons. */
  respondPrivately?: (text: string) => Promise<unknown>;
}

export type TurnRequest = {
  client: WebClient;
  conversationId: string;
  eventKey: string | null;
  input: Exclude<TurnInput, { kind: 'start' }>;
  actorId: string;
  /** From a form, which shows a refused answer in its own field: nothing is posted for it. */
  fromForm?: boolean;
};

/**
 * The interview as Slack shows it: an opening message in the channel, the questions in its
 * thread, the verdict back in the channel. Every turn goes through the core's runTurn inside
 * one store transaction; what to show is rendered from the replies it returns.
 */
export class SlackInterview {
  private readonly serial = new SerialPerKey();

  constructor(private readonly deps: SlackInterviewDeps) {}

  turnContext(): TurnContext {
    return turnContextAt(this.deps.now(), this.deps.catalogue, this.deps.countTokens, this.deps.trials ?? false);
  }

  /**
   * Records a start asked for with the command, before Slack is answered, and starts it in the
   * background: a replica that dies after answering leaves the start to another (the outbox).
   * False, and nothing recorded, when the command's event key was seen before (a retry, a replay).
   */
  async requestStart(start: SlackStartRequest, eventKey: string): Promise<boolean> {
    const key = `slack-start:${randomUUID()}`;
    return this.deps.outbox.addAndDeliver(key, 'slack', start.userId, { kind: 'start-slack-interview', start }, eventKey, (work) => this.deps.background('starting an interview', work));
  }

  /** The opening an earlier attempt at this start posted, found by its start id in the channel. */
  private async findOpening(client: WebClient, channel: string, outboxId: number): Promise<string | undefined> {
    const history = await client.conversations.history({ channel, limit: 200, include_all_metadata: true });
    return history.messages?.find((m) => isTagged(m, OPENING_EVENT, 'start_id', String(outboxId)))?.ts;
  }

  /**
   * Posts the opening message (in a DM with the person if the bot can't post here) and asks the
   * first question. `from`: the outbox message this start fulfils (marked done with its first
   * turn). True when that turn recorded it done: its deliverer has nothing left to finish.
   */
  async start(req: StartRequest, from?: { outboxId: number; attempts: number }): Promise<boolean> {
    const ownerLabel = `<@${req.userId}>`;
    // A start taken over from a replica that died may find its opening already up: it is used, not posted again.
    const earlier = from && from.attempts > 0 ? await this.findOpening(req.client, req.channelId, from.outboxId) : undefined;
    if (earlier && (await this.deps.store.getConversation(`slack:${req.teamId}:${req.channelId}:${earlier}`))) return false;
    const opening = { ...renderBlockKit(buildOpeningCard(ownerLabel, req.task)), ...(from ? { metadata: { event_type: OPENING_EVENT, event_payload: { start_id: String(from.outboxId) } } } : {}) };
    let channel = req.channelId;
    let movedToDm = false;
    let threadTs = earlier;
    if (!threadTs) {
      try {
        threadTs = (await req.client.chat.postMessage({ channel, ...opening })).ts!;
      } catch (err) {
        if (!isSlackError(err, ['not_in_channel', 'channel_not_found', 'is_archived'])) throw err;
        const dm = await req.client.conversations.open({ users: req.userId });
        channel = dm.channel?.id ?? req.userId;
        movedToDm = true;
        threadTs = (await req.client.chat.postMessage({ channel, ...opening })).ts!;
      }
    }
    const conversationId = `slack:${req.teamId}:${channel}:${threadTs}`;
    // Read the description after the opening is up: a model may take a few seconds.
    const intake = req.task && !req.suggested && this.deps.readIntake ? await this.deps.readIntake(req.task, this.turnContext()) : undefined;
    const input: TurnInput = {
      kind: 'start',
      conversationId,
      platform: 'slack',
      ownerId: req.userId,
      ownerLabel,
      refs: {
        kind: 'slack',
        channel,
        threadTs,
        teamId: req.teamId,
        ...(req.enterpriseId ? { enterpriseId: req.enterpriseId, orgWide: req.orgWide ?? false } : {}),
        ownerName: req.userName ?? req.userId,
      },
      ...(req.task ? { task: req.task } : {}),
      ...(req.suggested ? { suggested: req.suggested } : {}),
      ...(intake ? { intake } : {}),
    };
    // The conversation is new: its first question comes back held for this deliverer, sent without a write to take it.
    const committed = await commitTurnHolding(this.deps, this.turnContext(), conversationId, null, input, {
      actorId: req.userId,
      ...(from ? { completesOutbox: from.outboxId } : {}),
      holdFor: this.deps.outbox.lease(),
    });
    if (committed) await this.deliver(req.client, conversationId, committed.outcome, req.userId, committed.held);
    if (movedToDm && req.respondPrivately) {
      const link = await permalinkOf(req.client, channel, threadTs, this.deps.logger);
      await req.respondPrivately(
        `I'm not a member of this conversation, so I started the interview in a direct message with you${link ? `: <${link}|open it>` : ''}. To run it here, invite me with \`/invite @finetune-advisor\`.`,
      );
    }
    return committed !== null && from !== undefined;
  }

  /**
   * One answer, skip, back, start over or cancel. Returns the outcome, or null for a repeat of a
   * seen event. Turns on one conversation run one at a time, each with its messages delivered
   * before the next starts; `beforeDelivery` runs in between (a form's answer to Slack) and may
   * keep the replies back (false: the form itself shows them).
   */
  turn(req: TurnRequest, beforeDelivery?: (outcome: TurnOutcome | null) => Promise<boolean>): Promise<TurnOutcome | null> {
    return this.serial.run(req.conversationId, async () => {
      const outcome = await this.commit(req.conversationId, req.eventKey, req.input, { actorId: req.actorId, showsRefusalItself: req.fromForm ?? false });
      const deliver = beforeDelivery ? await beforeDelivery(outcome) : true;
      // Saved, so Slack may be answered now: the messages go out after, in order, from the outbox.
      if (outcome && deliver) this.deps.background('delivering a turn', () => this.deliver(req.client, req.conversationId, outcome, req.actorId));
      return outcome;
    });
  }

  /** Runs the turn in the store's transaction; a verdict and the messages to deliver are saved with it. */
  commit(conversationId: string, eventKey: string | null, input: TurnInput, origin: TurnOrigin): Promise<TurnOutcome | null> {
    return commitTurn(this.deps, this.turnContext(), conversationId, eventKey, input, origin);
  }

  /** Delivers what the turn left (through the outbox, in order), then the notes for the actor alone. */
  async deliver(client: WebClient, conversationId: string, outcome: TurnOutcome, actorId: string, held?: OutboxMessage): Promise<void> {
    await this.deps.outbox.drain(conversationId, held ? { held } : {});
    const notes = outcome.replies.filter((r) => r.kind === 'ephemeral');
    if (!notes.length) return;
    const conv = await this.deps.store.getConversation(conversationId);
    for (const note of notes) {
      await (conv ? this.tellPrivately(client, conv, actorId, note.card) : Promise.resolve()).catch((err: unknown) =>
        this.deps.logger.warn({ conversationId, err: { message: (err as Error).message } }, 'could not tell the person privately'),
      );
    }
  }

  private async tellPrivately(client: WebClient, conv: Conversation, userId: string, card: Card): Promise<void> {
    const { channel, threadTs } = refsOf(conv.refs, 'slack');
    await client.chat.postEphemeral({ channel: channel!, user: userId, ...(threadTs ? { thread_ts: threadTs } : {}), ...renderBlockKit(card) });
  }
}
