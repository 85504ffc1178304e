import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleText, type SlackMessage } from '../../helpers/fake-slack-api.js';
import { TICKET_ROUTER } from '../../helpers/interview-scenarios.js';
import { elementFor, elementsOf, SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { viewSubmissionBody } from '../../helpers/slack-requests.js';
import { startSlackTestService, type SlackTestService } from '../../helpers/slack-service.js';
import { expectModalWithinSlackLimits, expectWithinSlackLimits } from './expect-within-slack-limits.js';

const FORM = 'application/x-www-form-urlencoded';

describe('"Try other numbers" on a Slack verdict card', () => {
  let svc: SlackTestService;
  beforeEach(async () => {
    svc = await startSlackTestService();
  });
  afterEach(async () => {
    await svc.stop();
  });

  async function verdictAndForm() {
    const driver = new SlackInterviewDriver(svc);
    await driver.start('route support tickets to 12 queues');
    const verdict = await driver.answerUntilVerdict(TICKET_ROUTER);
    const button = elementFor(verdict, 'fta:try-other-numbers');
    const opened = svc.slack.callsOf('views.open').length;
    await driver.click(verdict, { action_id: button.action_id, value: button.value! });
    const open = await svc.slack.waitFor(() => svc.slack.callsOf('views.open')[opened]);
    return { driver, verdict, view: open.body.view as { private_metadata: string; blocks: { block_id: string; element: { initial_value?: string } }[] } };
  }

  const submit = (privateMetadata: string, fields: Record<string, string>) => svc.post(viewSubmissionBody({ viewId: 'VWHATIF', privateMetadata, callbackId: 'fta:what-if-modal', fields }), FORM);

  it('opens a form with the main assumptions filled with the figures the verdict used', async () => {
    const { view } = await verdictAndForm();
    expectModalWithinSlackLimits(view as never);
    const initial = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element.initial_value ?? '']));
    expect(initial).toMatchObject({ monthlyCalls: '1.5M', model: 'claude-sonnet-4.5', horizonMonths: '12', promptTokens: '3,000' });
  });

  it('shows what it could not read in its box and keeps the form open', async () => {
    const { view } = await verdictAndForm();
    const refused = await submit(view.private_metadata, { monthlyCalls: 'loads', horizonMonths: '24' });
    const answer = JSON.parse(refused.text);
    expect(answer.response_action).toBe('errors');
    expect(answer.errors.monthlyCalls).toMatch(/^I didn't understand "loads"/);
    expect(answer.errors.horizonMonths).toBeUndefined();
    expect(svc.slack.callsOf('chat.postEphemeral').filter((c) => String(c.body.text).startsWith('What if'))).toHaveLength(0);
  });

  it('shows the recomputed verdict to that person alone, what changed first, and posts it to the channel as a new version linked to the first', async () => {
    const { verdict, view, driver } = await verdictAndForm();
    const accepted = await submit(view.private_metadata, { monthlyCalls: '5M', horizonMonths: '24' });
    expect(accepted.text).toBe('');
    const ephemeral = await svc.slack.waitFor(() => svc.slack.callsOf('chat.postEphemeral').find((c) => String(c.body.text).startsWith('What if')));
    expect(ephemeral.body.user).toBe(driver.userId);
    const shown: SlackMessage = { channel: String(ephemeral.body.channel), ts: '1.1', text: String(ephemeral.body.text), blocks: ephemeral.body.blocks as SlackMessage['blocks'], updated: false };
    expectWithinSlackLimits(shown as never);
    const seen = visibleText(shown);
    expect(seen).toContain('Only you see this until you post it.');
    expect(seen).toMatch(/\*What changed\*\n• Calls a month: 1\.5M → 5M\n• Months to compare over: 12 → 24\n• Prompt \(today\), total: \$189k \(\$15\.8k a month\) → /);
    expect(seen).toContain('Cost over 24 months');
    const before = svc.slack.channel(driver.channel).length;
    const post = elementFor(shown, 'fta:post-what-if');
    await driver.click(shown, { action_id: post.action_id, value: post.value! });
    const posted = await svc.slack.waitFor(() => svc.slack.channel(driver.channel)[before]);
    const text = visibleText(posted);
    expect(text).toMatch(/^Verdict: /);
    expect(text).toContain(`A new version of <https://fake.slack.test/archives/${driver.channel}/p`);
    expect(text).toMatch(/\|the verdict of 2026-\d\d-\d\d>, tried by <@U0ALICE> with calls a month 5M \(was 1\.5M\), months to compare over 24 \(was 12\)\./);
    // The version has no buttons: they act on a stored verdict, and this one is worked out, not stored.
    expect(elementsOf(posted)).toEqual([]);
    // The first verdict stays as it was.
    expect(svc.slack.channel(driver.channel).find((m) => m.ts === verdict.ts)!.blocks).toEqual(verdict.blocks);
  });
});
