import { measuredScore, substituteQuality } from '../trial/measured-answers.js';
import { COST_MARGIN } from '../cost/compare-paths.js';
import { baselinePath } from '../cost/compute-costs.js';
import { findModel, type PriceCatalogue } from '../cost/price-catalogue.js';
import { formatCount, formatPercent, formatUsd } from '../format/format-numbers.js';
import type { FlowExit } from '../interview/walk-flowchart.js';
import type { Answers } from '../interview/answers.js';
import { providersOffering, type RuleId } from './rules.js';
import { examplesToTell } from './success-interval.js';
import { onceTrainable } from './once-trainable.js';

export interface VerdictTexts {
  headline: string;
  nextSteps: string[];
}

/** A cheaper model to try with the same prompt, when the comparison found one: never presented as a fine-tune. */
function substituteStep(a: Answers, exit: FlowExit, catalogue: PriceCatalogue): string[] {
  const sub = exit.cost?.substitutePrompt;
  // A switch of model is a migration: only worth naming past the same margin a fine-tune must clear.
  if (!sub || !exit.cost || exit.cost.promptEngineering.total - sub.total < COST_MARGIN * exit.cost.promptEngineering.total) return [];
  const name = findModel(catalogue, sub.model)?.name ?? sub.model;
  const q = substituteQuality(a, sub.model);
  // Cheaper but measured worse: a saving bought with wrong answers is no like-for-like switch.
  if (q.worse) return [`Prompting ${name} untrained would cost ${formatUsd(sub.total)} against ${formatUsd(exit.cost.promptEngineering.total)}, but ${q.trialSays}: not a like-for-like saving.`];
  // Staying includes the move a retiring model forces: the switch is instead of that move, not beside it.
  const move = retirementTarget(exit);
  const staying = move ? `staying where you are (and moving to ${move} when today's model retires): it would replace that move` : 'staying where you are';
  return [
    `Try prompting ${name} with the same prompt: ${formatUsd(sub.total)} over ${exit.cost.horizonMonths} months, moving the prompt included, against ${formatUsd(exit.cost.promptEngineering.total)} for ${staying}, no training. ` +
      substituteQualityStep(a, sub.model),
  ];
}

/** Ship the prompt; after a trial, the one that did best in it (a variant may have beaten the prompt). */
function shipStep(a: Answers): string {
  const best = a.model ? measuredScore(a, a.model) : undefined;
  const which = best && best.promptLabel !== 'the prompt' ? `${best.promptLabel} of the prompt (it did best in the trial)` : 'the prompt';
  return `Ship ${which}, and keep your test examples as a regression suite.`;
}

function substituteQualityStep(a: Answers, model: string): string {
  const q = substituteQuality(a, model);
  return q.measured
    ? `${q.trialSays[0]!.toUpperCase()}${q.trialSays.slice(1)}.`
    : 'Its quality on your task is untested: run a prompt trial of your examples on it first (`/finetune-advisor trial` in Slack, `trial` in Teams, `finetune-advisor trial` in a terminal).';
}

/**
 * A prompt on a model that retires inside the horizon must move before then. Where the verdict
 * trains a model, the move is only for the prompt still serving if the tuned model is not live by then.
 */
/** The model a retiring one's prompt moves to inside the horizon, if it must move. */
function retirementTarget(exit: FlowExit): string | null {
  const move = exit.cost?.promptEngineering.items.find((i) => i.label.startsWith('Moving the prompt to '));
  return move ? move.label.replace('Moving the prompt to ', '') : null;
}

function retirementStep(exit: FlowExit, whileTraining = false): string[] {
  const target = retirementTarget(exit);
  if (!target) return [];
  return whileTraining
    ? [`If the fine-tune is not live before today's model retires, move the prompt to ${target} first and retest it on your examples.`]
    : [`Move the prompt to ${target} before today's model retires, and retest it on your examples (its prices are in the figures from then on).`];
}

