import type { OtherModel } from './answers.js';
import { notUnderstood, parsed, type Parsed } from './parse-result.js';
import { readQuantity } from './read-quantity.js';

const EXPECTED =
  'Name the model and its prices per 1M tokens, like "Llama 3.1 70B, $0.60 in, $0.80 out", or for your own GPUs their cost and speed, like "Llama 3.1 70B on vLLM, $5 an hour, 2,500 tokens/s".';

const AMOUNT = String.raw`(?:us)?\$?\s*(\d[\d,]*(?:\.\d+)?\s*k?)`;
const PER_HOUR = new RegExp(String.raw`${AMOUNT}\s*(?:an?|per|\/)\s*(?:gpu[- ]?)?(?:hour|hr|h)\b`, 'i');
const PER_MONTH = new RegExp(String.raw`${AMOUNT}\s*(?:a|per|\/)\s*(?:month|mo)\b`, 'i');
const SPEED = /(\d[\d,]*(?:\.\d+)?\s*k?)\s*(?:tokens?|tok)\s*(?:\/|per|a)\s*(?:s|sec|second)\b/i;
const INPUT = new RegExp(String.raw`${AMOUNT}\s*(?:per 1m\s*)?(?:in|input)\b`, 'i');
const OUTPUT = new RegExp(String.raw`${AMOUNT}\s*(?:per 1m\s*)?(?:out|output)\b`, 'i');
const PAIR = new RegExp(String.raw`${AMOUNT}\s*\/\s*${AMOUNT}(?!\s*(?:tokens?|tok|s\b))`, 'i');

function amount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const q = readQuantity(text.replace(/,/g, ''));
  return q && q.rest === '' && Number.isFinite(q.value) ? q.value : undefined;
}

/**
 * "Another model", as a person types it: a name, then either API prices per 1M tokens
 * ("$0.60 in, $0.80 out", "0.27 / 1.10") or their own GPUs ("$5 an hour" or "$3,000 a month",
 * and "2,500 tokens/s").
 */
export function parseOtherModel(text: string): Parsed<OtherModel> {
  const trimmed = text.trim();
  if (trimmed.length > 300) return notUnderstood(text, EXPECTED);
  const name = trimmed.split(/\s*[,;:(]\s*|\s+[-–]\s+|\s+(?=(?:us)?\$)/i)[0]?.trim() ?? '';
  const rest = trimmed.slice(name.length);
  if (!name || /^\$?\d/.test(name)) return notUnderstood(text, `Start with the model's name. ${EXPECTED}`);
  const gpuPerHour = amount(PER_HOUR.exec(rest)?.[1]);
  const perMonth = amount(PER_MONTH.exec(rest)?.[1]);
  const tokensPerSecond = amount(SPEED.exec(rest)?.[1]);
  if (gpuPerHour !== undefined || perMonth !== undefined) {
    if (tokensPerSecond === undefined) return notUnderstood(text, `Add how many tokens a second the GPUs serve, like "2,500 tokens/s". ${EXPECTED}`);
    return parsed({ name, ...(gpuPerHour !== undefined ? { gpuPerHour } : { perMonth: perMonth! }), tokensPerSecond });
  }
  const pair = PAIR.exec(rest);
  const input = amount(INPUT.exec(rest)?.[1]) ?? amount(pair?.[1]);
  const output = amount(OUTPUT.exec(rest)?.[1]) ?? amount(pair?.[2]);
  if (input === undefined) return notUnderstood(text, EXPECTED);
  return parsed({ name, input, output: output ?? input }, output === undefined ? `took ${input} per 1M for output too` : undefined);
}
