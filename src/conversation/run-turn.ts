import { buildAnsweredCard, buildMessageCard, buildQuestionCard } from '../cards/build-question-cards.js';
import { buildTrialResultsCard } from '../cards/build-trial-cards.js';
import { answersFromTrial, withoutMeasured } from '../trial/measured-answers.js';
import type { TrialSummary } from '../trial/summarize-trial.js';
import { buildVerdictCard } from '../cards/build-verdict-card.js';
import { buildUnderstoodCard } from '../cards/build-understood-card.js';
import { buildReviewCard } from '../cards/build-review-card.js';
import type { IntakeResult } from '../intake/intake-types.js';
import type { Card } from '../cards/card-model.js';
import { askerLabel, markQuoted } from '../cards/said-text.js';
import { quote } from '../interview/parse-result.js';
import type { AdviceContext } from '../interview/advice-context.js';
import { answersSchema, type Answers } from '../interview/answers.js';
import { formatAnswer } from '../interview/format-answer.js';
import { describeTokenCount } from '../intake/count-prompt-tokens.js';
import { buildQuestions, type QuestionId } from '../interview/questions.js';
import { advise, type Verdict } from '../verdict/decide-verdict.js';
import type { Conversation, Platform } from './conversation.js';
import type { ConversationRefs } from './conversation-refs.js';

export interface TurnContext extends AdviceContext {
  /** The time of the turn, ISO 8601; the clock is the adapter's. */
  now: string;
  /** A trial endpoint is configured: the examples question offers to run one. */
  trials?: boolean;
}

export type TurnInput =
  | { kind: 'start'; conversationId: string; platform: Platform; ownerId: string; ownerLabel: string; task?: string; suggested?: Answers; refs?: ConversationRefs; intake?: IntakeResult }
  /** Change an answer given earlier (or read from the task): it is asked again now. */
  | { kind: 'change'; userId: string; question: string }
  | { kind: 'answer'; userId: string; question?: string; text: string; version?: number }
  | { kind: 'skip'; userId: string; question?: string; version?: number }
  | { kind: 'back'; userId: string; version?: number }
  | { kind: 'start-over'; userId: string; version?: number }
  | { kind: 'cancel'; userId: string; version?: number }
  /** Done changing the answers kept from a verdict: on to the verdict (and any question a change opened). */
  | { kind: 'show-verdict'; userId: string; version?: number }
  /** "help" typed during an interview: what can be typed, and nothing changes. */
  | { kind: 'help'; userId: string; version?: number }
  /** A prompt trial finished: its measured figures fill the answers (on whatever version the interview is at by then). */
  | { kind: 'trial-result'; userId: string; summary: TrialSummary; retentionDays?: number };

/** A turn on an interview that exists: anything but its start. */
export type ActInput = Exclude<TurnInput, { kind: 'start' }>;

/** What the adapter should show. */
export type Reply =
  /** Replace the question card on the table (its message id is in the conversation's refs). */
  | { kind: 'update-question'; card: Card }
  /** Post in the interview's thread; a `question` card becomes the one on the table. */
  | { kind: 'post-thread'; card: Card; role: 'question' | 'message' }
  /** Post the verdict where the team sees it (the channel), and link to it from the thread. */
  | { kind: 'post-verdict'; card: Card; verdict: Verdict }
  /** Tell only the person who acted. */
  | { kind: 'ephemeral'; card: Card };

export type TurnStatus = 'accepted' | 'finished' | 'invalid' | 'stale' | 'not-owner' | 'no-interview';

export interface TurnOutcome {
  status: TurnStatus;
  /** The conversation to save; null when nothing changed. */
  next: Conversation | null;
  replies: Reply[];
  verdict: Verdict | null;
}

const unchanged = (status: TurnStatus, replies: Reply[] = []): TurnOutcome => ({ status, next: null, replies, verdict: null });

