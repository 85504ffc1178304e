/**
 * The baseline of the service benchmark, as a process of its own: a bare Bolt app that verifies
 * a slash command, acknowledges it and posts one message. SLACK_API_URL points it at the fake.
 * Prints {"port":N} once listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import bolt from '@slack/bolt';
import { SIGNING_SECRET } from '../tools/slack/slack-payloads.js';

const receiver = new bolt.HTTPReceiver({ signingSecret: SIGNING_SECRET });
const app = new bolt.App({ receiver, token: 'xoxb-test-token', tokenVerificationEnabled: false, clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' }, logLevel: bolt.LogLevel.ERROR });
app.command('/finetune-advisor', async ({ ack, client, command }) => {
  await ack();
  await client.chat.postMessage({ channel: command.channel_id, text: `Sizing up: ${command.text}` });
});
const server = createServer(receiver.requestListener);
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })));
