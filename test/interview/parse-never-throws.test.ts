import { describe, expect, it } from 'vitest';
import { parseChoice } from '../../src/interview/parse-choice.js';
import { parseCount } from '../../src/interview/parse-count.js';
import { parseMonthlyVolume } from '../../src/interview/parse-monthly-volume.js';
import { parseMonths } from '../../src/interview/parse-months.js';
import { parseRate } from '../../src/interview/parse-rate.js';
import type { Parsed } from '../../src/interview/parse-result.js';
import { parseYesNo } from '../../src/interview/parse-yes-no.js';

const NASTY = [
  '',
  ' ',
  '\n\t\r',
  'NaN',
  'Infinity',
  '-Infinity',
  '-5',
  '-0',
  '+',
  '-',
  '.',
  '..',
  ',',
  '%',
  '/',
  '0/0',
  '1/0',
  '1e999',
  '1e-999',
  '9'.repeat(400),
  '9'.repeat(199),
  '1,'.repeat(100),
  '1 '.repeat(100),
  '🤷',
  '👍👍👍',
  '\u0000',
  '\u202e',
  '١٢٣',
  '５',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
  '<script>',
  "'; DROP TABLE answers; --",
  'x'.repeat(1_000_000),
  `${' '.repeat(100_000)}5`,
  `${' '.repeat(199)}x`,
  'a '.repeat(150_000),
  '%'.repeat(50_000),
  'of '.repeat(10_000),
  '/'.repeat(10_000),
  '\ud83d',
];

const PARSERS: readonly [string, (text: string) => Parsed<unknown>][] = [
  ['parseCount', parseCount],
  ['parseMonthlyVolume', parseMonthlyVolume],
  ['parseRate', parseRate],
  ['parseYesNo', parseYesNo],
  ['parseChoice', (text) => parseChoice(text, [{ value: 'a', label: 'Alpha' }])],
  ['parseMonths', parseMonths],
];

describe.each(PARSERS)('%s', (_name, parse) => {
  it('never throws and always returns a result with a message or a value', () => {
    for (const text of NASTY) {
      const result = parse(text);
      if (result.ok) continue;
      expect(result.message).toMatch(/^I didn't understand "/);
    }
  });

  it('answers a huge paste quickly', () => {
    const started = performance.now();
    for (const text of NASTY) parse(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never returns NaN or Infinity as a value', () => {
    for (const text of NASTY) {
      const result = parse(text);
      if (result.ok && typeof result.value === 'number') expect(Number.isFinite(result.value)).toBe(true);
    }
  });
});
