import type { Conversation, ConversationStore, Platform, PriceCatalogue, TrialSpec } from '../../src/index.js';
import { assembleTrial } from './assemble-trial.js';

/** The fields of the trial form, the same on every chat door (a Slack modal, a Teams card). */
export const TRIAL_FORM_FIELDS = ['prompt', 'variants', 'examples', 'models', 'grader'] as const;
export type TrialFormField = (typeof TRIAL_FORM_FIELDS)[number];
export type TrialFormValues = Partial<Record<TrialFormField, string>>;

/** A line with just this between variants, in the variants field. */
export const VARIANT_SEPARATOR = '---';

/**
 * A trial from what the form held, with the files shared for it where a field was left empty;
 * or each problem under the field it is about (the examples' line, the grader, a model).
 */
export function trialFromForm(
  values: TrialFormValues,
  shared: { prompt?: string; examples?: { name: string; content: string } },
  catalogue: PriceCatalogue,
): { ok: true; spec: TrialSpec } | { ok: false; errors: TrialFormValues } {
  const prompt = values.prompt?.trim() || shared.prompt?.trim() || '';
  const pasted = values.examples?.trim() ?? '';
  const examples = pasted ? { content: pasted } : shared.examples;
  const missing: TrialFormValues = {};
  if (!prompt) missing.prompt = 'Paste the prompt here, or share it as a .txt or .md file first.';
  if (!examples?.content.trim()) missing.examples = 'Paste examples here (CSV or JSONL with input and expected), or share a file of them first.';
  if (!prompt || !examples) return { ok: false, errors: missing };
  const variants = (values.variants ?? '')
    .split(new RegExp(`^\\s*${VARIANT_SEPARATOR}+\\s*$`, 'm'))
    .map((v) => v.trim())
    .filter(Boolean);
  const models = (values.models ?? '')
    .split(/[\s,]+/)
    .map((m) => m.trim())
    .filter(Boolean);
  const assembled = assembleTrial(
    {
      prompts: [prompt, ...variants],
      examplesText: examples.content,
      ...('name' in examples && examples.name ? { examplesFileName: examples.name } : {}),
      models,
      ...(values.grader?.trim() ? { grader: values.grader.trim() } : {}),
    },
    catalogue,
  );
  return assembled.ok ? { ok: true, spec: assembled.spec } : { ok: false, errors: fieldErrors(assembled.problems) };
}

/** Each problem shown in the field it is about. */
function fieldErrors(problems: string[]): TrialFormValues {
  const errors: TrialFormValues = {};
  const put = (field: TrialFormField, text: string) => (errors[field] = errors[field] ? `${errors[field]} ${text}` : text);
  for (const p of problems) {
    if (p.startsWith('examples')) put('examples', p.replace(/^examples( \([^)]*\))?: /, ''));
    else if (p.startsWith('grader')) put('grader', p.replace(/^grader: /, ''));
    else if (p.startsWith('model')) put('models', p.replace(/^models?( \d+)?: /, ''));
    else if (p.startsWith('prompts')) put(/^prompts [2-9]/.test(p) ? 'variants' : 'prompt', p.replace(/^prompts( \d+)?: /, ''));
    else put('prompt', p);
  }
  for (const k of Object.keys(errors) as TrialFormField[]) errors[k] = errors[k]!.slice(0, 2000);
  return errors;
}

/** The interview a person may run a trial on (theirs, running, on this platform), or words saying why not. */
export async function trialInterview(store: ConversationStore, conversationId: string, userId: string, platform: Platform, howToStart: string): Promise<Conversation | string> {
  const conv = await store.getConversation(conversationId);
  if (conv?.refs.kind !== platform) return `That interview is no longer stored: ${howToStart}.`;
  if (conv.ownerId !== userId) return `This is ${conv.ownerLabel}'s interview; only they can run a trial on it.`;
  if (conv.status !== 'active') return 'That interview is over: start a new one to run a trial for it.';
  return conv;
}
