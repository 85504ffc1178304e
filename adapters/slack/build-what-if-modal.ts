import type { InputBlock, ModalView } from '@slack/types';
import type { WhatIfField, WhatIfFormField } from '../../src/index.js';
import { SLACK_LIMITS as L } from './slack-limits.js';
import { cutText, oneLine } from './shorten-text.js';

export const WHAT_IF_MODAL_CALLBACK_ID = 'fta:what-if-modal';
/** Each field's input: `values[<field>][WHAT_IF_ACTION_ID].value`. */
export const WHAT_IF_ACTION_ID = 'value';

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: cutText(oneLine(text).trim(), max), emoji: true });

/** "Try other numbers": one optional box per main assumption, opened with the verdict's own figures. */
export function buildWhatIfModal(fields: WhatIfFormField[], payload: string): ModalView {
  const blocks: InputBlock[] = fields.map((f) => ({
    type: 'input',
    block_id: f.id,
    optional: true,
    label: plain(f.label, L.inputLabel),
    element: {
      type: 'plain_text_input',
      action_id: WHAT_IF_ACTION_ID,
      ...(f.value ? { initial_value: cutText(f.value, L.plainTextInput) } : {}),
      placeholder: plain(`e.g. ${f.placeholder}`, L.placeholderText),
    },
  }));
  return {
    type: 'modal',
    callback_id: WHAT_IF_MODAL_CALLBACK_ID,
    private_metadata: payload.length <= L.privateMetadata ? payload : '',
    title: plain('Try other numbers', L.modalTitle),
    submit: plain('Show the verdict', L.modalButton),
    close: plain('Cancel', L.modalButton),
    blocks,
  };
}

/** What was typed in each box of a submitted modal. */
export function typedWhatIf(values: Record<string, Record<string, { value?: string | null }>> | undefined, fields: readonly WhatIfField[]): Partial<Record<WhatIfField, string>> {
  return Object.fromEntries(fields.map((f) => [f, values?.[f]?.[WHAT_IF_ACTION_ID]?.value ?? ''])) as Partial<Record<WhatIfField, string>>;
}
