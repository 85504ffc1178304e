import { formatCount, formatPercent, formatUsd, plural } from '../format/format-numbers.js';
import type { AdviceContext } from '../interview/advice-context.js';
import type { Answers } from '../interview/answers.js';
import { buildQuestions, type QuestionId } from '../interview/questions.js';
import { walkFlowchart } from '../interview/walk-flowchart.js';
import type { VerdictKind } from './verdict-kinds.js';

/** One change to the answers, the nearest that turns the verdict into another. */
export interface Flip {
  field: 'monthlyCalls' | 'successRate' | 'costOfWrongAnswer' | 'deadline' | 'labeledExamples' | 'specStable';
  /** The changed answer, as the answers file would hold it. */
  value: number | string | boolean;
  /** The change in words, with today's value: "At 3.2M calls a month or more (today 1.5M)". */
  text: string;
  /** The verdict the answers would give with the change. */
  verdict: VerdictKind;
}

/** What the search covers, for a card that found no flip: said so, not left blank. */
export const FLIP_REACH_WORDS = 'a volume a thousand times higher or lower, any success rate, a wrong answer costing from $0.001 to $100,000';

/** How far the search looks: a volume a thousand times up or down, a wrong answer from a tenth of a cent to $100,000. */
const VOLUME_REACH = 1000;
const WRONG_ANSWER_RANGE = [0.001, 100_000] as const;
/** Bisection steps on a log scale: 11 halvings of a factor of 1,000 land within 0.4%, finer than the three figures shown. */
const STEPS = 11;

type Judge = (answers: Answers) => VerdictKind | null;

/**
 * The verdict kind for a set of answers, the way the headless door reaches it (skippable questions
 * at their defaults), without building the verdict: null when a question is still open.
 */
export function headlessVerdictKind(ctx: AdviceContext): (answers: Answers) => VerdictKind | null {
  const questions = buildQuestions(ctx);
  const skipped = (Object.values(questions) as { id: QuestionId; skipLabel?: string }[]).filter((q) => q.skipLabel).map((q) => q.id);
  return (answers) => {
    const step = walkFlowchart({ answers, skipped }, ctx);
    return step.kind === 'exit' ? step.verdict : null;
  };
}

function judgeOf(kind: (answers: Answers) => VerdictKind | null): Judge {
  // "Test the prompt first" says a figure is too uncertain to decide on, not where the decision turns: not a flip.
  return (answers) => {
    const verdict = kind(answers);
    return verdict === 'test-prompts-first' ? null : verdict;
  };
}

/**
 * The point between `near` (where the verdict is today's) and `far` (where it is not) at which it
 * changes, on a log scale; `round` keeps the answer a person would type. Null when the far end
 * still gives today's verdict.
 */
function threshold(
  judge: Judge,
  at: (x: number) => Answers,
  near: number,
  far: number,
  today: VerdictKind,
  round: (x: number) => number,
  nearIsToday = true,
): { value: number; verdict: VerdictKind } | null {
  const farVerdict = judge(at(far));
  // `near` is today's own answer unless said otherwise: its verdict is already known.
  if (farVerdict === null || farVerdict === today || (!nearIsToday && judge(at(near)) !== today)) return null;
  let [lo, hi] = [near, far];
  for (let i = 0; i < STEPS; i++) {
    const mid = Math.sqrt(lo * hi);
    const verdict = judge(at(mid));
    if (verdict === today || verdict === null) lo = mid;
    else hi = mid;
  }
  const value = round(hi);
  const verdict = judge(at(value));
  return verdict === null || verdict === today ? null : { value, verdict };
}

/** Whole calls in three significant figures (as the card shows them), rounded away from today so the flip holds. */
const roundCalls = (up: boolean) => (x: number) => {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 2);
  return (up ? Math.ceil(x / unit) : Math.floor(x / unit)) * unit;
};
const roundUsd = (up: boolean) => (x: number) => {
  const unit = 10 ** (Math.floor(Math.log10(x)) - 2);
  return Number(((up ? Math.ceil(x / unit) : Math.floor(x / unit)) * unit).toPrecision(3));
};

function volumeFlips(judge: Judge, a: Answers, today: VerdictKind): Flip[] {
  const calls = a.monthlyCalls;
  if (!calls) return [];
  const at = (x: number): Answers => ({ ...a, monthlyCalls: x });
  const up = threshold(judge, at, calls, calls * VOLUME_REACH, today, roundCalls(true));
  const down = calls > 1 ? threshold(judge, at, calls, Math.max(1, calls / VOLUME_REACH), today, roundCalls(false)) : null;
  return [
    ...(up ? [{ field: 'monthlyCalls' as const, value: up.value, verdict: up.verdict, text: `At ${formatCount(up.value)} calls a month or more (today ${formatCount(calls)})` }] : []),
    ...(down && down.value >= 1
      ? [{ field: 'monthlyCalls' as const, value: down.value, verdict: down.verdict, text: `At ${formatCount(down.value)} calls a month or fewer (today ${formatCount(calls)})` }]
      : []),
  ];
}

