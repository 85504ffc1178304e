import { encodeAction } from '../conversation/action-payload.js';
import type { Conversation } from '../conversation/conversation.js';
import { formatAnswer } from '../interview/format-answer.js';
import type { Question } from '../interview/questions.js';
import type { Card, CardBlock, CardButton } from './card-model.js';
import { askerLabel, said } from './said-text.js';

/** Yes/no questions are two buttons; the values are what the yes/no parser reads. */
const YES_NO = [
  { label: 'Yes', value: 'yes' },
  { label: 'No', value: 'no' },
];

/** The value a suggested answer is sent back as: something the question's parser reads. */
function asTyped(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** Questions whose answer may be a pasted text (a prompt to count) rather than a short value. */
export function takesPastedText(question: Question): boolean {
  return question.id === 'promptTokens';
}

/** Questions a prompt trial answers by measuring: their card offers to run one. */
export function trialAnswers(question: Question): boolean {
  return question.id === 'testedExamples';
}

/**
 * A question on the table, with the ways to answer it and Back, Skip, Start over and Cancel;
 * with `trials` on, the examples question also offers to measure instead of recall.
 */
export function buildQuestionCard(question: Question, conversation: Conversation, offer: { trials?: boolean } = {}): Card {
  const number = conversation.history.length + 1;
  const base = { c: conversation.id, v: conversation.version, q: question.id };
  const blocks: CardBlock[] = [
    { type: 'text', text: question.prompt },
    { type: 'context', text: question.help },
  ];
  const options = question.kind === 'yes-no' ? YES_NO : question.options?.map((o) => ({ label: o.label, value: o.value }));
  if (options) {
    blocks.push({ type: 'choices', action: 'answer', payload: encodeAction(base), options });
  } else {
    blocks.push({
      type: 'input',
      action: 'answer',
      payload: encodeAction(base),
      label: 'Your answer',
      placeholder: takesPastedText(question) ? `e.g. ${question.example}, or paste the prompt` : `e.g. ${question.example}`,
      multiline: takesPastedText(question),
    });
    blocks.push({
      type: 'context',
      text: takesPastedText(question) ? `Or reply with a message: a number (e.g. ${question.example}) or the prompt itself` : `Or reply with a message, e.g. ${question.example}`,
    });
  }
  const buttons: CardButton[] = [];
  if (offer.trials && trialAnswers(question)) buttons.push({ action: 'open-trial', label: 'Run a trial on your examples', value: encodeAction(base), style: 'primary' });
  const suggested = conversation.suggested[question.id];
  if (suggested !== undefined) buttons.push({ action: 'answer', label: `Keep: ${formatAnswer(question, suggested)}`, value: encodeAction({ ...base, a: asTyped(suggested) }), style: 'primary' });
  if (question.skipLabel) buttons.push({ action: 'skip', label: `Skip: ${question.skipLabel}`, value: encodeAction(base) });
  if (conversation.history.length > 0) buttons.push({ action: 'back', label: 'Back', value: encodeAction(base) });
  buttons.push({ action: 'start-over', label: 'Start over', value: encodeAction(base) });
  buttons.push({ action: 'cancel', label: 'Cancel', value: encodeAction(base), style: 'danger' });
  blocks.push({ type: 'buttons', buttons });
  return { kind: 'question', title: `Question ${number}`, blocks };
}

/** What a question card becomes once answered, so the thread reads as a record. */
export function buildAnsweredCard(question: Question, number: number, answer: string, note?: string): Card {
  return {
    kind: 'answered',
    title: `Question ${number}`,
    blocks: [{ type: 'text', text: `${question.prompt} ${answer}` }, ...(note ? [{ type: 'context' as const, text: note }] : [])],
  };
}

/** The message that opens an interview in a channel; the questions go in its thread. */
export function buildOpeningCard(ownerLabel: string, task: string | undefined): Card {
  return {
    kind: 'message',
    title: 'Prompt engineering or fine-tuning?',
    blocks: [
      { type: 'text', text: `${askerLabel(ownerLabel)} is sizing up: ${task?.trim() ? said(task.trim()) : 'a new task'}` },
      { type: 'context', text: 'A few questions in the thread, then a verdict with the costs.' },
    ],
  };
}

/** A short message: an error in words, a note, a confirmation. */
export function buildMessageCard(title: string, text: string, context?: string): Card {
  return { kind: 'message', title, blocks: [{ type: 'text', text }, ...(context ? [{ type: 'context' as const, text: context }] : [])] };
}
