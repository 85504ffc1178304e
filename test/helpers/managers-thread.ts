import { expect } from 'vitest';
import { ALICE, BOB, channelPost, GENERAL, message, postActivity } from './teams-activities.js';
import { TeamsInterviewDriver, type TeamsTestService } from './teams-service.js';

/** Subscribes a channel as a member would: `@finetune-advisor subscribe` in a new channel post. */
export async function subscribe(svc: TeamsTestService, channel = GENERAL) {
  const where = channelPost(svc.connector.url, ALICE);
  const activity = message('subscribe', where);
  const data = activity.channelData as { channel?: { id: string } };
  if (channel !== GENERAL) {
    activity.conversation.id = `${channel};messageid=${Date.now()}`;
    data.channel = { id: channel };
  }
  const res = await postActivity(svc.service.url, activity);
  expect(res.status).toBe(200);
  return svc.connector.waitFor(() => svc.connector.created.find((c) => (c.channelData as { channel: { id: string } }).channel.id === channel));
}

/** A quick verdict in Teams: a prompt tested on 5 examples stops at "test prompts first". */
export async function quickTeamsVerdict(svc: TeamsTestService) {
  const driver = new TeamsInterviewDriver(svc, BOB);
  await driver.say('finetune-advisor the support bot');
  await driver.answer({ choose: 'classification' });
  await driver.say('5');
  return driver.verdictMessage()!;
}

/** A reply thread in a channel, as the Bot Connector addresses it. */
export const thread = (root: string, channel = GENERAL) => `${channel};messageid=${root}`;
