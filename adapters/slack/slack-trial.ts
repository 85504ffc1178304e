import type { WebClient } from '@slack/web-api';
import {
  buildMessageCard,
  defaultTrialModels,
  encodeAction,
  MAX_EXAMPLES_BYTES,
  MAX_PROMPT_CHARS,
  refsOf,
  type Card,
  type Conversation,
  type ConversationStore,
  type PriceCatalogue,
  type TrialSummary,
} from '../../src/index.js';
import type { TrialConfig } from '../config/load-trial-config.js';
import type { Logger } from '../logging/create-logger.js';
import { trialFromForm, trialInterview, type TrialFormValues } from '../trial/trial-form.js';
import type { TrialRunner, TrialScreen } from '../trial/trial-runner.js';
import { buildTrialModal } from './build-trial-modal.js';
import { renderBlockKit } from './render-block-kit.js';
import type { SlackInterview } from './slack-interview.js';

export interface SlackTrialDeps {
  store: ConversationStore;
  runner: TrialRunner;
  config: TrialConfig;
  interview: SlackInterview;
  catalogue: PriceCatalogue;
  logger: Logger;
  /** The service's clock, for the default models (what is available on the day). */
  now: () => Date;
  /** Reads a file Slack serves (url_private_download) with the bot's token; `fetch` by default. */
  download?: (url: string, token: string) => Promise<string>;
}

/** How long the form may wait for a shared file (Slack waits 3 s for the form's answer). */
const DOWNLOAD_MS = 2_000;

const EXAMPLE_FILE = /\.(csv|tsv|jsonl|ndjson|json|txt)$/i;
const PROMPT_FILE = /\.(txt|md|prompt)$/i;

interface ThreadFile {
  name: string;
  size: number;
  url: string;
}

async function downloadWithToken(url: string, token: string): Promise<string> {
  // Slack waits 3 s for the form's answer: a download that takes longer is refused in words, not left to time the form out.
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual', signal: AbortSignal.timeout(DOWNLOAD_MS) }).catch((err: Error) => {
    throw new Error(err.name === 'TimeoutError' ? 'Slack took too long to hand the file over: paste the examples into the form, or try again' : err.message);
  });
  if (res.status !== 200) throw new Error(`Slack answered ${res.status} for the file (is the files:read scope granted?)`);
  return res.text();
}

/**
 * The trial in Slack: the form (from the examples question's button or `/finetune-advisor
 * trial`), the examples from the form or from a file shared in the interview's thread, the
 * progress message with its Cancel button, the Promptfoo file in the thread, and the figures
 * into the interview.
 */
export class SlackTrial {
  constructor(private readonly deps: SlackTrialDeps) {}

  private ownInterview(conversationId: string, userId: string): Promise<Conversation | string> {
    return trialInterview(this.deps.store, conversationId, userId, 'slack', 'start one with `/finetune-advisor <your task>`');
  }

  /** Opens the form; words instead when it can't be opened for this person. */
  async openForm(client: WebClient, triggerId: string, conversationId: string, userId: string): Promise<string | null> {
    const conv = await this.ownInterview(conversationId, userId);
    if (typeof conv === 'string') return conv;
    const ctx = { catalogue: this.deps.catalogue, asOf: this.deps.now().toISOString().slice(0, 10) };
    const view = buildTrialModal({ payload: encodeAction({ c: conv.id, v: conv.version }), models: defaultTrialModels(conv.answers, ctx), capUsd: this.deps.config.limits.capUsd });
    await client.views.open({ trigger_id: triggerId, view });
    return null;
  }

  /** The owner's newest files in the interview's thread: an examples file and a prompt file. */
  private async threadFiles(client: WebClient, conv: Conversation): Promise<{ examples?: ThreadFile; prompt?: ThreadFile }> {
    const { channel, threadTs } = refsOf(conv.refs, 'slack');
    // Every page of the thread, oldest first (a long interview has more than one): the newest file wins.
    const messages: NonNullable<Awaited<ReturnType<WebClient['conversations']['replies']>>['messages']> = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const replies = await client.conversations.replies({ channel: channel!, ts: threadTs!, limit: 200, ...(cursor ? { cursor } : {}) });
      messages.push(...(replies.messages ?? []));
      cursor = replies.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    const files = messages
      .filter((m) => m.user === conv.ownerId)
      .flatMap((m) => (m.files ?? []).map((f) => ({ name: f.name ?? '', size: f.size ?? 0, url: f.url_private_download ?? f.url_private ?? '' })))
      .filter((f) => f.url);
    const newest = (pattern: RegExp) => files.filter((f) => pattern.test(f.name)).at(-1);
    const prompt = newest(PROMPT_FILE);
    const examples = files.filter((f) => EXAMPLE_FILE.test(f.name) && f !== prompt).at(-1);
    return { ...(examples ? { examples } : {}), ...(prompt && prompt !== examples ? { prompt } : {}) };
  }

