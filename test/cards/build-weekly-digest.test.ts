import { describe, expect, it } from 'vitest';
import { buildWeeklyDigest, describeDecision, formatUsd, unmarked, type Card, type VerdictRecord } from '../../src/index.js';
import { verdictFor } from '../helpers/advice.js';
import { lowVolume, plateauedPrompt, untestedPrompt } from '../helpers/answers.js';
import { recordOf, TICKET_ROUTER_ANSWERS } from '../helpers/verdict-records.js';

const WEEK = { key: '2026-W49', from: '2026-11-23T08:00:00.000Z', to: '2026-11-30T08:00:00.000Z' };

const fieldsUnder = (card: Card, heading: string) => {
  const at = card.blocks.findIndex((b) => b.type === 'heading' && b.text === heading);
  const block = card.blocks[at + 1];
  return block?.type === 'fields' ? block.fields.map((f) => `${f.label}: ${f.value}`) : [];
};
const listOf = (card: Card, title: string) => card.blocks.flatMap((b) => (b.type === 'list' && b.title === title ? b.items : []));

function weekOfVerdicts(): VerdictRecord[] {
  const router = verdictFor(TICKET_ROUTER_ANSWERS);
  const smaller = verdictFor({ ...TICKET_ROUTER_ANSWERS, task: 'tag invoices by supplier', monthlyCalls: 300_000 });
  return [
    recordOf(router, { id: 'a', link: 'https://fake.slack.test/archives/C1/p1', createdAt: '2026-11-24T09:00:00.000Z' }),
    recordOf(smaller, { id: 'b', platform: 'teams', ownerName: 'Bob Engineer', createdAt: '2026-11-25T09:00:00.000Z' }),
    recordOf(verdictFor({ ...plateauedPrompt(), task: 'extract order numbers' }), { id: 'c', createdAt: '2026-11-26T09:00:00.000Z' }),
    recordOf(verdictFor({ ...untestedPrompt(lowVolume), task: 'summarise calls' }), { id: 'd', createdAt: '2026-11-27T09:00:00.000Z' }),
    recordOf(verdictFor(untestedPrompt()), { id: 'e', task: null, createdAt: '2026-11-28T09:00:00.000Z' }),
  ];
}

describe('the weekly digest', () => {
  const records = weekOfVerdicts();
  const card = buildWeeklyDigest(WEEK, records);
  const [router, smaller, prompt, untested] = records.map((r) => describeDecision(r.verdict));

  it('says which week it covers, in UTC', () => {
    expect(card.title).toBe('Verdicts of the week to 30 Nov 2026');
    expect(card.blocks[0]).toEqual({ type: 'text', text: '5 verdicts from Slack and Teams, 23 Nov 2026, 08:00 to 30 Nov 2026, 08:00 UTC.' });
  });

  it('counts the verdicts of the week by kind', () => {
    expect(smaller!.path).toBe('fine-tuning');
    expect(fieldsUnder(card, 'By kind')).toEqual(['Test the prompt first: 2', 'Prompt engineering: 1', 'Fine-tuning: 2']);
  });

  it('adds up the monthly spend each path is headed for, with what training costs first, and the verdicts too early to price', () => {
    const tuned = router!.recommended.monthly + smaller!.recommended.monthly;
    const upFront = router!.recommended.upFront + smaller!.recommended.upFront;
    const prompting = prompt!.recommended.monthly + untested!.recommended.monthly;
    expect(fieldsUnder(card, 'Projected spend a month')).toEqual([
      `Prompting: ${formatUsd(prompting)}/month (2 verdicts)`,
      `Fine-tuning: ${formatUsd(tuned)}/month, after ${formatUsd(upFront)} up front (2 verdicts)`,
      'Not priced: 1 verdict: asked too early for costs',
    ]);
  });

  it('lists the biggest decisions first, by the monthly cost they compare, with a link where there is one', () => {
    const items = listOf(card, 'Biggest decisions');
    expect(items.map((i) => unmarked(i.text))).toEqual([
      'route support tickets to 12 queues (alice, Slack)',
      'tag invoices by supplier (Bob Engineer, Teams)',
      'summarise calls (alice, Slack)',
      'extract order numbers (alice, Slack)',
    ]);
    expect(items[0]!.detail).toBe(`${router!.line} · [Open](https://fake.slack.test/archives/C1/p1)`);
    expect(items[1]!.detail).toBe(smaller!.line);
  });

  it('keeps to the five biggest', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ ...records[0]!, id: `r${i}` }));
    expect(listOf(buildWeeklyDigest(WEEK, many), 'Biggest decisions')).toHaveLength(5);
  });

  it('says so when the week had no verdicts', () => {
    expect(buildWeeklyDigest(WEEK, []).blocks).toEqual([{ type: 'text', text: 'No verdicts from Slack or Teams, 23 Nov 2026, 08:00 to 30 Nov 2026, 08:00 UTC.' }]);
  });
});
