import { describe, expect, it } from 'vitest';
import { parseRate } from '../../src/interview/parse-rate.js';
import { expectNotUnderstood } from './not-understood.js';

describe('parseRate', () => {
  it.each([
    ['8/10', 0.8],
    ['8 / 10', 0.8],
    ['8 of 10', 0.8],
    ['8 out of 10', 0.8],
    ['8k out of 10k', 0.8],
    ['80%', 0.8],
    ['80 %', 0.8],
    ['80 percent', 0.8],
    ['12.5%', 0.125],
    ['0.8', 0.8],
    ['.8', 0.8],
    ['1', 1],
    ['0', 0],
    ['100%', 1],
    ['0%', 0],
    ['10/10', 1],
    ['80% of the time', 0.8],
    ['8/10 correct', 0.8],
  ])('reads %j as the share %d', (text, value) => {
    expect(parseRate(text)).toEqual({ ok: true, value });
  });

  it('reads a bare 80 as 80% and says so', () => {
    expect(parseRate('80')).toEqual({ ok: true, value: 0.8, note: 'read 80 as 80%' });
  });

  it('reads a bare 100 as 100%', () => {
    expect(parseRate('100')).toEqual({ ok: true, value: 1, note: 'read 100 as 100%' });
  });

  it.each(['11/10', '120%', '-0.1', '-5%', '120', '-8/10', '-8/-10'])('refuses %j because a share lies between 0 and 1', (text) => {
    expectNotUnderstood(parseRate(text), text, 'between 0 and 1 (0% and 100%)', 'like 8/10, 80% or 0.8');
  });

  it('refuses 8/0 because it cannot divide by zero', () => {
    expectNotUnderstood(parseRate('8/0'), '8/0', "second number can't be 0", 'like 8/10');
  });

  it.each(['mostly', '', 'NaN', 'Infinity', '8/', '/10', '80%%', '8k', '1/2/3', '%'])('does not understand %j and shows an example', (text) => {
    expectNotUnderstood(parseRate(text), text, 'Type a share like 8/10, 80% or 0.8.');
  });
});
