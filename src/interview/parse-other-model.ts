import type { OtherModel } from './answers.js';
import { notUnderstood, parsed, type Parsed } from './parse-result.js';
import { readQuantity } from './read-quantity.js';

const EXPECTED =
  'Name the model and its prices per 1M tokens, like "Llama 3.1 70B, $0.60 in, $0.80 out", or for your own GPUs their cost and speed, like "Llama 3.1 70B on vLLM, $5 an hour, 2,500 tokens/s".';

/** A dollar amount, never read from inside a word ("V3", "8x7B"): "$2.50", "US$4", "2.5 usd", "$3k". */
const AMOUNT = String.raw`(?<![\w.])(?:us)?\$?\s*(\d[\d,]*(?:\.\d+)?\s*k?)(?:\s*(?:usd|dollars?))?`;
const PER_HOUR = new RegExp(String.raw`${AMOUNT}\s*(?:an?|per|\/)\s*(?:gpu[- ]?)?(?:hour|hr|h)\b`, 'i');
const PER_MONTH = new RegExp(String.raw`${AMOUNT}\s*(?:a|per|\/)\s*(?:month|mo)\b`, 'i');
const SPEED = /(?<![\w.])(\d[\d,]*(?:\.\d+)?\s*k?)\s*(?:(?:tokens?|tok)\s*(?:\/|per|a)\s*(?:s|sec|second)\b|tps\b|t\/s\b)/i;
const INPUT = new RegExp(String.raw`${AMOUNT}\s*(?:per 1m\s*)?(?:in|input)\b`, 'i');
const OUTPUT = new RegExp(String.raw`${AMOUNT}\s*(?:per 1m\s*)?(?:out|output)\b`, 'i');
const PAIR = new RegExp(String.raw`${AMOUNT}\s*\/\s*${AMOUNT}(?!\s*(?:tokens?|tok|s\b|h\b|hr\b|hour|mo\b|month))`, 'i');
/** One price for both ways, said per 1M tokens: "$0.88 per 1M tokens", "0.2/M". */
const BLENDED = new RegExp(String.raw`${AMOUNT}\s*(?:per|\/|a)\s*(?:1\s*m|million|mtok|m)\b`, 'i');
const PRICES = [PER_HOUR, PER_MONTH, SPEED, INPUT, OUTPUT, PAIR, BLENDED];
/** Where a name ends at the latest: a comma, colon, bracket, a dash between spaces, or a dollar sign. */
const SEPARATOR = /\s*[,;:(]\s*|\s+[-–—]\s+|\s+(?=(?:us)?\$)/i;
/** Words left dangling between a name and its prices: "Llama 3.3 70B at $0.59/$0.79". */
const DANGLING = /(?:\s+(?:at|for|costs?|is|@)|\s*[-–—@])+$/i;
/** A minus stuck to a number: a price or a speed can't be negative. */
const NEGATIVE = /(?:^|[\s,;:(/$])[-−]\d/;

function amount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const q = readQuantity(text.replace(/,/g, ''));
  return q && q.rest === '' && Number.isFinite(q.value) ? q.value : undefined;
}

/**
 * The name runs to the first separator or the first price, whichever comes first. A bare
 * "3 in" is a price only beside an "out" ("Mistral Large 2 2 in 6 out"), never in "Llama 3 in fp8".
 */
function splitName(text: string): { name: string; rest: string } {
  let end = SEPARATOR.exec(text)?.index ?? text.length;
  for (const re of PRICES) {
    const match = re.exec(text);
    if (!match || match.index >= end) continue;
    const bare = (re === INPUT || re === OUTPUT) && !match[0].includes('$');
    const after = text.slice(match.index);
    if (bare && !(INPUT.test(after) && OUTPUT.test(after))) continue;
    end = match.index;
  }
  return { name: text.slice(0, end).replace(DANGLING, '').trim(), rest: text.slice(end) };
}

/**
 * "Another model", as a person types it: a name, then either API prices per 1M tokens
 * ("$0.60 in, $0.80 out", "0.27 / 1.10", "$0.88 per 1M") or their own GPUs ("$5 an hour" or
 * "$3,000 a month", and "2,500 tokens/s").
 */
export function parseOtherModel(text: string): Parsed<OtherModel> {
  const trimmed = text.trim();
  if (trimmed.length > 300) return notUnderstood(text, EXPECTED);
  const { name, rest } = splitName(trimmed);
  if (!name || /^\$?\d/.test(name)) return notUnderstood(text, `Start with the model's name. ${EXPECTED}`);
  if (NEGATIVE.test(rest)) return notUnderstood(text, `Prices and speeds can't be negative. ${EXPECTED}`);
  const gpuPerHour = amount(PER_HOUR.exec(rest)?.[1]);
  const perMonth = amount(PER_MONTH.exec(rest)?.[1]);
  const tokensPerSecond = amount(SPEED.exec(rest)?.[1]);
  if (gpuPerHour !== undefined || perMonth !== undefined) {
    if (tokensPerSecond === undefined) return notUnderstood(text, `Add how many tokens a second the GPUs serve, like "2,500 tokens/s". ${EXPECTED}`);
    if (tokensPerSecond <= 0 || (gpuPerHour ?? perMonth!) <= 0) return notUnderstood(text, `A GPU cost and a speed must be more than 0. ${EXPECTED}`);
    return parsed({ name, ...(gpuPerHour !== undefined ? { gpuPerHour } : { perMonth: perMonth! }), tokensPerSecond });
  }
  const pair = PAIR.exec(rest);
  const blended = amount(BLENDED.exec(rest)?.[1]);
  const input = amount(INPUT.exec(rest)?.[1]) ?? amount(pair?.[1]) ?? blended;
  const output = amount(OUTPUT.exec(rest)?.[1]) ?? amount(pair?.[2]) ?? blended;
  if (input === undefined) return notUnderstood(text, EXPECTED);
  return parsed({ name, input, output: output ?? input }, output === undefined ? `took ${input} per 1M for output too` : undefined);
}
