/** The actions a card can ask for; adapters map them to their own action ids and back. */
export const CARD_ACTIONS = [
  'answer',
  'skip',
  'back',
  'start-over',
  'cancel',
  'change',
  'show-assumptions',
  'new-from-verdict',
  'open-trial',
  'cancel-trial',
  'run-trial',
  'try-other-numbers',
  'run-what-if',
  'post-what-if',
  'show-verdict',
] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

export function isCardAction(value: string): value is CardAction {
  return (CARD_ACTIONS as readonly string[]).includes(value);
}
