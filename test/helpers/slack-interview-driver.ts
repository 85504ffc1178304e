import { decodeAction } from '../../src/index.js';
import { visibleText, type SlackMessage } from './fake-slack-api.js';
import { answerUntilVerdict, type HowToAnswer } from './interview-scenarios.js';
import type { SlackTestService } from './slack-service.js';
import { ALICE, blockActionsBody, CHANNEL, messageEventBody, slashCommandBody, viewSubmissionBody, type ClickedElement } from './slack-requests.js';

const FORM = 'application/x-www-form-urlencoded';

interface Element {
  type: string;
  action_id: string;
  value?: string;
  text?: { text: string };
  options?: { value: string }[];
  blockId: string;
}

export function elementsOf(message: SlackMessage): Element[] {
  return message.blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements as Omit<Element, 'blockId'>[]).map((e) => ({ ...e, blockId: String(b.block_id ?? '') })));
}

export function elementFor(message: SlackMessage, actionPrefix: string): Element {
  const found = elementsOf(message).find((e) => e.action_id.startsWith(actionPrefix));
  if (!found) throw new Error(`no ${actionPrefix} element in: ${visibleText(message)}`);
  return found;
}

/** Drives one interview in a thread as a person would, through the real HTTP endpoint. */
export class SlackInterviewDriver {
  channel = CHANNEL;
  threadTs = '';

  constructor(
    private readonly svc: SlackTestService,
    readonly userId = ALICE,
  ) {}

  /** Types the slash command and waits for the first question in the new thread. */
  async start(text: string, channelId = CHANNEL): Promise<void> {
    const known = new Set(this.svc.slack.messages.keys());
    const res = await this.svc.post(slashCommandBody({ text, userId: this.userId, channelId, responseUrl: this.svc.responseUrl() }), FORM);
    if (res.status !== 200) throw new Error(`slash command answered ${res.status}: ${res.text}`);
    const opening = await this.svc.slack.waitFor(() => [...this.svc.slack.messages.entries()].find(([key, m]) => !known.has(key) && !m.threadTs && visibleText(m).includes('is sizing up'))?.[1]);
    this.channel = opening.channel;
    this.threadTs = opening.ts;
    await this.svc.slack.waitFor(() => this.currentQuestion());
  }

  thread(): SlackMessage[] {
    return this.svc.slack.thread(this.channel, this.threadTs);
  }

  /** The question card on the table: the newest thread message with a Cancel button, not yet replaced. */
  currentQuestion(): SlackMessage | undefined {
    return [...this.thread()].reverse().find((m) => !m.updated && elementsOf(m).some((e) => e.action_id.startsWith('fta:cancel')));
  }

  questionText(): string {
    const q = this.currentQuestion();
    if (!q) throw new Error('no question on the table');
    return visibleText(q);
  }

  /** Clicks the button whose action id starts with `actionPrefix` on the question on the table. */
  async press(actionPrefix: string, userId = this.userId) {
    const question = this.currentQuestion();
    if (!question) throw new Error('no question on the table');
    const button = elementFor(question, actionPrefix);
    const res = await this.click(question, { action_id: button.action_id, value: button.value! }, userId);
    await this.settle();
    return res;
  }

  /** Clicks the button a person would read as `label` (its start) on the question on the table. */
  async pressLabelled(label: string, userId = this.userId) {
    const question = this.currentQuestion();
    const button = question && elementsOf(question).find((e) => e.type === 'button' && e.text?.text.startsWith(label));
    if (!question || !button) throw new Error(`no button "${label}" on the table`);
    const res = await this.click(question, { action_id: button.action_id, value: button.value! }, userId);
    await this.settle();
    return res;
  }

  async click(message: SlackMessage, element: ClickedElement, userId = this.userId) {
    return this.svc.post(blockActionsBody({ userId, channelId: this.channel, messageTs: message.ts, threadTs: this.threadTs, element, responseUrl: this.svc.responseUrl('click') }), FORM);
  }

  async type(text: string, options: { eventId?: string; userId?: string; headers?: Record<string, string> } = {}) {
    const body = messageEventBody({ userId: options.userId ?? this.userId, channelId: this.channel, threadTs: this.threadTs, text, ...(options.eventId ? { eventId: options.eventId } : {}) });
    return this.svc.post(body, 'application/json', options.headers ? { headers: options.headers } : {});
  }

  /** Answers the question on the table and waits until the interview has moved on. */
  async answer(how: HowToAnswer): Promise<void> {
    const question = this.currentQuestion();
    if (!question) throw new Error('no question on the table');
    const callsBefore = this.svc.slack.calls.length;
    if ('choose' in how) {
      const select = elementsOf(question).find((e) => e.type === 'static_select');
      if (select) await this.click(question, { action_id: select.action_id, block_id: select.blockId, selected: how.choose });
      else {
        const button = elementsOf(question).find((e) => e.action_id.startsWith('fta:answer') && decodeAction(e.value)?.a === how.choose);
        if (!button) throw new Error(`no option ${how.choose} in: ${visibleText(question)}`);
        await this.click(question, { action_id: button.action_id, value: button.value! });
      }
    } else if ('skip' in how) {
      const skip = elementFor(question, 'fta:skip');
      await this.click(question, { action_id: skip.action_id, value: skip.value! });
    } else if ('type' in how) {
      await this.type(how.type);
    } else {
      await this.submitModal(question, how.form);
    }
    await this.svc.slack.waitFor(() => this.svc.slack.calls.slice(callsBefore).some((c) => c.method === 'chat.update' || c.method === 'chat.postMessage'));
    await this.settle();
  }

  /** Opens the answer modal from the card's button, then submits it; returns the submission's response. */
  async submitModal(question: SlackMessage, value: string) {
    const open = elementFor(question, 'fta:open-input');
    const before = this.svc.slack.callsOf('views.open').length;
    await this.click(question, { action_id: open.action_id, value: open.value! });
    const call = await this.svc.slack.waitFor(() => this.svc.slack.callsOf('views.open')[before]);
    const view = call.body.view as { private_metadata: string };
    return this.svc.post(viewSubmissionBody({ userId: this.userId, viewId: `V${before}`, privateMetadata: view.private_metadata, value }), FORM);
  }

  /** Waits until no Slack call has arrived for a moment: the turn's replies are all out. */
  async settle(quietMs = 60): Promise<void> {
    let seen = -1;
    while (seen !== this.svc.slack.calls.length) {
      seen = this.svc.slack.calls.length;
      await new Promise((r) => setTimeout(r, quietMs));
    }
  }

  /** Answers questions by their prompt text until the verdict is posted. */
  answerUntilVerdict(answers: [RegExp, HowToAnswer][]): Promise<SlackMessage> {
    return answerUntilVerdict(this, answers);
  }

  verdictMessage(): SlackMessage | undefined {
    return this.svc.slack.channel(this.channel).find((m) => visibleText(m).includes('Verdict:'));
  }
}
