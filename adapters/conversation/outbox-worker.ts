import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  retryDelayMs,
  withQuestionRef,
  type Conversation,
  type ConversationStore,
  type Delivered,
  type OutboxHold,
  type OutboxItem,
  type OutboxLease,
  type OutboxMessage,
  type Platform,
} from '../../src/index.js';
import type { Logger } from '../logging/create-logger.js';
import { SerialPerKey } from './serial-per-key.js';

/** What a failed delivery means: try again (after at least `afterMs`), or give up; in words a person can act on. */
export interface DeliveryFailure {
  retry: boolean;
  afterMs?: number;
  words: string;
}

/** One platform's side of the outbox: it sends a message, and reads its own errors. */
export interface OutboxSender {
  /**
   * Sends one message. A message tried before (`attempts` > 0) may already be up: a sender that
   * can read the platform back looks for it first, so a crash between the post and its record
   * doesn't post it twice.
   */
  send(message: OutboxMessage, conversation: Conversation | undefined): Promise<Delivered>;
  explain(err: unknown): DeliveryFailure;
  /** Tells the person who acted that what comes next is held up (best effort, once per message). */
  tellHeldUp(message: OutboxMessage, conversation: Conversation, words: string): Promise<void>;
}

export interface OutboxWorkerDeps {
  store: ConversationStore;
  senders: Partial<Record<Platform, OutboxSender>>;
  logger: Logger;
  /** The service's clock: a message older than a week is not posted late. */
  now: () => Date;
  /** Retries wait in real time, whatever the service's clock says (a test may fix that one). */
  wallClock?: () => Date;
  firstRetryMs?: number;
  sweepEveryMs?: number;
  /** How long a deliverer holds a conversation without renewing: a replica killed mid-delivery leaves its work to the others after this. */
  leaseMs?: number;
  /** Told after each verdict card is tried (managers' summaries go out beside it). */
  afterVerdict?: (verdictId: string) => void;
}

/** A message older than this is not posted late: the conversation has moved on. */
const LATE_LIMIT_MS = 7 * 24 * 3_600_000;
/** Messages one drain takes at most before it lets the conversation go (a sweep goes on later). */
const MAX_PER_DRAIN = 100;
/** Conversations drained per sweep: the rest wait for the next one. */
const SWEEP_BATCH = 200;

/**
 * The one deliverer of the outbox. A conversation's messages go out one at a time, oldest
 * first: a message that fails for a while holds the ones after it back, so a thread never reads
 * out of order. A door drains its conversation right after the turn (the person sees the next
 * question at once); the sweep picks up what an outage or a crash left, on a timer and at start.
 */
export class OutboxWorker {
  private readonly serial = new SerialPerKey();
  private readonly wallClock: () => Date;
  private readonly firstRetryMs: number;
  private timer: NodeJS.Timeout | null = null;
  /** This process, as the holder of delivery leases. */
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly leaseMs: number;
  private sweeping: Promise<void> | null = null;

  constructor(private readonly deps: OutboxWorkerDeps) {
    this.wallClock = deps.wallClock ?? (() => new Date());
    this.firstRetryMs = deps.firstRetryMs ?? 2_000;
    this.leaseMs = deps.leaseMs ?? 60_000;
  }

  /**
   * Delivers what the conversation has waiting, in order; stops at a message that must wait.
   * The first message is taken in a write of its own (the lease claimed, the attempt counted),
   * or comes `held` from the write that added it; each finish then takes the next, and lets the
   * lease go after the last. Never throws.
   */
  drain(conversationId: string, options: { evenIfNotDue?: boolean; held?: OutboxMessage } = {}): Promise<void> {
    return this.serial.run(conversationId, async () => {
      const { outbox } = this.deps.store;
      let evenIfNotDue = options.evenIfNotDue ?? false;
      let held = options.held;
      // Read once a drain: only this drain changes its refs meanwhile (each question card it records), and those it applies itself.
      let known: Conversation | undefined;
      try {
        for (let taken = 0; taken < MAX_PER_DRAIN; taken++) {
          const lease = this.leaseAt(this.wallClock());
          const take = held ? ({ kind: 'message', message: held } as const) : await outbox.takeOutboxMessage(conversationId, lease.holder, lease.until, lease.now, evenIfNotDue ? null : lease.now);
          held = undefined;
          evenIfNotDue = false;
          if (take.kind !== 'message') return; // nothing due (the lease let go), or another replica has it
          const next = await this.deliver(take.message, known);
          if (next === 'done') return;
          if (next === 'wait') break;
          known = undefined;
          if (next !== 'more') ({ next: held, conversation: known } = next); // taken with the finish
        }
        await outbox.releaseOutboxConversation(conversationId, this.holder);
      } catch (err) {
        this.deps.logger.error({ conversationId, err: { message: (err as Error).message } }, 'could not read the outbox of a conversation');
        await outbox.releaseOutboxConversation(conversationId, this.holder).catch(() => undefined);
      }
    });
  }

