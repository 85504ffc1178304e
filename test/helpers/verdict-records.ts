import type { Answers, Verdict, VerdictRecord } from '../../src/index.js';

/** The support-ticket router of the interview scenarios: stuck at 60% on Claude, a fine-tune of Nova Pro pays. */
export const TICKET_ROUTER_ANSWERS: Answers = {
  task: 'route support tickets to 12 queues',
  taskKind: 'classification',
  testedExamples: 50,
  successRate: 0.6,
  failureMode: 'format',
  promptIterations: 4,
  model: 'claude-sonnet-4.5',
  promptTokens: 3000,
  inputTokens: 400,
  outputTokens: 20,
  monthlyCalls: 1_500_000,
  categories: 12,
  labeledExamples: 2000,
  specStable: true,
  failuresIdentifiable: false,
};

/** A stored verdict record around a verdict, as the stores keep it. */
export function recordOf(verdict: Verdict, over: Partial<VerdictRecord> = {}): VerdictRecord {
  return {
    id: 'v1',
    conversationId: 'c1',
    platform: 'slack',
    ownerId: 'U1',
    ownerLabel: '<@U1>',
    ownerName: 'alice',
    task: verdict.answers.task ?? null,
    verdict,
    link: null,
    createdAt: '2026-11-23T10:00:00.000Z',
    ...over,
  };
}
