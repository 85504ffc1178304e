import { afterEach, describe, expect, it } from 'vitest';
import { renderAdaptiveCard } from '../../../adapters/teams/render-adaptive-card.js';
import { buildWeeklyDigest } from '../../../src/index.js';
import { verdictFor } from '../../helpers/advice.js';
import { recordOf, TICKET_ROUTER_ANSWERS } from '../../helpers/verdict-records.js';
import { cardText, type ConnectorMessage } from '../../helpers/fake-bot-connector.js';
import { TICKET_ROUTER } from '../../helpers/interview-scenarios.js';
import { quickTeamsVerdict, subscribe, thread } from '../../helpers/managers-thread.js';
import { GENERAL } from '../../helpers/teams-activities.js';
import { startTeamsTestService, TEAMS_TEST_DATE, TeamsInterviewDriver, type TeamsTestService } from '../../helpers/teams-service.js';
import { expectValidTeamsCard, ofType } from './expect-valid-teams-card.js';

/** The service's clock (and the outbox's), which the test moves: nothing waits for real time to pass. */
function testClock(start: Date) {
  let at = start;
  return { now: () => at, set: (iso: string) => void (at = new Date(iso)) };
}

const OTHER_CHANNEL = '19:other-channel@thread.tacv2';

const digestsIn = (svc: TeamsTestService, root: string): ConnectorMessage[] => svc.connector.in(thread(root)).filter((m) => cardText(m).includes('Verdicts of the week'));