  /**
   * Records a message asked for by a request, held by this deliverer from the start, and
   * delivers it in `background` (then anything after it, as drain does); false when `onceFor`
   * was seen before, and nothing was recorded.
   */
  async addAndDeliver(conversationId: string, platform: Platform, actorId: string, item: OutboxItem, onceFor: string, background: (work: () => Promise<void>) => void): Promise<boolean> {
    const held = await this.deps.store.outbox.addOutboxMessage(conversationId, platform, actorId, item, { onceFor, heldBy: this.lease() });
    if (!held) return false;
    background(() => this.drain(conversationId, { held }));
    return true;
  }

  /** A hold on a conversation for this deliverer from now: a turn that creates its conversation saves its messages held by it (then drain it with `held`). */
  lease(): OutboxHold {
    return this.leaseAt(this.wallClock());
  }

  /** This deliverer's hold as of `now`, with `now` itself (a take or a finish renews it from then). */
  private leaseAt(now: Date): OutboxLease {
    return { holder: this.holder, until: new Date(now.getTime() + this.leaseMs).toISOString(), now: now.toISOString() };
  }

  /** Drains every conversation with a message due (all that wait, at start). Never throws. */
  sweep(options: { everything?: boolean } = {}): Promise<void> {
    this.sweeping ??= (async () => {
      try {
        const until = options.everything ? '9999' : this.wallClock().toISOString();
        for (const platform of Object.keys(this.deps.senders) as Platform[]) {
          const due = await this.deps.store.outbox.dueOutboxConversations(platform, until, SWEEP_BATCH);
          for (const id of due) await this.drain(id, { evenIfNotDue: options.everything ?? false });
        }
      } catch (err) {
        this.deps.logger.error({ err: { message: (err as Error).message } }, 'could not sweep the outbox');
      } finally {
        this.sweeping = null;
      }
    })();
    return this.sweeping;
  }

  /** Sweeps now (everything waiting), then on a timer. */
  start(): void {
    void this.sweep({ everything: true });
    this.timer = setInterval(() => void this.sweep(), this.deps.sweepEveryMs ?? 2_000).unref();
  }

  /** Stops the timer and waits for a sweep under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping;
  }

  /** Conversations with a delivery running or waiting. */
  get busy(): number {
    return this.serial.busy;
  }

  /**
   * Tries one message: the next one, taken with its finish; `more` to take the next; `done` when
   * nothing due waits (the lease let go); `wait` when the rest must wait.
   */
  private async deliver(message: OutboxMessage, known: Conversation | undefined): Promise<{ next: OutboxMessage; conversation: Conversation | undefined } | 'more' | 'done' | 'wait'> {
    const { store, logger } = this.deps;
    const conversation = known ?? (await store.getConversation(message.conversationId));
    const sender = this.deps.senders[message.platform];
    if (!sender) return 'wait'; // the platform is off here: left for a replica (or a start) that has it
    // A start has no conversation yet: it makes one.
    if (!conversation && message.item.kind !== 'start-slack-interview') {
      await store.outbox.giveUpOutboxMessage(message.id, 'the conversation is no longer stored');
      return 'more';
    }
    if (this.deps.now().getTime() - Date.parse(message.createdAt) > LATE_LIMIT_MS) {
      await store.outbox.giveUpOutboxMessage(message.id, 'more than a week old: not posted late');
      return 'more';
    }
    try {
      const delivered = await sender.send(message, conversation);
      if (delivered.settled) return 'done';
      const next = await store.outbox.finishOutboxMessage(message, delivered.postRef, this.leaseAt(this.wallClock()), conversation ? delivered.questionRef : undefined);
      if (message.attempts > 0) logger.info({ conversationId: message.conversationId, outbox: message.id, attempts: message.attempts + 1 }, 'a held-up message went out');
      if (next.kind !== 'message') return 'done';
      return { next: next.message, conversation: conversation && delivered.questionRef ? withQuestionRef(conversation, delivered.questionRef) : conversation };
    } catch (err) {
      const failure = sender.explain(err);
      // A verdict is what the team waits for: it is never given up on while it can still be posted (an admin may invite the bot).
      const retry = failure.retry || message.item.kind === 'post-verdict';
      logger.warn({ conversationId: message.conversationId, outbox: message.id, item: message.item.kind, retry, err: { message: (err as Error).message } }, 'could not deliver a message');
      if (message.attempts === 0 && conversation) await sender.tellHeldUp(message, conversation, failure.words).catch(() => undefined);
      if (!retry) {
        await store.outbox.giveUpOutboxMessage(message.id, failure.words);
        return 'more';
      }
      const wait = retryDelayMs(message.attempts + 1, this.firstRetryMs, failure.afterMs);
      await store.outbox.deferOutboxMessage(message.id, new Date(this.wallClock().getTime() + wait).toISOString(), failure.words);
      return 'wait';
    } finally {
      if (message.item.kind === 'post-verdict') this.deps.afterVerdict?.(message.item.verdictId);
    }
  }
}
