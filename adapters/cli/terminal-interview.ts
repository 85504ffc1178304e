import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  advise,
  answersSchema,
  buildQuestions,
  formatAnswer,
  type AdviceContext,
  type Answers,
  type InterviewState,
  type Question,
  type QuestionId,
  type Verdict,
} from '../../src/index.js';

export interface TerminalInterviewOptions {
  input: Readable;
  output: Writable;
  ctx: AdviceContext;
  task?: string;
}

function describeQuestion(q: Question, n: number): string {
  const lines = [``, `${n}. ${q.prompt}`, `   ${q.help}`];
  if (q.options) lines.push(...q.options.map((o, i) => `   ${String(i + 1).padStart(2)}) ${o.label}${o.value !== o.label.toLowerCase() ? ` [${o.value}]` : ''}`));
  const hints = [`e.g. ${q.example}`];
  if (q.skipLabel) hints.push(`Enter to skip: ${q.skipLabel}`);
  hints.push('"back" to change the last answer', '"quit" to stop');
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

    for (;;) {
      const step = advise(state as InterviewState, ctx);
      if (step.kind === 'verdict') return step.verdict;
      const q = questions[step.question];
      say(describeQuestion(q, history.length + 1));
      const typed = await read('> ');
      if (typed === null || /^(quit|exit|cancel)$/i.test(typed)) {
        say('Interview stopped; nothing was decided.');
        return null;
      }
      if (/^back$/i.test(typed)) {
        const last = history.pop();
        if (!last) say('   This is the first question.');
        else {
          delete state.answers[last];
          state.skipped = state.skipped.filter((id) => id !== last);
        }
        continue;
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
      (state.answers as Record<string, unknown>)[q.id] = valid.data;
      history.push(q.id);
      say(`   Got it: ${formatAnswer(q, valid.data)}${parsed.note ? ` (${parsed.note})` : ''}.`);
    }
  } finally {
    rl.close();
  }
}
