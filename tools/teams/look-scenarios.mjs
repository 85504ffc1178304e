/**
 * The three fixed interviews `npm run look` drives through the Agents Playground, one per kind of
 * verdict, after three of the seeds' "Five Real-World Scenarios" (seed 001). Each starts from a
 * sentence; the questions the advisor still asks are answered by their prompt text. A question
 * with no prepared answer is skipped when it can be, so a new question does not stop the run.
 *
 * `question` names the question card to photograph (the first one asked when it is absent or never
 * comes), so the three show different kinds of question.
 *
 * An answer: { choose: 'button label' } clicks that button (or types the label when the card has
 * no such button), { type: 'text' } replies in the chat, { skip: true } clicks the card's Skip.
 */

/** Answers every scenario shares: the defaults a team that has not measured them would take. */
const COMMON = [
  [/prompt cache/, { skip: true }],
  [/how many months/i, { skip: true }],
  [/Which model would you fine-tune/, { skip: true }],
  [/When does it need to ship/, { skip: true }],
  [/labelling one more example cost/, { skip: true }],
  [/wrong answer cost/, { skip: true }],
  [/output spec settled/, { choose: 'Yes' }],
  [/tell the failing cases apart/, { choose: 'No' }],
];

export const SCENARIOS = [
  {
    // Seed scenario 2: ticket classification that already works.
    name: 'prompt-engineering',
    task: 'We classify 3k support tickets a day into 8 categories with a 1,500-token prompt on gpt-4.1-mini; 46 of 50 came out right after 2 rounds, and we have 300 labelled tickets',
    answers: [[/tokens of input/, { type: '400' }], [/tokens does each answer/, { type: '20' }], ...COMMON],
  },
  {
    // Seed scenario 3: legal clauses a generic model can't write in the company's style.
    name: 'fine-tuning',
    question: /What do the failures have in common/,
    // Try other numbers on its verdict: the form's boxes by their labels, and what to type in them.
    whatIf: { 'Calls a month': '50k', 'Months to compare over': '24' },
    task: 'We draft legal clauses in our company style: 2,000 a month with a 4k-token prompt on gpt-4.1, only 27 of 50 right after 5 tries',
    answers: [
      [/What do the failures have in common/, { choose: 'Wrong style or tone' }],
      [/labelled examples/, { type: '500' }],
      [/tokens of input/, { type: '800' }],
      [/tokens does each answer/, { type: '400' }],
      ...COMMON,
    ],
  },
  {
    // Seed scenario 1: messy PDFs stalling at 60%, with too few labels to train on yet.
    name: 'collect-data',
    question: /Which model do you prompt today/,
    task: 'We pull fields out of 30k messy PDF contracts a month with a 2k-token prompt, stuck at 30 of 50 right after 4 rounds, and we have 40 labelled contracts',
    answers: [
      [/What do the failures have in common/, { choose: 'Wrong format' }],
      [/Which model do you prompt today/, { type: 'gpt-4.1-mini' }],
      [/tokens of input/, { type: '3k' }],
      [/tokens does each answer/, { type: '300' }],
      ...COMMON,
    ],
  },
];
