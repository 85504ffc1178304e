import { describe, expect, it } from 'vitest';
import { buildAnswerModal } from '../../../adapters/slack/build-answer-modal.js';
import { SLACK_LIMITS } from '../../../adapters/slack/slack-limits.js';
import { decodeAction, encodeAction } from '../../../src/index.js';
import { expectModalWithinSlackLimits } from './expect-within-slack-limits.js';
import { CONVERSATION_ID, long, question } from './slack-fixtures.js';

const payload = encodeAction({ c: CONVERSATION_ID, v: 4, q: 'testedExamples' });
const q = question('testedExamples');

describe('buildAnswerModal', () => {
  it('asks the question in a one-line box and hands the question back in private_metadata', () => {
    const view = buildAnswerModal({ payload, title: 'Your answer', label: q.prompt, placeholder: `e.g. ${q.example}`, multiline: false });
    expectModalWithinSlackLimits(view);
    expect(view).toEqual({
      type: 'modal',
      callback_id: 'fta:answer-modal',
      private_metadata: payload,
      title: { type: 'plain_text', text: 'Your answer', emoji: true },
      submit: { type: 'plain_text', text: 'Save', emoji: true },
      close: { type: 'plain_text', text: 'Cancel', emoji: true },
      blocks: [
        {
          type: 'input',
          block_id: 'answer',
          label: { type: 'plain_text', text: 'On how many real examples have you tested your best prompt?', emoji: true },
          element: { type: 'plain_text_input', action_id: 'value', multiline: false, placeholder: { type: 'plain_text', text: 'e.g. 10', emoji: true } },
        },
      ],
    });
    expect(decodeAction(view.private_metadata)).toEqual({ c: CONVERSATION_ID, v: 4, q: 'testedExamples' });
  });

  it('gives a multi-line box when asked', () => {
    const view = buildAnswerModal({ payload, title: 'Your answer', label: 'Describe the task', placeholder: '', multiline: true });
    expectModalWithinSlackLimits(view);
    expect(view.blocks[0]).toMatchObject({ element: { type: 'plain_text_input', multiline: true } });
    expect(view.blocks[0]).not.toHaveProperty('element.placeholder');
  });

  it("cuts a long title, label and placeholder at Slack's limits with an ellipsis", () => {
    const view = buildAnswerModal({ payload, title: 'Your answer for the ticket router', label: long(2500, 'question'), placeholder: long(400, 'hint'), multiline: false });
    expectModalWithinSlackLimits(view);
    expect(view.title.text).toBe('Your answer for the tic…');
    const block = view.blocks[0] as { label: { text: string }; element: { placeholder: { text: string } } };
    expect([block.label.text.length, block.label.text.endsWith('…')]).toEqual([SLACK_LIMITS.inputLabel, true]);
    expect([block.element.placeholder.text.length, block.element.placeholder.text.endsWith('…')]).toEqual([SLACK_LIMITS.placeholderText, true]);
    expect(decodeAction(view.private_metadata)).toEqual({ c: CONVERSATION_ID, v: 4, q: 'testedExamples' });
  });

  it('leaves private_metadata empty rather than send a cut payload that would not decode', () => {
    const view = buildAnswerModal({ payload: 'x'.repeat(3001), title: '', label: '', placeholder: 'e.g. 10', multiline: false });
    expectModalWithinSlackLimits(view);
    expect(view.private_metadata).toBe('');
    expect(view.title.text).toBe('Your answer');
  });
});
