import type { ChartColour } from './chart-palette.js';
import type { TEAMS_LIMITS } from './teams-limits.js';

/**
 * The Adaptive Card JSON the Teams renderer writes: plain objects, no SDK types, only the
 * elements and properties it uses (Adaptive Cards 1.5 plus Teams' Chart.Line host extension).
 */

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** What every body element may carry. */
export interface ElementBase {
  /** A line above the element (the card's divider). */
  separator?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Small' | 'Medium';
  isSubtle?: true;
  horizontalAlignment?: 'Right';
  /** A problem to fix, in red. */
  color?: 'Attention';
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface TableCell {
  type: 'TableCell';
  items: TextBlock[];
}

export interface TableRow {
  type: 'TableRow';
  cells: TableCell[];
}

export interface Table extends ElementBase {
  type: 'Table';
  /** Relative widths. */
  columns: { width: number }[];
  rows: TableRow[];
  firstRowAsHeaders: true;
}

export interface Container extends ElementBase {
  type: 'Container';
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  items: AdaptiveElement[];
}

/** Teams' line chart: one series per path, one point per month. Outside the 1.5 schema, so it always has a fallback. */
export interface LineChart extends ElementBase {
  type: 'Chart.Line';
  title: string;
  xAxisTitle?: string;
  yAxisTitle?: string;
  data: { legend: string; color?: ChartColour; values: { x: string; y: number }[] }[];
  /** The same numbers for clients without charts: a Container with the chart's title and a Table. */
  fallback: Container;
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: ExecuteAction[];
}

export interface ChoiceSetInput extends ElementBase {
  type: 'Input.ChoiceSet';
  id: string;
  style: 'compact';
  label: string;
  placeholder: string;
  choices: { title: string; value: string }[];
  isRequired: true;
  errorMessage: string;
}

export interface TextInput extends ElementBase {
  type: 'Input.Text';
  id: string;
  label: string;
  placeholder: string;
  isMultiline: boolean;
  maxLength: number;
  isRequired: boolean;
  errorMessage?: string;
  /** What the box holds when shown (a form shown again with its problems keeps what was typed). */
  value?: string;
}

export type AdaptiveElement = TextBlock | FactSet | Table | Container | LineChart | ActionSet | ChoiceSetInput | TextInput;

/**
 * What a click carries back: `fta` the card action (`answer`, `skip`, `start-over`…), `payload`
 * the button's encoded ActionPayload. Inputs on the card add `fta_text` or `fta_choice`.
 */
export interface ActionData {
  fta: string;
  payload?: string;
}

/** The fallback for clients without Universal Actions: its data arrives as the message's `value`. */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: ActionData;
  associatedInputs?: 'none';
}

/** A Universal Action: arrives as an `adaptiveCard/action` invoke with `value.action.verb` and `.data`. */
export interface ExecuteAction {
  type: 'Action.Execute';
  /** `fta:` and the card action, e.g. `fta:answer`. */
  verb: string;
  title: string;
  data: ActionData;
  style?: 'positive' | 'destructive';
  /** `none` on every button but an input's own: Skip or Cancel must not ask for the required input first. */
  associatedInputs?: 'none';
  fallback: SubmitAction;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof TEAMS_LIMITS.adaptiveCardVersion;
  body: AdaptiveElement[];
  actions?: ExecuteAction[];
  fallbackText: string;
  /** Full width in Teams, for cards with a table or a chart. */
  msteams?: { width: 'Full' };
}

export interface AdaptiveAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}
