import { afterEach, describe, expect, it } from 'vitest';
import { SLACK_TEST_DATE, startSlackTestService, type SlackTestService } from '../../helpers/slack-service.js';
import { postSigned, slashCommandBody } from '../../helpers/slack-requests.js';

const FORM = 'application/x-www-form-urlencoded';
const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

/** Slack's rule: a request's X-Slack-Request-Timestamp is at most 5 minutes from now, either way. */
describe("Slack's 5-minute window", () => {
  let svc: SlackTestService;
  afterEach(async () => {
    await svc.stop();
  });

  const command = () => slashCommandBody({ text: 'the support bot', responseUrl: svc.responseUrl() });

  it('refuses a signed request stamped 10 minutes, a day or ten years in the future with 401, at once, and posts nothing', async () => {
    const at = new Date();
    svc = await startSlackTestService({ now: () => at });
    const seconds = Math.floor(at.getTime() / 1000);
    const answers: number[] = [];
    const started = Date.now();
    for (const ahead of [10 * MINUTE, DAY, 10 * 365 * DAY]) answers.push((await postSigned(svc.service.url, command(), FORM, { timestamp: seconds + ahead })).status);
    expect(answers).toEqual([401, 401, 401]);
    expect(Date.now() - started).toBeLessThan(1_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(svc.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it("judges the window by the service's clock, not the machine's: 4 minutes either way is in, 6 is out", async () => {
    svc = await startSlackTestService();
    const seconds = Math.floor(SLACK_TEST_DATE.getTime() / 1000);
    const statuses: Record<string, number> = {};
    for (const [name, offset] of [
      ['4 min behind', -4 * MINUTE],
      ['4 min ahead', 4 * MINUTE],
      ['6 min behind', -6 * MINUTE],
      ['6 min ahead', 6 * MINUTE],
    ] as const)
      statuses[name] = (await postSigned(svc.service.url, command(), FORM, { timestamp: seconds + offset })).status;
    expect(statuses).toEqual({ '4 min behind': 200, '4 min ahead': 200, '6 min behind': 401, '6 min ahead': 401 });
  });
});
