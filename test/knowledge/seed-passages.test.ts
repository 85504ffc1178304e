import { describe, expect, it } from 'vitest';
import { RULES, SEEDS, citeSeed } from '../../src/index.js';
import { seedText } from '../helpers/advice.js';

describe('the seed passages the advice is built on', () => {
  it.each(Object.entries(SEEDS))('quotes %s verbatim from its seed file', (_id, { file, quote }) => {
    expect(seedText(file)).toContain(quote);
  });

  it.each(Object.entries(RULES))('grounds the rule %s in a passage of the seeds', (_id, rule) => {
    expect(Object.values(SEEDS)).toContainEqual(rule.source);
    expect(seedText(rule.source.file)).toContain(rule.source.quote);
  });

  it('cites a passage by file and quote', () => {
    expect(citeSeed(SEEDS.ninetyPercentTest)).toBe('decision guide (seed 001): "If 90% fail, you have a bigger problem than fine-tuning can solve alone."');
    expect(citeSeed(SEEDS.shipThisWeek)).toBe('comparison "Prompt Engineering vs Fine-Tuning" (seed 000): "You need to ship this week."');
  });

  it('uses both seed documents', () => {
    const files = new Set(Object.values(SEEDS).map((s) => s.file));
    expect([...files].sort()).toEqual(['000_bb130bd60773505c.txt', '001_01052900a96b921b.txt']);
  });
});
