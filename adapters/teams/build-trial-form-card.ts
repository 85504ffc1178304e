import { GRADER_HELP } from '../../src/index.js';
import { executeAction } from './adaptive-card-actions.js';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard, type AdaptiveElement } from './adaptive-card-types.js';
import { TEAMS_LIMITS as L } from './teams-limits.js';
import { escapeSaidMarkdown, unmarked } from './teams-text.js';
import { TRIAL_FORM_FIELDS, type TrialFormField } from '../trial/trial-form.js';

/** Each field an Input.Text whose value arrives in the Run click's data under this id. */
export const trialInputId = (field: TrialFormField) => `fta_trial_${field}`;

const LABELS: Record<TrialFormField, { label: string; placeholder: string; multiline: boolean }> = {
  prompt: { label: 'Prompt (the instructions; each example is the user message)', placeholder: 'Label the support ticket as billing, refund or bug.', multiline: true },
  variants: { label: 'Variants (optional, up to 5, separated by a line with ---)', placeholder: 'Another version of the prompt', multiline: true },
  examples: { label: 'Examples: CSV or JSONL, or attach a file in this chat first', placeholder: 'input,expected\n"I was charged twice",billing', multiline: true },
  models: { label: 'Models: the one you prompt today first, then any to compare it with (catalogue ids)', placeholder: 'gpt-4.1-mini, nova-lite', multiline: false },
  grader: { label: `Grader: ${GRADER_HELP}`, placeholder: 'label', multiline: false },
};

/**
 * The trial form as an Adaptive Card (Teams has no modal a bot can open from a card without a
 * task module): the fields, and Run. Shown again with the problems under their fields and
 * everything typed kept, when the Run click is refused.
 */
export function buildTrialFormCard(input: {
  payload: string;
  values: Partial<Record<TrialFormField, string>>;
  errors?: Partial<Record<TrialFormField, string>>;
  capUsd: number;
  file?: string;
}): AdaptiveCard {
  const body: AdaptiveElement[] = [
    { type: 'TextBlock', text: 'Run a trial', weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      wrap: true,
      text: `Your prompt on your own examples, graded, with tokens and cost measured: the interview then uses the measured figures. It stops at the $${input.capUsd.toFixed(2)} cap.${input.file ? ` Examples file ready: ${input.file} (used when the Examples box is empty).` : ''}`,
    },
  ];
  for (const field of TRIAL_FORM_FIELDS) {
    const spec = LABELS[field];
    body.push({
      type: 'Input.Text',
      id: trialInputId(field),
      label: spec.label,
      placeholder: spec.placeholder,
      isMultiline: spec.multiline,
      maxLength: L.trialInputMax,
      isRequired: false,
      ...(input.values[field] ? { value: input.values[field] } : {}),
    });
    const problem = input.errors?.[field];
    // A refusal quotes what was typed: no markdown in it forms.
    if (problem) body.push({ type: 'TextBlock', text: escapeSaidMarkdown(unmarked(problem).slice(0, L.textMax)), wrap: true, color: 'Attention', spacing: 'None' });
  }
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: L.adaptiveCardVersion,
    body,
    actions: [executeAction({ action: 'run-trial', label: 'Run it', payload: input.payload, style: 'primary', sendsInputs: true })],
    fallbackText: 'Run a trial: your prompt on your own examples.',
  };
}

/** The form's values from a Run click's data (an invoke's action.data, or a Submit's value). */
export function readTrialForm(value: unknown): Partial<Record<TrialFormField, string>> {
  const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const outer = record(value);
  const data = 'action' in outer ? record(record(outer.action).data) : outer;
  const values: Partial<Record<TrialFormField, string>> = {};
  for (const field of TRIAL_FORM_FIELDS) {
    const raw = data[trialInputId(field)];
    if (typeof raw === 'string' && raw.trim()) values[field] = raw.slice(0, L.trialInputMax);
  }
  return values;
}
