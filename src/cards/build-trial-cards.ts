import { formatCount, formatUsd, plural } from '../format/format-numbers.js';
import { bestCell, type TrialCell, type TrialSummary } from '../trial/summarize-trial.js';
import { said } from './said-text.js';
import type { Card, CardBlock, CardButton } from './card-model.js';

const GRADER_WORDS: Record<TrialSummary['grader'], string> = {
  exact: 'the exact expected answer',
  contains: 'the expected text in the answer',
  label: 'the expected label',
  regex: 'a match of the pattern',
  json: 'valid JSON',
  number: 'the expected number, within the tolerance',
  rubric: 'a judge model reading the rubric',
};

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "46 of 50 (81%-97%)": the score and what the true rate could be. */
function score(c: TrialCell): string {
  return c.graded ? `${c.right} of ${c.graded} (${pct(c.interval.low)}-${pct(c.interval.high)})` : 'no answer graded';
}

export interface TrialProgressView {
  done: number;
  total: number;
  right: number;
  spentUsd: number;
  capUsd: number;
  /** The estimate shown before the run, US$; null when a model has no price. */
  estimateUsd: number | null;
}

/** The message a running trial keeps up to date: how far, how many right, what it has spent; and Cancel while it runs. */
export function buildTrialProgressCard(p: TrialProgressView, cancel: CardButton | null, ended?: string): Card {
  const estimate = p.estimateUsd === null ? 'an unknown amount (a model has no price in the catalogue)' : formatUsd(p.estimateUsd);
  const blocks: CardBlock[] = [
    { type: 'text', text: `${formatCount(p.done)} of ${formatCount(p.total)} done, ${formatCount(p.right)} right${ended ? '' : ' so far'}` },
    { type: 'context', text: ended ? `${formatUsd(p.spentUsd)} spent.` : `${formatUsd(p.spentUsd)} spent; about ${estimate} in all; it stops at the ${formatUsd(p.capUsd)} cap` },
  ];
  if (cancel && !ended) blocks.push({ type: 'buttons', buttons: [cancel] });
  return { kind: 'message', title: ended ?? 'Trial running', blocks };
}

/**
 * A trial's results: per prompt and model the score with its 95% range and the cost a call, the
 * measured figures of the best prompt on today's model, and its failures grouped with samples
 * (so the team can see whether they share a pattern).
 */
export function buildTrialResultsCard(summary: TrialSummary, options: { retentionDays?: number; today?: string } = {}): Card {
  const today = options.today ?? summary.models[0]!;
  const best = bestCell(summary, today);
  const blocks: CardBlock[] = [];
  blocks.push({
    type: 'text',
    text: best
      ? `Best on ${today}: ${best.promptLabel}, ${best.right} of ${best.graded} right (95% range ${pct(best.interval.low)} to ${pct(best.interval.high)}).`
      : `Nothing from ${today} was graded.`,
  });
  if (summary.stopped) blocks.push({ type: 'notice', severity: 'warning', text: `The trial stopped early: ${summary.stopped.words}. The figures count what ran.` });
  // A list, not a table: four columns of ids, ranges and prices break apart on a phone.
  blocks.push({
    type: 'list',
    title: `${plural(summary.examples, 'example')}, judged by ${GRADER_WORDS[summary.grader]}`,
    items: summary.cells.map((c) => ({ text: `${c.model}, ${c.promptLabel}: ${score(c)}`, detail: c.costPerCall === null ? 'no price in the catalogue' : `${formatUsd(c.costPerCall)} a call` })),
  });
  if (best) {
    const fields = [];
    if (best.tokens)
      fields.push({
        label: 'Tokens a call (measured)',
        value:
          best.tokens.prompt === null
            ? `prompt and input ${formatCount(best.tokens.input)} together (the prompt's share could not be measured), answer ${formatCount(best.tokens.output)}`
            : `prompt ${formatCount(best.tokens.prompt)}, input ${formatCount(best.tokens.input)}, answer ${formatCount(best.tokens.output)}`,
      });
    if (best.latencyMs) fields.push({ label: 'Latency', value: `p50 ${formatCount(best.latencyMs.p50)} ms, p95 ${formatCount(best.latencyMs.p95)} ms` });
    fields.push({ label: 'Spent', value: formatUsd(summary.spentUsd) });
    blocks.push({ type: 'fields', fields });
    // The best prompt's failures; when it had none, those of the weakest prompt on today's model (what the variants fixed).
    const shown = best.failures.length ? best : summary.cells.filter((c) => c.model === today && c.failures.length).sort((a, b) => a.right / a.graded - b.right / b.graded)[0];
    if (shown)
      blocks.push({
        type: 'list',
        title: `What went wrong with ${shown.promptLabel} on ${today}`,
        items: shown.failures.slice(0, 5).map((f) => ({
          // The examples and the models' answers are the team's and the models' words: shown as written.
          text: `${f.count}× ${said(f.failure)}`,
          detail: f.samples
            .slice(0, 2)
            .map((s) => `"${said(s.input)}" → "${said(s.answer)}"`)
            .join('; '),
        })),
      });
    const errors = best.callErrors.reduce((t, e) => t + e.count, 0);
    if (errors) blocks.push({ type: 'notice', severity: 'warning', text: `${plural(errors, 'call')} got no answer (${best.callErrors.map((e) => e.reason).join('; ')}): not counted as wrong.` });
  }
  const kept =
    options.retentionDays === undefined
      ? ''
      : ` The advisor deletes its copy of the examples and answers after ${plural(options.retentionDays, 'day')}; what is posted here stays under this workspace's retention.`;
  const use = best ? 'Measured on your examples; the interview now uses these figures and marks them measured.' : 'Nothing was measured, so the interview goes on with what you tell it.';
  blocks.push({ type: 'context', text: `${use}${kept}` });
  return { kind: 'message', title: 'Trial results', blocks };
}
