import { createInterface } from 'node:readline';
import { terminalText } from './terminal-safe.js';
import type { Readable, Writable } from 'node:stream';
import {
  buildQuestions,
  buildUnderstoodCard,
  inputFromText,
  runTurn,
  takesPastedText,
  understoodFields,
  type AdviceContext,
  type Answers,
  type Card,
  type Conversation,
  type IntakeResult,
  type Question,
  type TurnContext,
  type TurnInput,
  type TrialSummary,
  type Verdict,
} from '../../src/index.js';
import type { ReadIntake } from '../intake/create-intake.js';
import { renderTerminalCard } from './render-terminal-card.js';

export interface TerminalInterviewOptions {
  input: Readable;
  output: Writable;
  ctx: AdviceContext;
  task?: string;
  /** Reads the task description into answers first; the person confirms or changes them. */
  readIntake?: ReadIntake;
  /** The clock of the turns (the adapter's). */
  now?: () => Date;
  /** A trial that ran before the interview (its results already shown): its measured figures fill the answers it measured. */
  trial?: { summary: TrialSummary };
}

const firstText = (card: Card) => card.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join(' ');
const contextText = (card: Card) => card.blocks.flatMap((b) => (b.type === 'context' ? [b.text] : [])).join(' ');

/** An answered card as a line: "Got it: 80% (read "8/10" as 80%)", or what happened instead ("Skipped: 12 months"). */
function answeredText(card: Card): string {
  const text = firstText(card);
  const answer = text.slice(text.indexOf('? ') + 2);
  const note = contextText(card);
  if (/^(Skipped|Went back|Started over|Put aside|Interview cancelled)/.test(answer)) return answer.endsWith('.') ? answer : `${answer}.`;
  return `Got it: ${answer}${note ? ` (${note})` : ''}.`;
}

/** A message card as a line: its text, which says what to do. */
function messageText(card: Card): string {
  return firstText(card);
}

/** Ends a pasted prompt in the terminal, where every line would otherwise be an answer. */
const PASTE_END = '.';

function describeQuestion(q: Question, n: number): string {
  const lines = [``, `${n}. ${q.prompt}`, `   ${q.help}`];
  if (q.options) lines.push(...q.options.map((o, i) => `   ${String(i + 1).padStart(2)}) ${o.label}${o.value !== o.label.toLowerCase() ? ` [${o.value}]` : ''}`));
  const hints = [`e.g. ${q.example}`];
  if (takesPastedText(q)) hints.push('or "paste" to paste the prompt itself');
  if (q.skipLabel) hints.push(`Enter to skip: ${q.skipLabel}`);
  hints.push('"back" to change the last answer', '"start over"', '"cancel" to stop');
  lines.push(`   (${hints.join('; ')})`);
  return lines.join('\n');
}

/**
 * The interview in a terminal: the same flowchart, questions and parsers as the chat
 * apps, one question at a time. Resolves with the verdict, or null when the person quits
 * or the input ends.
 */
export async function runTerminalInterview(options: TerminalInterviewOptions): Promise<Verdict | null> {
  const { output, ctx } = options;
  const rl = createInterface({ input: options.input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const say = (text: string) => output.write(`${terminalText(text)}\n`);
  const read = async (prompt: string): Promise<string | null> => {
    output.write(prompt);
    const next = await lines.next();
    return next.done ? null : next.value.trim();
  };

  try {
    say('finetune-advisor: keep improving the prompt, or fine-tune? A few questions, then a verdict with costs.');
    let task = options.task?.trim();
    if (!task) {
      const typed = await read('\nWhat is the task, in a sentence? (Enter to skip)\n> ');
      if (typed === null) return null;
      task = typed;
    }
    const questions = buildQuestions(ctx);
    let intake: IntakeResult | undefined;
    if (task && options.readIntake) {
      const read0 = await options.readIntake(task, ctx);
      const fields = understoodFields(read0);
      output.write(renderTerminalCard(buildUnderstoodCard(read0, { id: 'cli', version: 0 } as Conversation, questions)));
      let kept = fields;
      if (fields.length) {
        const typed = await read('Press Enter to keep these, or type the numbers of the ones to change (e.g. 2 5):\n> ');
        if (typed === null) return null;
        const change = new Set((typed.match(/\d+/g) ?? []).map(Number));
        kept = fields.filter((_f, i) => !change.has(i + 1));
      }
      intake = { ...read0, answers: Object.fromEntries(kept.map((f) => [f, read0.answers[f]])) as Answers };
    }

    // The same turns as in Slack and Teams: the core's engine, with the terminal as its screen.
    const turnCtx = (): TurnContext => ({ ...ctx, now: (options.now ?? (() => new Date()))().toISOString() });
    const start: TurnInput = {
      kind: 'start',
      conversationId: 'cli',
      platform: 'terminal',
      ownerId: 'you',
      ownerLabel: 'you',
      ...(task ? { task } : {}),
      ...(intake ? { intake: { ...intake, degraded: false } } : {}),
    };
    let outcome = runTurn(undefined, start, turnCtx());
    let conv = outcome.next!;
    if (options.trial && conv.status === 'active') {
      const measured = runTurn(conv, { kind: 'trial-result', userId: 'you', summary: options.trial.summary }, turnCtx());
      // The question the start asked is put aside by the trial: only what comes after it is shown.
      outcome = { ...measured, replies: [...outcome.replies.filter((r) => r.kind !== 'post-thread' || r.role !== 'question'), ...measured.replies.filter((r) => r.kind !== 'update-question')] };
      if (measured.next) conv = measured.next;
    }
    for (;;) {
      for (const reply of outcome.replies) {
        if (reply.kind === 'post-verdict') return reply.verdict;
        if (reply.kind === 'update-question') say(`   ${answeredText(reply.card)}`);
        // The trial's results were printed when it finished, before the questions.
        else if (reply.kind === 'post-thread' && reply.card.title === 'Trial results') continue;
        else if (reply.kind === 'ephemeral' || (reply.kind === 'post-thread' && reply.role === 'message' && reply.card.title !== 'Here is what I understood')) say(`   ${messageText(reply.card)}`);
      }
      if (conv.status !== 'active') return null;
      const q = conv.pending ? questions[conv.pending] : null;
      if (!q) return null;
      say(describeQuestion(q, conv.history.length + 1));
      let typed = await read('> ');
      if (typed === null) typed = 'cancel';
      if (/^paste$/i.test(typed) && takesPastedText(q)) {
        say(`   Paste the prompt, then a line with just a dot (${PASTE_END}).`);
        const pasted: string[] = [];
        for (let line = await read(''); line !== null && line !== PASTE_END; line = await read('')) pasted.push(line);
        typed = pasted.join('\n');
      }
      // Enter takes the default where there is one, as the Skip button does.
      const input = typed === '' ? inputFromText('skip', 'you') : inputFromText(typed, 'you');
      outcome = runTurn(conv, input, turnCtx());
      if (outcome.next) conv = outcome.next;
      if (input.kind === 'cancel') {
        say('Interview cancelled.');
        return null;
      }
    }
  } finally {
    rl.close();
  }
}
