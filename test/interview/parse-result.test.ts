import { describe, expect, it } from 'vitest';
import { notUnderstood, parsed } from '../../src/interview/parse-result.js';

describe('parsed', () => {
  it('carries a value with no note when nothing was interpreted', () => {
    expect(parsed(4000)).toEqual({ ok: true, value: 4000 });
    expect('note' in parsed(4000)).toBe(false);
  });

  it('carries the note when something was interpreted', () => {
    expect(parsed(0.8, 'read 80 as 80%')).toEqual({ ok: true, value: 0.8, note: 'read 80 as 80%' });
  });
});

describe('notUnderstood', () => {
  it('quotes the trimmed text, then says what to type', () => {
    expect(notUnderstood('  lots \n', 'Type a number like 4k.')).toEqual({
      ok: false,
      message: 'I didn\'t understand "lots". Type a number like 4k.',
    });
  });

  it('cuts the quoted text to 40 characters and marks the cut', () => {
    const { message } = notUnderstood('x'.repeat(5000), 'Answer yes or no.');
    expect(message).toBe(`I didn't understand "${'x'.repeat(40)}…". Answer yes or no.`);
  });

  it('keeps the quote on one line', () => {
    expect(notUnderstood('a\n\nb', 'Answer yes or no.').message).toBe('I didn\'t understand "a b". Answer yes or no.');
  });

  it('never splits an emoji when cutting', () => {
    const { message } = notUnderstood('🤷'.repeat(50), 'Answer yes or no.');
    expect(message).toBe(`I didn't understand "${'🤷'.repeat(40)}…". Answer yes or no.`);
  });

  it('quotes an empty answer as ""', () => {
    expect(notUnderstood('   ', 'Answer yes or no.').message).toBe('I didn\'t understand "". Answer yes or no.');
  });
});
