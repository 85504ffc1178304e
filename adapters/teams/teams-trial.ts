import type { CloudAdapter, TurnContext } from 'botbuilder';
import {
  buildMessageCard,
  defaultTrialModels,
  encodeAction,
  MAX_EXAMPLES_BYTES,
  refsOf,
  type ActionPayload,
  type Card,
  type Conversation,
  type ConversationStore,
  type PriceCatalogue,
  type TrialSummary,
} from '../../src/index.js';
import type { TrialConfig } from '../config/load-trial-config.js';
import type { Logger } from '../logging/create-logger.js';
import { trialFromForm, trialInterview, type TrialFormValues } from '../trial/trial-form.js';
import { TEAMS_LIMITS } from './teams-limits.js';
import type { TrialRunner, TrialScreen } from '../trial/trial-runner.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './adaptive-card-types.js';
import { buildTrialFormCard, readTrialForm } from './build-trial-form-card.js';
import { renderAdaptiveAttachment } from './render-adaptive-card.js';
import { referenceOf } from './teams-outbox-sender.js';
import { actorOf, type InvokeAnswer, type TeamsInterview } from './teams-interview.js';

/** A file a person attached in a personal chat with the bot, as Teams sends it: a pre-authorised download link. */
const FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';
const EXAMPLE_FILE = /\.(csv|tsv|jsonl|ndjson|json|txt)$/i;

export interface TeamsTrialDeps {
  store: ConversationStore;
  runner: TrialRunner;
  config: TrialConfig;
  interview: TeamsInterview;
  catalogue: PriceCatalogue;
  logger: Logger;
  now: () => Date;
  adapter: CloudAdapter;
  appId: string;
  /** The service's public address (for the export's download link): PUBLIC_URL, else the one Teams called. */
  publicUrl: () => string | null;
  /** Reads a file Teams links to; `fetch` by default. */
  download?: (url: string) => Promise<string>;
}

