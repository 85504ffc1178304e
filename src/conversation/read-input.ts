import type { CardAction } from '../cards/card-actions.js';
import type { ActionPayload } from './action-payload.js';
import type { ActInput } from './run-turn.js';

/** What a person can type instead of an answer, on every door: the same words as the buttons. */
export type TypedCommand = 'cancel' | 'back' | 'start-over' | 'skip' | 'help';

const COMMANDS: Array<[RegExp, TypedCommand]> = [
  [/^(?:cancel|stop|quit|exit)$/, 'cancel'],
  [/^(?:back|go back|undo|previous)$/, 'back'],
  [/^(?:start over|start again|restart)$/, 'start-over'],
  [/^skip$/, 'skip'],
  [/^(?:help|\?|commands)$/, 'help'],
];

/** "Cancel", "go back.", "Start over!" as typed; null for anything else (an answer). */
export function typedCommand(text: string): TypedCommand | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ');
  return COMMANDS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/** A typed reply as a turn: a command where it is one, otherwise an answer to the question on the table. */
export function inputFromText(text: string, userId: string): ActInput {
  const command = typedCommand(text);
  if (command === 'skip') return { kind: 'skip', userId };
  if (command) return { kind: command, userId };
  return { kind: 'answer', userId, text };
}

/** A click on a card's button (or a choice, or a form), as a turn; null for actions that are no turn. */
export function inputFromAction(action: CardAction, payload: ActionPayload, userId: string, answer?: string): ActInput | null {
  const question = payload.q ? { question: payload.q } : {};
  switch (action) {
    case 'answer':
      return { kind: 'answer', userId, version: payload.v, text: answer ?? payload.a ?? '', ...question };
    case 'skip':
      return { kind: 'skip', userId, version: payload.v, ...question };
    case 'back':
    case 'start-over':
    case 'cancel':
      return { kind: action, userId, version: payload.v };
    case 'change': {
      // From a Change button (the question in `q`) or the review card's menu (the chosen question in `a`).
      const field = payload.q ?? answer ?? payload.a;
      return field ? { kind: 'change', userId, question: field } : null;
    }
    case 'show-verdict':
      return { kind: 'show-verdict', userId, version: payload.v };
    default:
      return null;
  }
}
