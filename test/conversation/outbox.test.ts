import { describe, expect, it } from 'vitest';
import { buildMessageCard, outboxItemsOf, retryDelayMs, type Conversation, type Reply } from '../../src/index.js';

describe('how long a held-up message waits', () => {
  it('doubles from the first wait, up to five minutes', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 2_000))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(30, 2_000)).toBe(300_000);
  });

  it("never tries sooner than the platform's Retry-After", () => {
    expect(retryDelayMs(1, 2_000, 30_000)).toBe(30_000);
    expect(retryDelayMs(4, 2_000, 1_000)).toBe(16_000);
  });
});

describe('what a turn leaves in the outbox', () => {
  const card = buildMessageCard('Not your interview', 'Only the owner can answer.');
  it('keeps what stays in the conversation, in order, and leaves out the notes for the one who clicked', () => {
    const replies: Reply[] = [
      { kind: 'update-question', card },
      { kind: 'ephemeral', card },
      { kind: 'post-thread', card, role: 'question' },
    ];
    expect(outboxItemsOf({ replies, next: null }).map((i) => i.kind)).toEqual(['update-question', 'post-thread']);
  });

  it('names the verdict by the id its turn gave it, so the card is built from the stored verdict', () => {
    const next = { verdictId: 'slack:T1:C1:1.1#9' } as Conversation;
    const items = outboxItemsOf({ replies: [{ kind: 'post-verdict', card, verdict: {} as never }], next });
    expect(items).toEqual([{ kind: 'post-verdict', verdictId: 'slack:T1:C1:1.1#9' }]);
  });
});
