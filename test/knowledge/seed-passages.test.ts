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

  it('cites a passage by the title and section a reader can find, never by its file name', () => {
    expect(citeSeed(SEEDS.testOnTenExamples)).toBe(
      'Prompt engineering vs fine-tuning (decision guide), decision flowchart, step 2: "test on 10 examples using the base model. If 8/10 succeed, stop. You are done with prompt engineering."',
    );
    expect(citeSeed(SEEDS.shipThisWeek)).toBe('Prompt Engineering vs Fine-Tuning (comparison), choose prompt engineering if: "You need to ship this week."');
    for (const source of Object.values(SEEDS)) expect(citeSeed(source)).not.toContain('.txt');
  });

  // Each section a card names, as the heading that opens it in the seed file.
  const HEADINGS: [RegExp, string][] = [
    [/^decision flowchart/, 'Decision Flowchart: When to Use Each Approach'],
    [/^the 90% test/, '🔍 The 90% Test'],
    [/^fine-tuning is not RAG/, '🔍 Fine-Tuning Is Not RAG'],
    [/^choose fine-tuning if/, 'Choose Fine-Tuning if…'],
    [/^choose prompt engineering if/, 'Choose Prompt Engineering if…'],
    [/^when does fine-tuning pay off\?/, 'When does fine-tuning pay off?'],
    [/^can I skip prompt engineering/, 'Can I skip prompt engineering if I fine-tune?'],
    [/^using both/, 'Using Both: When and How to Combine'],
    [/^side-by-side table/, 'Side-by-side'],
    [/^quick facts/, 'Quick Facts'],
    [/^the maintenance trap/, '🔍 The Maintenance Trap'],
    [/^what is fine-tuning\?/, 'What Is Fine-Tuning?'],
    [/^mistake/, 'Five Common Mistakes'],
    [/^real-world scenario/, 'Five Real-World Scenarios'],
    [/^verdict/, 'Verdict'],
  ];
  const ALL_HEADINGS = new Set([
    ...HEADINGS.map(([, h]) => h),
    'Side-by-Side Comparison',
    'Cost Structure Comparison',
    'Frequently Asked Questions',
    'Frequently asked questions',
    'When to choose each',
    'Sources',
    'Global Context',
  ]);

  it.each(Object.entries(SEEDS))('names the section %s stands in', (_id, { file, section, quote }) => {
    const lines = seedText(file).split('\n');
    const at = lines.findIndex((l) => l.includes(quote));
    const heading = HEADINGS.find(([pattern]) => pattern.test(section))?.[1];
    expect(heading, `no heading known for "${section}"`).toBeDefined();
    const opens = lines.findLastIndex((l, i) => i < at && ALL_HEADINGS.has(l.trim()));
    expect(lines[opens]?.trim()).toBe(heading);
    // A numbered item ("step 2", "quick facts, 3", "mistake 4") is that item of its list.
    const number = /(?:step |, |mistake |scenario )(\d)\b/.exec(section)?.[1];
    if (number && section.startsWith('mistake')) expect(lines.slice(opens, at + 1).filter((l) => l.startsWith('❌')).length).toBe(Number(number));
    else if (number) expect(lines[at]).toMatch(new RegExp(`^- ${number}`));
  });

  it('uses both seed documents', () => {
    const files = new Set(Object.values(SEEDS).map((s) => s.file));
    expect([...files].sort()).toEqual(['000_bb130bd60773505c.txt', '001_01052900a96b921b.txt']);
  });
});
