import { findModel, type PriceCatalogue } from '../cost/price-catalogue.js';
import { formatCount } from '../format/format-numbers.js';
import type { Answers } from '../interview/answers.js';
import { parseCount } from '../interview/parse-count.js';
import type { Parsed } from '../interview/parse-result.js';

/** Text that is a prompt rather than a typed number: long, or over several lines. */
function looksLikePrompt(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.includes('\n') || (trimmed.length >= 60 && trimmed.split(/\s+/).length >= 8);
}

export const COUNTED_NOTE_PREFIX = 'counted';

/**
 * A prompt's size, typed ("4k") or pasted: a pasted prompt is counted with the tokenizer the
 * adapter gives (o200k_base), and the note says it was counted.
 */
export function parsePromptTokens(text: string, countTokens?: (text: string) => number): Parsed<number> {
  const typed = parseCount(text);
  if (typed.ok || !countTokens || !looksLikePrompt(text)) return typed;
  const count = countTokens(text);
  return { ok: true, value: count, note: `${COUNTED_NOTE_PREFIX} ${formatCount(count)} tokens in the pasted prompt` };
}

/** OpenAI's tokenizer is OpenAI's (and Azure OpenAI's): for other providers a count is close, not exact. */
const SAME_TOKENIZER = new Set(['openai', 'azure-openai']);

/** Completes a "counted" note with whether the count is exact for the model the team prompts. */
export function describeTokenCount(note: string, answers: Answers, catalogue: PriceCatalogue): string {
  if (!note.startsWith(COUNTED_NOTE_PREFIX)) return note;
  const model = answers.model ? findModel(catalogue, answers.model) : undefined;
  if (!model) return `${note} (o200k_base: exact for OpenAI's current models, approximate for others)`;
  return SAME_TOKENIZER.has(model.provider) ? `${note} (o200k_base, exact for ${model.name})` : `${note} (o200k_base, approximate for ${model.name}: its own tokenizer counts a little differently)`;
}
