import { executeAction } from './adaptive-card-actions.js';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard, type AdaptiveElement } from './adaptive-card-types.js';
import { TEAMS_LIMITS as L } from './teams-limits.js';
import { escapeSaidMarkdown, unmarked } from './teams-text.js';

/** One box of a form card: what it asks, what it holds, and the problem with it when refused. */
export interface FormBox {
  id: string;
  label: string;
  placeholder: string;
  multiline: boolean;
  maxLength: number;
  value?: string | undefined;
  problem?: string | undefined;
}

/**
 * A form as an Adaptive Card (a bot has no modal to open from a card): a title, a line saying
 * what it does, one Input.Text per box with its problem under it, and one button that sends them.
 */
export function buildFormCard(form: {
  title: string;
  intro: { text: string; subtle: boolean };
  boxes: FormBox[];
  submit: { action: string; label: string; payload: string };
  fallbackText: string;
}): AdaptiveCard {
  const body: AdaptiveElement[] = [
    { type: 'TextBlock', text: form.title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: form.intro.text, wrap: true, ...(form.intro.subtle ? { isSubtle: true } : {}) },
  ];
  for (const box of form.boxes) {
    body.push({
      type: 'Input.Text',
      id: box.id,
      label: box.label,
      placeholder: box.placeholder,
      isMultiline: box.multiline,
      maxLength: box.maxLength,
      isRequired: false,
      ...(box.value ? { value: box.value } : {}),
    });
    // A refusal quotes what was typed: no markdown in it forms.
    if (box.problem) body.push({ type: 'TextBlock', text: escapeSaidMarkdown(unmarked(box.problem).slice(0, L.textMax)), wrap: true, color: 'Attention', spacing: 'None' });
  }
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: L.adaptiveCardVersion,
    body,
    actions: [executeAction({ ...form.submit, style: 'primary', sendsInputs: true })],
    fallbackText: form.fallbackText,
  };
}
