import { describe, expect, it } from 'vitest';
import { loadPriceCatalogue } from '../../adapters/catalogue/load-price-catalogue.js';
import { runTurn, unmarked, type Card, type Conversation, type IntakeResult, type TurnContext } from '../../src/index.js';

const ctx: TurnContext = { catalogue: loadPriceCatalogue(), asOf: '2026-11-23', now: '2026-11-23T10:00:00.000Z', countTokens: (text) => text.split(/\s+/).filter(Boolean).length * 2 };

const intake: IntakeResult = {
  answers: { taskKind: 'classification', monthlyCalls: 1_500_000, successRate: 0.7, promptIterations: 4, categories: 12 },
  sources: { taskKind: 'rules', monthlyCalls: 'rules', successRate: 'rules', promptIterations: 'rules', categories: 'model' },
  phrases: { monthlyCalls: '50k tickets a day', successRate: '70% right' },
  notes: ['read 50k a day as 1.5M a month'],
  degraded: false,
};

/** The card's blocks as JSON, a person's words without their marks. */
const text = (card: Card) => unmarked(JSON.stringify(card.blocks));

function started(withIntake: IntakeResult = intake) {
  const outcome = runTurn(undefined, { kind: 'start', conversationId: 'c1', platform: 'slack', ownerId: 'U1', ownerLabel: '<@U1>', task: 'classify tickets', intake: withIntake }, ctx);
  return { outcome, conv: outcome.next! };
}

describe('starting an interview from a description', () => {
  it('shows what it understood, with a Change button each, then asks only what is missing', () => {
    const { outcome, conv } = started();
    const [understood, question] = outcome.replies;
    expect(understood).toMatchObject({ kind: 'post-thread', role: 'message', card: { title: 'Here is what I understood' } });
    expect(text(understood!.card)).toContain('How many calls a month? 1.5M calls a month');
    expect(text(understood!.card)).toContain('\\"50k tickets a day\\", read from your words');
    expect(text(understood!.card)).toContain('read by the language model');
    expect(text(understood!.card)).toContain('Change 5');
    expect(question).toMatchObject({ kind: 'post-thread', role: 'question' });
    // Classification, 70% and 4 rounds are known: the first question left is the testing one.
    expect(conv.pending).toBe('testedExamples');
    expect(conv.intakeSources).toEqual(intake.sources);
  });

  it('says a few questions are left when the model could not read', () => {
    const { outcome } = started({ ...intake, degraded: true });
    expect(text(outcome.replies[0]!.card)).toContain("I couldn't read everything; a few questions left.");
  });

  it('asks a changed answer again at once, putting the question on the table aside', () => {
    const { conv } = started();
    const changed = runTurn(conv, { kind: 'change', userId: 'U1', question: 'monthlyCalls' }, ctx);
    expect(changed.next!.pending).toBe('monthlyCalls');
    expect(changed.next!.answers.monthlyCalls).toBeUndefined();
    expect(changed.replies.map((r) => r.kind)).toEqual(['update-question', 'post-thread']);
    expect(text(changed.replies[0]!.card)).toContain('Put aside');
    expect(text(changed.replies[1]!.card)).toContain('How many calls a month?');
    const answered = runTurn(changed.next!, { kind: 'answer', userId: 'U1', text: '2M a month' }, ctx);
    expect(answered.next!.answers.monthlyCalls).toBe(2_000_000);
    expect(answered.next!.pending).toBe('testedExamples');
  });

  it('counts a pasted prompt and says whether the count is exact for the model prompted', () => {
    const base = started().conv;
    const atPrompt = (model: string): Conversation => ({ ...base, pending: 'promptTokens', answers: { ...base.answers, model } });
    const prompt = 'You are a support triage assistant.\nRead the ticket and answer with exactly one of the twelve queue names below.';
    const openai = runTurn(atPrompt('gpt-4.1'), { kind: 'answer', userId: 'U1', text: prompt }, ctx);
    const claude = runTurn(atPrompt('claude-sonnet-4.5'), { kind: 'answer', userId: 'U1', text: prompt }, ctx);
    expect(openai.next!.answers.promptTokens).toBe(ctx.countTokens!(prompt));
    expect(text(openai.replies[0]!.card)).toMatch(/counted \d+ tokens in the pasted prompt \(o200k_base, exact for GPT-4\.1\)/);
    expect(text(claude.replies[0]!.card)).toContain('approximate for Claude Sonnet 4.5');
    // A typed number is still a number.
    expect(runTurn(atPrompt('gpt-4.1'), { kind: 'answer', userId: 'U1', text: '4k' }, ctx).next!.answers.promptTokens).toBe(4000);
  });
});

describe('typed replies that act like buttons', () => {
  it('skips a question with a default when "skip" is typed, and refuses to skip one the verdict needs', () => {
    const base = started().conv;
    const atCache: Conversation = { ...base, pending: 'cacheHitRate' };
    const skipped = runTurn(atCache, { kind: 'answer', userId: 'U1', text: ' Skip ' }, ctx);
    expect(skipped.next!.skipped).toContain('cacheHitRate');
    expect(text(skipped.replies[0]!.card)).toContain('Skipped: No caching');
    const needed = runTurn(base, { kind: 'answer', userId: 'U1', text: 'skip' }, ctx);
    expect(needed.status).toBe('invalid');
    expect(text(needed.replies[0]!.card)).toContain('I didn\'t understand \\"skip\\"');
  });
});
