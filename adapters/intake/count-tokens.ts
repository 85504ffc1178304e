import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';

/** Tokens of a pasted prompt with o200k_base (OpenAI's current encoding), offline. */
export function countTokens(text: string): number {
  return countO200k(text);
}
