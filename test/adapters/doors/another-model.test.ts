import { describe, expect, it } from 'vitest';
import { cardText } from '../../helpers/fake-bot-connector.js';
import { visibleText } from '../../helpers/fake-slack-api.js';
import { runCliWith } from '../../helpers/cli.js';
import { SELF_HOSTED_LLAMA } from '../../helpers/interview-scenarios.js';
import { SlackInterviewDriver } from '../../helpers/slack-interview-driver.js';
import { stopAfterEach } from '../../helpers/stop-after-each.js';
import { startSlackTestService } from '../../helpers/slack-service.js';
import { startTeamsTestService, TeamsInterviewDriver } from '../../helpers/teams-service.js';

/**
 * A team on Llama 3.1 70B on its own GPUs answers "Another model", names it and gives its GPU
 * cost: the same verdict, priced from GPU time on both paths, on every door.
 */
function expectSelfHostedVerdict(text: string): void {
  expect(text).toContain('Which model, and what does it cost? Llama 3.1 70B on vLLM: $5.00 an hour for 2,500 tokens a second');
  expect(text).toMatch(/Fine-tune Llama 3\.1 70B on vLLM: it saves \$6,597/);
  expect(text).toMatch(/Prompt \(today\)[\s|]+\$1,500[\s|]+\$18\.2k/);
  expect(text).toMatch(/Prompt \(today\)\W+Llama 3\.1 70B on vLLM, \$1\.50 per 1,000 calls/);
  expect(text).toMatch(/Fine-tune[\s|]+\$500[\s|]+\$11\.6k/);
  expect(text).toMatch(/Fine-tune\W+Llama 3\.1 70B on vLLM, \$0\.50 per 1,000 calls/);
}

describe('"Another model": a model the catalogue does not have, in every door', () => {
  const started = stopAfterEach();

  it('prices a self-hosted Llama from its GPU time in the terminal', async () => {
    const typed = [
      'Summarise support calls',
      '',
      '50',
      '46/50',
      'another model',
      'Llama 3.1 70B on vLLM, $5 an hour, 2,500 tokens/s',
      '2k',
      '500',
      '200',
      '1M a month',
      '',
      '',
      '',
      '1,000',
      '',
      'yes',
    ];
    const run = await runCliWith(['advise', '--assumptions'], { lines: typed });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Got it: Llama 3.1 70B on vLLM: $5.00 an hour for 2,500 tokens a second');
    expect(run.stdout).toContain('VERDICT: FINE-TUNING');
    expect(run.stdout).toMatch(/Prompt \(today\)\W+Llama 3\.1 70B on vLLM/);
    // Both paths' tokens priced from GPU time: $5 an hour over 2,500 tokens a second is $0.56 per 1M.
    expect(run.stdout).toMatch(/at \$0\.55556 per 1M \(GPU time: \$5\.00 an\s+hour ÷ 2,500 tokens a second/);
    // Training by the GPU hours it takes: at half the serving speed, $5 an hour is $1.11 per 1M training tokens.
    expect(run.stdout).toMatch(/2\.7M tokens at \$1\.11111 per 1M \(GPU\s+hours/);
  });

  it('takes it in a Slack thread and posts the verdict card', async () => {
    const slack = started(await startSlackTestService());
    const driver = new SlackInterviewDriver(slack);
    await driver.start('summarise support calls');
    const verdict = await driver.answerUntilVerdict(SELF_HOSTED_LLAMA);
    const thread = driver.thread().map(visibleText).join('\n');
    expectSelfHostedVerdict(`${thread}\n${visibleText(verdict)}`);
  });

  it('takes it in a Teams chat and posts the verdict card', async () => {
    const teams = started(await startTeamsTestService());
    const driver = new TeamsInterviewDriver(teams);
    await driver.say('finetune-advisor summarise support calls');
    const verdict = await driver.answerUntilVerdict(SELF_HOSTED_LLAMA);
    const answered = teams.connector.messages.map(cardText).join('\n');
    expectSelfHostedVerdict(`${answered}\n${cardText(verdict)}`);
  });

  it('asks again, naming what to give, when the model is named without a price', async () => {
    const typed = [
      '',
      'summarization',
      '50',
      '46/50',
      'another model',
      'our llama',
      'Llama 3.1 70B on vLLM, $5 an hour, 2,500 tokens/s',
      '2k',
      '500',
      '200',
      '1M a month',
      '',
      '',
      '',
      '1,000',
      '',
      'yes',
    ];
    const run = await runCliWith(['advise'], { lines: typed });
    expect(run.stdout).toContain('I didn\'t understand "our llama". Name the model and its prices per 1M tokens');
    expect(run.stdout).toContain('VERDICT: FINE-TUNING');
  });
});
