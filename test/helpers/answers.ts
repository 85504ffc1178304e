import type { Answers } from '../../src/index.js';

/**
 * A team's answers. Each builder fills what its situation implies and lets the test
 * override the one or two answers it is about.
 */
export function answersFor(answers: Answers): Answers {
  return { taskKind: 'extraction', ...answers };
}

/** A model, a 1k-token prompt and 10,000 calls a month: too little volume for fine-tuning to pay. */
export const lowVolume = {
  model: 'gemini-2.5-pro',
  promptTokens: 1000,
  inputTokens: 300,
  outputTokens: 200,
  monthlyCalls: 10_000,
} as const satisfies Answers;

/** The seed's rough math: a 4k-token prompt called 10M times a month. */
export const longPromptAtMillions = {
  model: 'gemini-2.5-pro',
  promptTokens: 4000,
  inputTokens: 300,
  outputTokens: 200,
  monthlyCalls: 10_000_000,
} as const satisfies Answers;

/** Best prompt tried on only a handful of real examples. */
export function untestedPrompt(over: Answers = {}): Answers {
  return answersFor({ testedExamples: 5, ...over });
}

/** A prompt that passes the 8/10 test after one round, at low volume. */
export function workingPrompt(over: Answers = {}): Answers {
  return answersFor({ testedExamples: 20, successRate: 0.9, promptIterations: 1, ...lowVolume, ...over });
}

/** Stuck at 60% after 4 rounds, failures in the output format, 600 labelled examples. */
export function stuckPrompt(over: Answers = {}): Answers {
  return answersFor({
    testedExamples: 50,
    successRate: 0.6,
    promptIterations: 4,
    failureMode: 'format',
    ...lowVolume,
    labeledExamples: 600,
    ...over,
  });
}

/** 88% after 3 rounds, the rest failing on domain vocabulary, 1,000 labelled examples. */
export function plateauedPrompt(over: Answers = {}): Answers {
  return answersFor({
    testedExamples: 50,
    successRate: 0.88,
    promptIterations: 3,
    failureMode: 'vocabulary',
    ...lowVolume,
    labeledExamples: 1000,
    ...over,
  });
}

/** A prompt that works (95%) but is 4k tokens at 10M calls a month, with 2,000 labelled examples. */
export function expensiveWorkingPrompt(over: Answers = {}): Answers {
  return answersFor({ testedExamples: 50, successRate: 0.95, ...longPromptAtMillions, labeledExamples: 2000, ...over });
}

/**
 * Quality-indicated fine-tuning where the tuned model costs more per call than the short prompt:
 * OpenAI's tuned gpt-4.1-mini (2x base) against a 300-token prompt, over 6 months while OpenAI is open.
 */
export function edgeCasesCheaperToRoute(over: Answers = {}): Answers {
  return answersFor({
    testedExamples: 50,
    successRate: 0.7,
    promptIterations: 4,
    failureMode: 'none',
    model: 'gpt-4.1-mini',
    promptTokens: 300,
    inputTokens: 300,
    outputTokens: 200,
    monthlyCalls: 1_000_000,
    labeledExamples: 800,
    horizonMonths: 6,
    ...over,
  });
}

/** A support team stuck at 60% after 4 rounds, 1.5M tickets a month, 2,000 labelled tickets. */
export const ticketTriage = {
  task: 'Route support tickets to 12 queues',
  taskKind: 'classification',
  testedExamples: 50,
  successRate: 0.6,
  promptIterations: 4,
  failureMode: 'format',
  model: 'claude-sonnet-4.5',
  promptTokens: 3000,
  inputTokens: 400,
  outputTokens: 20,
  monthlyCalls: 1_500_000,
  labeledExamples: 2000,
  categories: 12,
} as const;
