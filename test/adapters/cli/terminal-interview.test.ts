import { describe, expect, it } from 'vitest';
import { runCliWith } from '../../helpers/cli.js';

/** Typed answers for a long prompt that works, at a volume where the prompt costs more. */
const longPromptAtVolume = ['Extract invoice fields', 'extraction', '40', '8/10', '1', 'gpt-4.1', '4k', '300', '200', '10M a month', '', '', '', '2,000', '', ''];

describe('finetune-advisor advise (the terminal interview)', () => {
  it('asks question by question with the typed forms people use and prints a verdict card', async () => {
    const run = await runCliWith(['advise'], { lines: longPromptAtVolume });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('What kind of task is it?');
    expect(run.stdout).toContain('Got it: 80%');
    expect(run.stdout).toContain('Got it: 10M calls a month');
    expect(run.stdout).toContain('Got it: 4,000 tokens');
    expect(run.stdout).toContain('VERDICT: FINE-TUNING');
    expect(run.stdout).toContain('Your 4,000-token prompt at 10M calls a month');
  });

  it('takes the task from the command line and never asks for it', async () => {
    const run = await runCliWith(['advise', 'Extract', 'invoice', 'fields'], { lines: longPromptAtVolume.slice(1) });
    expect(run.stdout).not.toContain('What is the task');
    expect(run.stdout).toMatch(/Task:\s+Extract invoice fields/);
  });

  it('says what it did not understand, with an example, and loses nothing already answered', async () => {
    const lines = [...longPromptAtVolume.slice(0, 3), 'most of them', ...longPromptAtVolume.slice(3)];
    const run = await runCliWith(['advise'], { lines });
    expect(run.stdout).toContain('I didn\'t understand "most of them"');
    expect(run.stdout).toMatch(/I didn't understand "most of them"\..*8\/10/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('VERDICT: FINE-TUNING');
  });

  it('goes back to change the last answer', async () => {
    // 5/10 first, then "back" and 9/10 instead: the verdict follows the corrected answer.
    const lines = ['', 'summarization', '20', '5/10', 'back', '9/10', '1', 'gpt-4.1-mini', '500', '', '', '1000', '', ''];
    const run = await runCliWith(['advise'], { lines });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('VERDICT: PROMPT ENGINEERING');
    expect(run.stdout).toContain('90% of your tested examples right');
  });

  it('insists on an answer the verdict needs, and lets a person skip one that has a default', async () => {
    const run = await runCliWith(['advise'], { lines: ['', '', '', '12'] });
    expect(run.stdout).toContain('Skipped: Something else.');
    expect(run.stdout).toContain('This one is needed for the verdict. Type something like 10.');
  });

  it('stops with exit code 1 when the person types quit or the input ends', async () => {
    const quit = await runCliWith(['advise'], { lines: ['', 'extraction', 'quit'] });
    expect(quit.code).toBe(1);
    expect(quit.stdout).toContain('Interview cancelled.');
    const ended = await runCliWith(['advise'], { lines: ['', 'extraction'] });
    expect(ended.code).toBe(1);
  });

  it('stops early at "test your prompt first" without asking about volumes', async () => {
    const run = await runCliWith(['advise'], { lines: ['Tag emails', 'classification', '3'] });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('VERDICT: TEST THE PROMPT FIRST');
    expect(run.stdout).not.toContain('How many calls a month?');
  });
});
