/**
 * How a person answers a question, the same in Slack and Teams: click an option, type a reply,
 * fill the card's own form (Slack's modal, Teams' text box), or skip.
 */
export type HowToAnswer = { choose: string } | { type: string } | { form: string } | { skip: true };

/** A ticket router stuck at 60% after four rounds, with plenty of data: fine-tuning. */
export const TICKET_ROUTER: [RegExp, HowToAnswer][] = [
  [/What kind of task/, { choose: 'classification' }],
  [/tested your best prompt/, { type: '50' }],
  [/How many of them came out right/, { form: '6/10' }],
  [/What do the failures have in common/, { choose: 'format' }],
  [/rounds of prompt improvement/, { form: '4' }],
  [/Which model do you prompt today/, { choose: 'claude-sonnet-4.5' }],
  [/instructions and examples/, { type: '3k' }],
  [/tokens of input/, { type: '400' }],
  [/tokens does each answer/, { type: '20' }],
  [/calls a month/, { type: '50k/day' }],
  [/prompt cache/, { skip: true }],
  [/how many months/i, { skip: true }],
  [/Which model would you fine-tune/, { skip: true }],
  [/How many categories/, { type: '12' }],
  [/labelled examples/, { type: '2,000' }],
  [/When does it need to ship/, { skip: true }],
  [/output spec settled/, { choose: 'yes' }],
  [/tell the failing cases apart/, { choose: 'no' }],
  [/wrong answer cost/, { skip: true }],
];

/** A team on its own GPUs, a model the catalogue does not have: summaries that work, at a volume where the long prompt costs GPU time. */
export const SELF_HOSTED_LLAMA: [RegExp, HowToAnswer][] = [
  [/What kind of task/, { choose: 'summarization' }],
  [/tested your best prompt/, { type: '50' }],
  [/How many of them came out right/, { form: '46/50' }],
  [/rounds of prompt improvement/, { type: '2' }],
  [/Which model do you prompt today/, { choose: 'other' }],
  [/Which model, and what does it cost/, { form: 'Llama 3.1 70B on vLLM, $5 an hour, 2,500 tokens/s' }],
  [/instructions and examples/, { type: '2k' }],
  [/tokens of input/, { type: '500' }],
  [/tokens does each answer/, { type: '200' }],
  [/calls a month/, { type: '1M a month' }],
  [/prompt cache/, { skip: true }],
  [/how many months/i, { skip: true }],
  [/Which model would you fine-tune/, { skip: true }],
  [/labelled examples/, { type: '1,000' }],
  [/When does it need to ship/, { skip: true }],
  [/output spec settled/, { choose: 'yes' }],
];

/** An interview driver of either platform, as far as answering questions goes. */
export interface Interviewer<Message> {
  verdictMessage(): Message | undefined;
  questionText(): string;
  answer(how: HowToAnswer): Promise<unknown>;
}

/** Answers questions by their prompt text until the verdict is posted; a refused answer stops it. */
export async function answerUntilVerdict<Message>(driver: Interviewer<Message>, answers: [RegExp, HowToAnswer][]): Promise<Message> {
  for (let i = 0; i < 30; i++) {
    const verdict = driver.verdictMessage();
    if (verdict) return verdict;
    const text = driver.questionText();
    const match = answers.find(([pattern]) => pattern.test(text));
    if (!match) throw new Error(`no answer prepared for: ${text}`);
    const res = (await driver.answer(match[1])) as { status?: number; text?: string } | undefined;
    if (res?.status !== undefined && res.status >= 400) throw new Error(`the bot answered ${res.status}: ${res.text}`);
  }
  throw new Error('the interview did not end');
}
