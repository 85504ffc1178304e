import { GRADER_HELP } from '../../src/index.js';
import type { AdaptiveCard } from './adaptive-card-types.js';
import { buildFormCard } from './form-card.js';
import { dataOf } from './read-card-action.js';
import { TEAMS_LIMITS as L } from './teams-limits.js';
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
  const intro = `Your prompt on your own examples, graded, with tokens and cost measured: the interview then uses the measured figures. It stops at the $${input.capUsd.toFixed(2)} cap.${input.file ? ` Examples file ready: ${input.file} (used when the Examples box is empty).` : ''}`;
  return buildFormCard({
    title: 'Run a trial',
    intro: { text: intro, subtle: false },
    boxes: TRIAL_FORM_FIELDS.map((field) => ({ id: trialInputId(field), ...LABELS[field], maxLength: L.trialInputMax, value: input.values[field], problem: input.errors?.[field] })),
    submit: { action: 'run-trial', label: 'Run it', payload: input.payload },
    fallbackText: 'Run a trial: your prompt on your own examples.',
  });
}

/** The form's values from a Run click's data (an invoke's action.data, or a Submit's value). */
export function readTrialForm(value: unknown): Partial<Record<TrialFormField, string>> {
  const data = dataOf(value)?.data ?? {};
  const values: Partial<Record<TrialFormField, string>> = {};
  for (const field of TRIAL_FORM_FIELDS) {
    const raw = data[trialInputId(field)];
    if (typeof raw === 'string' && raw.trim()) values[field] = raw.slice(0, L.trialInputMax);
  }
  return values;
}
