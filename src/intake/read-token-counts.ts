import { formatQuantity } from '../interview/format-quantity.js';
import { HEDGE, countPatterns, firstHit, groupSpan, readAmount, wholeCount, type Hit, type ScanText } from './scan-text.js';

/**
 * Token counts: the fixed prompt ("3k-token prompt", "prompt is 4k tokens"), each call's input
 * ("500-token inputs", "each ticket is about 500 tokens") and each answer ("200-token answers").
 */

const TOKENS = String.raw`\s*-?\s*tokens?\b`;
/** Verbs and fillers between a thing and its size: "is about", "runs to", "of". */
const IS = String.raw`(?:\s*[:=]\s*|\s+(?:(?:is|are|was|were|'s|of|with|has|have|uses?|runs?|takes?|to|at|weighs?|contains?|averages?|comes\s+to|currently|now|still|typically|usually|generally|on\s+average|length|size)\s+){1,3})`;

/** The verb may be left out: "system prompt around 2,500 tokens", "inputs ~800 tokens". */
const IS_OR_NOT = `(?:${IS}|\\s+)`;
/** "the inputs are long, 6k tokens on average", "outputs are tiny, like 20 tokens". */
const IS_SIZED = String.raw`\s+(?:are|is)\s+(?:long|short|tiny|small|big|huge|large|brief|chunky)(?:\s*,\s*|\s+)`;
const INPUT_NOUN = String.raw`(?:inputs?|tickets?|documents?|docs?|e-?mails?|messages?|requests?|quer(?:y|ies)|reviews?|conversations?|chats?|transcripts?|articles?|pages?|invoices?|records?|items?|texts?|posts?|comments?|contracts?|notes?|questions?|user\s+messages?)`;
const INPUT_ONE = String.raw`(?:input|ticket|document|doc|e-?mail|message|request|query|review|conversation|chat|transcript|article|page|invoice|record|item|text|post|comment|contract|note|question)`;
const OUTPUT_NOUN = String.raw`(?:outputs?|answers?|responses?|replies|reply|completions?|summar(?:y|ies)|generations?|results?|translations?)`;
const OUTPUT_ONE = String.raw`(?:output|answer|response|reply|completion|summary|generation|result)`;

const PROMPT = countPatterns(
  (_, Q) =>
    ([] = [
      // "3k-token prompt", "3,000 token prompt", "4k tokens prompt", "3k-token system prompt"
      new RegExp(String.raw`${Q}${TOKENS}\s*-?\s*(?:long\s+)?(?:(?:system|base|static|fixed|shared|instruction|main)\s+)?prompts?\b`, 'dg'),
      // "a prompt of 3k tokens", "prompt is about 4k tokens", "instructions are 3k tokens"
      new RegExp(String.raw`\b(?:(?:system\s+)?prompts?|instructions)(?:'s)?${IS_OR_NOT}${HEDGE}${Q}${TOKENS}`, 'dg'),
      // "3k tokens of instructions", "3k tokens of instructions and examples", "3k tokens in the prompt"
      new RegExp(
        String.raw`${Q}${TOKENS}\s+(?:of|in)\s+(?:the\s+|our\s+|my\s+)?(?:system\s+)?(?:instructions?|examples?|few[- ]shot(?:\s+examples)?|prompts?|rules|guidelines|context|system\s+prompt)\b`,
        'dg',
      ),
    ]),
);

const INPUT = countPatterns(
  (_, Q) =>
    ([] = [
      // "500-token inputs", "500-token tickets"
      new RegExp(String.raw`${Q}${TOKENS}\s*-?\s*(?:long\s+)?${INPUT_NOUN}\b`, 'dg'),
      // "each ticket is about 500 tokens", "inputs are 500 tokens", "input of 500 tokens"
      new RegExp(String.raw`\b${INPUT_NOUN}(?:${IS_OR_NOT}|${IS_SIZED})${HEDGE}${Q}${TOKENS}`, 'dg'),
      // "each one is about 8k tokens", "each filing is 50k tokens": what each call reads
      new RegExp(String.raw`\beach\s+(?!(?:prompt|${OUTPUT_ONE}|call|request|month|day|week|year|time)s?\b)[a-z]+${IS_OR_NOT}${HEDGE}${Q}${TOKENS}`, 'dg'),
      // "500 tokens of input", "500 tokens per ticket", "500 input tokens"
      new RegExp(String.raw`${Q}${TOKENS}\s+(?:of\s+)?(?:input\b|(?:per|each|an?)\s+${INPUT_ONE}\b)`, 'dg'),
      new RegExp(String.raw`${Q}\s*-?\s*input\s+tokens?\b`, 'dg'),
    ]),
);

const OUTPUT = countPatterns(
  (_, Q) =>
    ([] = [
      // "200-token answers"
      new RegExp(String.raw`${Q}${TOKENS}\s*-?\s*(?:long\s+)?${OUTPUT_NOUN}\b`, 'dg'),
      // "outputs of 200 tokens", "responses are 200 tokens"
      new RegExp(String.raw`\b${OUTPUT_NOUN}(?:${IS_OR_NOT}|${IS_SIZED})${HEDGE}${Q}${TOKENS}`, 'dg'),
      // "200 tokens of output", "200 tokens per answer", "200 output tokens"
      new RegExp(String.raw`${Q}${TOKENS}\s+(?:of\s+)?(?:output\b|(?:per|each|an?)\s+${OUTPUT_ONE}\b)`, 'dg'),
      new RegExp(String.raw`${Q}\s*-?\s*(?:output|completion)\s+tokens?\b`, 'dg'),
    ]),
);

/** A count read from the `q` group of a match; a range reads as its middle and says so. */
export function countFrom(text: ScanText, match: RegExpExecArray, group = 'q'): Hit<number> | undefined {
  const span = groupSpan(match, group);
  if (!span) return undefined;
  const amount = readAmount(text.lower.slice(span[0], span[1]), text.original.slice(span[0], span[1]));
  const value = amount && wholeCount(amount);
  if (amount === undefined || value === undefined) return undefined;
  const start = match.index;
  const end = match.index + match[0].length;
  if (amount.range) return { value, start, end, note: `read ${amount.text} as about ${formatQuantity(value)} (the middle of the range)` };
  return { value, start, end };
}

export function readPromptTokens(text: ScanText): Hit<number> | undefined {
  return firstHit(text.lower, PROMPT(text), (m) => countFrom(text, m));
}

export function readInputTokens(text: ScanText): Hit<number> | undefined {
  return firstHit(text.lower, INPUT(text), (m) => countFrom(text, m));
}

export function readOutputTokens(text: ScanText): Hit<number> | undefined {
  return firstHit(text.lower, OUTPUT(text), (m) => countFrom(text, m));
}
