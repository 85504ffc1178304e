import { describeFigures, describeTrialScores } from './describe-figures.js';
import { costBlocks, modelLabel } from './build-cost-blocks.js';
import { citeSeed } from '../knowledge/seed-passages.js';
import type { Verdict } from '../verdict/decide-verdict.js';
import { VERDICT_LABELS } from '../verdict/verdict-kinds.js';
import { FLIP_REACH_WORDS } from '../verdict/find-flips.js';
import type { WhatIfChange } from '../verdict/what-if.js';
import { encodeAction } from '../conversation/action-payload.js';
import { mapBlockText, type Card, type CardBlock } from './card-model.js';
import { askerLabel, markQuoted, said } from './said-text.js';
import { describeInterval } from '../verdict/success-interval.js';

export interface VerdictCardOptions {
  /** Who asked, as the platform shows a person (a mention or a name). */
  askedBy?: string;
  /** Where the verdict is stored, for its buttons (Start over, Show assumptions). */
  ref?: { conversationId: string; version: number; verdictId: string };
  /** A version tried with other numbers: said under the title, linked to the first. */
  versionOf?: VersionOf;
}

/** The advice quotes the name the team typed for its own model (reasons, notices, cost rows): marked as theirs wherever it appears. */
export function markTeamModel(blocks: CardBlock[], verdict: Verdict): CardBlock[] {
  const named = verdict.answers.otherModel?.name;
  return named ? blocks.map((b) => mapBlockText(b, (t) => markQuoted(t, named))) : blocks;
}

/** A verdict's headline, the name the team typed for its model marked as theirs where it quotes it. */
export function verdictHeadline(verdict: Verdict): string {
  return markQuoted(verdict.headline, verdict.answers.otherModel?.name);
}

/** The verdict card: verdict and headline, reasons with sources, mistakes, next steps, costs. */
export function buildVerdictCard(verdict: Verdict, options: VerdictCardOptions = {}): Card {
  const task = verdict.answers.task;
  const blocks: CardBlock[] = [{ type: 'text', text: verdict.headline }];
  const figures = describeFigures(verdict.answers);
  const trial = describeTrialScores(verdict.answers);
  const fields = [
    ...(options.askedBy ? [{ label: 'Asked by', value: askerLabel(options.askedBy) }] : []),
    ...(task ? [{ label: 'Task', value: said(task) }] : []),
    ...(verdict.answers.model ? [{ label: 'Model today', value: modelLabel(verdict, verdict.answers.model) }] : []),
    ...(verdict.fineTuneModel ? [{ label: 'Model to fine-tune', value: modelLabel(verdict, verdict.fineTuneModel) }] : []),
    ...(verdict.successInterval ? [{ label: verdict.answers.measured?.fields.includes('successRate') ? 'Measured' : 'Success rate (told)', value: describeInterval(verdict.successInterval) }] : []),
    ...(figures ? [{ label: 'Figures', value: figures }] : []),
    ...(trial ? [{ label: 'Best in the trial', value: trial }] : []),
    { label: 'Advice as of', value: verdict.asOf },
  ];
  blocks.push({ type: 'fields', fields });
  blocks.push({ type: 'list', title: 'Why', items: verdict.reasons.map((r) => ({ text: r.text, detail: `Source: ${citeSeed(r.source)}` })) });
  if (verdict.mistakes.length) blocks.push({ type: 'list', title: 'Common mistakes spotted', items: verdict.mistakes.map((m) => ({ text: m.text, detail: `Fix: ${m.fix}` })) });
  blocks.push({ type: 'list', title: 'Next steps', items: verdict.nextSteps.map((text) => ({ text })) });
  const flips = verdict.flips ?? null;
  if (flips)
    blocks.push({
      type: 'list',
      title: 'What would change the verdict',
      items: flips.length ? flips.map((f) => ({ text: `${f.text}: ${VERDICT_LABELS[f.verdict].toLowerCase()}` })) : [{ text: `Nothing within reach: ${FLIP_REACH_WORDS} all give the same verdict.` }],
    });
  if (verdict.cautions.length) blocks.push({ type: 'list', title: 'Keep in mind if you train', items: verdict.cautions.map((c) => ({ text: c.text, detail: `Plan: ${c.fix}` })) });
  const costs = costBlocks(verdict);
  if (costs.length) blocks.push({ type: 'divider' }, ...costs);
  for (const n of verdict.notices) blocks.push({ type: 'notice', severity: n.severity, text: n.text });
  // Buttons act on a stored verdict: a card with none to point at (a tried version, the terminal) has none.
  const ref = options.ref;
  if (ref) {
    const value = encodeAction({ c: ref.conversationId, v: ref.version, d: ref.verdictId });
    blocks.push({
      type: 'buttons',
      buttons: [
        { action: 'new-from-verdict', label: 'Start over', style: 'primary', value },
        { action: 'try-other-numbers', label: 'Try other numbers', value },
        ...(verdict.cost ? [{ action: 'show-assumptions', label: 'Show assumptions', value }] : []),
      ],
    });
  }
  if (options.versionOf) blocks.splice(1, 0, { type: 'context', text: versionLine(options.versionOf) });
  return { kind: 'verdict', title: `Verdict: ${VERDICT_LABELS[verdict.verdict]}`, blocks: markTeamModel(blocks, verdict) };
}

/** A version tried with other numbers, posted beside the first: whose, which first, what changed. */
export interface VersionOf {
  /** Who tried the numbers, as the platform shows a person. */
  by: string;
  /** The first verdict's date, and its link when the platform gave one. */
  asOf: string;
  link?: string | null;
  changed: WhatIfChange[];
}

function versionLine(v: VersionOf): string {
  const first = v.link ? `[the verdict of ${v.asOf}](${v.link})` : `the verdict of ${v.asOf}`;
  const answers = v.changed.filter((c) => !c.label.includes(', total') && c.label !== 'Verdict');
  return `A new version of ${first}, tried by ${askerLabel(v.by)} with ${answers.map((c) => `${c.label.toLowerCase()} ${c.to} (was ${c.from})`).join(', ')}.`;
}