  private async read(client: WebClient, file: ThreadFile, limit: number): Promise<string> {
    if (file.size > limit) throw new Error(`${file.name} is ${file.size.toLocaleString('en-US')} bytes; the limit is ${limit.toLocaleString('en-US')}`);
    return (this.deps.download ?? downloadWithToken)(file.url, client.token ?? '');
  }

  /**
   * The form sent: checked (a problem is shown in its field, nothing typed is lost), then the
   * trial starts in the background. Returns the errors by field, or null once it has started.
   */
  async submit(client: WebClient, conversationId: string, userId: string, values: TrialFormValues): Promise<TrialFormValues | null> {
    const conv = await this.ownInterview(conversationId, userId);
    if (typeof conv === 'string') return { prompt: conv };
    const shared: { prompt?: string; examples?: { name: string; content: string } } = {};
    try {
      const files = !values.prompt?.trim() || !values.examples?.trim() ? await this.threadFiles(client, conv) : {};
      if (!values.prompt?.trim() && files.prompt) shared.prompt = await this.read(client, files.prompt, MAX_PROMPT_CHARS * 4);
      if (!values.examples?.trim() && files.examples) shared.examples = { name: files.examples.name, content: await this.read(client, files.examples, MAX_EXAMPLES_BYTES) };
    } catch (err) {
      return { examples: `I couldn't read the file shared in the thread: ${(err as Error).message}` };
    }
    const trial = trialFromForm(values, shared, this.deps.catalogue);
    if (!trial.ok) return trial.errors;
    const started = await this.deps.runner.begin(conv, trial.spec, this.screen(client, conv));
    return started.ok ? null : { prompt: started.words };
  }

  /** A file shared in an interview's thread: the owner is told privately that the form will take it. */
  async noteSharedFile(client: WebClient, teamId: string, shared: { channel: string; user: string; thread_ts: string; files: { name?: string | undefined }[] }): Promise<void> {
    const { channel, user, thread_ts: threadTs, files } = shared;
    const conv = await this.deps.store.getConversation(`slack:${teamId}:${channel}:${threadTs}`).catch(() => undefined);
    if (conv?.status !== 'active' || conv.ownerId !== user) return;
    const name = files.at(-1)?.name ?? 'your file';
    const card = buildMessageCard('File noted', `Got ${name}: the trial form ("Run a trial on your examples", or /finetune-advisor trial) takes it when its box is left empty.`);
    await client.chat.postEphemeral({ channel, user, thread_ts: threadTs, ...renderBlockKit(card) }).catch(() => undefined);
  }

  async cancel(trialId: string, userId: string): Promise<string> {
    return this.deps.runner.cancel(trialId, userId);
  }

  /** The trial's messages in the interview's thread. */
  private screen(client: WebClient, conv: Conversation): TrialScreen {
    const { channel, threadTs } = refsOf(conv.refs, 'slack');
    let progressTs: string | undefined;
    return {
      show: async (card: Card) => {
        const message = renderBlockKit(card);
        if (progressTs) await client.chat.update({ channel: channel!, ts: progressTs, ...message });
        else progressTs = (await client.chat.postMessage({ channel: channel!, thread_ts: threadTs!, ...message })).ts;
      },
      offerExport: async (yaml, fileName) => {
        await client.files.uploadV2({
          channel_id: channel!,
          thread_ts: threadTs!,
          filename: fileName,
          title: 'The trial as a Promptfoo configuration',
          content: yaml,
          initial_comment: `Keep testing after the advice: \`OPENAI_API_KEY=… npx promptfoo@latest eval -c ${fileName}\` runs this trial again (it holds your prompts and examples).`,
        });
      },
      finish: async (summary: TrialSummary) => {
        await this.deps.interview.turn({
          client,
          conversationId: conv.id,
          eventKey: `slack:trial:${summary.id}`,
          input: { kind: 'trial-result', userId: conv.ownerId, summary, retentionDays: this.deps.config.retentionDays },
          actorId: conv.ownerId,
        });
      },
    };
  }
}
