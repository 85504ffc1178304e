import type { InputBlock, ModalView } from '@slack/types';
import { GRADER_HELP } from '../../src/index.js';
import { SLACK_LIMITS as L } from './slack-limits.js';
import { VARIANT_SEPARATOR, type TrialFormField as TrialField } from '../trial/trial-form.js';

export const TRIAL_MODAL_CALLBACK_ID = 'fta:trial-modal';

/** The form's fields are blocks by the form's field names; each input's action id is `value`. */
export { TRIAL_FORM_FIELDS as TRIAL_FIELDS, type TrialFormField as TrialField } from '../trial/trial-form.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

function field(id: TrialField, label: string, hint: string, options: { multiline?: boolean; optional?: boolean; initial?: string; placeholder?: string }): InputBlock {
  return {
    type: 'input',
    block_id: id,
    optional: options.optional ?? true,
    label: plain(label),
    hint: plain(hint),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: options.multiline ?? false,
      max_length: L.plainTextInput,
      ...(options.initial ? { initial_value: options.initial } : {}),
      ...(options.placeholder ? { placeholder: plain(options.placeholder.slice(0, L.placeholderText)) } : {}),
    },
  };
}

/**
 * The trial form (the "Run a trial" button, or `/finetune-advisor trial`): the prompt and its
 * variants, the examples, the models and the grader. A modal input takes 3,000 characters:
 * longer prompts and example files are shared in the interview's thread first, and the form
 * takes the newest of each from there.
 */
export function buildTrialModal(input: { payload: string; models: string[]; capUsd: number }): ModalView {
  return {
    type: 'modal',
    callback_id: TRIAL_MODAL_CALLBACK_ID,
    private_metadata: input.payload.length <= L.privateMetadata ? input.payload : '',
    title: plain('Run a trial'),
    submit: plain('Run it'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `Your prompt on your own examples, graded, with tokens and cost measured: the interview then uses the measured figures. It stops at the $${input.capUsd.toFixed(2)} cap. A long prompt or an examples file (CSV or JSONL, up to 200 examples): share it in the interview's thread first, and leave the field empty.`,
        },
      },
      field('prompt', 'Prompt', 'The instructions (the system message); each example is the user message.', { multiline: true }),
      field('variants', 'Variants (optional)', `Up to 5 other versions, separated by a line with just ${VARIANT_SEPARATOR}`, { multiline: true }),
      field('examples', 'Examples', 'CSV or JSONL with input, and expected where the grader compares: or a file shared in the thread.', {
        multiline: true,
        placeholder: 'input,expected\n"I was charged twice",billing',
      }),
      field('models', 'Models', 'The one you prompt today first, then any to compare it with (catalogue ids, comma-separated); filled in: the one the advice would move you to.', {
        optional: false,
        initial: input.models.join(', '),
      }),
      field('grader', 'Grader', GRADER_HELP, { placeholder: 'label' }),
    ],
  };
}
