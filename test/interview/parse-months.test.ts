import { describe, expect, it } from 'vitest';
import { parseMonths } from '../../src/interview/parse-months.js';
import { expectNotUnderstood } from './not-understood.js';

describe('parseMonths', () => {
  it.each([
    ['12', 12],
    ['12 months', 12],
    ['18mo', 18],
    ['18 m', 18],
    ['1 month', 1],
    ['1 year', 12],
    ['a year', 12],
    ['2 years', 24],
    ['1.5 years', 18],
    ['5 yrs', 60],
    ['60', 60],
  ])('reads %j as %d months', (text, value) => {
    expect(parseMonths(text)).toEqual({ ok: true, value });
  });

  it('rounds to whole months and says so', () => {
    expect(parseMonths('1.3 years')).toEqual({ ok: true, value: 16, note: 'read 1.3 years as 16 months' });
    expect(parseMonths('12.5')).toEqual({ ok: true, value: 13, note: 'read 12.5 months as 13 months' });
    expect(parseMonths('0.5')).toEqual({ ok: true, value: 1, note: 'read 0.5 months as 1 month' });
  });

  it.each(['0', '61', '6 years', '-12', '0.2', '1e9 months'])('refuses %j outside 1 to 60 months', (text) => {
    expectNotUnderstood(parseMonths(text), text, 'from 1 to 60 months', 'like 12, 18 months or 2 years');
  });

  it.each(['soon', '', 'NaN', 'Infinity', '6 weeks', 'a decade', '12k', 'months'])('does not understand %j and shows an example', (text) => {
    expectNotUnderstood(parseMonths(text), text, 'Type a number of months like 12, 18 months or 2 years.');
  });
});
