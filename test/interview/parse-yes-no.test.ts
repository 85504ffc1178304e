import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../src/interview/parse-yes-no.js';
import { expectNotUnderstood } from './not-understood.js';

describe('parseYesNo', () => {
  it.each(['yes', 'y', 'yeah', 'yep', 'true', 'sure', 'ok', 'stable', 'YES', 'Yes!', ' yep. ', '"ok"', 'Sure...'])('reads %j as yes', (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: true });
  });

  it.each(['no', 'n', 'nope', 'false', 'not yet', 'No.', 'NOPE!', 'Not  yet...', 'FALSE'])('reads %j as no', (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: false });
  });

  it.each(['maybe', '', 'yes no', 'yess', '1', '🤷', 'not sure', 'NaN'])('does not understand %j and asks for yes or no', (text) => {
    expectNotUnderstood(parseYesNo(text), text, 'Answer yes or no.');
  });
});