/** The verdict's id: one per conversation version, so a retried last click can't make a second. */
export function verdictIdFor(conversation: Conversation): string {
  return `${conversation.id}#${conversation.version}`;
}

/** The results card, with "best on" the interview's model when the trial ran it (the figures it fills are that model's). */
function trialResults(input: Extract<TurnInput, { kind: 'trial-result' }>, answers: Answers): Reply {
  const today = answers.model && input.summary.models.includes(answers.model) ? { today: answers.model } : {};
  const kept = input.retentionDays === undefined ? {} : { retentionDays: input.retentionDays };
  return { kind: 'post-thread', role: 'message', card: buildTrialResultsCard(input.summary, { ...kept, ...today }) };
}

/** Asks the next question, or finishes with the verdict, from a conversation's answers; while reviewing kept answers, shows them again. */
function proceed(conv: Conversation, ctx: TurnContext, before: Reply[]): TurnOutcome {
  if (conv.reviewing) {
    const next = { ...conv, pending: null };
    return { status: 'accepted', next, replies: [...before, { kind: 'post-thread', card: buildReviewCard(next, buildQuestions(ctx)), role: 'question' }], verdict: null };
  }
  const step = advise({ answers: conv.answers, skipped: conv.skipped }, ctx);
  if (step.kind === 'ask') {
    const next = { ...conv, pending: step.question };
    const card = buildQuestionCard(buildQuestions(ctx)[step.question], next, { trials: ctx.trials ?? false });
    return { status: 'accepted', next, replies: [...before, { kind: 'post-thread', card, role: 'question' }], verdict: null };
  }
  const next: Conversation = { ...conv, pending: null, status: 'finished', verdictId: verdictIdFor(conv) };
  const card = buildVerdictCard(step.verdict, { askedBy: conv.ownerLabel, ref: { conversationId: next.id, version: next.version, verdictId: next.verdictId! } });
  return { status: 'finished', next, replies: [...before, { kind: 'post-verdict', card, verdict: step.verdict }], verdict: step.verdict };
}

function advanced(conv: Conversation, ctx: TurnContext, changes: Partial<Conversation>): Conversation {
  return { ...conv, ...changes, version: conv.version + 1, updatedAt: ctx.now };
}

/**
 * One turn of an interview: the conversation as stored and what a person did, to the
 * conversation to store and what to show. Pure: the adapter loads and saves (in one
 * transaction) and renders the replies.
 */
