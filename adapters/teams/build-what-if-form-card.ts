import { WHAT_IF_FIELDS, type WhatIfField, type WhatIfFormField } from '../../src/index.js';
import type { AdaptiveCard } from './adaptive-card-types.js';
import { buildFormCard } from './form-card.js';
import { TEAMS_LIMITS as L } from './teams-limits.js';

/** Each field an Input.Text whose value arrives in the click's data under this id. */
export const whatIfInputId = (field: WhatIfField) => `fta_whatif_${field}`;

/**
 * "Try other numbers" as an Adaptive Card: one box per main assumption, filled with the
 * verdict's figures, and Show the verdict. Shown again with each problem under its box and
 * everything typed kept when the click is refused. Only the person who clicked sees it.
 */
export function buildWhatIfFormCard(input: { fields: WhatIfFormField[]; payload: string; typed?: Partial<Record<WhatIfField, string>>; errors?: Partial<Record<WhatIfField, string>> }): AdaptiveCard {
  return buildFormCard({
    title: 'Try other numbers',
    intro: { text: 'Change any figure and see the verdict worked out again. Only you see it until you post it.', subtle: true },
    boxes: input.fields.map((field) => ({
      id: whatIfInputId(field.id),
      label: field.label,
      placeholder: `e.g. ${field.placeholder}`,
      multiline: false,
      maxLength: L.inputTextMax,
      value: input.typed?.[field.id] ?? field.value,
      problem: input.errors?.[field.id],
    })),
    submit: { action: 'run-what-if', label: 'Show the verdict', payload: input.payload },
    fallbackText: 'Try other numbers on the verdict.',
  });
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
