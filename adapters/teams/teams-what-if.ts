import type { TurnContext } from 'botbuilder';
import {
  buildVerdictCard,
  buildWhatIfCard,
  buildVersionCard,
  encodeAction,
  readWhatIf,
  whatIf,
  whatIfForm,
  type ActionPayload,
  type ConversationStore,
  type PriceCatalogue,
  type VerdictRecord,
} from '../../src/index.js';
import { buildWhatIfFormCard, readWhatIfForm } from './build-what-if-form-card.js';
import { dataOf } from './read-card-action.js';
import { renderAdaptiveAttachment } from './render-adaptive-card.js';
import { actorOf, type InvokeAnswer } from './teams-interview.js';

const say = (value: string): InvokeAnswer => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value });
const show = (card: unknown): InvokeAnswer => ({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });

/**
 * "Try other numbers" in Teams. Each step answers the click's invoke, which replaces the card for
 * the person who clicked only: the verdict card becomes the form, then the recomputed verdict with
 * what changed; "Post to the channel" sends that version to the conversation as a new message,
 * linked to the first, and gives the clicker the first card back. Nothing is stored.
 */
export class TeamsWhatIf {
  constructor(private readonly deps: { store: ConversationStore; catalogue: PriceCatalogue }) {}

  private context(record: VerdictRecord) {
    // The first verdict's date and prices: what moves is what the person changed, nothing else.
    return { catalogue: this.deps.catalogue, asOf: record.verdict.asOf };
  }

  /** Answers a what-if click; null for every other click. */
  async clicked(context: TurnContext, action: string, payload: ActionPayload, value: unknown): Promise<InvokeAnswer | null> {
    if (action !== 'try-other-numbers' && action !== 'run-what-if' && action !== 'post-what-if') return null;
    const record = payload.d ? await this.deps.store.getVerdict(payload.d) : undefined;
    if (!record) return say('That verdict is no longer stored.');
    const ctx = this.context(record);
    const ref = { conversationId: record.conversationId, version: payload.v, verdictId: record.id };
    const formPayload = encodeAction({ c: ref.conversationId, v: ref.version, d: ref.verdictId });
    if (action === 'try-other-numbers') return show(buildWhatIfFormCard({ fields: whatIfForm(record.verdict, ctx), payload: formPayload }));
    if (action === 'run-what-if') {
      const typed = readWhatIfForm(dataOf(value)?.data ?? {});
      const read = readWhatIf(typed, record.verdict, ctx);
      if (!read.ok) return show(buildWhatIfFormCard({ fields: whatIfForm(record.verdict, ctx), payload: formPayload, typed, errors: read.errors }));
      const result = whatIf(record.verdict, read.changes, ctx);
      if (!result.ok) return say(`These numbers give no verdict: ${result.errors.join(' ')}`);
      return show(renderAdaptiveAttachment(buildWhatIfCard(result, record.verdict.asOf, ref)).content);
    }
    const version = buildVersionCard(record.verdict, record.link, payload.w, actorOf(context).userName, ctx);
    if ('words' in version) return say(version.words);
    await context.sendActivity({ attachments: [renderAdaptiveAttachment(version.card)] });
    // The clicker's card goes back to the first verdict: the version is now in the conversation for everyone.
    return show(renderAdaptiveAttachment(buildVerdictCard(record.verdict, { askedBy: record.ownerLabel, ref })).content);
  }
}
