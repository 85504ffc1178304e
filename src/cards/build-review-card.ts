import { encodeAction } from '../conversation/action-payload.js';
import type { Conversation } from '../conversation/conversation.js';
import { formatAnswer } from '../interview/format-answer.js';
import type { Question, QuestionId } from '../interview/questions.js';
import type { Card } from './card-model.js';

/** The answers a question stands for, in the interview's order (the order of `questions`). */
export function answeredQuestions(conversation: Conversation, questions: Record<QuestionId, Question>): Question[] {
  return (Object.values(questions) as Question[]).filter((q) => conversation.answers[q.id] !== undefined);
}

/**
 * "Change a few answers" after Start over: every earlier answer, one menu to pick the one to
 * change, then the verdict. Walking every question again (with Keep buttons) is one click away.
 */
export function buildReviewCard(conversation: Conversation, questions: Record<QuestionId, Question>): Card {
  const answered = answeredQuestions(conversation, questions);
  const payload = encodeAction({ c: conversation.id, v: conversation.version });
  return {
    kind: 'question',
    title: 'Change a few answers',
    blocks: [
      { type: 'text', text: 'Your earlier answers are kept. Pick one to change, as many times as you like, then show the verdict.' },
      { type: 'list', title: 'Your answers', items: answered.map((q, i) => ({ marker: `${i + 1}.`, text: `${q.prompt} ${formatAnswer(q, conversation.answers[q.id])}` })) },
      {
        type: 'choices',
        action: 'change',
        payload,
        options: answered.map((q, i) => ({ label: `${i + 1}. ${q.prompt}`, value: q.id })),
        menu: { label: 'The answer to change', submit: 'Change it' },
      },
      {
        type: 'buttons',
        buttons: [
          { action: 'show-verdict', label: 'Show the verdict', style: 'primary', value: payload },
          { action: 'start-over', label: 'Walk every question', value: payload },
          { action: 'cancel', label: 'Cancel', value: payload },
        ],
      },
    ],
  };
}
