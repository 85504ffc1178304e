/**
 * The baseline the task-text reader is measured beside in `npm run bench`: the first number next
 * to a keyword, for each field, the way a quick script would read a sentence. Not used by the
 * product; it shows what the reader's care buys, in fields read right and in misreadings.
 */

type Answers = Record<string, unknown>;

const SCALE: Record<string, number> = { '': 1, k: 1e3, m: 1e6 };
const PER_MONTH: Record<string, number> = { hour: 720, day: 30, week: 30 / 7, month: 1, year: 1 / 12 };

function count(digits: string | undefined, scale = ''): number | undefined {
  const value = Number((digits ?? '').replace(/,/g, '')) * (SCALE[scale.toLowerCase()] ?? 1);
  return Number.isFinite(value) ? Math.round(value) : undefined;
}

const KINDS: readonly [RegExp, string][] = [
  [/classif|categori|triage|rout/, 'classification'],
  [/extract|pars/, 'extraction'],
  [/summar/, 'summarization'],
  [/translat/, 'translation'],
];

export function readByKeywords(text: string): Answers {
  const lower = text.toLowerCase();
  const answers: Answers = {};
  const volume = /(\d[\d,.]*)\s*(k|m)?\s+(?:\w+\s+)?(?:a|per|\/)\s*(hour|day|week|month|year)/.exec(lower);
  if (volume) answers.monthlyCalls = Math.round((count(volume[1], volume[2]) ?? 0) * (PER_MONTH[volume[3] ?? ''] ?? 1));
  const percent = /(\d+(?:\.\d+)?)\s*%/.exec(lower);
  if (percent) answers.successRate = Number(percent[1]) / 100;
  const tested = /tested on (\d[\d,]*)/.exec(lower);
  if (tested) answers.testedExamples = count(tested[1]);
  const rounds = /(\d+)\s+(?:tries|iterations|versions|rounds)/.exec(lower);
  if (rounds) answers.promptIterations = count(rounds[1]);
  const labelled = /(\d[\d,]*)\s*(k)?\s+label+ed/.exec(lower);
  if (labelled) answers.labeledExamples = count(labelled[1], labelled[2]);
  const categories = /(\d+)\s+categor/.exec(lower);
  if (categories) answers.categories = count(categories[1]);
  const prompt = /(\d[\d,.]*)\s*(k)?[- ]token prompt/.exec(lower);
  if (prompt) answers.promptTokens = count(prompt[1], prompt[2]);
  const kind = KINDS.find(([pattern]) => pattern.test(lower));
  if (kind) answers.taskKind = kind[1];
  return answers;
}