const say = (value: string): InvokeAnswer => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value });

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Teams answered ${res.status} for the file`);
  return res.text();
}

/**
 * The trial in Teams: a form card (from the examples question's button or `trial`), the
 * examples from it or from a file attached in the chat, a progress card with Cancel kept up to
 * date, a download link to the Promptfoo file, and the figures into the interview.
 */
export class TeamsTrial {
  constructor(private readonly deps: TeamsTrialDeps) {}

  private ownInterview(conversationId: string, userId: string): Promise<Conversation | string> {
    return trialInterview(this.deps.store, conversationId, userId, 'teams', 'type start for a new one');
  }

  private async formCard(conv: Conversation, values: TrialFormValues, errors?: TrialFormValues) {
    const file = await this.deps.store.trials.trialFile(conv.id);
    return buildTrialFormCard({
      payload: encodeAction({ c: conv.id, v: conv.version }),
      values,
      ...(errors ? { errors } : {}),
      capUsd: this.deps.config.limits.capUsd,
      ...(file ? { file: file.name } : {}),
    });
  }

  /** The form shown again with its problems; a pasted text too long for a card (Teams takes about 28 KB) is left out, and said so. */
  private async refusedForm(conv: Conversation, values: TrialFormValues, errors: TrialFormValues) {
    const card = await this.formCard(conv, values, errors);
    if (Buffer.byteLength(JSON.stringify(card)) <= TEAMS_LIMITS.cardBytes - 2_000) return card;
    const { examples: _left, ...rest } = values;
    return this.formCard(conv, rest, {
      ...errors,
      examples: `${errors.examples ? `${errors.examples} ` : ''}(Too long to show again here: attach the examples as a file in this chat, or paste them once more.)`,
    });
  }

  /** Posts the form for the person's interview: from its button, or `trial` typed in the chat. */
  async openForm(context: TurnContext, conversationId: string): Promise<InvokeAnswer> {
    const conv = await this.ownInterview(conversationId, actorOf(context).userId);
    if (typeof conv === 'string') return say(conv);
    const ctx = { catalogue: this.deps.catalogue, asOf: this.deps.now().toISOString().slice(0, 10) };
    const card = await this.formCard(conv, { models: defaultTrialModels(conv.answers, ctx).join(', ') });
    await context.sendActivity({ attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] });
    return say('The trial form is below: fill it in and press Run it. A file of examples can be attached in this chat first.');
  }

  /** `trial` typed: the form for the interview running here, or words. */
  async typed(context: TurnContext): Promise<void> {
    const { userId, place } = actorOf(context);
    const conv = await this.deps.store.findActiveConversation('teams', userId, place);
    const answer = conv ? await this.openForm(context, conv.id) : say('No interview of yours is running here: type start (or finetune-advisor <your task>), then run the trial from it.');
    if (!conv && answer.type === 'application/vnd.microsoft.activity.message') await context.sendActivity(answer.value);
  }

  /** Run pressed: checked (the form comes back with each problem under its field, everything typed kept), then started. */
  async submit(context: TurnContext, payload: ActionPayload, value: unknown): Promise<InvokeAnswer> {
    const conv = await this.ownInterview(payload.c, actorOf(context).userId);
    if (typeof conv === 'string') return say(conv);
    const values = readTrialForm(value);
    const file = await this.deps.store.trials.trialFile(conv.id);
    const trial = trialFromForm(values, file ? { examples: file } : {}, this.deps.catalogue);
    if (!trial.ok) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: await this.refusedForm(conv, values, trial.errors) };
    const started = await this.deps.runner.begin(conv, trial.spec, this.screen(conv));
    if (!started.ok) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: await this.formCard(conv, values, { prompt: started.words }) };
    const spec = trial.spec;
    const card = buildMessageCard(
      'Trial started',
      `${spec.examples.length} examples × ${spec.prompts.length} prompt${spec.prompts.length === 1 ? '' : 's'} × ${spec.models.join(' and ')}; progress below.`,
    );
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: renderAdaptiveAttachment(card).content };
  }

  async cancel(context: TurnContext, trialId: string): Promise<InvokeAnswer> {
    return say(await this.deps.runner.cancel(trialId, actorOf(context).userId));
  }

  /**
   * A file attached in the chat while the person's interview runs here: kept (until the
   * retention period ends) for the trial form's Run. True when the message was a file for us.
   */
  async fileShared(context: TurnContext): Promise<boolean> {
    const files = (context.activity.attachments ?? []).filter((a) => a.contentType === FILE_DOWNLOAD);
    if (!files.length) return false;
    const { userId, place } = actorOf(context);
    const conv = await this.deps.store.findActiveConversation('teams', userId, place);
    if (!conv) {
      await context.sendActivity('I keep a file of examples for a trial of your running interview: type start first, then attach it again.');
      return true;
    }
    const tell = async (text: string) => {
      await context.sendActivity(text);
      return true;
    };
    const file = files.find((f) => EXAMPLE_FILE.test(f.name ?? '')) ?? files[0]!;
    const content = file.content as { downloadUrl?: string; fileSize?: number } | undefined;
    const name = file.name ?? 'examples';
    if (!EXAMPLE_FILE.test(name)) return tell(`${name} is not a CSV or JSONL file of examples: attach a .csv or .jsonl with input and expected columns.`);
    if ((content?.fileSize ?? 0) > MAX_EXAMPLES_BYTES)
      return tell(`${name} is ${(content?.fileSize ?? 0).toLocaleString('en-US')} bytes; the limit is ${MAX_EXAMPLES_BYTES.toLocaleString('en-US')}: keep the first 200 examples or split it.`);
    if (!content?.downloadUrl) return tell(`Teams sent ${name} without a way to read it: paste the examples into the trial form instead.`);
    try {
      const text = await (this.deps.download ?? fetchText)(content.downloadUrl);
      await this.deps.store.trials.keepTrialFile(conv.id, { name, content: text.slice(0, MAX_EXAMPLES_BYTES + 1) }, this.deps.now().toISOString());
      await context.sendActivity(`Got ${name}: the trial form's Run uses it when its Examples box is empty.`);
    } catch (err) {
      this.deps.logger.warn({ conversationId: conv.id, err: { message: (err as Error).message } }, 'could not read a file for a trial');
      await context.sendActivity(`I couldn't read ${name} (${(err as Error).message}): paste the examples into the trial form instead.`);
    }
    return true;
  }

  /** The trial's cards in the interview's chat, sent without a request (the trial outlives the click). */
  private screen(conv: Conversation): TrialScreen {
    const refs = refsOf(conv.refs, 'teams');
    const inChat = (work: (context: TurnContext) => Promise<void>) => this.deps.adapter.continueConversationAsync(this.deps.appId, referenceOf(refs), work);
    let progressId: string | undefined;
    return {
      show: (card: Card) =>
        inChat(async (context) => {
          const attachment = renderAdaptiveAttachment(card);
          if (progressId) await context.updateActivity({ type: 'message', id: progressId, conversation: { id: refs.place } as never, attachments: [attachment] });
          else progressId = (await context.sendActivity({ attachments: [attachment] }))?.id;
        }),
      offerExport: (_yaml, fileName, trial) =>
        inChat(async (context) => {
          const base = this.deps.publicUrl();
          const days = this.deps.config.retentionDays;
          const link = base ? `${base.replace(/\/$/, '')}/trials/${encodeURIComponent(trial.id)}/${fileName}?key=${trial.downloadKey}` : null;
          const text = link
            ? `Keep testing after the advice: [download ${fileName}](${link}) (your prompts and examples; kept ${days} days), then run, with OPENAI_API_KEY set:\n\nnpx promptfoo@latest eval -c ${fileName}`
            : `The trial's Promptfoo configuration is kept ${days} days; set PUBLIC_URL on the service to get a download link here.`;
          await context.sendActivity({ attachments: [renderAdaptiveAttachment(buildMessageCard('Promptfoo configuration', text))] });
        }),
      finish: (summary: TrialSummary) => this.deps.interview.trialResult(conv, summary, this.deps.config.retentionDays),
    };
  }
}
