import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import {
  buildVersionCard,
  buildWhatIfCard,
  decodeAction,
  encodeAction,
  readWhatIf,
  WHAT_IF_FIELDS,
  whatIf,
  whatIfForm,
  type ActionPayload,
  type ConversationStore,
  type PriceCatalogue,
  type VerdictRecord,
} from '../../src/index.js';
import type { Logger } from '../logging/create-logger.js';
import { buildWhatIfModal, typedWhatIf, WHAT_IF_MODAL_CALLBACK_ID } from './build-what-if-modal.js';
import { renderBlockKit } from './render-block-kit.js';
import { errorInWords, errorReference } from './slack-errors.js';
import { withPlainBlocksIfRefused } from './slack-outbox-sender.js';
import { viewShape } from './slack-payload-shapes.js';

export interface SlackWhatIfDeps {
  store: ConversationStore;
  catalogue: PriceCatalogue;
  logger: Logger;
}

/**
 * "Try other numbers" in Slack: a modal with the main assumptions, the recomputed verdict shown
 * to that person alone (ephemeral), and "Post to the channel", which posts it as a new version
 * beside the first, linked to it. Nothing is stored: the first verdict and the numbers tried
 * (carried by the button) are enough to recompute it.
 */
export class SlackWhatIf {
  constructor(private readonly deps: SlackWhatIfDeps) {}

  private context(record: VerdictRecord) {
    // The first verdict's date and prices: what moves is what the person changed, nothing else.
    return { catalogue: this.deps.catalogue, asOf: record.verdict.asOf };
  }

  private channelOf(conv: Awaited<ReturnType<ConversationStore['getConversation']>>, fallback: string): string {
    return (conv?.refs.kind === 'slack' ? conv.refs.channel : undefined) ?? fallback;
  }

  /** Opens the form; returns words for the person when it can't. */
  async openForm(client: WebClient, triggerId: string, payload: ActionPayload): Promise<string | null> {
    const record = payload.d ? await this.deps.store.getVerdict(payload.d) : undefined;
    if (!record) return 'That verdict is no longer stored.';
    const form = whatIfForm(record.verdict, this.context(record));
    await client.views.open({ trigger_id: triggerId, view: buildWhatIfModal(form, encodeAction({ c: payload.c, v: payload.v, d: record.id })) });
    return null;
  }

  /**
   * A submitted form: each field it can't read named in its box (the form stays open), or the
   * delivery of the new verdict to the person, for after the form has closed.
   */
  async submit(client: WebClient, payload: ActionPayload, userId: string, typed: Partial<Record<string, string>>): Promise<{ errors: Record<string, string> } | { deliver: () => Promise<void> }> {
    const record = payload.d ? await this.deps.store.getVerdict(payload.d) : undefined;
    if (!record) return { errors: { monthlyCalls: 'That verdict is no longer stored; close this form.' } };
    const ctx = this.context(record);
    const read = readWhatIf(typed, record.verdict, ctx);
    if (!read.ok) return { errors: Object.fromEntries(Object.entries(read.errors).map(([field, message]) => [field, message.slice(0, 2000)])) };
    const result = whatIf(record.verdict, read.changes, ctx);
    if (!result.ok) return { errors: { monthlyCalls: result.errors.join(' ').slice(0, 2000) } };
    const card = buildWhatIfCard(result, record.verdict.asOf, { conversationId: record.conversationId, version: payload.v, verdictId: record.id });
    return {
      deliver: async () => {
        const channel = this.channelOf(await this.deps.store.getConversation(record.conversationId), userId);
        await withPlainBlocksIfRefused((native) => client.chat.postEphemeral({ channel, user: userId, ...renderBlockKit(card, { native }) }));
      },
    };
  }

  /** "Post to the channel": the version tried, beside the first and linked to it, under the person's name. */
  async post(client: WebClient, payload: ActionPayload, userId: string): Promise<string> {
    const record = payload.d ? await this.deps.store.getVerdict(payload.d) : undefined;
    if (!record) return 'That verdict is no longer stored.';
    const version = buildVersionCard(record.verdict, record.link, payload.w, `<@${userId}>`, this.context(record));
    if ('words' in version) return version.words;
    const conv = await this.deps.store.getConversation(record.conversationId);
    const channel = this.channelOf(conv, userId);
    const card = version.card;
    await withPlainBlocksIfRefused((native) => client.chat.postMessage({ channel, ...renderBlockKit(card, { native }) }));
    return 'Posted to the channel, beside the first verdict.';
  }
}

/** The form's submission: checked before it closes, each problem shown in its box. */
export function registerWhatIfForm(app: App, whatIf: SlackWhatIf, logger: Logger): void {
  app.view(WHAT_IF_MODAL_CALLBACK_ID, async ({ ack, body: raw, client }) => {
    const shape = viewShape.safeParse(raw);
    const payload = shape.success ? decodeAction(shape.data.view.private_metadata) : null;
    if (!shape.success || !payload) return void (await ack({ response_action: 'errors', errors: { monthlyCalls: 'This form is out of date; close it and click Try other numbers again.' } }));
    let acked = false;
    try {
      const outcome = await whatIf.submit(client, payload, shape.data.user.id, typedWhatIf(shape.data.view.state?.values as never, WHAT_IF_FIELDS));
      if ('errors' in outcome) return void (await ack({ response_action: 'errors', errors: outcome.errors }));
      await ack();
      acked = true;
      await outcome.deliver();
    } catch (err) {
      const ref = errorReference();
      logger.error({ ref, err: { message: (err as Error).message } }, 'what-if form failed');
      if (!acked) await ack({ response_action: 'errors', errors: { monthlyCalls: `I couldn't work out the verdict: ${errorInWords(err, ref)}` } });
    }
  });
}
