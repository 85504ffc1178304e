/**
 * Slack's Block Kit limits: the one table the Slack renderer and modal builder obey.
 * Source: /work/shared/reference/slack-facts.md ("Block Kit limits", "New blocks"), checked against
 * @slack/bolt 5.1 and Slack's docs. Lengths are in characters (JavaScript string length,
 * which is never less than what Slack counts).
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** Blocks in one modal or Home tab. */
  blocksPerModal: 100,
  /** The text of a section block. */
  sectionText: 3000,
  /** Fields in one section block. */
  sectionFields: 10,
  /** The text of one section field. */
  fieldText: 2000,
  /** A header block's plain_text. */
  headerText: 150,
  /** Elements in one context block. */
  contextElements: 10,
  /** The text of one context element (mrkdwn). */
  contextText: 3000,
  /** Interactive elements in one actions block. */
  actionsElements: 25,
  /** A button's label (Slack shows about 30). */
  buttonText: 75,
  /** A button's value, handed back on a click. */
  buttonValue: 2000,
  /** An element's action_id. */
  actionId: 255,
  /** A block's block_id. */
  blockId: 255,
  /** The text of a select option. */
  optionText: 75,
  /** The value of a select option. */
  optionValue: 75,
  /** Options in one static_select. */
  selectOptions: 100,
  /** A select's placeholder (plain_text). */
  placeholderText: 150,
  /** A modal's title. */
  modalTitle: 24,
  /** A modal's submit and close labels. */
  modalButton: 24,
  /** A modal's private_metadata. */
  privateMetadata: 3000,
  /** An input block's label. */
  inputLabel: 2000,
  /** What a plain_text_input takes (its max_length at most): longer texts come as files. */
  plainTextInput: 3000,
  /** The top-level notification fallback `text` (keep it short: it is what a notification shows). */
  fallbackText: 3000,
  /** `table` blocks in one message (Slack's table block, 2025): more tables become code-block tables. */
  tablesPerMessage: 1,
  /** Rows of one table block, its header row included. */
  tableRows: 100,
  /** Cells in one row of a table block. */
  tableCells: 20,
  /** `data_visualization` blocks (charts, 2026-06-16) in one message: more become text charts. */
  chartsPerMessage: 2,
  /** A chart's title. */
  chartTitle: 50,
  /** Series in one line chart. */
  chartSeries: 6,
  /** Categories (x labels) on a chart's axis: more months are sampled, the last kept. */
  chartCategories: 20,
  /** One category label, and a series name. */
  chartLabel: 20,
  /** An axis title. */
  chartAxisLabel: 50,
  /** All text in a message's blocks together: Slack has rejected messages near 13,000 (msg_blocks_too_long). */
  messageCharacters: 12000,
} as const;

export type SlackLimit = keyof typeof SLACK_LIMITS;
