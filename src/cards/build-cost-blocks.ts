import type { PathCost } from '../cost/compute-costs.js';
import { OTHER_MODEL_ID } from '../cost/other-model.js';
import { formatCount, formatPercent, formatUsd, formatUsdShort, plural } from '../format/format-numbers.js';
import { substituteQuality } from '../trial/measured-answers.js';
import type { Verdict } from '../verdict/decide-verdict.js';
import { involvesFineTuning } from '../verdict/verdict-kinds.js';
import type { CardBlock, CardField, ChartSeries } from './card-model.js';
import { said } from './said-text.js';
import { onceTrainable } from '../verdict/once-trainable.js';

/** A model as the card names it: its catalogue id, or the name a team gave its own model. */
export function modelLabel(verdict: Verdict, id: string): string {
  return id === OTHER_MODEL_ID && verdict.answers.otherModel ? said(verdict.answers.otherModel.name) : id;
}

/** A path's row in the cost table: money in the units people scan, short enough for a phone's column. */
function costRow(name: string, path: PathCost): string[] {
  return [name, formatUsdShort(path.monthly), formatUsdShort(path.total)];
}

/**
 * What the table has no room for on a phone: each path's model, its cost per 1,000 calls, and what
 * it pays once (a reader checks "Per month" × the months against "Total"; the fine-tune's one-offs
 * have lines of their own, "Training" and "Retraining").
 */
function pathDetail(verdict: Verdict, name: string, path: PathCost, oneOffsElsewhere: boolean): CardField {
  const models = path.model
    .split(' + ')
    .map((id) => modelLabel(verdict, id))
    .join(' + ');
  const once = oneOffsElsewhere ? [] : path.items.filter((i) => i.cadence === 'once' && i.amount > 0);
  const onceText = once.length ? `; once: ${once.map((i) => `${formatUsd(i.amount)} ${i.label.charAt(0).toLowerCase()}${i.label.slice(1)}`).join(', ')}` : '';
  return { label: name, value: `${models}, ${formatUsd(path.perCall * 1000)} per 1,000 calls${onceText}` };
}

/** The saving split by cause, the margin, and how it moves with the uncertain defaults. */
function comparisonFields(verdict: Verdict): CardField[] {
  const c = verdict.comparison;
  const cost = verdict.cost;
  if (!c || !cost?.fineTuning) return [];
  const signed = (x: number) => (x >= 0 ? `saves ${formatUsd(x)}` : `costs ${formatUsd(-x)} more`);
  const fields: CardField[] = [];
  if (c.fromSwitching > 0)
    fields.push({
      label: 'Saving by cause',
      value: `switching to ${modelLabel(verdict, cost.fineTuning.model)} (prompted, ${substituteQuality(verdict.answers, cost.fineTuning.model).words}) saves ${formatUsd(c.fromSwitching)}; tuning it then ${signed(c.fromTuning)}`,
    });
  // The margin is the bar for a cost-only change; a fine-tune for quality is weighed in "Worth fixing?".
  if (!verdict.quality) fields.push({ label: 'Fine-tuning against the cheaper prompt', value: `${signed(c.fromTuning)}; a cost-only switch must save ${formatUsd(c.margin)} (20%)` });
  for (const s of c.sensitivity) fields.push({ label: `If ${s.label}`, value: `fine-tuning ${signed(s.saving)}` });
  return fields;
}

function qualityFields(verdict: Verdict): CardField[] {
  const q = verdict.quality;
  if (!q) return [];
  const fixed = `about ${formatCount(q.fixedAnswers)} answers fixed (${q.fixedShare === 0.5 ? 'half' : formatPercent(q.fixedShare)} of the failures, assumed)`;
  const value =
    q.extraCost <= 0
      ? `Costs ${formatUsd(-q.extraCost)} less than the cheaper prompt path, and ${fixed}`
      : q.costOfWrongAnswer !== null
        ? `${fixed} × ${formatUsd(q.costOfWrongAnswer)} = ${formatUsd(q.value ?? 0)}, against ${formatUsd(q.extraCost)} extra`
        : q.breakEvenCostOfWrongAnswer !== null
          ? `Pays for itself if a wrong answer costs you more than ${formatUsd(q.breakEvenCostOfWrongAnswer)} (${fixed})`
          : `Fixes too few answers to weigh against ${formatUsd(q.extraCost)} extra`;
  return [{ label: 'Worth fixing?', value }];
}

