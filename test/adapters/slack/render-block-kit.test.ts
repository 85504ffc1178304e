import type { ActionsBlock, Button, KnownBlock, SectionBlock, StaticSelect } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderBlockKit, SHORTENED_NOTE, SHORTENED_VERDICT_NOTE, type RenderOptions } from '../../../adapters/slack/render-block-kit.js';
import { SLACK_LIMITS } from '../../../adapters/slack/slack-limits.js';
import { buildAnsweredCard, buildAssumptionsCard, buildMessageCard, buildOpeningCard, buildQuestionCard, decodeAction, type Card, type CardBlock } from '../../../src/index.js';
import { expectWithinSlackLimits, visibleText } from './expect-within-slack-limits.js';
import { CONVERSATION_ID, conversation, long, oversizedCard, question, ticketTriage, verdictCardFor, verdictFor, VERDICT_REF } from './slack-fixtures.js';

const render = (card: Card, options: RenderOptions = {}) => {
  const message = renderBlockKit(card, options);
  expectWithinSlackLimits(message);
  return message;
};
const actionsOf = (blocks: KnownBlock[]) => blocks.filter((b): b is ActionsBlock => b.type === 'actions');
const buttonsOf = (blocks: KnownBlock[]) => actionsOf(blocks).flatMap((b) => b.elements.filter((e): e is Button => e.type === 'button'));
const sectionTexts = (blocks: KnownBlock[]) => blocks.filter((b): b is SectionBlock => b.type === 'section').map((b) => b.text?.text ?? '');

