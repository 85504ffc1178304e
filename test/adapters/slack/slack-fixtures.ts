import { loadPriceCatalogue } from '../../../adapters/catalogue/load-price-catalogue.js';
import { adviseFromAnswers, buildQuestions, buildVerdictCard, type Card, type Conversation, type Question, type QuestionId, type Verdict } from '../../../src/index.js';

export const AS_OF = '2026-11-23';
const CATALOGUE = loadPriceCatalogue();
export const CTX = { catalogue: CATALOGUE, asOf: AS_OF };

export const CONVERSATION_ID = 'slack:T1:C1:1700000000.000100';
export const VERDICT_REF = { conversationId: CONVERSATION_ID, version: 9, verdictId: `${CONVERSATION_ID}#9` };

import { ticketTriage } from '../../helpers/answers.js';

export { ticketTriage };

export function verdictFor(answers: unknown): Verdict {
  const advice = adviseFromAnswers(answers, CTX);
  if (!advice.ok) throw new Error(`expected a verdict, got:\n${advice.errors.join('\n')}`);
  return advice.verdict;
}

export function verdictCardFor(answers: unknown = ticketTriage): Card {
  return buildVerdictCard(verdictFor(answers), { askedBy: '<@U123>', ref: VERDICT_REF });
}

export function question(id: QuestionId): Question {
  return buildQuestions(CTX)[id];
}

/** An interview in a Slack thread, at version 3, with what the test sets. */
export function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: CONVERSATION_ID,
    platform: 'slack',
    ownerId: 'U123',
    ownerLabel: '<@U123>',
    status: 'active',
    version: 3,
    answers: {},
    skipped: [],
    history: [],
    pending: 'taskKind',
    suggested: {},
    refs: { kind: 'slack', channel: 'C0001', threadTs: '1763888400.000100', teamId: 'T0001', ownerName: 'alice' },
    verdictId: null,
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    ...over,
  };
}

const long = (n: number, word = 'lorem') =>
  Array.from({ length: Math.ceil(n / (word.length + 1)) }, () => word)
    .join(' ')
    .slice(0, n);

/**
 * A card far past every Slack limit: 80+ blocks, 5,000-character texts, 15 fields, 30 buttons
 * with 100-character labels, a 2,000+-character button value, options of 120 characters.
 */
export function oversizedCard(): Card {
  const blocks: Card['blocks'] = [
    { type: 'text', text: `A & B <script> ${long(5000)}` },
    { type: 'fields', fields: Array.from({ length: 15 }, (_, i) => ({ label: `Field ${i + 1}`, value: long(2500, 'value') })) },
    { type: 'list', title: 'Why', items: Array.from({ length: 40 }, (_, i) => ({ text: `Reason ${i + 1} ${long(300)}`, detail: `Source: 001_seed.txt: "${long(400, 'quote')}"` })) },
    { type: 'table', title: 'Rows', columns: ['Name', 'Amount'], rows: Array.from({ length: 300 }, (_, i) => [`row ${i + 1}`, `$${i}`]) },
    {
      type: 'choices',
      action: 'answer',
      payload: JSON.stringify({ c: CONVERSATION_ID, v: 3, q: 'model' }),
      options: Array.from({ length: 9 }, (_, i) => ({ label: `${i + 1} ${long(118, 'option')}`, value: `option-${i + 1}` })),
    },
  ];
  for (let i = 0; i < 70; i++) blocks.push(i % 2 ? { type: 'notice', severity: 'warning', text: long(5000, 'notice') } : { type: 'text', text: `Paragraph ${i} ${long(5000)}` });
  blocks.push({
    type: 'buttons',
    buttons: Array.from({ length: 30 }, (_, i) => ({ action: 'go', label: `Button ${i + 1} ${long(100, 'label')}`, value: i === 29 ? 'x'.repeat(2001) : `value-${i}` })),
  });
  return { kind: 'verdict', title: `Verdict: ${long(200, 'title')}`, blocks };
}

export { long };
