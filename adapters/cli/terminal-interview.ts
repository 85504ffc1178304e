import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  advise,
  answersSchema,
  buildQuestions,
  buildUnderstoodCard,
  describeTokenCount,
  formatAnswer,
  takesPastedText,
  typedCommand,
  understoodFields,
  type Conversation,
  type AdviceContext,
  type Answers,
  type InterviewState,
  type Question,
  type QuestionId,
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
}

/** Ends a pasted prompt in the terminal, where every line would otherwise be an answer. */
const PASTE_END = '.';

function describeQuestion(q: Question, n: number): string {
  const lines = [``, `${n}. ${q.prompt}`, `   ${q.help}`];
  if (q.options) lines.push(...q.options.map((o, i) => `   ${String(i + 1).padStart(2)}) ${o.label}${o.value !== o.label.toLowerCase() ? ` [${o.value}]` : ''}`));
  const hints = [`e.g. ${q.example}`];
  if (takesPastedText(q)) hints.push('or "paste" to paste the prompt itself');
  if (q.skipLabel) hints.push(`Enter to skip: ${q.skipLabel}`);
  hints.push('"back" to change the last answer', '"cancel" to stop');
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
  const say = (text: string) => output.write(`${text}\n`);
  const read = async (prompt: string): Promise<string | null> => {
    output.write(prompt);
    const next = await lines.next();
    return next.done ? null : next.value.trim();
  };

  try {
    say('finetune-advisor: keep improving the prompt, or fine-tune? A few questions, then a verdict with costs.');
    const answers: Answers = {};
    let task = options.task?.trim();
    if (!task) {
      const typed = await read('\nWhat is the task, in a sentence? (Enter to skip)\n> ');
      if (typed === null) return null;
      task = typed;
    }
    if (task) answers.task = task.slice(0, 3000);
    const state: { answers: Answers; skipped: QuestionId[] } = { answers, skipped: [] };
    const history: QuestionId[] = [];
    const questions = buildQuestions(ctx);

    if (task && options.readIntake) {
      const intake = await options.readIntake(task, ctx);
      const fields = understoodFields(intake);
      output.write(renderTerminalCard(buildUnderstoodCard(intake, { id: 'cli', version: 0 } as Conversation, questions)));
      let kept = fields;
      if (fields.length) {
        const typed = await read('Press Enter to keep these, or type the numbers of the ones to change (e.g. 2 5):\n> ');
        if (typed === null) return null;
        const change = new Set((typed.match(/\d+/g) ?? []).map(Number));
        kept = fields.filter((_f, i) => !change.has(i + 1));
      }
      for (const field of kept) (state.answers as Record<string, unknown>)[field] = intake.answers[field];
    }

    for (;;) {
      const step = advise(state as InterviewState, ctx);
      if (step.kind === 'verdict') return step.verdict;
      const q = questions[step.question];
      say(describeQuestion(q, history.length + 1));
      let typed = await read('> ');
      // The same typed commands as in Slack and Teams, read by the core.
      const command = typed === null ? 'cancel' : typedCommand(typed);
      if (command === 'cancel') {
        say('Interview cancelled.');
        return null;
      }
      if (command === 'help') {
        say(`   Answer the question (e.g. ${q.example}), or type skip, back, start over or cancel.`);
        continue;
      }
      if (command === 'back') {
        const last = history.pop();
        if (!last) say('   This is the first question.');
        else {
          delete state.answers[last];
          state.skipped = state.skipped.filter((id) => id !== last);
          say('   Went back to the previous question.');
        }
        continue;
      }
      if (command === 'start-over') {
        for (const id of history) delete state.answers[id];
        history.length = 0;
        state.skipped = [];
        say('   Started over.');
        continue;
      }
      if (typed === null) return null;
      if (/^paste$/i.test(typed) && takesPastedText(q)) {
        say(`   Paste the prompt, then a line with just a dot (${PASTE_END}).`);
        const lines: string[] = [];
        for (let line = await read(''); line !== null && line !== PASTE_END; line = await read('')) lines.push(line);
        typed = lines.join('\n');
      }
      if (typed === '' || /^skip$/i.test(typed)) {
        if (q.skipLabel) {
          state.skipped.push(q.id);
          history.push(q.id);
          say(`   Skipped: ${q.skipLabel}.`);
        } else say(`   This one is needed for the verdict. Type something like ${q.example}.`);
        continue;
      }
      const parsed = q.parse(typed);
      if (!parsed.ok) {
        say(`   ${parsed.message}`);
        continue;
      }
      const valid = answersSchema.shape[q.id].safeParse(parsed.value);
      if (!valid.success) {
        say(`   That doesn't fit: ${valid.error.issues[0]?.message ?? 'out of range'}. Try something like ${q.example}.`);
        continue;
      }
      const note = parsed.note ? describeTokenCount(parsed.note, state.answers, ctx.catalogue) : undefined;
      (state.answers as Record<string, unknown>)[q.id] = valid.data;
      history.push(q.id);
      say(`   Got it: ${formatAnswer(q, valid.data)}${note ? ` (${note})` : ''}.`);
    }
  } finally {
    rl.close();
  }
}
