import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import {
  buildAssumptionsCard,
  buildMessageCard,
  type Answers,
  type Card,
  type Conversation,
  type TrialSummary,
  type TurnContext as AdviceTurn,
  type TurnInput,
  inputFromAction,
  inputFromText,
  isCardAction,
  type OutboxMessage,
  type TurnOutcome,
} from '../../src/index.js';
import { commitTurn, commitTurnHolding, turnContextAt } from '../conversation/commit-turn.js';
import type { OutboxWorker } from '../conversation/outbox-worker.js';
import { SerialPerKey } from '../conversation/serial-per-key.js';
import type { InterviewDeps } from '../conversation/interview-deps.js';
import { readCardAction } from './read-card-action.js';

/** A de-duplication key for an activity: unique per Teams conversation and activity. */
function eventKeyOf(context: TurnContext): string | null {
  const { id, conversation } = context.activity;
  return id ? `teams:${conversation?.id ?? 'unknown'}:${id}` : null;
}
import { renderAdaptiveAttachment } from './render-adaptive-card.js';

export type TeamsInterviewDeps = InterviewDeps & { outbox: OutboxWorker };

/** What an invoke (Action.Execute) is answered with: Teams shows it to the person who clicked. */
export type InvokeAnswer =
  | { statusCode: 200; type: 'application/vnd.microsoft.card.adaptive'; value: unknown }
  | { statusCode: 200; type: 'application/vnd.microsoft.activity.message'; value: string }
  | { statusCode: 500; type: 'application/vnd.microsoft.error'; value: { code: string; message: string } };

/** Who is acting, and where: Teams' stable user id (AAD object id where there is one). */
export function actorOf(context: TurnContext): { userId: string; userName: string; place: string } {
  const { from, conversation } = context.activity;
  return { userId: from.aadObjectId ?? from.id, userName: from.name ?? 'someone', place: conversation.id };
}

function textOf(card: Card): string {
  const text = card.blocks.find((b) => b.type === 'text');
  return text && 'text' in text ? text.text : card.title;
}

/**
 * The interview as Teams shows it: questions as Adaptive Cards in the chat (or channel
 * thread) where it started; an answered card is replaced for everyone; the verdict card
 * follows in the same place. Turns run through the core in one store transaction.
 */
export class TeamsInterview {
  /** Turns on one conversation run one at a time, each delivered before the next. */
  private readonly serial = new SerialPerKey();

  constructor(private readonly deps: TeamsInterviewDeps) {}

  private adviceTurn(): AdviceTurn {
    return turnContextAt(this.deps.now(), this.deps.catalogue, this.deps.countTokens, this.deps.trials ?? false);
  }

  /** Starts an interview here; a running one of the same person in the same place is cancelled first. */
  async start(context: TurnContext, task: string | undefined, suggested?: Answers): Promise<void> {
    const { userId, userName, place } = actorOf(context);
    const running = await this.deps.store.findActiveConversation('teams', userId, place);
    if (running) {
      const cancelled = await this.commit(running.id, null, { kind: 'cancel', userId }, userId);
      if (cancelled) await this.deps.outbox.drain(running.id);
    }
    // Activity ids are unique within a conversation only: two chats can send the same one.
    const id = `teams:${context.activity.conversation?.id ?? 'unknown'}:${context.activity.id ?? randomUUID()}`;
    const { recipient, conversation } = context.activity;
    const refs = {
      kind: 'teams' as const,
      place,
      ownerName: userName,
      serviceUrl: context.activity.serviceUrl,
      ...(recipient?.id ? { botId: recipient.id } : {}),
      ...(conversation?.tenantId ? { tenantId: conversation.tenantId } : {}),
    };
    const intake = task && !suggested && this.deps.readIntake ? await this.deps.readIntake(task, this.adviceTurn()) : undefined;
    const input: TurnInput = {
      kind: 'start',
      conversationId: id,
      platform: 'teams',
      ownerId: userId,
      ownerLabel: userName,
      refs,
      ...(task ? { task } : {}),
      ...(suggested ? { suggested } : {}),
      ...(intake ? { intake } : {}),
    };
    // The conversation is new: its first card comes back held for this deliverer, sent without a write to take it.
    const committed = await commitTurnHolding(this.deps, this.adviceTurn(), id, eventKeyOf(context), input, { actorId: userId, holdFor: this.deps.outbox.lease() });
    if (committed) await this.show(context, id, committed.outcome, 'post', committed.held);
  }