export function runTurn(current: Conversation | undefined, input: TurnInput, ctx: TurnContext): TurnOutcome {
  if (input.kind === 'start') {
    const conv: Conversation = {
      id: input.conversationId,
      platform: input.platform,
      ownerId: input.ownerId,
      ownerLabel: input.ownerLabel,
      status: 'active',
      version: 0,
      answers: { ...(input.task?.trim() ? { task: input.task.trim().slice(0, 3000) } : {}), ...(input.intake?.answers ?? {}) },
      skipped: [],
      history: [],
      pending: null,
      suggested: input.suggested ?? {},
      refs: input.refs ?? { kind: 'terminal' },
      verdictId: null,
      ...(input.intake ? { intakeSources: input.intake.sources } : {}),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    if (current) return unchanged('stale'); // the same start delivered twice
    // Start over from a verdict: its answers are kept, and the person changes a few of them.
    if (input.suggested && Object.keys(input.suggested).length) {
      const questions = buildQuestions(ctx);
      const answers = { ...input.suggested, ...conv.answers };
      // What the verdict left to a default stays at its default: skipped, not asked again.
      const skipped = (Object.values(questions) as { id: QuestionId; skipLabel?: string }[]).filter((q) => q.skipLabel && answers[q.id] === undefined).map((q) => q.id);
      const kept: Conversation = { ...conv, answers, skipped, reviewing: true };
      return { status: 'accepted', next: kept, replies: [{ kind: 'post-thread', card: buildReviewCard(kept, questions), role: 'question' }], verdict: null };
    }
    // Nothing read and nothing to own up to: no card, straight to the questions.
    const worthShowing = input.intake && (Object.keys(input.intake.answers).length > 0 || input.intake.degraded);
    const understood = worthShowing ? [{ kind: 'post-thread' as const, card: buildUnderstoodCard(input.intake!, conv, buildQuestions(ctx)), role: 'message' as const }] : [];
    return proceed(conv, ctx, understood);
  }

  if (!current) return unchanged('no-interview', [{ kind: 'ephemeral', card: buildMessageCard('No interview here', 'This interview is no longer stored. Start a new one with the command.') }]);
  if (input.userId !== current.ownerId)
    return unchanged('not-owner', [
      { kind: 'ephemeral', card: buildMessageCard('Not your interview', `This is ${askerLabel(current.ownerLabel)}'s interview; only they can answer it. Start your own with the command.`) },
    ]);
  const stale = () =>
    unchanged('stale', [
      {
        kind: 'ephemeral',
        card: buildMessageCard('Already moved on', current.status === 'active' ? 'That card is out of date: the interview has moved on to another question.' : 'This interview is over.'),
      },
    ]);
  if (input.kind === 'trial-result' && current.status !== 'active') {
    const over = buildMessageCard('The interview was over', 'These figures came in after the verdict. Start over from the verdict card to use them.');
    return unchanged('stale', [trialResults(input, current.answers), { kind: 'post-thread', card: over, role: 'message' }]);
  }
  if (current.status !== 'active') return stale();
  // A change names its question, so it may come from an older card (the "understood" one).
  if (input.kind !== 'change' && input.kind !== 'trial-result' && input.version !== undefined && input.version !== current.version) return stale();

  const questions = buildQuestions(ctx);
  const pending = current.pending ? questions[current.pending] : null;
  const number = current.history.length + 1;

  switch (input.kind) {
    case 'help':
      return unchanged('accepted', [
        {
          kind: 'post-thread',
          role: 'message',
          card: buildMessageCard('What you can type', `Answer the question${pending ? ` (e.g. ${pending.example})` : ''}, or type skip, back, start over or cancel.`),
        },
      ]);
    case 'answer':
    case 'skip': {
      if (!pending || (input.question !== undefined && input.question !== pending.id)) return stale();
      // "skip" typed as a reply does what the Skip button does, as in the terminal.
      const skipping = input.kind === 'skip' || (pending.skipLabel !== undefined && /^skip$/i.test(input.text.trim()));
      if (skipping) {
        if (!pending.skipLabel) return unchanged('invalid', [{ kind: 'ephemeral', card: buildMessageCard('Needed', `This one is needed for the verdict. Type something like ${pending.example}.`) }]);
        const next = advanced(current, ctx, { skipped: [...current.skipped, pending.id], history: [...current.history, pending.id] });
        return proceed(next, ctx, [{ kind: 'update-question', card: buildAnsweredCard(pending, number, `Skipped: ${pending.skipLabel}`) }]);
      }
      const parsed = pending.parse(input.text);
      const valid = parsed.ok ? answersSchema.shape[pending.id].safeParse(parsed.value) : null;
      if (!parsed.ok || !valid?.success) {
        const message = !parsed.ok ? parsed.message : `That doesn't fit: ${valid?.error?.issues[0]?.message ?? 'out of range'}. Try something like ${pending.example}.`;
        // The refusal quotes what was typed: shown as typed, never as markup.
        return unchanged('invalid', [{ kind: 'post-thread', card: buildMessageCard("Didn't catch that", markQuoted(message, quote(input.text))), role: 'message' }]);
      }
      const answers = withoutMeasured({ ...current.answers, [pending.id]: valid.data } as Answers, pending.id);
      const next = advanced(current, ctx, { answers, history: [...current.history, pending.id] });
      const shown = formatAnswer(pending, valid.data);
      const note = parsed.note ? describeTokenCount(parsed.note, current.answers, ctx.catalogue) : undefined;
      return proceed(next, ctx, [{ kind: 'update-question', card: buildAnsweredCard(pending, number, shown, note) }]);
    }
    case 'back': {
      const last = current.history.at(-1);
      if (!last) return unchanged('invalid', [{ kind: 'ephemeral', card: buildMessageCard('Nothing to go back to', 'This is the first question.') }]);
      const answers = withoutMeasured({ ...current.answers }, last);
      delete answers[last as QuestionId];
      const next = advanced(current, ctx, { answers, history: current.history.slice(0, -1), skipped: current.skipped.filter((q) => q !== last) });
      const left = pending ? [{ kind: 'update-question' as const, card: buildAnsweredCard(pending, number, 'Went back to the previous question.') }] : [];
      return proceed(next, ctx, left);
    }
    case 'show-verdict': {
      if (!current.reviewing) return stale();
      const next = advanced(current, ctx, { reviewing: false });
      return proceed(next, ctx, [{ kind: 'update-question', card: buildMessageCard('Change a few answers', 'Done: the verdict follows.') }]);
    }
    case 'start-over': {
      const next = advanced(current, ctx, {
        reviewing: false,
        answers: current.answers.task ? { task: current.answers.task } : {},
        suggested: { ...current.suggested, ...current.answers },
        skipped: [],
        history: [],
      });
      const left = pending ? [{ kind: 'update-question' as const, card: buildAnsweredCard(pending, number, 'Started over; your earlier answers are offered as "Keep" buttons.') }] : [];
      return proceed(next, ctx, left);
    }
    case 'change': {
      const field = input.question as QuestionId;
      const question = questions[field];
      if (!question) return stale();
      if (current.pending === field) return unchanged('invalid', [{ kind: 'ephemeral', card: buildMessageCard('Already asking', 'That question is the one on the table now.') }]);
      const answers = withoutMeasured({ ...current.answers }, field);
      delete answers[field];
      const next = advanced(current, ctx, {
        answers,
        pending: field,
        history: current.history.filter((q) => q !== field),
        skipped: current.skipped.filter((q) => q !== field),
      });
      const putAside = pending ? [{ kind: 'update-question' as const, card: buildAnsweredCard(pending, number, 'Put aside while you change an earlier answer.') }] : [];
      return { status: 'accepted', next, replies: [...putAside, { kind: 'post-thread', card: buildQuestionCard(question, next, { trials: ctx.trials ?? false }), role: 'question' }], verdict: null };
    }
    case 'trial-result': {
      const filled = answersFromTrial(current.answers, input.summary);
      if ('error' in filled) {
        const none = buildMessageCard('Nothing measured', `${filled.error}: answer the question above from what you know, or run the trial again.`);
        return unchanged('invalid', [trialResults(input, current.answers), { kind: 'post-thread', card: none, role: 'message' }]);
      }
      const measured = new Set<string>(filled.measured.fields);
      const history = [...current.history.filter((q) => !measured.has(q)), ...(filled.measured.fields as QuestionId[])];
      const next = advanced(current, ctx, { answers: filled.answers, history, skipped: current.skipped.filter((q) => !measured.has(q)) });
      const replies: Reply[] = [];
      if (pending) {
        const answer = measured.has(pending.id) ? `Measured by the trial: ${formatAnswer(pending, filled.answers[pending.id])}` : "Put aside: the trial's figures came in.";
        replies.push({ kind: 'update-question', card: buildAnsweredCard(pending, number, answer) });
      }
      return proceed(next, ctx, [...replies, trialResults(input, current.answers)]);
    }
    case 'cancel': {
      const next = advanced(current, ctx, { status: 'cancelled', pending: null });
      const card = pending ? buildAnsweredCard(pending, number, 'Interview cancelled.') : buildMessageCard('Cancelled', 'Interview cancelled.');
      return { status: 'accepted', next, replies: [{ kind: 'update-question', card }], verdict: null };
    }
  }
}
