/**
 * Slack in a terminal, for trying the Slack app without a workspace: a fake Slack Web API on
 * loopback that prints what the app posts, and a prompt that sends the app signed requests as
 * Slack would (the slash command, button clicks, typed replies in the thread).
 *
 *   npm run slack:local          (then, in another terminal, start the service as it says)
 */
import { createInterface } from 'node:readline';
import { decodeAction } from '../../src/index.js';
import { FakeSlackApi, visibleText, type SlackMessage } from './fake-slack-api.js';
import { blockActionsBody, messageEventBody, postSigned, slashCommandBody, type SentRequest } from './slack-payloads.js';

const secret = process.env.SLACK_SIGNING_SECRET ?? 'local-made-up-secret';
const advisor = process.env.ADVISOR_URL ?? 'http://127.0.0.1:3978';
const port = Number(process.env.FAKE_SLACK_PORT ?? 3979);
const CHANNEL = 'C0LOCAL';
const FORM = 'application/x-www-form-urlencoded';

interface Choice {
  label: string;
  actionId: string;
  value?: string;
  blockId?: string;
  selected?: string;
}

/** What can be clicked on a card, in the order a person reads it. */
function choicesOf(message: SlackMessage): Choice[] {
  return message.blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) =>
      (b.elements as { type: string; action_id: string; value?: string; text?: { text: string }; options?: { text: { text: string }; value: string }[] }[]).flatMap((e): Choice[] =>
        e.type === 'static_select'
          ? (e.options ?? []).map((o) => ({ label: o.text.text, actionId: e.action_id, blockId: String(b.block_id), selected: o.value }))
          : [{ label: e.text?.text ?? e.action_id, actionId: e.action_id, ...(e.value ? { value: e.value } : {}) }],
      ),
    );
}

async function main(): Promise<void> {
  const slack = new FakeSlackApi();
  await slack.start(port);
  let threadTs = '';
  const printed = new Map<string, string>();
  console.log(`Fake Slack Web API on ${slack.url}/api/. In another terminal start the service with:

  SLACK_SIGNING_SECRET=${secret} SLACK_BOT_TOKEN=xoxb-local SLACK_API_URL=${slack.url}/api/ npm start

Then type here:  /finetune-advisor <your task>   to start;  #2  to click button 2 of the question;
anything else is a reply typed in the interview thread (10M a month, 8/10, …);  quit  to leave.\n`);

  const current = () => [...slack.thread(CHANNEL, threadTs)].reverse().find((m) => !m.updated && choicesOf(m).some((c) => c.actionId.startsWith('fta:cancel')));
  // Print each message the app posts or updates, once per change.
  setInterval(() => {
    for (const [key, m] of slack.messages) {
      const text = `${m.updated ? '(updated) ' : ''}${visibleText({ text: m.text, blocks: m.blocks.filter((b) => b.type !== 'actions') })}`;
      if (printed.get(key) === text) continue;
      printed.set(key, text);
      if (!m.threadTs && text.includes('is sizing up')) threadTs = m.ts;
      console.log(`\n${m.threadTs ? '  ↳ ' : '# '}${text.replace(/\n/g, m.threadTs ? '\n    ' : '\n  ')}`);
      if (m === current())
        console.log(
          choicesOf(m)
            .map((c, i) => `    #${i + 1} ${c.label}`)
            .join('\n'),
        );
    }
    for (const r of slack.responses.splice(0)) console.log(`\n(only you) ${String(r.body.text ?? '')}`);
  }, 150).unref();

  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'quit') break;
    if (!text) continue;
    let res: SentRequest;
    if (text.startsWith('/finetune-advisor')) {
      res = await postSigned(advisor, slashCommandBody({ text: text.replace('/finetune-advisor', '').trim(), channelId: CHANNEL, responseUrl: `${slack.url}/respond/local` }), FORM, { secret });
    } else if (/^#\d+$/.test(text) && current()) {
      const question = current()!;
      const choice = choicesOf(question)[Number(text.slice(1)) - 1];
      if (!choice) {
        console.log('No such button.');
        continue;
      }
      if (choice.actionId === 'fta:open-input') {
        console.log('Type the answer as a reply instead (e.g. 10M a month).');
        continue;
      }
      const element = choice.selected !== undefined ? { action_id: choice.actionId, block_id: choice.blockId!, selected: choice.selected } : { action_id: choice.actionId, value: choice.value! };
      res = await postSigned(advisor, blockActionsBody({ channelId: CHANNEL, messageTs: question.ts, threadTs, element, responseUrl: `${slack.url}/respond/local` }), FORM, { secret });
      if (choice.value && !decodeAction(choice.value)) console.log('(that button carries no interview payload)');
    } else if (threadTs) {
      res = await postSigned(advisor, messageEventBody({ channelId: CHANNEL, threadTs, text }), 'application/json', { secret });
    } else {
      console.log('Start an interview first: /finetune-advisor <your task>');
      continue;
    }
    if (res.status !== 200) console.log(`The service answered ${res.status}: ${res.text || '(no body)'}. Is it running with SLACK_SIGNING_SECRET=${secret}?`);
  }
  await slack.stop();
  process.exit(0);
}

await main().catch((err) => {
  console.error(err instanceof Error && 'code' in err && err.code === 'ECONNREFUSED' ? `The service is not running at ${advisor}.` : err);
  process.exit(1);
});