/** The cost table, break-even and the cumulative chart of a verdict. */
export function costBlocks(verdict: Verdict): CardBlock[] {
  const cost = verdict.cost;
  if (!cost) return [];
  const paths: [string, PathCost][] = [['Prompt (today)', cost.promptEngineering]];
  if (cost.substitutePrompt) paths.push(['Prompt, switched', cost.substitutePrompt]);
  if (cost.fineTuning) paths.push(['Fine-tune', cost.fineTuning]);
  if (cost.hybrid) paths.push([`Both (${formatPercent(cost.hybrid.fineTunedShare)} tuned)`, cost.hybrid]);
  const blocks: CardBlock[] = [
    {
      type: 'table',
      title: `Cost over ${plural(cost.horizonMonths, 'month')} (US$, prices as of ${cost.pricesAsOf})`,
      // Three columns fit a phone's card; each path's model and per-call cost follow below.
      columns: ['Path', 'Per month', 'Total'],
      rows: paths.map(([name, path]) => costRow(name, path)),
    },
    { type: 'fields', fields: paths.map(([name, path]) => pathDetail(verdict, name, path, path === cost.fineTuning)) },
  ];
  // "Per month" is the first month's: say where a path's monthly cost changes inside the horizon.
  const moves = [cost.promptEngineering, cost.substitutePrompt].flatMap((path) => {
    const from = path?.items.find((i) => (i.fromMonth ?? 1) > 1 && (i.fromMonth ?? 1) <= cost.horizonMonths && i.label.includes(', on '));
    if (!path || !from) return [];
    const month = from.fromMonth!;
    const monthly = path.items.filter((i) => i.cadence === 'per month' && (i.fromMonth ?? 1) <= month && month <= (i.untilMonth ?? Infinity)).reduce((t, i) => t + i.amount, 0);
    return [
      {
        label: `${modelLabel(verdict, path.model)} from month ${month}`,
        value: `${formatUsd(monthly)} a month${from.label.slice(from.label.indexOf(', on ')).replace(', on', ' on')}, after it retires`,
      },
    ];
  });
  if (moves.length) blocks.push({ type: 'fields', fields: moves });
  if (cost.fineTuning) {
    const month = cost.breakEvenMonth === null ? 'not within 60 months' : `month ${cost.breakEvenMonth}`;
    const volume =
      cost.breakEvenMonthlyCalls === null
        ? 'at no volume: the tuned model costs as much or more per call'
        : `${formatCount(cost.breakEvenMonthlyCalls)} calls a month, over ${plural(cost.horizonMonths, 'month')}`;
    const ft = cost.fineTuning;
    const retraining =
      ft.retrainings > 0
        ? `${formatUsd(ft.retraining)}, ${ft.retrainings} time${ft.retrainings === 1 ? '' : 's'} in ${plural(cost.horizonMonths, 'month')}`
        : `none within ${plural(cost.horizonMonths, 'month')}`;
    const work = ft.items.find((i) => i.label === 'Fine-tuning work');
    const labelling = ft.items.find((i) => i.label === 'Labelling');
    const against = cost.baseline === 'substitutePrompt' ? `prompting ${modelLabel(verdict, cost.substitutePrompt!.model)}` : 'prompting today';
    const flip = verdict.comparison?.flipMonthlyCalls;
    blocks.push({
      type: 'fields',
      fields: [
        {
          label: 'Training',
          value: `${formatUsd(ft.training)} once (${modelLabel(verdict, ft.model)})${work ? `, plus ${formatUsd(work.amount)} of fine-tuning work` : ''}${labelling ? ` and ${formatUsd(labelling.amount)} of labelling` : ''}`,
        },
        { label: 'Retraining', value: retraining },
        // Break-even is a cost question: beside a fine-tune for quality it would argue against the verdict.
        ...(verdict.quality
          ? qualityFields(verdict)
          : [{ label: `Breaks even against ${against}`, value: month }, flip === undefined || flip === null ? { label: 'Fine-tuning pays from', value: volume } : flipField(verdict, flip)]),
        ...comparisonFields(verdict),
      ],
    });
    // Month numbers, not "M12": a phone gives each x label a few characters; short series names, as a
    // phone draws the legend on one line (the table above names each path in full).
    const labels = cost.cumulative.map((p) => String(p.month));
    const series: ChartSeries[] = [{ key: 'prompt', name: 'Prompt', values: cost.cumulative.map((p) => p.promptEngineering) }];
    if (cost.substitutePrompt) series.push({ key: 'switched', name: 'Switched', values: cost.cumulative.map((p) => p.substitutePrompt ?? 0) });
    series.push({ key: 'fine-tune', name: 'Fine-tune', values: cost.cumulative.map((p) => p.fineTuning ?? 0) });
    if (cost.hybrid) series.push({ key: 'both', name: 'Both', values: cost.cumulative.map((p) => p.hybrid ?? 0) });
    blocks.push({ type: 'chart', title: 'Cumulative cost', xLabel: 'Month', yLabel: 'US$', labels, series });
  }
  return blocks;
}

/**
 * The volume from which cost alone favours a fine-tune. Beside a verdict that does not train, at
 * a volume the team is already past, it is cost only: the verdict rests on the reasons above.
 */
function flipField(verdict: Verdict, flip: number): CardField {
  const past = `${formatCount(flip)} calls a month (past the 20% margin, and still saving if the defaults double)${onceTrainable(verdict.answers)}`;
  if (involvesFineTuning(verdict.verdict) || flip > (verdict.answers.monthlyCalls ?? 0)) return { label: 'A fine-tune is advised from', value: past };
  return { label: 'On cost alone, a fine-tune pays from', value: `${past}; you are past it, but the verdict rests on the reasons above` };
}