describe('renderBlockKit: the verdict card', () => {
  const verdict = verdictFor(ticketTriage);
  const message = render(verdictCardFor());
  const seen = visibleText(message);

  it('opens with the verdict as a header and the headline under it', () => {
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Verdict: Fine-tuning', emoji: true } });
    expect(sectionTexts(message.blocks)[0]).toBe(verdict.headline);
  });

  it('shows who asked as a working mention and the task in the fields', () => {
    const fields = message.blocks.flatMap((b) => (b.type === 'section' ? (b.fields ?? []) : [])).map((f) => f.text);
    expect(fields).toContain('*Asked by*\n<@U123>');
    expect(fields).toContain('*Task*\nRoute support tickets to 12 queues');
  });

  it('lists every reason with its source on the line below', () => {
    const why = sectionTexts(message.blocks).find((t) => t.startsWith('*Why*'))!;
    for (const reason of verdict.reasons) expect(visibleText({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: why } }] })).toContain(`• ${reason.text}`);
    expect(why.match(/\n {6}_Source: /g)).toHaveLength(verdict.reasons.length);
  });

  it("shows the costs in Slack's table block under their title, sums right-aligned as numbers, and each path's model and cost per 1,000 calls below", () => {
    const at = message.blocks.findIndex((b) => b.type === 'table');
    expect(visibleText({ blocks: [message.blocks[at - 1]!] })).toMatch(/^\*Cost over 12 months \(US\$, prices as of \d{4}-\d{2}-\d{2}\)\*$/);
    const table = message.blocks[at] as unknown as { rows: { type: string; text: string; value?: number }[][]; column_settings: unknown[] };
    expect(table.rows.map((r) => r[0]!.text)).toEqual(['Path', 'Prompt (today)', 'Prompt, switched', 'Fine-tune']);
    expect(table.rows[0]!.map((c) => c.text)).toEqual(['Path', 'Per month', 'Total']);
    expect(table.rows[1]![2]).toMatchObject({ type: 'raw_number', text: expect.stringMatching(/^\$[\d,.]+k?$/) });
    expect(table.column_settings).toEqual([{ is_wrapped: true }, { align: 'right' }, { align: 'right' }]);
    expect(seen).toMatch(/\*Fine-tune\*\nnova-pro, \$[\d.,]+ per 1,000 calls/);
    expect(seen).toContain('Worth fixing?');
  });

  it('draws the cumulative cost as a data_visualization line chart with both axes titled, one series per path', () => {
    const chart = message.blocks.find((b) => (b.type as string) === 'data_visualization') as unknown as { title: string; chart: { series: { name: string }[]; axis_config: Record<string, unknown> } };
    expect(chart.title).toBe('Cumulative cost');
    expect(chart.chart.series.map((s) => s.name)).toEqual(['Prompt', 'Switched', 'Fine-tune']);
    expect(chart.chart.axis_config).toMatchObject({ x_label: 'Month', y_label: 'US$' });
  });

  it('falls back to a code-block table and a text chart when told Slack refused its data blocks', () => {
    const plain = render(verdictCardFor(), { native: false });
    expect(plain.blocks.some((b) => b.type === 'table' || (b.type as string) === 'data_visualization')).toBe(false);
    const [table, chart] = sectionTexts(plain.blocks).filter((t) => t.includes('```'));
    expect(table).toMatch(/^\*Cost over 12 months \(US\$, prices as of [\d-]+\)\*\n```\nPath +Per month +Total\n/);
    expect(chart).toMatch(/^\*Cumulative cost \(US\$\)\*\n```\nMonth +Prompt +Switched +Fine-tune\n/);
  });

  it('shows each notice as a context line with its severity emoji', () => {
    expect(verdict.notices.length).toBeGreaterThan(0);
    const contexts = message.blocks.filter((b) => b.type === 'context').map((b) => visibleText({ blocks: [b] }));
    for (const notice of verdict.notices) expect(contexts).toContain(`${{ info: 'ℹ️', warning: '⚠️', danger: '🛑' }[notice.severity]} ${notice.text}`);
  });

  it('ends with Start over and Show assumptions buttons whose values decode to the stored verdict', () => {
    const last = message.blocks[message.blocks.length - 1]!;
    expect(last.type).toBe('actions');
    const buttons = buttonsOf([last]);
    expect(buttons.map((b) => [b.action_id, b.text.text, b.style])).toEqual([
      ['fta:new-from-verdict:0', 'Start over', 'primary'],
      ['fta:try-other-numbers:1', 'Try other numbers', undefined],
      ['fta:show-assumptions:2', 'Show assumptions', undefined],
    ]);
    for (const b of buttons) expect(decodeAction(b.value)).toEqual({ c: VERDICT_REF.conversationId, v: 9, d: VERDICT_REF.verdictId });
  });

  it('gives a short notification text: the verdict and its headline', () => {
    expect(message.text).toBe(`Verdict: Fine-tuning: ${verdict.headline}`);
    expect(message.text.length).toBeLessThan(300);
  });

  it('keeps a 2,900-character task within the limits, cut in its field with an ellipsis', () => {
    const task = `Route tickets & <triage> ${long(2875)}`;
    const big = render(verdictCardFor({ ...ticketTriage, task }));
    const field = big.blocks.flatMap((b) => (b.type === 'section' ? (b.fields ?? []) : [])).find((f) => f.text.startsWith('*Task*'))!;
    expect(field.text.length).toBe(SLACK_LIMITS.fieldText);
    expect(field.text).toMatch(/^\*Task\*\nRoute tickets &amp; &lt;triage&gt; lorem/);
    expect(field.text.endsWith('…')).toBe(true);
    expect(buttonsOf(big.blocks).map((b) => b.action_id)).toEqual(['fta:new-from-verdict:0', 'fta:try-other-numbers:1', 'fta:show-assumptions:2']);
  });
});

