import { expect } from 'vitest';
import type { Parsed } from '../../src/interview/parse-result.js';

/** The failure's message; fails the test if the parser accepted the text. */
export function messageOf(result: Parsed<unknown>): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

/** Asserts the shared failure shape: names the (trimmed) text, then shows what to type. */
export function expectNotUnderstood(result: Parsed<unknown>, text: string, ...expected: string[]): void {
  const message = messageOf(result);
  const opening = `I didn't understand "${text.trim()}".`;
  expect(message.slice(0, opening.length)).toBe(opening);
  for (const part of expected) expect(message).toContain(part);
}
