/**
 * Microsoft Teams' Adaptive Card limits: the one table the Teams renderer obeys.
 * Source: /work/shared/reference/teams-facts.md ("Adaptive Cards in Teams"). Lengths are in
 * characters (JavaScript string length); the card size is in UTF-8 bytes of its JSON.
 */
export const TEAMS_LIMITS = {
  /** The Adaptive Card schema version every card declares: the one constant pinning it (Teams takes 1.5 at most). */
  adaptiveCardVersion: '1.5',
  /** A card's JSON.stringify in UTF-8 bytes: bot messages take ~100 KB, webhooks and workflows 28 KB. */
  cardBytes: 28_000,
  /** Options shown as one button each; more become an Input.ChoiceSet (compact) and an Answer button. */
  choiceButtonsMax: 5,
  /** Actions in one row (card actions or an ActionSet): Teams shows about 6; more go in another ActionSet. */
  actionsMax: 6,
  /** The text of one TextBlock. */
  textMax: 4000,
  /** A FactSet title (the label column). */
  factTitleMax: 100,
  /** A FactSet value. */
  factValueMax: 2000,
  /** Data rows in one Table (the header row not counted); more become "… N more rows". */
  tableRowsMax: 50,
  /** Points per series in a chart, and rows in its fallback table: more months are sampled, the last kept. A
   * 358-px card cut "10" to "1…" with 12 points (the Agents Playground, 2026-11-27); 7 leave each label room. */
  chartPointsMax: 7,
  /** Characters of one line of a card's text on a phone (~320 px of card at ~8 px a character): table columns
   * share it by weight, and a column must hold its longest unbreakable word (a sum, a model name). */
  phoneLineChars: 36,
  /** An action's title (Teams cuts long button labels in the middle of a word). */
  actionTitleMax: 75,
  /** The title of one Input.ChoiceSet option. */
  choiceTitleMax: 150,
  /** A typed answer (Input.Text maxLength; the same cap as an action payload's answer). */
  inputTextMax: 200,
  /** A trial form's prompt or pasted examples (Input.Text maxLength): larger example sets come as a file. */
  trialInputMax: 20_000,
  /** The card's fallbackText (what a client that can't show the card shows, and notifications). */
  fallbackTextMax: 1000,
} as const;

export type TeamsLimit = keyof typeof TEAMS_LIMITS;