describe('the weekly digest in a Teams channel thread', () => {
  let svc: TeamsTestService | null = null;
  afterEach(async () => {
    await svc?.stop();
    svc = null;
  });

  it('is sent once for a week, across restarts, and once again the week after', { timeout: 30_000 }, async () => {
    const clock = testClock(TEAMS_TEST_DATE); // Monday 23 Nov 2026, 10:00 UTC: after that week's sending time
    svc = await startTeamsTestService({ now: clock.now, delivery: { wallClock: clock.now } });
    await subscribe(svc);
    const root = svc.connector.messages.find((m) => m.conversationId === GENERAL)!;
    await new TeamsInterviewDriver(svc).say('finetune-advisor route support tickets to 12 queues');
    await new TeamsInterviewDriver(svc).answerUntilVerdict(TICKET_ROUTER);
    await quickTeamsVerdict(svc);
    await svc.connector.waitFor(() => svc!.connector.in(thread(root.id)).length === 2);

    // The service is down at Monday 08:00; it starts again at 09:00 and sends the week it missed.
    await svc.service.stop();
    clock.set('2026-11-30T09:00:00.000Z');
    await svc.restart();
    const [digest] = await svc.connector.waitFor(() => digestsIn(svc!, root.id).length > 0 && digestsIn(svc!, root.id));
    const text = cardText(digest!);
    expect(text).toContain('Verdicts of the week to 30 Nov 2026');
    expect(text).toContain('2 verdicts from Slack and Teams, 23 Nov 2026, 08:00 to 30 Nov 2026, 08:00 UTC.');
    expect(text).toContain('Fine-tuning 1');
    expect(text).toContain('Test the prompt first 1');
    expect(text).toMatch(/Fine-tuning \$938\/month, after \$5,635 up front \(1 verdict\)/);
    expect(text).toContain('1. route support tickets to 12 queues (Alice Manager, Teams)');
    expect(text).toContain('Fine-tune nova-pro: $938/month after $5,635 up front vs prompting nova-pro $4,176/month');
    for (const a of digest!.activity.attachments ?? []) expectValidTeamsCard(a.content as never);

    // Restarted later the same week: nothing new (the second restart waits for the work the first began).
    clock.set('2026-11-30T15:00:00.000Z');
    await svc.restart();
    await svc.restart();
    expect(digestsIn(svc, root.id)).toHaveLength(1);

    // The week after: one new digest, of that week's verdict alone.
    clock.set('2026-12-02T10:00:00.000Z');
    await quickTeamsVerdict(svc);
    clock.set('2026-12-07T08:00:00.000Z');
    await svc.restart();
    const both = await svc.connector.waitFor(() => digestsIn(svc!, root.id).length === 2 && digestsIn(svc!, root.id));
    expect(cardText(both[1]!)).toContain('1 verdict from Slack and Teams, 30 Nov 2026, 08:00 to 7 Dec 2026, 08:00 UTC.');
    // Once more, then stopped: stopping waits for the work the start began.
    await svc.restart();
    await svc.service.stop();
    expect(digestsIn(svc, root.id)).toHaveLength(2);
  });

  it('is tried again at the next run when Teams failed, and sent once', { timeout: 30_000 }, async () => {
    const clock = testClock(TEAMS_TEST_DATE);
    svc = await startTeamsTestService({ now: clock.now, delivery: { wallClock: clock.now } });
    await subscribe(svc);
    const root = svc.connector.messages.find((m) => m.conversationId === GENERAL)!;
    await quickTeamsVerdict(svc);
    await svc.connector.waitFor(() => svc!.connector.in(thread(root.id)).length === 1);
    clock.set('2026-11-30T09:00:00.000Z');
    svc.connector.failNext(/POST \/v3\/conversations\/.*messageid=/, 503, 'ServiceUnavailable');
    await svc.restart();
    await svc.connector.waitFor(() => svc!.logs.some((l) => l.includes('could not send the weekly digest')), 10_000);
    expect(digestsIn(svc, root.id)).toHaveLength(0);
    await svc.restart();
    await svc.connector.waitFor(() => digestsIn(svc!, root.id).length === 1);
    await svc.restart();
    await svc.service.stop();
    expect(digestsIn(svc, root.id)).toHaveLength(1);
  });

  it('waits for the next week in a channel that subscribed after the sending time, and skips a week without verdicts', { timeout: 30_000 }, async () => {
    const clock = testClock(new Date('2026-11-23T07:00:00.000Z'));
    svc = await startTeamsTestService({ now: clock.now, delivery: { wallClock: clock.now } });
    await subscribe(svc);
    const root = svc.connector.messages.find((m) => m.conversationId === GENERAL)!;
    await quickTeamsVerdict(svc);
    clock.set('2026-11-23T09:00:00.000Z');
    await subscribe(svc, OTHER_CHANNEL);
    const otherRoot = svc.connector.messages.find((m) => m.conversationId === OTHER_CHANNEL)!;
    await svc.restart();
    await svc.connector.waitFor(() => digestsIn(svc!, root.id).length === 1);
    // The next week had no verdicts: nothing is posted anywhere.
    clock.set('2026-11-30T09:00:00.000Z');
    await svc.restart();
    await svc.service.stop();
    expect(digestsIn(svc, root.id)).toHaveLength(1);
    expect(svc.connector.in(thread(otherRoot.id, OTHER_CHANNEL))).toHaveLength(0);
  });

  it('renders as a narrow card with short facts and the links, the typed task as the summaries show it', () => {
    const verdict = verdictFor(TICKET_ROUTER_ANSWERS);
    const records = [
      recordOf(verdict, { id: 'a', task: 'route *all* tickets', link: 'https://fake.slack.test/archives/C1/p1' }),
      recordOf(verdict, { id: 'b', platform: 'teams', ownerName: 'Bob Engineer', link: null }),
    ];
    const card = renderAdaptiveCard(buildWeeklyDigest({ key: '2026-W49', from: '2026-11-23T08:00:00.000Z', to: '2026-11-30T08:00:00.000Z' }, records));
    expectValidTeamsCard(card);
    expect(ofType(card, 'Table')).toEqual([]);
    expect(card.msteams).toBeUndefined();
    const text = cardText({ activity: { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] } } as never);
    // The typed task is shown as typed: its asterisks escaped once, so Teams does not make them bold.
    expect(text).toContain('1. route \\*all\\* tickets (alice, Slack)');
    expect(text).toContain('· [Open](https://fake.slack.test/archives/C1/p1)');
    for (const fact of ofType(card, 'FactSet').flatMap((f) => f.facts)) expect(fact.title.length).toBeLessThanOrEqual(24);
  });
});
