import { fineTunableModels } from '../cost/fine-tuning-availability.js';
import { isAvailable } from '../cost/model-lifecycle.js';
import { OTHER_MODEL_ID } from '../cost/other-model.js';
import { parseOtherModel } from './parse-other-model.js';
import { memoByCatalogue } from '../cost/memo-by-catalogue.js';
import type { AdviceContext } from './advice-context.js';
import { DEADLINES, FAILURE_MODES, TASK_KINDS, type AnswerField, type Answers } from './answers.js';
import { parseChoice, type ChoiceOption } from './parse-choice.js';
import { parseCount } from './parse-count.js';
import { parsePromptTokens } from '../intake/count-prompt-tokens.js';
import { parseMonths } from './parse-months.js';
import { parseMonthlyVolume } from './parse-monthly-volume.js';
import { parseRate } from './parse-rate.js';
import type { Parsed } from './parse-result.js';
import { parseYesNo } from './parse-yes-no.js';
import { parseUsd } from './parse-usd.js';
import { DEFAULT_LABELING_COST } from '../cost/cost-assumptions.js';

export type QuestionKind = 'choice' | 'number' | 'yes-no' | 'text';

/** The fields the flowchart asks about (the others come from an answers file or defaults). */
export type QuestionId = Exclude<
  AnswerField,
  | 'task'
  | 'prices'
  | 'fineTuningAvailable'
  | 'epochs'
  | 'engineeringHourlyRate'
  | 'promptEngineeringHours'
  | 'fineTuningHours'
  | 'retrainingHours'
  | 'hybridFineTunedShare'
  | 'failuresFixedShare'
  | 'fineTunedPromptTokens'
  | 'measured'
>;

export interface Question {
  id: QuestionId;
  prompt: string;
  help: string;
  kind: QuestionKind;
  options?: readonly ChoiceOption<string>[];
  /** What a person might type, shown in "I didn't understand" and as a placeholder. */
  example: string;
  /** When set, the question can be skipped and this is what the skip means. */
  skipLabel?: string;
  parse(text: string): Parsed<Answers[QuestionId]>;
}

const TASK_KIND_LABELS: Record<(typeof TASK_KINDS)[number], string> = {
  classification: 'Classification',
  extraction: 'Extraction',
  summarization: 'Summarization',
  style: 'Style or tone',
  domain: 'Domain vocabulary',
  reasoning: 'Reasoning',
  knowledge: 'Answering from knowledge',
  translation: 'Translation',
  other: 'Something else',
};

const FAILURE_LABELS: Record<(typeof FAILURE_MODES)[number], string> = {
  knowledge: 'Missing facts or documents',
  format: 'Wrong format',
  style: 'Wrong style or tone',
  vocabulary: 'Domain vocabulary',
  reasoning: 'Wrong reasoning',
  none: 'No pattern',
};

const DEADLINE_LABELS: Record<(typeof DEADLINES)[number], string> = {
  'this-week': 'This week',
  'this-month': 'This month',
  'this-quarter': 'This quarter',
  later: 'Later',
};

function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): ChoiceOption<T>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

function choice<T extends string>(options: readonly ChoiceOption<T>[]): (text: string) => Parsed<T> {
  return (text) => parseChoice(text, options);
}

/** Models one could still use on the date (a retired one is never offered), and "another model" for the rest. */
function modelOptions(ctx: AdviceContext, onlyTunable: boolean): ChoiceOption<string>[] {
  const models = onlyTunable ? fineTunableModels(ctx.catalogue, ctx.asOf, 12) : ctx.catalogue.models.filter((m) => m.id !== OTHER_MODEL_ID && isAvailable(ctx.catalogue, m, ctx.asOf));
  const options = models.map((m) => ({ value: m.id, label: m.name, aliases: m.snapshot ? [m.snapshot] : [] }));
  return onlyTunable ? options : [...options, { value: OTHER_MODEL_ID, label: 'Another model', aliases: ['another', 'something else', 'none of these', 'self-hosted', 'own model'] }];
}

