import { WHAT_IF_FIELDS, type WhatIfField, type WhatIfFormField } from '../../src/index.js';
import { executeAction } from './adaptive-card-actions.js';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard, type AdaptiveElement } from './adaptive-card-types.js';
import { TEAMS_LIMITS as L } from './teams-limits.js';
import { escapeSaidMarkdown, unmarked } from './teams-text.js';

/** Each field an Input.Text whose value arrives in the click's data under this id. */
export const whatIfInputId = (field: WhatIfField) => `fta_whatif_${field}`;

/**
 * "Try other numbers" as an Adaptive Card: one box per main assumption, filled with the
 * verdict's figures, and Show the verdict. Shown again with each problem under its box and
 * everything typed kept when the click is refused. Only the person who clicked sees it.
 */
export function buildWhatIfFormCard(input: { fields: WhatIfFormField[]; payload: string; typed?: Partial<Record<WhatIfField, string>>; errors?: Partial<Record<WhatIfField, string>> }): AdaptiveCard {
  const body: AdaptiveElement[] = [
    { type: 'TextBlock', text: 'Try other numbers', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: 'Change any figure and see the verdict worked out again. Only you see it until you post it.', wrap: true, isSubtle: true },
  ];
  for (const field of input.fields) {
    const value = input.typed?.[field.id] ?? field.value;
    body.push({
      type: 'Input.Text',
      id: whatIfInputId(field.id),
      label: field.label,
      placeholder: `e.g. ${field.placeholder}`,
      isMultiline: false,
      maxLength: L.inputTextMax,
      isRequired: false,
      ...(value ? { value } : {}),
    });
    const problem = input.errors?.[field.id];
    // A refusal quotes what was typed: no markdown in it forms.
    if (problem) body.push({ type: 'TextBlock', text: escapeSaidMarkdown(unmarked(problem).slice(0, L.textMax)), wrap: true, color: 'Attention', spacing: 'None' });
  }
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: L.adaptiveCardVersion,
    body,
    actions: [executeAction({ action: 'run-what-if', label: 'Show the verdict', payload: input.payload, style: 'primary', sendsInputs: true })],
    fallbackText: 'Try other numbers on the verdict.',
  };
}

/** What was typed in each box, from the click's data. */
export function readWhatIfForm(data: Record<string, unknown>): Partial<Record<WhatIfField, string>> {
  const typed: Partial<Record<WhatIfField, string>> = {};
  for (const field of WHAT_IF_FIELDS) {
    const raw = data[whatIfInputId(field)];
    if (typeof raw === 'string') typed[field] = raw.slice(0, L.inputTextMax);
  }
  return typed;
}