/** The success rate, in whole points, nearest today's in each direction that gives another verdict: 5-point strides, then back point by point. */
function rateFlips(judge: Judge, a: Answers, today: VerdictKind): Flip[] {
  const rate = a.successRate;
  if (rate === undefined) return [];
  const start = Math.round(rate * 100);
  const other = (points: number) => {
    const verdict = judge({ ...a, successRate: points / 100 });
    return verdict !== null && verdict !== today ? verdict : null;
  };
  const flips: Flip[] = [];
  for (const direction of [1, -1]) {
    let found: number | null = null;
    for (let stride = start + 5 * direction; found === null && stride >= -4 && stride <= 104; stride += 5 * direction) {
      const end = Math.min(100, Math.max(0, stride));
      if (!other(end)) continue;
      // The verdict changed within these five points: the first point where it does.
      for (let points = end - 4 * direction; found === null && points !== end + direction; points += direction)
        if (points >= 0 && points <= 100 && (points - start) * direction > 0 && other(points)) found = points;
    }
    if (found === null) continue;
    const value = found / 100;
    const words = direction > 0 ? `If the prompt reached ${formatPercent(value)} right` : `If the prompt fell to ${formatPercent(value)} right`;
    flips.push({ field: 'successRate', value, verdict: other(found)!, text: `${words} (today ${formatPercent(rate)})` });
  }
  return flips;
}

function wrongAnswerFlips(judge: Judge, a: Answers, today: VerdictKind): Flip[] {
  // Only where the verdict weighs it: the answer changes nothing when the flowchart never asks.
  const told = a.costOfWrongAnswer;
  const start = told && told > 0 ? told : null;
  const at = (x: number): Answers => ({ ...a, costOfWrongAnswer: x });
  const found = (
    start
      ? [threshold(judge, at, start, WRONG_ANSWER_RANGE[1], today, roundUsd(true)), threshold(judge, at, start, WRONG_ANSWER_RANGE[0], today, roundUsd(false))]
      : [threshold(judge, at, WRONG_ANSWER_RANGE[0], WRONG_ANSWER_RANGE[1], today, roundUsd(true), false)]
  ).filter((f) => f !== null);
  const now = start ? `you said ${formatUsd(start)}` : told === 0 ? 'you said nothing' : 'not given';
  return found.map((f) => ({
    field: 'costOfWrongAnswer' as const,
    value: f.value,
    verdict: f.verdict,
    text: `If a wrong answer cost you ${formatUsd(f.value)} or ${start && f.value < start ? 'less' : 'more'} (${now})`,
  }));
}

/** The circumstances that hold fine-tuning back: a deadline this week, a moving spec, too few examples. */
function circumstanceFlips(judge: Judge, a: Answers, today: VerdictKind, minimumExamples: number): Flip[] {
  const flips: Flip[] = [];
  const tryWith = (field: Flip['field'], change: Partial<Answers>, value: Flip['value'], text: string) => {
    const verdict = judge({ ...a, ...change });
    if (verdict !== null && verdict !== today) flips.push({ field, value, verdict, text });
  };
  if (a.deadline === 'this-week') tryWith('deadline', { deadline: 'this-month' }, 'this-month', 'With a month to ship instead of this week');
  if (a.specStable === false) tryWith('specStable', { specStable: true }, true, 'Once the spec stops moving');
  if (a.labeledExamples !== undefined && a.labeledExamples < minimumExamples)
    tryWith('labeledExamples', { labeledExamples: minimumExamples }, minimumExamples, `With ${plural(minimumExamples, 'labelled example')} (you have ${formatCount(a.labeledExamples)})`);
  return flips;
}

/**
 * What would change the verdict: the nearest value of each main answer that gives another verdict
 * (volume, success rate, cost of a wrong answer) and the circumstances that unlock fine-tuning
 * (deadline, spec, data). Each flip is checked: the changed answers give the verdict it names.
 * Null when the answers, taken headless, do not reach today's verdict (a flip could then mislead).
 */
export function findFlips(answers: Answers, today: VerdictKind, ctx: AdviceContext, minimumExamples: number): Flip[] | null {
  const kind = headlessVerdictKind(ctx);
  if (kind(answers) !== today) return null;
  const judge = judgeOf(kind);
  return [...volumeFlips(judge, answers, today), ...rateFlips(judge, answers, today), ...wrongAnswerFlips(judge, answers, today), ...circumstanceFlips(judge, answers, today, minimumExamples)];
}
