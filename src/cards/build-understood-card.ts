import { encodeAction } from '../conversation/action-payload.js';
import type { Conversation } from '../conversation/conversation.js';
import { INTAKE_FIELDS, type IntakeField, type IntakeResult } from '../intake/intake-types.js';
import { formatAnswer } from '../interview/format-answer.js';
import type { Question, QuestionId } from '../interview/questions.js';
import type { Card, CardBlock, CardButton } from './card-model.js';
import { said } from './said-text.js';

const READER_WORDS = { rules: 'read from your words', model: 'read by the language model' } as const;

/** The prefilled answers, in interview order, numbered as the card shows them. */
export function understoodFields(intake: IntakeResult): IntakeField[] {
  return INTAKE_FIELDS.filter((f) => intake.answers[f] !== undefined);
}

/**
 * "Here is what I understood": each answer read from the task description, where it came
 * from, and a Change button for each, then only the remaining questions are asked.
 */
export function buildUnderstoodCard(intake: IntakeResult, conversation: Conversation, questions: Record<QuestionId, Question>): Card {
  const fields = understoodFields(intake);
  const blocks: CardBlock[] = [];
  if (fields.length) {
    blocks.push({ type: 'text', text: 'From your description; change anything that is off, the rest of the questions follow.' });
    blocks.push({
      type: 'list',
      title: 'Understood',
      items: fields.map((field, i) => {
        const phrase = intake.phrases[field];
        const source = intake.sources[field];
        return {
          marker: `${i + 1}.`,
          text: `${questions[field].prompt} ${formatAnswer(questions[field], intake.answers[field])}`,
          ...(source ? { detail: `${phrase ? `"${said(phrase)}", ` : ''}${READER_WORDS[source]}` } : {}),
        };
      }),
    });
  } else blocks.push({ type: 'text', text: 'I could not read any answers from the description; the questions follow.' });
  // Notes echo the description (and, from a language model, may be anything): shown as words.
  for (const note of intake.notes) blocks.push({ type: 'context', text: said(note) });
  if (intake.degraded) blocks.push({ type: 'notice', severity: 'info', text: "I couldn't read everything; a few questions left." });
  const buttons: CardButton[] = fields.map((field, i) => ({ action: 'change', label: `Change ${i + 1}`, value: encodeAction({ c: conversation.id, v: conversation.version, q: field }) }));
  if (buttons.length) blocks.push({ type: 'buttons', buttons });
  return { kind: 'message', title: 'Here is what I understood', blocks };
}
