import { describe, expect, it } from 'vitest';
import { parseChoice } from '../../src/interview/parse-choice.js';
import { expectNotUnderstood } from './not-understood.js';

const KINDS = [
  { value: 'classification', label: 'Classification', aliases: ['classify', 'labels'] },
  { value: 'extraction', label: 'Extraction' },
  { value: 'summarization', label: 'Summarization', aliases: ['summary'] },
  { value: 'style', label: 'Style or tone' },
  { value: 'other', label: 'Something else' },
] as const;

const DEADLINES = [
  { value: 'this-week', label: 'This week' },
  { value: 'this-month', label: 'This month' },
] as const;

const PICK = 'Pick one of: Classification, Extraction, Summarization, Style or tone, Something else.';

describe('parseChoice', () => {
  it.each([
    ['extraction', 'extraction'],
    ['  EXTRACTION ', 'extraction'],
    ['Style or tone', 'style'],
    ['something else', 'other'],
    ['classify', 'classification'],
    ['Summary', 'summarization'],
    ['other', 'other'],
  ])('picks %j by value, label or alias', (text, value) => {
    expect(parseChoice(text, KINDS)).toEqual({ ok: true, value });
  });

  it.each([
    ['2', 'extraction', 'picked Extraction'],
    ['1', 'classification', 'picked Classification'],
    ['5', 'other', 'picked Something else'],
    ['2.', 'extraction', 'picked Extraction'],
    ['#2', 'extraction', 'picked Extraction'],
  ])('picks %j by its number', (text, value, note) => {
    expect(parseChoice(text, KINDS)).toEqual({ ok: true, value, note });
  });

  it.each([
    ['ext', 'extraction', 'picked Extraction'],
    ['summ', 'summarization', 'picked Summarization'],
    ['Some', 'other', 'picked Something else'],
  ])('picks %j by an unambiguous prefix', (text, value, note) => {
    expect(parseChoice(text, KINDS)).toEqual({ ok: true, value, note });
  });

  it('treats dashes, underscores and spaces alike', () => {
    expect(parseChoice('this_week', DEADLINES)).toEqual({ ok: true, value: 'this-week' });
    expect(parseChoice('This-Month', DEADLINES)).toEqual({ ok: true, value: 'this-month' });
  });

  it('prefers an exact name over an option number', () => {
    const options = [
      { value: 'a', label: 'A' },
      { value: '1', label: 'One' },
    ] as const;
    expect(parseChoice('1', options)).toEqual({ ok: true, value: '1' });
  });

  it('refuses a prefix shorter than 3 characters', () => {
    expectNotUnderstood(parseChoice('ex', KINDS), 'ex', PICK);
  });

  it('refuses an ambiguous prefix and names the candidates', () => {
    expectNotUnderstood(parseChoice('this', DEADLINES), 'this', 'It could be This week or This month.', 'Pick one of');
  });

  it('refuses an option number out of range', () => {
    expectNotUnderstood(parseChoice('9', KINDS), '9', PICK, 'a number from 1 to 5');
    expectNotUnderstood(parseChoice('0', KINDS), '0', PICK);
  });

  it.each(['x', '', 'translation', 'NaN', 'extractions', '🤷', '-1', '2.5'])('does not understand %j and lists the options', (text) => {
    expectNotUnderstood(parseChoice(text, KINDS), text, PICK);
  });

  it('fails cleanly when there is nothing to pick from', () => {
    expect(parseChoice('1', []).ok).toBe(false);
  });
});