describe('renderBlockKit: question cards', () => {
  it('offers the nine task kinds in one menu whose block_id decodes to the question', () => {
    const q = question('taskKind');
    const message = render(buildQuestionCard(q, conversation()));
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Question 1' } });
    expect(sectionTexts(message.blocks)[0]).toBe('What kind of task is it?');
    const menu = actionsOf(message.blocks).find((b) => b.elements[0]?.type === 'static_select')!;
    expect(decodeAction(menu.block_id)).toEqual({ c: CONVERSATION_ID, v: 3, q: 'taskKind' });
    const select = menu.elements[0] as StaticSelect;
    expect(select.action_id).toBe('fta:answer:select');
    expect(select.options!.map((o) => [o.text.text, o.value])).toEqual(q.options!.map((o) => [o.label, o.value]));
    expect(buttonsOf(message.blocks).map((b) => [b.action_id, b.text.text])).toEqual([
      ['fta:skip:0', 'Skip: Something else'],
      ['fta:start-over:1', 'Start over'],
      ['fta:cancel:2', 'Cancel'],
    ]);
    expect(message.text).toBe('Question 1: What kind of task is it?');
  });

  it('offers four deadlines as buttons whose values carry the answer', () => {
    const q = question('deadline');
    const message = render(buildQuestionCard(q, conversation({ version: 5, history: ['taskKind'] })));
    const answers = buttonsOf(message.blocks).filter((b) => (b.action_id ?? '').startsWith('fta:answer:'));
    expect(answers.map((b) => [b.action_id, b.text.text])).toEqual(q.options!.map((o, i) => [`fta:answer:${i}`, o.label]));
    expect(answers.map((b) => decodeAction(b.value))).toEqual(q.options!.map((o) => ({ c: CONVERSATION_ID, v: 5, q: 'deadline', a: o.value })));
    expect(buttonsOf(message.blocks).map((b) => b.action_id)).toContain('fta:back:1');
  });

  it('asks for a number with a button that opens the answer box, and says a reply in the thread works', () => {
    const q = question('testedExamples');
    const message = render(buildQuestionCard(q, conversation({ suggested: { testedExamples: 20 } })));
    const [open] = buttonsOf(message.blocks).filter((b) => b.action_id === 'fta:open-input');
    expect(open?.text.text).toBe('Type the answer…');
    expect(decodeAction(open?.value)).toEqual({ c: CONVERSATION_ID, v: 3, q: 'testedExamples' });
    const keep = buttonsOf(message.blocks).find((b) => b.text.text.startsWith('Keep:'))!;
    expect([keep.action_id, keep.style, decodeAction(keep.value)?.a]).toEqual(['fta:answer:0', 'primary', '20']);
    expect(visibleText(message)).toContain('Or reply with a message, e.g. 10');
  });

  it('turns an answered question into one short line without a header', () => {
    const message = render(buildAnsweredCard(question('taskKind'), 1, 'Classification'));
    expect(message.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*Question 1* What kind of task is it? Classification' } }]);
    const noted = render(buildAnsweredCard(question('successRate'), 3, '70%', 'Read "7/10" as 70%.'));
    expect(noted.blocks.map((b) => b.type)).toEqual(['section', 'context']);
  });

  it('opens an interview in a channel with a mention that pings and the task escaped', () => {
    const message = render(buildOpeningCard('<@U123>', 'Tag <urgent> tickets & route them'));
    expect(message.blocks.map((b) => b.type)).toEqual(['section', 'context']);
    expect(sectionTexts(message.blocks)[0]).toBe('*Prompt engineering or fine-tuning?*\n<@U123> is sizing up: Tag &lt;urgent&gt; tickets &amp; route them');
    expect(message.text).toBe('Prompt engineering or fine-tuning?: <@U123> is sizing up: Tag &lt;urgent&gt; tickets &amp; route them');
  });

  it('keeps mentions and links working but never lets text ping the whole channel', () => {
    const message = render(
      buildMessageCard('Verdict posted', 'The verdict is [in the channel](https://x.slack.com/archives/C1/p17?a=1&b=2), see <#C042> <!channel> <!here> <foo> <https://evil.example|your bank>'),
    );
    expect(sectionTexts(message.blocks)[0]).toBe(
      '*Verdict posted*\nThe verdict is <https://x.slack.com/archives/C1/p17?a=1&amp;b=2|in the channel>, see <#C042> &lt;!channel&gt; &lt;!here&gt; &lt;foo&gt; &lt;https://evil.example|your bank&gt;',
    );
  });
});

describe('renderBlockKit: the assumptions card', () => {
  it("shows every input and each path's cost lines with how they were made", () => {
    const verdict = verdictFor(ticketTriage);
    const message = render(buildAssumptionsCard(verdict));
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Assumptions behind this verdict' } });
    const seen = visibleText(message);
    for (const a of verdict.assumptions) expect(seen).toContain(`• ${a.label}: `);
    for (const item of verdict.cost!.fineTuning!.items) expect(seen).toContain(item.basis);
    expect(seen).toContain('*Fine-tune (nova-pro)*');
  });
});

describe('renderBlockKit: a card past every limit', () => {
  const card = oversizedCard();
  const message = render(card);

  it('keeps 50 blocks at most: the first ones, a note where it dropped the rest, and the buttons last', () => {
    expect(message.blocks.length).toBe(SLACK_LIMITS.blocksPerMessage);
    expect(message.blocks[0]!.type).toBe('header');
    const notes = message.blocks.flatMap((b, i) => (b.type === 'context' && visibleText({ blocks: [b] }) === SHORTENED_VERDICT_NOTE ? [i] : []));
    expect(notes).toEqual([47]);
    expect(message.blocks.slice(48).map((b) => b.type)).toEqual(['actions', 'actions']);
  });

  it('cuts labels at 75 with an ellipsis and leaves out a button whose value Slack would refuse', () => {
    const buttons = buttonsOf(message.blocks.slice(48));
    expect(buttons.map((b) => b.action_id ?? '')).toEqual(Array.from({ length: 29 }, (_, i) => `fta:go:${i}`));
    expect(actionsOf(message.blocks.slice(48)).map((b) => b.elements.length)).toEqual([25, 4]);
    for (const b of buttons) expect([b.text.text.length, b.text.text.endsWith('…')]).toEqual([75, true]);
  });

  it('cuts long options in the menu at 75 characters', () => {
    const select = actionsOf(message.blocks)
      .flatMap((b) => b.elements)
      .find((e): e is StaticSelect => e.type === 'static_select')!;
    expect(select.options!.map((o) => o.text.text.length)).toEqual(Array(9).fill(75));
    expect(select.options![0]!.text.text).toMatch(/^1 option .*…$/);
  });

  it('shortens the longest texts to fit 12,000 characters, saying how many list items and table rows it left out', () => {
    const texts = sectionTexts(message.blocks);
    expect(texts[0]).toMatch(/^A &amp; B &lt;script&gt; lorem .*…$/);
    expect(texts.find((t) => t.startsWith('*Why*'))).toMatch(/^\*Why\*\n• Reason 1 lorem[^\n]*…\n_… \d+ more_$/);
    expect(texts.find((t) => t.startsWith('*Rows*'))).toMatch(/^\*Rows\*\n```\nName +Amount\n-+ +-+\nrow 1 +\$0\n[\s\S]*\n```\n_… \d+ more rows_$/);
  });

  it('cuts texts before it drops blocks: forty long paragraphs all stay, each shortened', () => {
    const paragraphs: Card = { kind: 'summary', title: 'Summary', blocks: Array.from({ length: 40 }, (_, i) => ({ type: 'text', text: `Paragraph ${i} ${long(5000)}` })) };
    const fitted = render(paragraphs);
    expect(fitted.blocks).toHaveLength(41);
    for (const [i, text] of sectionTexts(fitted.blocks).entries()) expect(text).toMatch(new RegExp(`^Paragraph ${i} lorem.*…$`));
  });

  it('shortens list details before anything else', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ text: `Reason ${i}: the prompt is stuck`, detail: `Source: ${long(1000, 'quote')}` }));
    const fitted = render({ kind: 'verdict', title: 'Verdict', blocks: [{ type: 'list', title: 'Why', items }] });
    const seen = visibleText(fitted);
    for (const item of items) expect(seen).toContain(`• ${item.text}\n      _Source: quote`);
    expect(seen.match(/…_/g)).toHaveLength(30);
  });

  it('drops blocks from the end when cutting cannot save enough, and says so', () => {
    const many: Card = {
      kind: 'message',
      title: 'Many',
      blocks: Array.from({ length: 48 }, () => ({ type: 'fields', fields: Array.from({ length: 10 }, (_, i) => ({ label: `F${i}`, value: long(500) })) })),
    };
    const fitted = render(many);
    expect(fitted.blocks.length).toBeLessThan(48);
    expect(visibleText({ blocks: fitted.blocks.slice(-1) })).toBe(SHORTENED_NOTE);
  });

  it('never throws on odd input: empty texts, no options and a payload that is not ours', () => {
    const odd: Card = {
      kind: 'question',
      title: '',
      blocks: [
        { type: 'text', text: '   ' },
        { type: 'fields', fields: [{ label: '', value: '' }] },
        { type: 'list', title: 'Empty', items: [] },
        { type: 'choices', action: 'answer', payload: 'not json', options: [{ label: 'A', value: 'a' }] },
        { type: 'buttons', buttons: [{ action: 'cancel', label: '' }] },
      ],
    };
    const message = render(odd);
    expect(buttonsOf(message.blocks).map((b) => [b.action_id, b.text.text])).toEqual([['fta:cancel:0', 'fta:cancel:0']]);
  });
});

