import { formatCount } from '../format/format-numbers.js';
import type { FlowExit } from '../interview/walk-flowchart.js';
import type { Answers } from '../interview/answers.js';
import { providersOffering } from './rules.js';
import type { PriceCatalogue } from '../cost/price-catalogue.js';

export interface VerdictTexts {
  headline: string;
  nextSteps: string[];
}

/** The headline and next steps of each verdict, in the seeds' words where they have them. */
export function verdictTexts(a: Answers, exit: FlowExit, catalogue: PriceCatalogue): VerdictTexts {
  const has = (rule: string) => exit.rules.includes(rule as never);
  const model = exit.tuning?.model?.name ?? 'the model';
  const noTuning = has('no-fine-tuning-available');
  const elsewhere = `Or move to a provider that offers fine-tuning: ${providersOffering(exit.tuning?.alternatives ?? [], catalogue)}.`;
  const shipNow = has('ship-this-week') ? ['Ship the prompt this week; train the model behind it.'] : [];
  const settle = has('spec-moving') ? ['Settle the output spec before you train: a change means training again.'] : [];
  switch (exit.verdict) {
    case 'test-prompts-first':
      return {
        headline: 'Test your prompt first: run your best prompt on at least 10 real examples',
        nextSteps: [
          'Write 10-20 example prompts and pick the best.',
          'Run it on 10 real examples with the base model and count the right answers.',
          'At 8 of 10 or better, stop: you are done with prompt engineering. Below that, come back with the score.',
        ],
      };
    case 'prompt-engineering': {
      const at = exit.cost?.breakEvenMonthlyCalls;
      const steps = ['Ship the prompt, and keep your test examples as a regression suite.'];
      if ((a.cacheHitRate ?? 0) < 0.5 && (a.promptTokens ?? 0) >= 1024) steps.push('Put the fixed part of the prompt first and turn on prompt caching: cached tokens cost a fraction.');
      if (at) steps.push(`Run this check again if volume passes ${formatCount(at)} calls a month: fine-tuning starts to pay there.`);
      if (noTuning) steps.push(elsewhere);
      return {
        headline: noTuning
          ? 'Stay with prompt engineering: it works, and fine-tuning is not open to you'
          : 'Stay with prompt engineering: it works, and fine-tuning would not pay for itself',
        nextSteps: steps,
      };
    }
    case 'iterate-prompt':
      return {
        headline: noTuning
          ? 'Keep improving the prompt: fine-tuning would be next, but it is not open to you'
          : 'Keep improving the prompt: add context, examples, constraints and an output format',
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
        nextSteps: [
          'Retrieve the missing documents or facts and put them into the prompt.',
          'Test again on the same examples.',
          'Fine-tune only if retrieval and prompt engineering both fail.',
        ],
      };
    case 'rethink-task':
      return {
        headline: 'Rethink the task: when 90% fail, fine-tuning alone cannot fix it',
        nextSteps: [
          'Check the examples and what counts as a right answer.',
          'Split the task into smaller steps a model can do.',
          'Try the largest model you can afford before anything else.',
        ],
      };
    case 'collect-data': {
      const min = exit.inputs?.minimumExamples ?? 100;
      const more = Math.max(0, min - (a.labeledExamples ?? 0));
      return {
        headline: `Collect data first: fine-tuning needs at least ${formatCount(min)} labelled examples`,
        nextSteps: [
          `Label ${formatCount(more)} more examples (input and ideal output); 500 or more is better.`,
          'Check that the training and test examples look like real-world data.',
          'Keep improving the prompt meanwhile: it is what ships until the model is trained.',
          ...settle,
        ],
      };
    }
    case 'fine-tune':
      return {
        headline: has('below-80-after-iterations')
          ? `Fine-tune ${model}: the prompt is stuck below 80% after 3 or more rounds`
          : `Fine-tune ${model}: at your volume it costs less than the long prompt`,
        nextSteps: [
          ...shipNow,
          ...settle,
          `Keep a tight prompt and fine-tune ${model} on your labelled examples.`,
          'Test on a hold-out set and compare with the prompt before switching.',
          `Budget retraining at least yearly, and write down which base model version the fine-tune is for.`,
        ],
      };
    case 'hybrid':
      return {
        headline: `Use both: the prompt for most calls, a fine-tuned ${model} for the edge cases`,
        nextSteps: [
          ...shipNow,
          ...settle,
          'Use the prompt to route: send the cases it gets wrong to the fine-tuned model.',
          `Fine-tune ${model} on those edge cases, and keep format instructions in its prompt.`,
          'Test both on a hold-out set, and budget retraining at least yearly.',
        ],
      };
  }
}
