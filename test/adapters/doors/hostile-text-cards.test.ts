import { describe, expect, it } from 'vitest';
import { renderTerminalCard } from '../../../adapters/cli/render-terminal-card.js';
import { renderBlockKit } from '../../../adapters/slack/render-block-kit.js';
import { buildWhatIfFormCard } from '../../../adapters/teams/build-what-if-form-card.js';
import { renderAdaptiveAttachment } from '../../../adapters/teams/render-adaptive-card.js';
import {
  buildAnsweredCard,
  buildAssumptionsCard,
  buildTrialResultsCard,
  buildHistoryCard,
  buildOpeningCard,
  buildQuestions,
  buildSummaryCard,
  buildUnderstoodCard,
  buildVerdictCard,
  buildWeeklyDigest,
  formatAnswer,
  type Card,
  type Conversation,
  type TrialSummary,
} from '../../../src/index.js';
import { HOSTILE_TEXTS } from '../../fixtures/hostile-texts.js';
import { verdictFor } from '../../helpers/advice.js';
import { contextFor } from '../../helpers/catalogue.js';
import { slackProblems, teamsProblems, terminalProblems } from '../../helpers/hostile-text-checks.js';
import { recordOf, TICKET_ROUTER_ANSWERS } from '../../helpers/verdict-records.js';

const QUESTIONS = buildQuestions(contextFor('2026-11-23'));

const conversation: Conversation = {
  id: 'c1',
  platform: 'slack',
  ownerId: 'U0ALICE',
  ownerLabel: '<@U0ALICE>',
  status: 'active',
  version: 1,
  answers: {},
  skipped: [],
  history: [],
  pending: null,
  suggested: {},
  refs: {} as Conversation['refs'],
  verdictId: null,
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
};

/** A trial whose examples and the model's answers are the hostile text. */
function trialOf(text: string): TrialSummary {
  const cell = {
    prompt: 0,
    promptLabel: 'the prompt',
    model: 'gpt-4.1-mini',
    right: 6,
    graded: 10,
    interval: { low: 0.3, high: 0.8 },
    failures: [{ failure: text, count: 4, samples: [{ input: text, answer: text }] }],
    callErrors: [],
    tokens: null,
    latencyMs: null,
    costPerCall: null,
  };
  return { id: 't', at: '2026-11-27T10:00:00Z', grader: 'label', examples: 10, models: ['gpt-4.1-mini'], prompts: ['the prompt'], cells: [cell], stopped: null, spentUsd: 0 } as TrialSummary;
}

/** Every card a person's text reaches: the opening, understood, answered, verdict, history, summary and digest. */
function cardsCarrying(text: string): Card[] {
  const verdict = verdictFor({ ...TICKET_ROUTER_ANSWERS, task: text.slice(0, 2000) });
  const other = verdictFor({ ...TICKET_ROUTER_ANSWERS, task: text.slice(0, 2000), model: 'other', otherModel: { name: text.slice(0, 100) || 'x', input: 1, output: 2 } });
  const record = recordOf(verdict, { ownerName: text, task: verdict.answers.task ?? null, link: 'https://acme.slack.com/archives/C0001/p1' });
  const otherRecord = recordOf(other, { ownerName: text, platform: 'teams', ownerLabel: text });
  return [
    buildOpeningCard('<@U0ALICE>', text),
    buildOpeningCard(text, text),
    buildUnderstoodCard({ answers: { taskKind: 'classification' }, sources: { taskKind: 'rules' }, phrases: { taskKind: text }, notes: [text], degraded: false }, conversation, QUESTIONS),
    buildAnsweredCard(QUESTIONS.model, 3, formatAnswer(QUESTIONS.model, text)),
    buildAnsweredCard(QUESTIONS.otherModel, 4, formatAnswer(QUESTIONS.otherModel, other.answers.otherModel)),
    buildVerdictCard(verdict, { askedBy: text }),
    buildVerdictCard(other, { askedBy: '<@U0ALICE>' }),
    buildAssumptionsCard(other),
    buildTrialResultsCard(trialOf(text), { today: 'gpt-4.1-mini' }),
    buildHistoryCard([record, otherRecord]),
    buildSummaryCard(record),
    buildSummaryCard(otherRecord),
    buildWeeklyDigest({ key: '2026-W48', from: '2026-11-16T08:00:00.000Z', to: '2026-11-23T08:00:00.000Z' }, [record, otherRecord]),
  ];
}

/** Texts that hold an entity as typed: its `&` is escaped once, which reads like twice. */
const typedEntity = (text: string) => /&(?:lt|gt|amp);/.test(text);

describe("a person's words on every card, rendered for each platform (issue 15)", () => {
  it('has a hostile corpus of at least 50 texts', () => {
    expect(HOSTILE_TEXTS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(HOSTILE_TEXTS.map((t, i) => [i, t]))('text %i: no mention, link, image or formatting in Slack, Teams or the terminal', (_i, text) => {
    for (const card of cardsCarrying(text)) {
      const slack = slackProblems(renderBlockKit(card)).filter((p) => !(typedEntity(text) && p.startsWith('escaped twice')));
      expect(slack, `Slack, ${card.title}`).toEqual([]);
      const teams = teamsProblems(renderAdaptiveAttachment(card)).filter((p) => !(typedEntity(text) && p.startsWith('HTML-escaped')));
      expect(teams, `Teams, ${card.title}`).toEqual([]);
      expect(terminalProblems(renderTerminalCard(card)), `terminal, ${card.title}`).toEqual([]);
    }
  });

  it('still shows the words themselves, escaped once: Slack reads "<!channel> R&D" as typed', () => {
    const message = renderBlockKit(buildOpeningCard('<@U0ALICE>', 'R&D <!channel> *boldX*'));
    const section = JSON.stringify(message.blocks);
    expect(section).toContain('<@U0ALICE> is sizing up:');
    expect(section).toContain('R&amp;D &lt;!channel&gt;');
    expect(message.text).toContain('R&amp;D &lt;!channel&gt;');
  });

  it("keeps the product's own links and the asker's mention live", () => {
    const record = recordOf(verdictFor(TICKET_ROUTER_ANSWERS), { link: 'https://acme.slack.com/archives/C0001/p1' });
    expect(JSON.stringify(renderBlockKit(buildHistoryCard([record])).blocks)).toContain('<https://acme.slack.com/archives/C0001/p1|');
    expect(JSON.stringify(renderAdaptiveAttachment(buildSummaryCard(record)))).toContain('](https://acme.slack.com/archives/C0001/p1)');
  });

  it.each(HOSTILE_TEXTS.map((t, i) => [i, t]))("text %i: Teams' Try other numbers form quotes it refused without markdown", (_i, text) => {
    const card = buildWhatIfFormCard({
      fields: [{ id: 'monthlyCalls', label: 'Calls a month', value: '1.5M', placeholder: '1.5M' }],
      payload: 'p',
      typed: { monthlyCalls: text },
      errors: { monthlyCalls: `I didn't understand "${text.slice(0, 40)}". Type a number like 1.5M.` },
    });
    expect(teamsProblems({ attachments: [{ content: card }] }).filter((p) => !(typedEntity(text) && p.startsWith('HTML-escaped')))).toEqual([]);
  });
});