  /** A reply typed in the chat: an answer to the person's running interview here, if there is one. */
  async typed(context: TurnContext, text: string): Promise<boolean> {
    const { userId, place } = actorOf(context);
    const running = await this.deps.store.findActiveConversation('teams', userId, place);
    if (!running) return false;
    await this.serial.run(running.id, async () => {
      const outcome = await this.commit(running.id, eventKeyOf(context), inputFromText(text, userId), userId);
      if (outcome) await this.show(context, running.id, outcome);
    });
    return true;
  }

  /** Cancels the person's running interview here; false when there is none. */
  async cancel(context: TurnContext): Promise<boolean> {
    const { userId, place } = actorOf(context);
    const running = await this.deps.store.findActiveConversation('teams', userId, place);
    if (!running) return false;
    await this.serial.run(running.id, async () => {
      const outcome = await this.commit(running.id, eventKeyOf(context), { kind: 'cancel', userId }, userId);
      if (outcome) await this.show(context, running.id, outcome);
    });
    return true;
  }

  /** A click on one of our cards (Action.Execute invoke or Action.Submit); returns what to answer an invoke with. */
  async clicked(context: TurnContext, value: unknown): Promise<InvokeAnswer> {
    const action = readCardAction(value);
    if (!action) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'That card is out of date; type start for a new interview.' };
    const { userId } = actorOf(context);
    const { payload } = action;
    if (action.action === 'show-assumptions' || action.action === 'new-from-verdict') {
      const record = payload.d ? await this.deps.store.getVerdict(payload.d) : undefined;
      if (!record) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'That verdict is no longer stored.' };
      if (action.action === 'show-assumptions') {
        await context.sendActivity({ attachments: [renderAdaptiveAttachment(buildAssumptionsCard(record.verdict))] });
        return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'The assumptions are posted below the verdict.' };
      }
      const { task, ...rest } = record.verdict.answers;
      await this.start(context, task, rest);
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'A new interview with these answers offered is below.' };
    }
    const input = isCardAction(action.action) ? inputFromAction(action.action, payload, userId, action.answer) : null;
    if (!input) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'I do not know that button.' };
    const outcome = await this.serial.run(payload.c, async () => {
      const done = await this.commit(payload.c, eventKeyOf(context), input, userId);
      // The notes for the clicker go back in the invoke's answer, below.
      if (done) await this.show(context, payload.c, done, 'answer-invoke');
      return done;
    });
    if (!outcome) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Already done.' };
    const note = outcome.replies.find((r) => r.kind === 'ephemeral' || (r.kind === 'post-thread' && r.role === 'message'));
    if (note) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: textOf(note.card) };
    const answered = outcome.replies.find((r) => r.kind === 'update-question');
    if (answered) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: renderAdaptiveAttachment(answered.card).content };
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done.' };
  }

  /** A trial's figures into the interview, without a request (the trial ran in the background): once, by its id. */
  async trialResult(conv: Conversation, summary: TrialSummary, retentionDays: number): Promise<void> {
    await this.serial.run(conv.id, async () => {
      const done = await this.commit(conv.id, `teams:trial:${summary.id}`, { kind: 'trial-result', userId: conv.ownerId, summary, retentionDays }, conv.ownerId);
      if (done) await this.deps.outbox.drain(conv.id);
    });
  }

  private commit(conversationId: string, eventKey: string | null, input: TurnInput, actorId: string): Promise<TurnOutcome | null> {
    return commitTurn(this.deps, this.adviceTurn(), conversationId, eventKey, input, { actorId });
  }

  /** Delivers what the turn left (through the outbox, in order), then the notes for the actor alone. */
  private async show(context: TurnContext, conversationId: string, outcome: TurnOutcome, notes: 'post' | 'answer-invoke' = 'post', held?: OutboxMessage): Promise<void> {
    await this.deps.outbox.drain(conversationId, held ? { held } : {});
    if (notes === 'answer-invoke') return;
    for (const reply of outcome.replies) {
      if (reply.kind === 'ephemeral') await context.sendActivity({ attachments: [renderAdaptiveAttachment(buildMessageCard(reply.card.title, textOf(reply.card)))] });
    }
  }
}
