import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText, type ConnectorMessage } from '../../helpers/fake-bot-connector.js';
import { TICKET_ROUTER } from '../../helpers/interview-scenarios.js';
import { actionsOf, startTeamsTestService, TeamsInterviewDriver, type TeamsTestService } from '../../helpers/teams-service.js';
import { expectValidTeamsCard } from './expect-valid-teams-card.js';

type Json = Record<string, any>;
/** An invoke's answer, as Teams shows it to the person who clicked. */
const answerOf = (res: { body: unknown }) => res.body as { type: string; value: any };
const asMessage = (card: Json): ConnectorMessage => ({ activity: { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] } }) as never;
const executes = (card: Json): Json[] => (card.actions as Json[] | undefined) ?? [];

describe('"Try other numbers" on a Teams verdict card', () => {
  let svc: TeamsTestService;
  beforeEach(async () => {
    svc = await startTeamsTestService();
  });
  afterEach(async () => {
    await svc.stop();
  });

  it('shows the clicker a form with the verdict figures, refuses what it cannot read under its box, then the recomputed verdict, and posts it as a new version', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('finetune-advisor route support tickets to 12 queues');
    const verdict = await driver.answerUntilVerdict(TICKET_ROUTER);
    const tryIt = driver.action(verdict, 'try-other-numbers');

    const form = answerOf(await driver.click(verdict, tryIt.data));
    expect(form.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidTeamsCard(form.value);
    const boxes = Object.fromEntries((form.value.body as Json[]).filter((e) => e.type === 'Input.Text').map((e) => [e.id, e.value ?? '']));
    expect(boxes).toMatchObject({ fta_whatif_monthlyCalls: '1.5M', fta_whatif_horizonMonths: '12', fta_whatif_model: 'claude-sonnet-4.5' });

    const run = executes(form.value)[0];
    const refused = answerOf(await driver.click(verdict, { ...run!.data, fta_whatif_monthlyCalls: 'loads', fta_whatif_horizonMonths: '24' }));
    const again = cardText(asMessage(refused.value));
    expect(again).toContain('I didn\'t understand "loads"');
    expect((refused.value.body as Json[]).find((e) => e.id === 'fta_whatif_horizonMonths')?.value).toBe('24');

    const shown = answerOf(await driver.click(verdict, { ...run!.data, fta_whatif_monthlyCalls: '5M', fta_whatif_horizonMonths: '24' }));
    expectValidTeamsCard(shown.value);
    const text = cardText(asMessage(shown.value));
    expect(text).toMatch(/^What if: /);
    expect(text).toContain('Only you see this until you post it.');
    expect(text).toContain('What changed\n- Calls a month: 1.5M → 5M\n- Months to compare over: 12 → 24');
    const sentBefore = svc.connector.messages.length;
    expect(sentBefore).toBeGreaterThan(0);

    const post = executes(shown.value).find((a) => a.data.fta === 'post-what-if')!;
    const back = answerOf(await driver.click(verdict, post.data));
    expect(cardText(asMessage(back.value))).toMatch(/^Verdict: Fine-tuning/);
    const version = await svc.connector.waitFor(() => svc.connector.messages.slice(sentBefore).find((m) => cardText(m).includes('A new version of')));
    expect(actionsOf(version)).toEqual([]);
    expect(cardText(version)).toMatch(/A new version of \S* ?the verdict of 2026-11-23.*tried by Alice Manager with calls a month 5M \(was 1\.5M\), months to compare over 24 \(was 12\)\./);
  });
});

describe('Start over on a Teams verdict card', () => {
  let svc: TeamsTestService;
  beforeEach(async () => {
    svc = await startTeamsTestService();
  });
  afterEach(async () => {
    await svc.stop();
  });

  it('keeps the answers and offers to change a few from a menu, then shows the verdict', async () => {
    const driver = new TeamsInterviewDriver(svc);
    await driver.say('finetune-advisor route support tickets to 12 queues');
    const verdict = await driver.answerUntilVerdict(TICKET_ROUTER);
    await driver.click(verdict, driver.action(verdict, 'new-from-verdict').data);
    const review = await svc.connector.waitFor(() => driver.currentQuestion());
    expect(cardText(review)).toContain('Change a few answers');
    expect(cardText(review)).toMatch(/\d+\. How many calls a month\? 1\.5M/);
    await driver.click(review, { ...driver.action(review, 'change').data, fta_choice: 'monthlyCalls' });
    const asked = await svc.connector.waitFor(() => {
      const q = driver.currentQuestion();
      return q && cardText(q).includes('How many calls a month?') && !cardText(q).includes('Change a few answers') ? q : undefined;
    });
    expect(cardText(asked)).toContain('Keep: 1.5M');
    await driver.say('5M');
    const again = await svc.connector.waitFor(() => {
      const q = driver.currentQuestion();
      return q && /How many calls a month\? 5M/.test(cardText(q)) ? q : undefined;
    });
    const before = svc.connector.messages.length;
    await driver.click(again, driver.action(again, 'show-verdict').data);
    const second = await svc.connector.waitFor(() => svc.connector.messages.slice(before).find((m) => cardText(m).includes('Verdict:')));
    expect(JSON.stringify(second.activity.attachments)).toContain('$630k');
  }, 20_000);
});