type QuestionsMemo = (catalogue: AdviceContext['catalogue'], asOf: string) => Record<QuestionId, Question>;
const questionsByDate: QuestionsMemo = memoByCatalogue((catalogue, asOf) => makeQuestions({ catalogue, asOf }));
/** One memo per tokenizer the adapters give (in practice one per process). */
const questionsByCounter = new WeakMap<(text: string) => number, QuestionsMemo>();

/** Every question of the interview, in the order the flowchart may ask them. */
export function buildQuestions(ctx: AdviceContext): Record<QuestionId, Question> {
  const count = ctx.countTokens;
  if (!count) return questionsByDate(ctx.catalogue, ctx.asOf);
  let memo = questionsByCounter.get(count);
  if (!memo) questionsByCounter.set(count, (memo = memoByCatalogue((catalogue, asOf) => makeQuestions({ catalogue, asOf, countTokens: count }))));
  return memo(ctx.catalogue, ctx.asOf);
}

function makeQuestions(ctx: AdviceContext): Record<QuestionId, Question> {
  const taskKinds = optionsOf(TASK_KINDS, TASK_KIND_LABELS);
  const failureModes = optionsOf(FAILURE_MODES, FAILURE_LABELS);
  const deadlines = optionsOf(DEADLINES, DEADLINE_LABELS);
  const allModels = modelOptions(ctx, false);
  const tunable = modelOptions(ctx, true);
  return {
    taskKind: {
      id: 'taskKind',
      kind: 'choice',
      prompt: 'What kind of task is it?',
      help: 'Classification, extraction and style tasks are where fine-tuning most often pays.',
      options: taskKinds,
      example: 'classification',
      skipLabel: 'Something else',
      parse: choice(taskKinds),
    },
    testedExamples: {
      id: 'testedExamples',
      kind: 'number',
      prompt: 'On how many real examples have you tested your best prompt?',
      help: 'Real inputs from production, not ones you wrote for the prompt. 0 if you have not tested yet.',
      example: '10',
      parse: parseCount,
    },
    successRate: {
      id: 'successRate',
      kind: 'number',
      prompt: 'How many of them came out right?',
      help: 'As a score like 8/10, a percentage like 80%, or a share like 0.8.',
      example: '8/10',
      parse: parseRate,
    },
    failureMode: {
      id: 'failureMode',
      kind: 'choice',
      prompt: 'What do the failures have in common?',
      help: 'Missing facts point to retrieval; format, style and vocabulary are what fine-tuning fixes best.',
      options: failureModes,
      example: 'format',
      parse: choice(failureModes),
    },
    promptIterations: {
      id: 'promptIterations',
      kind: 'number',
      prompt: 'How many rounds of prompt improvement have you tried?',
      help: 'A round: change the prompt (context, examples, constraints, output format), then test it again on your examples.',
      example: '3',
      parse: parseCount,
    },
    model: {
      id: 'model',
      kind: 'choice',
      prompt: 'Which model do you prompt today?',
      help: 'Its prices come from the dated catalogue (`npx finetune-advisor prices` in a terminal lists them).',
      options: allModels,
      example: allModels[0]?.value ?? 'gpt-4.1',
      parse: choice(allModels),
    },
    otherModel: {
      id: 'otherModel',
      kind: 'text',
      prompt: 'Which model, and what does it cost?',
      help: 'Its name and prices per 1M tokens (input and output), or for your own GPUs what an hour (or a month) of them costs and the tokens a second they serve.',
      example: 'Llama 3.1 70B on vLLM, $5 an hour, 2,500 tokens/s',
      parse: parseOtherModel,
    },
    promptTokens: {
      id: 'promptTokens',
      kind: 'number',
      prompt: 'How many tokens are the instructions and examples in your prompt?',
      help: ctx.countTokens
        ? 'The part that stays the same on every call and that fine-tuning could drop. Type a number, or paste the prompt itself and I will count its tokens.'
        : 'The part that stays the same on every call and that fine-tuning could drop, not the per-call input.',
      example: '4k',
      parse: (text) => parsePromptTokens(text, ctx.countTokens),
    },
    inputTokens: {
      id: 'inputTokens',
      kind: 'number',
      prompt: 'How many tokens of input does each call add (the document, ticket or message)?',
      help: 'The part that changes from call to call.',
      example: '500',
      skipLabel: 'Not counted',
      parse: parseCount,
    },
    outputTokens: {
      id: 'outputTokens',
      kind: 'number',
      prompt: 'How many tokens does each answer have?',
      help: 'Output tokens cost several times more than input tokens.',
      example: '200',
      skipLabel: 'Not counted',
      parse: parseCount,
    },
    monthlyCalls: {
      id: 'monthlyCalls',
      kind: 'number',
      prompt: 'How many calls a month?',
      help: 'Any period works: 250k/day is read as 7.5M a month.',
      example: '10M a month',
      parse: parseMonthlyVolume,
    },
    cacheHitRate: {
      id: 'cacheHitRate',
      kind: 'number',
      prompt: "How much of the prompt is served from the provider's prompt cache?",
      help: "Cached prompt tokens cost far less and often erase fine-tuning's saving. 0 if you do not cache.",
      example: '80%',
      skipLabel: 'No caching',
      parse: parseRate,
    },
    horizonMonths: {
      id: 'horizonMonths',
      kind: 'number',
      prompt: 'Over how many months should the costs be compared?',
      help: 'From 1 to 60 months.',
      example: '12 months',
      skipLabel: '12 months',
      parse: parseMonths,
    },
    labeledExamples: {
      id: 'labeledExamples',
      kind: 'number',
      prompt: 'How many labelled examples (input and ideal output) do you have?',
      help: 'Fine-tuning needs at least 100, ideally 500 or more.',
      example: '2,000',
      parse: parseCount,
    },
    categories: {
      id: 'categories',
      kind: 'number',
      prompt: 'How many categories does the classifier choose from?',
      help: 'Fine-tuning needs about 100 examples per category.',
      example: '12',
      parse: parseCount,
    },
    fineTuneModel: {
      id: 'fineTuneModel',
      kind: 'choice',
      prompt: 'Which model would you fine-tune?',
      help: 'Only models that can be fine-tuned today are listed.',
      options: tunable,
      example: tunable[0]?.value ?? 'nova-pro',
      skipLabel: 'The suggested one',
      parse: choice(tunable),
    },
    labelingCostPerExample: {
      id: 'labelingCostPerExample',
      kind: 'number',
      prompt: 'What does labelling one more example cost you (US$)?',
      help: "An annotator writing the ideal output for one input: their time, or a vendor's price per example.",
      example: '$2',
      skipLabel: `US$${DEFAULT_LABELING_COST} (our guess)`,
      parse: parseUsd,
    },
    failuresIdentifiable: {
      id: 'failuresIdentifiable',
      kind: 'yes-no',
      prompt: 'Can you tell the failing cases apart before answering them?',
      help: 'By their input type or category, or by a check their output fails. If so, a router can send just those to a fine-tuned model.',
      example: 'yes',
      skipLabel: 'Not sure',
      parse: parseYesNo,
    },
    costOfWrongAnswer: {
      id: 'costOfWrongAnswer',
      kind: 'number',
      prompt: "What does one wrong answer cost you: a refund, an agent's time, a lost customer?",
      help: 'A rough figure in US dollars is enough. It decides whether fixing the failures is worth what fine-tuning costs.',
      example: '$5',
      skipLabel: "I don't know",
      parse: parseUsd,
    },
    deadline: {
      id: 'deadline',
      kind: 'choice',
      prompt: 'When does it need to ship?',
      help: 'A fine-tune takes about a week, data collection included.',
      options: deadlines,
      example: 'this month',
      skipLabel: 'No deadline',
      parse: choice(deadlines),
    },
    specStable: {
      id: 'specStable',
      kind: 'yes-no',
      prompt: 'Is the output spec settled?',
      help: 'If it still moves, every change means retraining.',
      example: 'yes',
      skipLabel: 'Not sure',
      parse: parseYesNo,
    },
  };
}
