import type { InputBlock, ModalView, PlainTextInput } from '@slack/types';
import { SLACK_LIMITS as L } from './slack-limits.js';
import { cutText, oneLine } from './shorten-text.js';

export const ANSWER_MODAL_CALLBACK_ID = 'fta:answer-modal';
/** Where the typed answer is in `view.state.values`: `values[ANSWER_BLOCK_ID][ANSWER_ACTION_ID].value`. */
export const ANSWER_BLOCK_ID = 'answer';
export const ANSWER_ACTION_ID = 'value';

export interface AnswerModalInput {
  /** The question's encoded action (`encodeAction`), handed back as `private_metadata` on submit. */
  payload: string;
  /** The modal's title, e.g. "Your answer" (cut to 24). */
  title: string;
  /** The question, shown as the input's label. */
  label: string;
  placeholder: string;
  multiline: boolean;
}

const plain = (text: string, max: number, otherwise: string) => ({ type: 'plain_text' as const, text: cutText(oneLine(text).trim(), max) || otherwise, emoji: true });

/**
 * The modal that takes a typed answer (opened by the `fta:open-input` button). Every text is
 * cut to Slack's limits; a payload longer than private_metadata allows is not sent (cutting
 * it would corrupt it), so the submission decodes to nothing and is refused as stale.
 */
export function buildAnswerModal(input: AnswerModalInput): ModalView {
  const element: PlainTextInput = {
    type: 'plain_text_input',
    action_id: ANSWER_ACTION_ID,
    multiline: input.multiline,
    ...(input.placeholder.trim() ? { placeholder: plain(input.placeholder, L.placeholderText, '') } : {}),
  };
  const block: InputBlock = {
    type: 'input',
    block_id: ANSWER_BLOCK_ID,
    label: plain(input.label, L.inputLabel, 'Your answer'),
    element,
  };
  return {
    type: 'modal',
    callback_id: ANSWER_MODAL_CALLBACK_ID,
    private_metadata: input.payload.length <= L.privateMetadata ? input.payload : '',
    title: plain(input.title, L.modalTitle, 'Your answer'),
    submit: plain('Save', L.modalButton, 'Save'),
    close: plain('Cancel', L.modalButton, 'Cancel'),
    blocks: [block],
  };
}