/** When a prompt-now verdict should be looked at again: the triggers for fine-tuning later. */
function laterTriggers(a: Answers, exit: FlowExit, model: string): string[] {
  const has = (rule: RuleId) => exit.rules.includes(rule);
  const steps: string[] = [];
  if (has('spec-moving')) steps.push('Settle the output spec; once it has held for a few weeks, run this advisor again.');
  if (has('ship-this-week')) steps.push(`Fine-tune ${model} after the launch, once the prompt's failures on real traffic are counted.`);
  const min = exit.inputs?.minimumExamples ?? 100;
  if ((a.labeledExamples ?? 0) < min) steps.push(`Meanwhile collect ${formatCount(min - (a.labeledExamples ?? 0))} more labelled examples: fine-tuning needs ${formatCount(min)}.`);
  return steps;
}

/** The headline and next steps of each verdict, in the seeds' words where they have them. */
export function verdictTexts(a: Answers, exit: FlowExit, catalogue: PriceCatalogue): VerdictTexts {
  const has = (rule: RuleId) => exit.rules.includes(rule);
  const model = exit.tuning?.model?.name ?? 'the model';
  const noTuning = has('no-fine-tuning-available');
  const elsewhere = `Or move to a provider that offers fine-tuning: ${providersOffering(exit.tuning?.alternatives ?? [], catalogue)}.`;
  const q = exit.quality;
  const c = exit.comparison;
  switch (exit.verdict) {
    case 'test-prompts-first': {
      const more = has('rate-uncertain') ? formatCount(examplesToTell(a.successRate ?? 0, 0.8)) : '30-50';
      if (has('too-few-tested') || has('rate-uncertain'))
        return {
          headline: `Test on ${more} examples before you train: your score can't yet carry a fine-tune`,
          nextSteps: [
            `Run your best prompt, and 3-5 variations of it, on ${more} real examples.`,
            'Fine-tune only if the best prompt still fails 20% or more of them; then run this advisor again with the score.',
          ],
        };
      return {
        headline: 'Test your prompt first: run your best prompt on at least 10 real examples',
        nextSteps: [
          'Write 10-20 example prompts and pick the best.',
          'Run it on 10 real examples with the base model and count the right answers.',
          'At 8 of 10 or better, stop: you are done with prompt engineering. Below that, come back with the score.',
        ],
      };
    }
    case 'prompt-engineering': {
      if (has('ship-this-week') || has('spec-moving'))
        return {
          headline: has('spec-moving') ? 'Prompt engineering for now: fine-tune once the spec stops moving' : 'Ship the prompt this week; fine-tuning is a later step',
          nextSteps: [shipStep(a), ...laterTriggers(a, exit, model)],
        };
      const steps = [shipStep(a), ...retirementStep(exit)];
      if (has('fixes-not-worth-it') || has('wrong-answer-break-even') || has('seeds-disagree-85-90')) {
        if (q?.breakEvenCostOfWrongAnswer)
          steps.push(`Run this check again if a wrong answer costs you more than ${formatUsd(q.breakEvenCostOfWrongAnswer)}: ${q.path === 'hybrid' ? 'using both' : 'fine-tuning'} pays from there.`);
        else if (has('seeds-disagree-85-90')) steps.push('If a wrong answer costs you real money, run this advisor again with that figure.');
      }
      if ((a.cacheHitRate ?? 0) < 0.5 && (a.promptTokens ?? 0) >= 1024) steps.push('Put the fixed part of the prompt first and turn on prompt caching: cached tokens cost a fraction.');
      steps.push(...substituteStep(a, exit, catalogue));
      if (c?.flipMonthlyCalls && has('fine-tuning-does-not-pay')) {
        steps.push(`Run this check again if volume passes ${formatCount(c.flipMonthlyCalls)} calls a month: a fine-tune clears the margin there${onceTrainable(a)}.`);
      }
      if (noTuning) steps.push(elsewhere);
      const headline = has('fixes-not-worth-it')
        ? 'Stay with prompt engineering: fixing the failures would cost more than they do'
        : has('seeds-disagree-85-90')
          ? 'Stay with prompt engineering: above 85% the seeds say stop'
          : noTuning
            ? 'Stay with prompt engineering: it works, and fine-tuning is not open to you'
            : has('knowledge-not-cost-tuned')
              ? "Stay with prompt engineering: it works, and knowledge can't be tuned into weights"
              : 'Stay with prompt engineering: it works, and fine-tuning would not pay for itself';
      return { headline, nextSteps: steps };
    }
    case 'iterate-prompt':
      return {
        headline: noTuning ? 'Keep improving the prompt: fine-tuning would be next, but it is not open to you' : 'Keep improving the prompt: add context, examples, constraints and an output format',
        nextSteps: [
          'Add context, examples, constraints and an explicit output format.',
          'Run another 10 test cases after each change.',
          noTuning ? 'Try the largest model you can afford.' : 'After 3-5 rounds, if you are still below 80%, run this advisor again.',
          ...(noTuning ? [elsewhere] : []),
        ],
      };
    case 'rag-first':
      return {
        headline: 'Add retrieval (RAG) first: the failures come from missing knowledge',
        nextSteps: ['Retrieve the missing documents or facts and put them into the prompt.', 'Test again on the same examples.', 'Fine-tune only if retrieval and prompt engineering both fail.'],
      };
    case 'rethink-task':
      return {
        headline: 'Rethink the task: when 90% fail, fine-tuning alone cannot fix it',
        nextSteps: ['Check the examples and what counts as a right answer.', 'Split the task into smaller steps a model can do.', 'Try the largest model you can afford before anything else.'],
      };
    case 'collect-data': {
      const min = exit.inputs?.minimumExamples ?? 100;
      const more = Math.max(0, min - (a.labeledExamples ?? 0));
      const cost = exit.inputs ? ` (about ${formatUsd(more * exit.inputs.labelingCostPerExample)} at ${formatUsd(exit.inputs.labelingCostPerExample)} each)` : '';
      return {
        headline: `Collect data first: fine-tuning needs at least ${formatCount(min)} labelled examples`,
        nextSteps: [
          `Label ${formatCount(more)} more examples (input and ideal output)${cost}; 500 or more is better.`,
          'Check that the training and test examples look like real-world data.',
          'Keep improving the prompt meanwhile: it is what ships until the model is trained.',
        ],
      };
    }
    case 'fine-tune': {
      const base = exit.cost ? baselinePath(exit.cost) : null;
      const why = has('prompt-costs-more-than-fine-tuning')
        ? `it saves ${formatUsd(c?.fromTuning ?? 0)} (${formatPercent((c?.fromTuning ?? 0) / Math.max(1, base?.total ?? 1))}) against prompting`
        : has('plateau')
          ? 'the prompt has hit its ceiling on a systematic failure'
          : has('edge-cases-worth-fixing')
            ? 'the answers it would fix are worth more than it costs'
            : `the prompt is stuck below 80% after ${a.promptIterations ?? 3} rounds`;
      const switching = exit.tuning?.model && a.model && exit.tuning.model.id !== a.model;
      return {
        headline: switching ? `Move to ${model} and fine-tune it: ${why}` : `Fine-tune ${model}: ${why}`,
        nextSteps: [
          ...retirementStep(exit, true),
          `Keep a tight prompt and fine-tune ${model} on your labelled examples.`,
          ...(exit.cost?.hybrid
            ? [`Routing only the failing cases to the tuned model was priced too: with a router call on every request it costs more (${formatUsd(exit.cost.hybrid.total)}), so tune for every call.`]
            : []),
          'Test on a hold-out set and compare with the prompt before switching.',
          ...(q?.breakEvenCostOfWrongAnswer && q.costOfWrongAnswer === null ? [`Check the case: it pays if a wrong answer costs you more than ${formatUsd(q.breakEvenCostOfWrongAnswer)}.`] : []),
          'Budget retraining at least yearly, and write down which base model version the fine-tune is for.',
        ],
      };
    }
    case 'hybrid':
      return {
        headline: `Use both: the prompt for most calls, a fine-tuned ${model} for the slice it gets wrong`,
        nextSteps: [
          ...retirementStep(exit, true),
          'Build the router on what tells the failing cases apart (their input type or category, or the check their output fails), and measure it on your examples.',
          `Fine-tune ${model} on that slice, and keep format instructions in its prompt.`,
          'Test both on a hold-out set, and budget retraining at least yearly.',
        ],
      };
  }
}
