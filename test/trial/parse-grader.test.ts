import { describe, expect, it } from 'vitest';
import { parseGrader } from '../../src/trial/parse-grader.js';

const labelled = [
  { input: 'I was charged twice', expected: 'billing' },
  { input: 'Refund please', expected: 'refund' },
  { input: 'It crashes', expected: 'bug' },
  { input: 'Charged again', expected: 'billing' },
];
const unlabelled = [{ input: 'Summarise this ticket' }];

describe('a grader as a person types it', () => {
  it.each([
    ['', { kind: 'exact' }],
    ['exact', { kind: 'exact' }],
    ['Exact', { kind: 'exact' }],
    ['equals', { kind: 'exact' }],
    ['contains', { kind: 'contains' }],
    ['label', { kind: 'label', labels: ['billing', 'refund', 'bug'] }],
    ['labels: billing, refund, bug, other', { kind: 'label', labels: ['billing', 'refund', 'bug', 'other'] }],
    ['classification', { kind: 'label', labels: ['billing', 'refund', 'bug'] }],
    ['label: billing | refund', { kind: 'label', labels: ['billing', 'refund'] }],
    ['regex: ^(billing|refund|bug)$', { kind: 'regex', pattern: '^(billing|refund|bug)$' }],
    ['/^BILLING$/i', { kind: 'regex', pattern: '^BILLING$', flags: 'i' }],
    ['number', { kind: 'number', tolerance: 0 }],
    ['number: 0.5', { kind: 'number', tolerance: 0.5 }],
    ['number: ±2', { kind: 'number', tolerance: 2 }],
    ['json', { kind: 'json' }],
    ['json: {"type": "object", "required": ["label"]}', { kind: 'json', schema: { type: 'object', required: ['label'] } }],
    ['rubric: names the refund amount and stays under 50 words', { kind: 'rubric', rubric: 'names the refund amount and stays under 50 words' }],
  ])('reads %j', (typed, grader) => {
    expect(parseGrader(typed, labelled)).toEqual({ ok: true, grader });
  });

  it.each([
    ['regex: (unclosed', /^the pattern \(unclosed is not a regular expression/],
    ['number: lots', /^"lots" is not a tolerance; write number: 0\.5/],
    ['json: {type: object}', /^the JSON Schema after "json:" is not valid JSON .*; write json: \{"type": "object"/],
    ['json: [1, 2]', /must be an object/],
    ['rubric:', /^rubric: the rubric, in words/],
    ['fuzzy', /^"fuzzy" is not a grader; use exact, contains, label/],
    ['label: billing', /^label: at least two labels/],
  ])('refuses %j, saying how to write it', (typed, message) => {
    const parsed = parseGrader(typed, labelled);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('asks for a grader that needs no expected answers when the examples have none', () => {
    expect(parseGrader('', unlabelled)).toEqual({ ok: false, message: expect.stringMatching(/^the examples have no expected answers, so name a grader that needs none: regex, json or rubric/) });
    expect(parseGrader('contains', unlabelled)).toEqual({
      ok: false,
      message: expect.stringMatching(/the contains grader compares each answer with its expected answer, and the examples have none: add an "expected" column/),
    });
    expect(parseGrader('rubric: faithful to the ticket', unlabelled)).toEqual({ ok: true, grader: { kind: 'rubric', rubric: 'faithful to the ticket' } });
  });

  it('takes a JSON Schema file over nothing typed', () => {
    expect(parseGrader(undefined, unlabelled, { type: 'object' })).toEqual({ ok: true, grader: { kind: 'json', schema: { type: 'object' } } });
  });
});
