import { describe, expect, it } from 'vitest';
import { loadPriceCatalogue } from '../../adapters/catalogue/load-price-catalogue.js';
import { inputFromAction, inputFromText, runTurn, typedCommand, type Card, type Conversation, type TurnContext } from '../../src/index.js';

const ctx: TurnContext = { catalogue: loadPriceCatalogue(), asOf: '2026-11-23', now: '2026-11-23T10:00:00.000Z' };
const text = (card: Card) => JSON.stringify(card.blocks);

function interview(): Conversation {
  const start = runTurn(undefined, { kind: 'start', conversationId: 'c1', platform: 'slack', ownerId: 'U1', ownerLabel: '<@U1>' }, ctx).next!;
  return runTurn(start, { kind: 'answer', userId: 'U1', text: 'classification', version: start.version }, ctx).next!;
}

describe('one turn for a click, a typed reply and a command', () => {
  it('refuses a click on a card older than the interview, changing nothing and saying so privately', () => {
    const conv = interview();
    const outcome = runTurn(conv, { kind: 'answer', userId: 'U1', text: '20', version: conv.version - 1 }, ctx);
    expect(outcome.status).toBe('stale');
    expect(outcome.next).toBeNull();
    expect(outcome.replies).toEqual([expect.objectContaining({ kind: 'ephemeral' })]);
    expect(text(outcome.replies[0]!.card)).toContain('That card is out of date');
  });

  it('takes the same answer when it comes from the current card', () => {
    const conv = interview();
    const outcome = runTurn(conv, { kind: 'answer', userId: 'U1', text: '20', version: conv.version }, ctx);
    expect(outcome.status).toBe('accepted');
    expect(outcome.next!.answers.testedExamples).toBe(20);
  });

  it.each([
    ['cancel', 'cancel'],
    ['Cancel.', 'cancel'],
    ['stop', 'cancel'],
    ['quit', 'cancel'],
    ['back', 'back'],
    ['go back', 'back'],
    ['Start over!', 'start-over'],
    ['restart', 'start-over'],
    ['skip', 'skip'],
    ['help', 'help'],
    ['?', 'help'],
    ['20', null],
    ['cancel the last one', null],
  ])('reads %j as the command %s', (typed, command) => {
    expect(typedCommand(typed)).toBe(command);
  });

  it('makes a typed command the same turn as its button', () => {
    const payload = { c: 'c1', v: 3, q: 'testedExamples' };
    expect(inputFromText('back', 'U1')).toEqual({ kind: 'back', userId: 'U1' });
    expect(inputFromAction('back', payload, 'U1')).toEqual({ kind: 'back', userId: 'U1', version: 3 });
    expect(inputFromText('20', 'U1')).toEqual({ kind: 'answer', userId: 'U1', text: '20' });
    expect(inputFromAction('answer', payload, 'U1', '20')).toEqual({ kind: 'answer', userId: 'U1', version: 3, text: '20', question: 'testedExamples' });
    expect(inputFromAction('show-assumptions', payload, 'U1')).toBeNull();
  });

  it('answers help with what can be typed, and changes nothing', () => {
    const conv = interview();
    const outcome = runTurn(conv, inputFromText('help', 'U1'), ctx);
    expect(outcome.next).toBeNull();
    expect(text(outcome.replies[0]!.card)).toContain('type skip, back, start over or cancel');
  });
});
