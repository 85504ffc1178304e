import { describe, expect, it } from 'vitest';
import { loadPriceCatalogue } from '../../../adapters/catalogue/load-price-catalogue.js';
import { renderAdaptiveAttachment, renderAdaptiveCard, SHORTENED_NOTE, teamsFallbackText, type AdaptiveCard } from '../../../adapters/teams/render-adaptive-card.js';
import { TEAMS_LIMITS } from '../../../adapters/teams/teams-limits.js';
import {
  adviseFromAnswers,
  buildAssumptionsCard,
  buildMessageCard,
  buildQuestionCard,
  buildQuestions,
  buildSummaryCard,
  buildVerdictCard,
  decodeAction,
  type Card,
  type Conversation,
  type QuestionId,
  type Verdict,
  type VerdictRecord,
} from '../../../src/index.js';
import { ticketTriage } from '../../helpers/answers.js';
import { conversation, long, oversizedCard } from '../slack/slack-fixtures.js';
import { cardBytes, expectValidTeamsCard, ofType, tableTexts } from './expect-valid-teams-card.js';

const CTX = { catalogue: loadPriceCatalogue(), asOf: '2026-11-23' };
const CONVERSATION_ID = 'teams:19:abc@thread.tacv2;messageid=1700000000000';
const REF = { conversationId: CONVERSATION_ID, version: 9, verdictId: `${CONVERSATION_ID}#9` };

function verdictFor(answers: unknown): Verdict {
  const advice = adviseFromAnswers(answers, CTX);
  if (!advice.ok) throw new Error(advice.errors.join('\n'));
  return advice.verdict;
}

const render = (card: Card): AdaptiveCard => {
  const json = renderAdaptiveCard(card);
  expectValidTeamsCard(json);
  return json;
};

type Json = Record<string, any>;
/** What a person reads: a non-breaking hyphen (model names, dates) reads as a hyphen. */
const readable = (text: string) => text.replaceAll('\u2011', '-');
const texts = (json: unknown) => ofType(json, 'TextBlock', false).map((t) => readable(t.text as string));
const executes = (json: unknown) => ofType(json, 'Action.Execute') as Json[];
const teamsConversation = (over: Partial<Conversation> = {}) => conversation({ id: CONVERSATION_ID, platform: 'teams', ownerId: '29:1abc', ownerLabel: 'Alice', ...over });
const questionCard = (id: QuestionId, over: Partial<Conversation> = {}) => buildQuestionCard(buildQuestions(CTX)[id], teamsConversation({ pending: id, ...over }));

