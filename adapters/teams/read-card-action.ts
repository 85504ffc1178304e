import { decodeAction, type ActionPayload } from '../../src/index.js';
import { CHOICE_INPUT_ID, TEXT_INPUT_ID, VERB_PREFIX } from './adaptive-card-actions.js';
import { TEAMS_LIMITS as L } from './teams-limits.js';
import { cutValue } from './teams-text.js';

/** What a click on one of our cards asks for. */
export interface CardActionRead {
  /** The card action: `answer`, `skip`, `back`, `start-over`, `cancel`, `show-assumptions`, `new-from-verdict`… (check it with isCardAction). */
  action: string;
  /** The button's payload; for an answer, `a` is the answer (typed or chosen ones included). */
  payload: ActionPayload;
  /** The answer: the text typed (`fta_text`), the option chosen in the menu (`fta_choice`), or the button's `a`. */
  answer?: string;
}

/** Action names are short ids; anything else is not from our cards. */
const ACTION_NAME = /^[a-z][a-z0-9-]{0,63}$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The data of a click: an invoke's `value.action.data` (Action.Execute) or a message's `value` (Action.Submit). */
export function dataOf(value: unknown): { data: Record<string, unknown>; verb?: string } | null {
  if (!isRecord(value)) return null;
  const action = value.action;
  if (isRecord(action) && ('data' in action || 'verb' in action)) {
    const verb = typeof action.verb === 'string' ? action.verb : undefined;
    return isRecord(action.data) ? { data: action.data, ...(verb ? { verb } : {}) } : null;
  }
  return { data: value };
}

function typed(data: Record<string, unknown>): string | undefined {
  for (const id of [TEXT_INPUT_ID, CHOICE_INPUT_ID]) {
    const raw = data[id];
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text) return cutValue(text, L.inputTextMax);
  }
  return undefined;
}

/**
 * Reads what a click on a card sent back, in either shape Teams delivers: the invoke value of
 * an Action.Execute (`{ action: { verb, data } }`) or the `value` of the message an
 * Action.Submit makes (the data itself). Null when it is not one of our buttons or its
 * payload does not decode. A typed or chosen answer (`fta_text`, `fta_choice`, trimmed) wins
 * over the button's own `a`.
 */
export function readCardAction(value: unknown): CardActionRead | null {
  const found = dataOf(value);
  if (!found) return null;
  const { data, verb } = found;
  const fromVerb = verb?.startsWith(VERB_PREFIX) ? verb.slice(VERB_PREFIX.length) : undefined;
  const action = typeof data.fta === 'string' ? data.fta : fromVerb;
  if (!action || !ACTION_NAME.test(action)) return null;
  const payload = decodeAction(data.payload);
  if (!payload) return null;
  const answer = typed(data) ?? payload.a;
  if (answer === undefined) return { action, payload };
  return { action, payload: { ...payload, a: answer }, answer };
}