describe('renderBlockKit: tables and charts past what one Slack message takes', () => {
  const table = (n: number, rows = 3): CardBlock => ({
    type: 'table',
    title: `Table ${n}`,
    columns: ['Path', 'Total'],
    rows: Array.from({ length: rows }, (_, i) => [`Row ${i + 1}`, `$${i + 1},000`]),
  });
  const chart = (n: number, series = 2): CardBlock => ({
    type: 'chart',
    title: `Chart ${n}`,
    xLabel: 'Month',
    yLabel: 'US$',
    labels: Array.from({ length: 60 }, (_, i) => String(i + 1)),
    series: Array.from({ length: series }, (_, s) => ({ key: `s${s}`, name: `Series ${s + 1}`, values: Array.from({ length: 60 }, (_, i) => (i + 1) * 100 * (s + 1)) })),
  });
  const card = (blocks: CardBlock[]): Card => ({ kind: 'verdict', title: 'Verdict: Fine-tuning', blocks });

  it('shows the first table as a table block and the second as a code block', () => {
    const message = render(card([table(1), table(2)]));
    expect(message.blocks.filter((b) => b.type === 'table')).toHaveLength(1);
    expect(sectionTexts(message.blocks).find((t) => t.startsWith('*Table 2*\n```'))).toBeDefined();
  });

  it('shows a table of more than 100 rows as a code block', () => {
    const message = render(card([table(1, 120)]));
    expect(message.blocks.filter((b) => b.type === 'table')).toHaveLength(0);
    expect(sectionTexts(message.blocks).some((t) => t.startsWith('*Table 1*\n```'))).toBe(true);
  });

  it('draws two charts and shows the third as a text chart, sampling 60 months to 20 categories', () => {
    const message = render(card([chart(1), chart(2), chart(3)]));
    const charts = message.blocks.filter((b) => (b.type as string) === 'data_visualization') as unknown as { chart: { axis_config: { categories: string[] } } }[];
    expect(charts).toHaveLength(2);
    expect(charts[0]!.chart.axis_config.categories.length).toBeLessThanOrEqual(SLACK_LIMITS.chartCategories);
    expect(charts[0]!.chart.axis_config.categories.at(-1)).toBe('60');
    expect(sectionTexts(message.blocks).some((t) => t.startsWith('*Chart 3 (US$)*\n```\nMonth'))).toBe(true);
  });

  it('shows a chart of more series than Slack draws as a text chart', () => {
    const message = render(card([chart(1, SLACK_LIMITS.chartSeries + 1)]));
    expect(message.blocks.some((b) => (b.type as string) === 'data_visualization')).toBe(false);
  });
});