describe('renderAdaptiveCard: the verdict card', () => {
  const verdict = verdictFor(ticketTriage);
  const json = render(buildVerdictCard(verdict, { askedBy: 'Alice', ref: REF }));

  it('opens with the verdict as a bold title and the headline under it', () => {
    expect(json.body[0]).toEqual({ type: 'TextBlock', text: 'Verdict: Fine-tuning', wrap: true, weight: 'Bolder', size: 'Medium' });
    expect({ ...json.body[1], text: readable((json.body[1] as { text: string }).text) }).toEqual({ type: 'TextBlock', text: verdict.headline, wrap: true });
  });

  it('shows who asked and the task as facts', () => {
    const facts = ofType(json, 'FactSet')[0]!.facts;
    expect(facts).toContainEqual({ title: 'Asked by', value: 'Alice' });
    expect(facts).toContainEqual({ title: 'Task', value: 'Route support tickets to 12 queues' });
  });

  it('lists every reason as a markdown list line with its source small and subtle right under it', () => {
    const body = json.body as Json[];
    for (const reason of verdict.reasons) {
      const at = body.findIndex((e) => typeof e.text === 'string' && readable(e.text) === `- ${reason.text}`);
      expect(at).toBeGreaterThan(0);
      expect(body[at + 1]).toMatchObject({ type: 'TextBlock', isSubtle: true, size: 'Small', spacing: 'None' });
      expect(body[at + 1]!.text).toMatch(/^\u2003\u2003Source: /);
    }
  });

  it('shows the costs as a three-column Table (path, per month, total) with numbers aligned right, after a separator, and each model below', () => {
    const [table] = ofType(json, 'Table', false);
    const rows = tableTexts(table);
    expect(table!.firstRowAsHeaders).toBe(true);
    expect(table!.columns).toEqual([{ width: 2 }, { width: 1 }, { width: 1 }]);
    expect(rows[0]).toEqual(['Path', 'Per month', 'Total']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Prompt (today)', 'Prompt, switched', 'Fine-tune']);
    const total = (table as any).rows[1].cells[2].items[0];
    expect(total).toMatchObject({ text: expect.stringMatching(/^\$[\d,.]+k?$/), horizontalAlignment: 'Right' });
    const facts = ofType(json, 'FactSet')[1]!.facts.map((f: Json) => `${f.title}: ${f.value}`.replaceAll('\u2011', '-'));
    expect(facts).toEqual([
      // What a path pays once is named beside it: its total is its months and these.
      expect.stringMatching(/^Prompt \(today\): claude-sonnet-4\.5, \$[\d.,]+ per 1,000 calls; once: \$200 prompt engineering time/),
      expect.stringMatching(/^Prompt, switched: nova-pro, \$[\d.,]+ per 1,000 calls; once: \$[\d,]+ moving the prompt to Amazon Nova Pro on Bedrock$/),
      expect.stringMatching(/^Fine-tune: nova-pro, \$[\d.,]+ per 1,000 calls$/),
    ]);
    expect((table as any).rows[1].cells[0].items[0].horizontalAlignment).toBeUndefined();
    const title = (json.body as Json[]).find((e) => typeof e.text === 'string' && e.text.startsWith('Cost over 12 months'));
    expect(title).toMatchObject({ weight: 'Bolder', separator: true });
  });

  it('draws the cumulative cost per path by month as a Chart.Line, with the same numbers in its fallback table', () => {
    const [chart] = ofType(json, 'Chart.Line');
    expect(chart).toMatchObject({ title: 'Cumulative cost', xAxisTitle: 'Month', yAxisTitle: 'US$' });
    expect(chart!.data.map((s: Json) => [s.legend, s.color])).toEqual([
      ['Prompt', 'divergingBlue'],
      ['Switched', 'categoricalPurple'],
      ['Fine-tune', 'attention'],
    ]);
    const cumulative = verdict.cost!.cumulative;
    expect(chart!.data[0].values).toHaveLength(Math.min(cumulative.length, TEAMS_LIMITS.chartPointsMax));
    expect(chart!.data[0].values[0]).toEqual({ x: `${cumulative[0]!.month}`, y: Math.round(cumulative[0]!.promptEngineering) });
    expect(tableTexts(chart!.fallback.items[1])[0]).toEqual(['Month', 'Prompt', 'Switched', 'Fine-tune']);
    expect(json.msteams).toEqual({ width: 'Full' });
  });

  it('shows each notice in a container styled for its severity', () => {
    const styles = { info: 'accent', warning: 'warning', danger: 'attention' };
    const containers = (json.body as Json[]).filter((e) => e.type === 'Container');
    expect(containers).toHaveLength(verdict.notices.length);
    verdict.notices.forEach((n, i) => {
      expect(containers[i]!.style).toBe(styles[n.severity]);
      expect(containers[i]!.items[0].text.replaceAll('\u2011', '-')).toContain(n.text);
    });
  });

  it('ends with Start over and Show assumptions as card actions whose payload decodes to the stored verdict', () => {
    expect(json.actions!.map((a) => [a.verb, a.title, a.style])).toEqual([
      ['fta:new-from-verdict', 'Start over', 'positive'],
      ['fta:try-other-numbers', 'Try other numbers', undefined],
      ['fta:show-assumptions', 'Show assumptions', undefined],
    ]);
    for (const a of json.actions!) {
      expect(decodeAction(a.data.payload)).toEqual({ c: CONVERSATION_ID, v: 9, d: REF.verdictId });
      expect(a.fallback).toEqual({ type: 'Action.Submit', title: a.title, data: a.data, associatedInputs: 'none' });
    }
  });

  it('gives a short fallback text: the verdict and its headline', () => {
    expect(json.fallbackText).toBe(`Verdict: Fine-tuning: ${verdict.headline}`);
    expect(teamsFallbackText(buildVerdictCard(verdict))).toBe(json.fallbackText);
  });

  it('wraps the card as an Adaptive Card attachment', () => {
    const attachment = renderAdaptiveAttachment(buildVerdictCard(verdict, { askedBy: 'Alice', ref: REF }));
    expect(attachment).toEqual({ contentType: 'application/vnd.microsoft.card.adaptive', content: json });
  });

  it('samples a 60-month chart to chartPointsMax points, the last month kept, with the same rows in its fallback', () => {
    const wide = render(buildVerdictCard(verdictFor({ ...ticketTriage, horizonMonths: 60 }), { askedBy: 'Alice', ref: REF }));
    const [chart] = ofType(wide, 'Chart.Line');
    const xs = chart!.data[0].values.map((p: Json) => p.x);
    expect(xs.length).toBeLessThanOrEqual(TEAMS_LIMITS.chartPointsMax);
    expect(xs[0]).toBe('1');
    expect(xs[xs.length - 1]).toBe('60');
    expect(cardBytes(wide)).toBeLessThan(TEAMS_LIMITS.cardBytes);
  });
});

describe('renderAdaptiveCard: a verdict too long for one card', () => {
  const base = verdictFor({ ...ticketTriage, task: `${`Route tickets ${long(3000)}`.slice(0, 2899)}z` });
  const reasons = Array.from({ length: 40 }, (_, i) => ({ ...base.reasons[0]!, text: `Reason ${i + 1}: ${long(380)}` }));
  const notices = Array.from({ length: 40 }, (_, i) => ({ severity: 'warning' as const, text: `Notice ${i + 1}: ${long(280, 'notice')}` }));
  const card = buildVerdictCard({ ...base, reasons, notices }, { askedBy: 'Alice', ref: REF });
  const json = render(card);

  it('stays under 28 KB, shortening texts with an ellipsis, and keeps its title and buttons', () => {
    expect(cardBytes(json)).toBeLessThanOrEqual(28_000);
    expect(base.answers.task).toHaveLength(2900);
    expect(json.body[0]).toMatchObject({ text: 'Verdict: Fine-tuning' });
    const task = ofType(json, 'FactSet')[0]!.facts.find((f: Json) => f.title === 'Task');
    expect(task.value.length).toBeLessThan(2900);
    expect(task.value).toMatch(/^Route tickets lorem.*…$/);
    expect(json.actions!.map((a) => a.title)).toEqual(['Start over', 'Try other numbers', 'Show assumptions']);
  });

  it('keeps every reason and the cost table, gives the chart up for its table, then drops notices from the end with a note', () => {
    const all = texts(json);
    for (let i = 1; i <= 40; i++) expect(all.some((t) => t.startsWith(`- Reason ${i}: lorem`))).toBe(true);
    expect(all.filter((t) => t.startsWith('- Reason') && t.endsWith('…')).length).toBeGreaterThan(0);
    expect(ofType(json, 'Chart.Line')).toHaveLength(0);
    const tables = ofType(json, 'Table');
    expect(tables).toHaveLength(2);
    expect(tableTexts(tables[1])[0]).toEqual(['Month', 'Prompt', 'Switched', 'Fine-tune']);
    const shown = (json.body as Json[]).filter((e) => e.type === 'Container' && e.style === 'warning');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(40);
    expect(shown[0]!.items[0].text).toMatch(/^⚠️ Notice 1: notice/);
    expect(json.body[json.body.length - 1]).toEqual({ type: 'TextBlock', text: SHORTENED_NOTE, wrap: true, isSubtle: true, size: 'Small' });
  });

  it('drops parts from the end with a "shortened" note when cutting texts is not enough', () => {
    const huge = render(oversizedCard());
    expect(texts(huge)).toContain(SHORTENED_NOTE);
    expect(ofType(huge, 'Input.ChoiceSet')).toHaveLength(1);
    expect(executes(huge).filter((a) => a.data.fta === 'go')).toHaveLength(30);
    for (const set of ofType(huge, 'ActionSet')) expect(set.actions.length).toBeLessThanOrEqual(TEAMS_LIMITS.actionsMax);
  });

  it('cuts a long table to tableRowsMax rows and says how many more there are', () => {
    const rows = Array.from({ length: 80 }, (_, i) => [`row ${i + 1}`, `$${i}`]);
    const table = render({ kind: 'assumptions', title: 'Rows', blocks: [{ type: 'table', title: 'Rows', columns: ['Name', 'Amount'], rows }] });
    expect(tableTexts(ofType(table, 'Table')[0])).toHaveLength(TEAMS_LIMITS.tableRowsMax + 1);
    expect(texts(table)).toContain(`… ${80 - TEAMS_LIMITS.tableRowsMax} more rows`);
  });

  it('never throws: a broken card becomes its fallback text', () => {
    const broken = {
      kind: 'message',
      title: 'Oops',
      blocks: [
        { type: 'text', text: 'It broke.' },
        { type: 'list', title: 'Why', items: null },
      ],
    } as unknown as Card;
    expect(render(broken).body).toEqual([{ type: 'TextBlock', text: 'Oops: It broke.', wrap: true }]);
    expect(render({ kind: 'message', title: 'Oops', blocks: null } as unknown as Card).body).toEqual([{ type: 'TextBlock', text: 'finetune-advisor', wrap: true }]);
  });
});

describe('renderAdaptiveCard: question cards', () => {
  it('asks a 9-option question with a compact menu and an Answer button', () => {
    const json = render(questionCard('taskKind'));
    const [menu] = ofType(json, 'Input.ChoiceSet');
    expect(menu).toMatchObject({ id: 'fta_choice', style: 'compact', isRequired: true, errorMessage: expect.any(String) });
    expect(menu!.choices).toHaveLength(9);
    expect(menu!.choices[0]).toEqual({ title: 'Classification', value: 'classification' });
    const answer = executes(json).find((a) => a.title === 'Answer')!;
    expect(answer).toMatchObject({ verb: 'fta:answer', data: { fta: 'answer' } });
    expect(answer.associatedInputs).toBeUndefined();
    expect(decodeAction(answer.data.payload)).toEqual({ c: CONVERSATION_ID, v: 3, q: 'taskKind' });
  });

  it('asks a yes/no question with two buttons whose payload carries the answer', () => {
    const json = render(questionCard('specStable'));
    expect(ofType(json, 'Input.ChoiceSet')).toHaveLength(0);
    const [choices] = ofType(json, 'ActionSet', false);
    expect(choices!.actions.map((a: Json) => [a.title, a.verb])).toEqual([
      ['Yes', 'fta:answer'],
      ['No', 'fta:answer'],
    ]);
    expect(choices!.actions.map((a: Json) => decodeAction(a.data.payload))).toEqual([
      { c: CONVERSATION_ID, v: 3, q: 'specStable', a: 'yes' },
      { c: CONVERSATION_ID, v: 3, q: 'specStable', a: 'no' },
    ]);
  });

  it('asks a number with a required text box and a Save button, the other buttons leaving the box out', () => {
    const json = render(questionCard('testedExamples', { history: ['taskKind'], suggested: { testedExamples: 20 } }));
    const [input] = ofType(json, 'Input.Text');
    expect(input).toMatchObject({ id: 'fta_text', label: 'Your answer', placeholder: 'e.g. 10', isMultiline: false, isRequired: true });
    expect(input!.errorMessage).toBe('Type an answer, e.g. 10.');
    const [save, ...others] = executes(json);
    expect(save).toMatchObject({ title: 'Save', verb: 'fta:answer', data: { fta: 'answer' } });
    expect(save!.associatedInputs).toBeUndefined();
    expect(others.map((a) => [a.title, a.style, a.associatedInputs])).toEqual([
      ['Keep: 20', 'positive', 'none'],
      ['Back', undefined, 'none'],
      ['Start over', undefined, 'none'],
      ['Cancel', 'destructive', 'none'],
    ]);
    expect(decodeAction(others[0]!.data.payload)).toMatchObject({ a: '20' });
    expect(json.actions).toBeUndefined();
  });

  it('renders a 4-option question as buttons', () => {
    const json = render(questionCard('deadline'));
    expect(
      executes(json)
        .slice(0, 4)
        .map((a) => decodeAction(a.data.payload)?.a),
    ).toEqual(['this-week', 'this-month', 'this-quarter', 'later']);
  });

  it('renders every question of the interview as a valid card', () => {
    for (const id of Object.keys(buildQuestions(CTX)) as QuestionId[]) render(questionCard(id));
  });
});

describe('renderAdaptiveCard: the other cards', () => {
  const verdict = verdictFor(ticketTriage);

  it('renders the assumptions as full-width lines, each input with where it came from under it, and one list per path', () => {
    const json = render(buildAssumptionsCard(verdict));
    expect(ofType(json, 'Table')).toHaveLength(0);
    const lines = texts(json).map((t) => t.replaceAll('\u2011', '-'));
    const calls = lines.indexOf('- Calls per month: 1.5M');
    expect(calls, lines.join('\n')).toBeGreaterThan(0);
    expect(lines[calls + 1]).toMatch(/^\u2003\u2003your answer$/);
    expect(lines).toContain('Fine-tune (nova-pro)');
  });

  it('renders the summary with its facts and the link to the full verdict as markdown', () => {
    const record: VerdictRecord = {
      id: REF.verdictId,
      conversationId: CONVERSATION_ID,
      platform: 'teams',
      ownerId: '29:1abc',
      ownerLabel: 'Alice',
      ownerName: 'Alice',
      task: 'Route support tickets to 12 queues',
      verdict,
      link: 'https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000000',
      createdAt: '2026-11-23T09:00:00.000Z',
    };
    const json = render(buildSummaryCard(record));
    expect(ofType(json, 'FactSet')[0]!.facts).toContainEqual({ title: 'Asked by', value: 'Alice (Teams)' });
    expect(texts(json).some((t) => t.startsWith(`[Open the full verdict](${record.link})`))).toBe(true);
    expect(json.actions).toBeUndefined();
  });

  it('renders a message card with no actions', () => {
    const json = render(buildMessageCard('Cancelled', 'The interview is closed.', 'Start again with /advise.'));
    expect(texts(json)).toEqual(['Cancelled', 'The interview is closed.', 'Start again with /advise.']);
    expect(json.fallbackText).toBe('Cancelled: The interview is closed.');
  });
});
