import { decodeAction, encodeAction, type CardBlock, type CardButton } from '../../src/index.js';
import type { ActionData, ActionSet, AdaptiveElement, ChoiceSetInput, ExecuteAction, TextInput } from './adaptive-card-types.js';
import { TEAMS_LIMITS as L } from './teams-limits.js';
import { cutText, oneLine, unmarked } from './teams-text.js';

/** The id of the menu of a question with many options: its value arrives in the click's data. */
export const CHOICE_INPUT_ID = 'fta_choice';
/** The id of the text box of a typed answer: its value arrives in the click's data. */
export const TEXT_INPUT_ID = 'fta_text';
/** Every verb is `fta:` and the card action. */
export const VERB_PREFIX = 'fta:';
export const ANSWER_LABEL = 'Answer';
export const SAVE_LABEL = 'Save';

interface ActionSpec {
  action: string;
  label: string;
  payload?: string | undefined;
  style?: CardButton['style'] | undefined;
  /** true for the button that sends the card's input; every other button leaves the inputs out. */
  sendsInputs?: boolean;
}

/**
 * A Universal Action (Action.Execute) with its Action.Submit fallback for older clients: the
 * same title and data, so both arrive as `{ fta, payload }` (plus the inputs for an input's own button).
 */
export function executeAction(spec: ActionSpec): ExecuteAction {
  const data: ActionData = { fta: spec.action, ...(spec.payload === undefined ? {} : { payload: spec.payload }) };
  const title = cutText(oneLine(unmarked(spec.label)).trim(), L.actionTitleMax) || cutText(spec.action, L.actionTitleMax);
  const inputs = spec.sendsInputs ? {} : ({ associatedInputs: 'none' } as const);
  const style = spec.style === 'primary' ? ({ style: 'positive' } as const) : spec.style === 'danger' ? ({ style: 'destructive' } as const) : {};
  return {
    type: 'Action.Execute',
    verb: `${VERB_PREFIX}${spec.action}`,
    title,
    data,
    ...style,
    ...inputs,
    fallback: { type: 'Action.Submit', title, data: { ...data }, ...inputs },
  };
}

export function buttonActions(buttons: CardButton[]): ExecuteAction[] {
  return buttons.filter((b) => b.action).map((b) => executeAction({ action: b.action, label: b.label, payload: b.value, style: b.style }));
}

/** Actions in rows of at most TEAMS_LIMITS.actionsMax, each an ActionSet. */
export function actionSets(actions: ExecuteAction[]): ActionSet[] {
  const sets: ActionSet[] = [];
  for (let i = 0; i < actions.length; i += L.actionsMax) sets.push({ type: 'ActionSet', actions: actions.slice(i, i + L.actionsMax) });
  return sets;
}

/** Inputs already on the card: a second input with the same id would be sent with the first one's button. */
export interface InputIds {
  choice: boolean;
  text: boolean;
}

/**
 * A choice: one button per option (each carrying the payload with the option as `a`) up to
 * choiceButtonsMax, else a compact menu and an Answer button (the option arrives as `fta_choice`).
 */
export function choiceElements(block: Extract<CardBlock, { type: 'choices' }>, ids: InputIds): AdaptiveElement[] {
  const options = block.options.filter((o) => o.value !== '');
  const base = decodeAction(block.payload);
  if (!options.length || !base) return [];
  if (options.length > L.choiceButtonsMax && !ids.choice) {
    ids.choice = true;
    const menu: ChoiceSetInput = {
      type: 'Input.ChoiceSet',
      id: CHOICE_INPUT_ID,
      style: 'compact',
      label: block.menu?.label ?? 'Your answer',
      placeholder: 'Choose…',
      choices: options.map((o) => ({ title: cutText(oneLine(unmarked(o.label)).trim(), L.choiceTitleMax) || o.value, value: o.value })),
      isRequired: true,
      errorMessage: 'Choose one of the options.',
    };
    return [menu, ...actionSets([executeAction({ action: block.action, label: block.menu?.submit ?? ANSWER_LABEL, payload: block.payload, sendsInputs: true })])];
  }
  const buttons = options.map((o) => executeAction({ action: block.action, label: o.label || o.value, payload: encodeAction({ ...base, a: o.value }) }));
  return actionSets(buttons);
}

/** A typed answer: a text box and a Save button (the text arrives as `fta_text`). */
export function inputElements(block: Extract<CardBlock, { type: 'input' }>, ids: InputIds): AdaptiveElement[] {
  if (ids.text) return [];
  ids.text = true;
  const placeholder = cutText(oneLine(block.placeholder).trim(), L.choiceTitleMax);
  const example = placeholder ? (/^e\.g\./i.test(placeholder) ? `, ${placeholder}` : `, e.g. ${placeholder}`) : '';
  const input: TextInput = {
    type: 'Input.Text',
    id: TEXT_INPUT_ID,
    label: cutText(oneLine(block.label).trim(), L.textMax) || 'Your answer',
    placeholder,
    isMultiline: block.multiline,
    maxLength: L.inputTextMax,
    isRequired: true,
    errorMessage: `Type an answer${example}.`,
  };
  return [input, ...actionSets([executeAction({ action: block.action, label: SAVE_LABEL, payload: block.payload, sendsInputs: true })])];
}
