import { describe, expect, it } from 'vitest';
import { loadPriceCatalogue } from '../../../adapters/catalogue/load-price-catalogue.js';
import { readCardAction } from '../../../adapters/teams/read-card-action.js';
import { renderAdaptiveCard } from '../../../adapters/teams/render-adaptive-card.js';
import { TEAMS_LIMITS } from '../../../adapters/teams/teams-limits.js';
import { adviseFromAnswers, buildQuestionCard, buildQuestions, buildVerdictCard, encodeAction, type QuestionId } from '../../../src/index.js';
import { ticketTriage } from '../../helpers/answers.js';
import { conversation } from '../slack/slack-fixtures.js';
import { expectValidTeamsCard, ofType } from './expect-valid-teams-card.js';

const CTX = { catalogue: loadPriceCatalogue(), asOf: '2026-11-23' };
const CONVERSATION_ID = 'teams:19:abc@thread.tacv2;messageid=1700000000000';

type Action = { type: string; verb: string; title: string; data: { fta: string; payload?: string }; fallback: { data: Record<string, unknown> } };

/** The buttons of a rendered question card, checked like every card sent to Teams. */
function buttonsOf(id: QuestionId): Action[] {
  const question = buildQuestions(CTX)[id];
  const json = renderAdaptiveCard(buildQuestionCard(question, conversation({ id: CONVERSATION_ID, platform: 'teams', pending: id, version: 4 })));
  expectValidTeamsCard(json);
  return ofType(json, 'Action.Execute') as unknown as Action[];
}
const button = (id: QuestionId, title: string) => buttonsOf(id).find((b) => b.title === title)!;

/** The invoke value Teams sends for an Action.Execute (`adaptiveCard/action`), inputs merged into data. */
const invokeValue = (action: Action, inputs: Record<string, string> = {}) => ({
  action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: { ...action.data, ...inputs } },
  trigger: 'manual',
});
/** The `value` of the message activity an Action.Submit sends: its data with the inputs. */
const submitValue = (action: Action, inputs: Record<string, string> = {}) => ({ ...action.fallback.data, ...inputs });

describe('readCardAction', () => {
  const base = { c: CONVERSATION_ID, v: 4 };

  it('reads a Yes click from the Action.Execute invoke and from the Action.Submit message alike', () => {
    const yes = button('specStable', 'Yes');
    const expected = { action: 'answer', payload: { ...base, q: 'specStable', a: 'yes' }, answer: 'yes' };
    expect(readCardAction(invokeValue(yes))).toEqual(expected);
    expect(readCardAction(submitValue(yes))).toEqual(expected);
  });

  it('takes the typed text (trimmed) as the answer from a Save click, in both shapes', () => {
    const save = button('testedExamples', 'Save');
    const expected = { action: 'answer', payload: { ...base, q: 'testedExamples', a: '12' }, answer: '12' };
    expect(readCardAction(invokeValue(save, { fta_text: '  12 \n' }))).toEqual(expected);
    expect(readCardAction(submitValue(save, { fta_text: '12' }))).toEqual(expected);
  });

  it('takes the option chosen in the menu as the answer from an Answer click', () => {
    const answer = button('taskKind', 'Answer');
    expect(readCardAction(invokeValue(answer, { fta_choice: 'extraction' }))).toEqual({
      action: 'answer',
      payload: { ...base, q: 'taskKind', a: 'extraction' },
      answer: 'extraction',
    });
  });

  it('lets a typed answer win over the answer a button carries', () => {
    const value = { fta: 'answer', payload: encodeAction({ ...base, q: 'testedExamples', a: '20' }), fta_text: '30' };
    expect(readCardAction(value)).toMatchObject({ payload: { a: '30' }, answer: '30' });
    expect(readCardAction({ ...value, fta_text: '   ' })).toMatchObject({ payload: { a: '20' }, answer: '20' });
  });

  it('reads Skip, Back and Cancel with no answer', () => {
    const skip = readCardAction(invokeValue(button('inputTokens', 'Skip: Not counted')));
    expect(skip).toEqual({ action: 'skip', payload: { ...base, q: 'inputTokens' } });
    expect(readCardAction(submitValue(button('inputTokens', 'Cancel')))?.action).toBe('cancel');
  });

  it('reads Start over on a verdict card with the stored verdict it points to', () => {
    const advice = adviseFromAnswers(ticketTriage, CTX);
    if (!advice.ok) throw new Error(advice.errors.join('\n'));
    const ref = { conversationId: CONVERSATION_ID, version: 9, verdictId: `${CONVERSATION_ID}#9` };
    const json = renderAdaptiveCard(buildVerdictCard(advice.verdict, { askedBy: 'Alice', ref }));
    const startOver = json.actions![0]! as unknown as Action;
    expect(readCardAction(invokeValue(startOver))).toEqual({ action: 'new-from-verdict', payload: { c: CONVERSATION_ID, v: 9, d: ref.verdictId } });
  });

  it('takes the action from the verb when the data does not name it', () => {
    const payload = encodeAction({ ...base, q: 'model' });
    expect(readCardAction({ action: { type: 'Action.Execute', verb: 'fta:back', data: { payload } } })).toEqual({ action: 'back', payload: { ...base, q: 'model' } });
  });

  it('cuts a typed answer longer than the text box allows', () => {
    const save = button('monthlyCalls', 'Save');
    const read = readCardAction(submitValue(save, { fta_text: '9'.repeat(5000) }));
    expect(read?.answer).toHaveLength(TEAMS_LIMITS.inputTextMax);
  });

  it('returns null for anything that is not a click on one of our buttons', () => {
    const payload = encodeAction({ ...base, q: 'model' });
    for (const value of [
      undefined,
      null,
      'answer',
      [],
      {},
      { fta: 'answer' },
      { fta: 'answer', payload: 'not json' },
      { fta: 'answer', payload: JSON.stringify({ c: '', v: -1 }) },
      { fta: 42, payload },
      { fta: 'DROP TABLE', payload },
      { action: { type: 'Action.Execute', verb: 'fta:answer' } },
      { action: { type: 'Action.Execute', verb: 'other:answer', data: { payload } } },
      { action: { type: 'Action.Execute', verb: 'fta:answer', data: 'x' } },
    ]) {
      expect(readCardAction(value)).toBeNull();
    }
  });
});
