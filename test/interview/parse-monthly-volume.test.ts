import { describe, expect, it } from 'vitest';
import { parseMonthlyVolume } from '../../src/interview/parse-monthly-volume.js';
import { expectNotUnderstood } from './not-understood.js';

describe('parseMonthlyVolume', () => {
  it.each([
    ['10M', 10_000_000],
    ['10M a month', 10_000_000],
    ['10M/month', 10_000_000],
    ['10M per mo', 10_000_000],
    ['10M monthly', 10_000_000],
    ['10M calls', 10_000_000],
    ['10M requests every month', 10_000_000],
  ])('reads %j as %d calls a month, with no note', (text, value) => {
    expect(parseMonthlyVolume(text)).toEqual({ ok: true, value });
  });

  it('reads 250k/day as 7.5M calls a month', () => {
    expect(parseMonthlyVolume('250k/day')).toEqual({ ok: true, value: 7_500_000, note: '250k a day is 7.5M a month' });
  });

  it.each([
    ['50k a day', 1_500_000, '50k a day is 1.5M a month'],
    ['50k daily', 1_500_000, '50k a day is 1.5M a month'],
    ['50k calls per day', 1_500_000, '50k a day is 1.5M a month'],
    ['1,000 per week', 4286, '1,000 a week is 4,286 a month'],
    ['7k/wk', 30_000, '7,000 a week is 30k a month'],
    ['100 an hour', 72_000, '100 an hour is 72k a month'],
    ['100 per hour', 72_000, '100 an hour is 72k a month'],
    ['120M a year', 10_000_000, '120M a year is 10M a month'],
    ['120M per year', 10_000_000, '120M a year is 10M a month'],
    ['120M annually', 10_000_000, '120M a year is 10M a month'],
    ['500 per minute', 21_600_000, '500 a minute is 21.6M a month'],
    ['2/s', 5_184_000, '2 a second is 5,184,000 a month'],
  ])('converts %j to %d a month and notes it', (text, value, note) => {
    expect(parseMonthlyVolume(text)).toEqual({ ok: true, value, note });
  });

  it('rounds a fractional monthly volume to whole calls, and says so', () => {
    expect(parseMonthlyVolume('2.5 a month')).toEqual({ ok: true, value: 3, note: 'rounded 2.5 to 3 a month' });
  });

  it('refuses a negative volume', () => {
    expectNotUnderstood(parseMonthlyVolume('-50k a day'), '-50k a day', "can't be negative", 'like 10M');
  });

  it.each(['lots', '', 'NaN', 'Infinity', '10M a fortnight', 'per day', '10M tokens', 'daily 50k', '50k a day or so'])('does not understand %j and shows an example', (text) => {
    expectNotUnderstood(parseMonthlyVolume(text), text, 'Type calls per month like 10M, 10M a month or 250k a day.');
  });
});
