import { createRequire } from 'node:module';

type Count = (text: string) => number;

const require = createRequire(import.meta.url);
let counter: Count | null = null;

/**
 * Tokens of a pasted prompt with o200k_base (OpenAI's current encoding), offline. The encoding
 * (about 70 MB in memory) is loaded on the first prompt pasted, not at start: most of a
 * service's life nobody is pasting one. Synchronous, as the core calls it.
 */
export function countTokens(text: string): number {
  counter ??= (require('gpt-tokenizer/encoding/o200k_base') as { countTokens: Count }).countTokens;
  return counter(text);
}
