import { describe, expect, it } from 'vitest';
import { buildVerdictCard, type Card } from '../../src/index.js';
import { verdictFor } from '../helpers/advice.js';
import { edgeCasesCheaperToRoute, lowVolume, stuckPrompt, ticketTriage, workingPrompt } from '../helpers/answers.js';
import { OPENAI_OPEN } from '../helpers/catalogue.js';

const listItems = (card: Card, title: string) => card.blocks.flatMap((b) => (b.type === 'list' && b.title === title ? b.items.map((i) => i.text) : []));

describe('what would change the verdict', () => {
  it("finds the volume below which 'both' gives way to a plain fine-tune, and the success rates either side", () => {
    const v = verdictFor(edgeCasesCheaperToRoute({ testedExamples: 100, failuresIdentifiable: true }), OPENAI_OPEN);
    expect(v.verdict).toBe('hybrid');
    const volume = v.flips!.find((f) => f.field === 'monthlyCalls')!;
    expect(volume.text).toMatch(/^At [\d,.]+K?M? calls a month or fewer \(today 1M\)$/);
    const calls = volume.value as number;
    expect(calls).toBeLessThan(1_000_000);
    // The flip holds at its value, and a little nearer today it does not yet.
    expect(verdictFor({ ...v.answers, monthlyCalls: volume.value }, OPENAI_OPEN).verdict).toBe(volume.verdict);
    expect(verdictFor({ ...v.answers, monthlyCalls: Math.ceil(calls * 1.02) }, OPENAI_OPEN).verdict).toBe('hybrid');
    expect(v.flips!.filter((f) => f.field === 'successRate').map((f) => f.text)).toEqual([
      expect.stringMatching(/^If the prompt reached \d+% right \(today 70%\)$/),
      expect.stringMatching(/^If the prompt fell to \d+% right \(today 70%\)$/),
    ]);
  });

  it('says which circumstance would unlock fine-tuning: a month instead of this week, a settled spec, enough examples', () => {
    const week = verdictFor(stuckPrompt({ deadline: 'this-week' }));
    expect(week.flips).toContainEqual(expect.objectContaining({ field: 'deadline', text: 'With a month to ship instead of this week', verdict: 'fine-tune' }));
    const moving = verdictFor(stuckPrompt({ specStable: false }));
    expect(moving.flips).toContainEqual(expect.objectContaining({ field: 'specStable', text: 'Once the spec stops moving', verdict: 'fine-tune' }));
    const few = verdictFor(stuckPrompt({ labeledExamples: 40 }));
    expect(few.verdict).toBe('collect-data');
    expect(few.flips).toContainEqual(expect.objectContaining({ field: 'labeledExamples', value: 100, text: 'With 100 labelled examples (you have 40)', verdict: 'fine-tune' }));
  });

  it('lists the flips on the card under their own heading, each with the verdict it would give', () => {
    const v = verdictFor(stuckPrompt({ deadline: 'this-week' }));
    const items = listItems(buildVerdictCard(v), 'What would change the verdict');
    expect(items).toContain('With a month to ship instead of this week: fine-tuning');
  });

  it('says so when nothing within reach changes the verdict, rather than leaving it out', () => {
    const v = verdictFor(workingPrompt({ ...lowVolume, successRate: 1, testedExamples: 200 }));
    expect(v.flips).toEqual([]);
    expect(listItems(buildVerdictCard(v), 'What would change the verdict')).toEqual([expect.stringMatching(/^Nothing within reach: a volume a thousand times higher or lower, any success rate/)]);
  });

  it('shows no such section for a verdict stored before flips were worked out', () => {
    const { flips: _, ...stored } = verdictFor(ticketTriage);
    expect(listItems(buildVerdictCard(stored), 'What would change the verdict')).toEqual([]);
  });
});

describe('what would change a verdict to test first', () => {
  it('names the decisions the same answers would reach, never another "test first"', () => {
    const v = verdictFor({ ...ticketTriage, testedExamples: 50, successRate: 0.7 });
    expect(v.verdict).toBe('test-prompts-first');
    expect(v.flips).not.toBeNull();
    for (const f of v.flips!) expect(f.verdict).not.toBe('test-prompts-first');
  });
});
