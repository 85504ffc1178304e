import { HEDGE, countPatterns, firstHit, type Hit, type ScanText } from './scan-text.js';
import { countFrom } from './read-token-counts.js';

/**
 * Counts of examples and attempts: tested examples, prompt iterations, labelled examples and
 * categories. Each needs its noun ("2,000 labelled tickets", "after 4 tries", "12 categories"),
 * so a bare number ("the 2024 report", "version 4 of the API") is never read.
 */

/** What a test or a dataset counts. */
const THINGS = String.raw`(?:examples?|samples?|tickets?|cases?|inputs?|e-?mails?|documents?|docs?|messages?|items?|records?|quer(?:y|ies)|questions?|conversations?|chats?|reviews?|invoices?|calls?|requests?|transcripts?|articles?|pages?|images?|texts?|rows?|data\s*points?|pairs?|sentences?|instances?|entries|answers?|responses?|outputs?|summaries|translations?|contracts?|claims?|forms?|receipts?|posts?|comments?|products?|listings?|files?|clauses?|drafts?|labels?|apps?|applications?)`;
const REAL = String.raw`(?:real|actual|production|prod|live|test|held[- ]out|holdout|sample|random|hand[- ](?:picked|checked|labell?ed|reviewed)|checked|reviewed|verified|unseen|real[- ]world|customer|user|historical|past|recent)`;
/** Labelled examples inside the prompt are few-shot examples, not training data. */
const NOT_IN_PROMPT = String.raw`(?!\s+(?:in|inside|within|into|for)\s+(?:the\s+|our\s+|my\s+|each\s+|a\s+|every\s+)?(?:system\s+)?prompts?\b)`;
/** Labelled, with the typos people make: "labeled", "labelled", "labled", "lableled". */
const LABELLED = String.raw`(?:(?:hand|human|manually|expert)[- ]?)?(?:lab(?:e|le)?ll?ed|annotated|tagged|graded|gold(?:[- ]standard)?|ground[- ]truth|verified|curated|categori[sz]ed|classified|approved|reviewed|accepted|(?:hand|human|expert)[- ]?written|reference)`;

const TESTED = countPatterns(
  (_, C) =>
    ([] = [
      // "tested on 50 examples", "we tested the prompt on 50 real tickets", "evaluated it against 200 emails"
      new RegExp(
        String.raw`\b(?:tested|testing|tests?|evaluated|evaluating|eval'?d|checked|ran\s+it|benchmarked|measured|scored|validated|tried\s+(?:it|this|them))\b(?:\s+[\w'-]+){0,5}?\s+(?:on|against|over|across)\s+${HEDGE}${C}(?:\s+(?:${REAL}\s+){0,2}${THINGS}\b|(?!\s*(?:models?|prompts?|versions?|languages?|providers?|vendors?|days?|weeks?|months?|years?|hours?|times?|people|users|teams?|%|percent)\b))(?!\s*(?:/|per\s|an?\s|each\s|every\s)\s*(?:day|week|month|year|hour))`,
        'dg',
      ),
      // "we tested 30 contracts", "evaluated 200 real emails"
      new RegExp(String.raw`\b(?:tested|evaluated|benchmarked|validated|checked|graded|scored)\s+${HEDGE}${C}\s+(?:${REAL}\s+){0,2}${THINGS}\b`, 'dg'),
      // "on 50 real tickets"
      new RegExp(String.raw`\bon\s+${HEDGE}${C}\s+(?:${REAL}\s+){1,2}(?:[\w-]+\s+)?${THINGS}\b`, 'dg'),
      // "out of 50 tested", "35 out of 50 tested examples"
      new RegExp(String.raw`\bout\s+of\s+(?:the\s+)?${C}\s+(?:(?:we|i)\s+)?(?:tested|test(?:ed)?\s+${THINGS}|${THINGS}\s+(?:we\s+|i\s+)?tested)\b`, 'dg'),
      // "50 test cases", "50 held-out examples"
      new RegExp(String.raw`${C}\s+(?:test|eval|evaluation|validation|held[- ]out|holdout)\s+(?:set\s+)?${THINGS}\b`, 'dg'),
      // "on a sample of 100 tickets", "a batch of 50 emails"
      new RegExp(String.raw`\b(?:sample|batch)\s+of\s+${HEDGE}${C}\s+(?:${REAL}\s+){0,2}${THINGS}\b`, 'dg'),
      // "300 labelled, 50 tested"
      new RegExp(String.raw`${C}\s+tested(?=\s*(?:[,;)]|\.(?!\d)|$))`, 'dg'),
      // "a test set of 50", "eval set: 200 examples", "our eval has 150 examples"
      new RegExp(String.raw`\b(?:test|eval|evaluation|validation|held[- ]out|holdout)\s+set\s+(?:of|with|has|is|:)\s*${HEDGE}${C}`, 'dg'),
      new RegExp(String.raw`\b(?:evals?|evaluation)\s+(?:has|have|of|with|covers|contains)\s+${HEDGE}${C}\s+(?:${REAL}\s+){0,2}${THINGS}\b`, 'dg'),
      // "our 300-email test set", "a 50 ticket eval set", "our 1000 ticket golden set"
      new RegExp(String.raw`${C}(?:[- ]+[a-z]+)?[- ]+(?:test|eval|evaluation|validation|held[- ]out|holdout|golden|gold)\s+set\b`, 'dg'),
      // "300 in our test set"
      new RegExp(String.raw`${C}\s+in\s+(?:our|the|a)\s+(?:test|eval|evaluation|validation|held[- ]out|holdout|golden)\s+set\b`, 'dg'),
      // "90% right on 400 examples", "accuracy 72% on 60 tickets"
      new RegExp(String.raw`(?:%|\bpercent|\bright|\bcorrect|\baccura\w+|(?<![\w.])0?\.\d+|\b1\.0)\s+on\s+(?:our\s+|the\s+)?${HEDGE}${C}\s+(?:${REAL}\s+){0,2}(?:[\w-]+\s+)?${THINGS}\b`, 'dg'),
    ]),
);
/** "nothing tested yet", "we haven't tested it", "no evals yet": none, which the interview needs to know. */
const NO_TESTS = [
  /\b(?:nothing|not)\s+(?:has\s+|have\s+)?(?:been\s+)?tested\b|\b(?:haven'?t|have\s+not|hasn'?t|has\s+not|didn'?t|did\s+not|never)\s+(?:really\s+|actually\s+|yet\s+)?(?:tested|evaluated|measured|run\s+(?:any\s+)?(?:tests|evals?))\b|\bno\s+(?:evals?|evaluations?|testing|test\s+set)\b(?:\s+(?:yet|so\s+far|at\s+all))?/dg,
];

/** Not "drafts": "400 drafts a month" are the task's outputs, not prompt versions. */
const ROUNDS = String.raw`(?:iterations?|rounds?|attempts?|tries|revisions?|rewrites?)`;
const ITERATIONS = countPatterns(
  (_, C) =>
    ([] = [
      // "after 4 tries", "after three rounds of prompt tweaks"
      new RegExp(
        String.raw`\bafter\s+${HEDGE}${C}\s+(?:(?:prompt|different|more|major|minor|failed|of)\s+){0,2}(?:tries|try|attempts?|iterations?|rounds?|versions?|revisions?|rewrites?|passes|cycles?|variants?|variations?|changes|tweaks|edits|prompts)\b`,
        'dg',
      ),
      // "4 iterations", "4 rounds", "three attempts", "4 prompt iterations"
      new RegExp(String.raw`${C}\s+(?:(?:prompt|prompting|more|different|failed|major|minor)\s+)?${ROUNDS}\b`, 'dg'),
      // "4 prompt versions", "4 versions of the prompt"
      new RegExp(String.raw`${C}\s+(?:different\s+)?(?:system\s+)?prompt\s+(?:versions?|variants?|variations?|revisions?|iterations?|drafts?|rewrites?|changes|tweaks|edits)\b`, 'dg'),
      new RegExp(
        String.raw`${C}\s+(?:different\s+)?(?:versions?|variants?|variations?|revisions?|iterations?|drafts?|rewrites?)\s+of\s+(?:the\s+|our\s+|my\s+|a\s+|this\s+)?(?:system\s+)?prompts?\b`,
        'dg',
      ),
      // "tried 3 prompts", "went through five different prompts"
      new RegExp(
        String.raw`\b(?:tried|tested|ran|compared|wrote|written|gone\s+through|went\s+through|cycled\s+through|iterated\s+(?:on|through)|attempted)\s+${HEDGE}${C}\s+(?:(?:different|other|prompt|system|versions\s+of\s+the)\s+){0,2}(?:prompts|versions|variants|variations|approaches|formulations|wordings)\b`,
        'dg',
      ),
      // "rewrote the prompt 4 times", "iterated twice"
      new RegExp(String.raw`\b(?:iterated|rewrote|rewritten|revised|tweaked|changed|edited|reworked|refined|updated|tried)\b(?:\s+[\w'-]+){0,4}?\s+(?:${C}\s+times|(?<w>once|twice|thrice))\b`, 'dg'),
    ]),
);
/** "we haven't really iterated", "no prompt iterations yet": none. */
const NO_ITERATIONS = [
  /\b(?:haven'?t|have\s+not|hasn'?t|has\s+not|didn'?t|did\s+not|never)\s+(?:really\s+|actually\s+|yet\s+)?(?:iterated|(?:tweaked|changed|revised|touched|tuned|rewritten|rewrote|edited)\s+(?:the\s+|our\s+|my\s+)?prompt)\b|\bno\s+(?:prompt\s+)?(?:iterations?|tweaks|revisions|prompt\s+changes)\b/dg,
];
/** "4 rounds of funding" is not prompt work: after "of", the next words must be about the prompt. */
const ROUNDS_OF = /^\s+of\s+((?:[\w'-]+\s*){1,3})/;
const PROMPT_WORK = /\b(?:prompt|tweak|chang|edit|improv|iterat|test|rewrit|engineer|refin|revision|tuning|work|trial)/;
const TIMES_WORD: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };

const LABELLED_PATTERNS = countPatterns(
  (_, C) =>
    ([] = [
      // "2,000 labelled tickets", "2k labeled examples", "1,200 annotated samples"
      new RegExp(String.raw`${C}\s+${LABELLED}\s+(?:[\w-]+\s+){0,2}?${THINGS}\b${NOT_IN_PROMPT}`, 'dg'),
      // "we have 500 examples", "we've got about 3k training examples"
      new RegExp(
        String.raw`\b(?:have|'ve\s+got|have\s+got|got|there\s+are|sitting\s+on|collected|gathered|own)\s+${HEDGE}${C}\s+(?:(?:training|good|clean|historical|past|existing|real|high[- ]quality|human[- ]written|reference|solved|resolved|answered|${LABELLED})\s+){0,2}(?:examples?|samples?|data\s*points?|pairs?|training\s+rows)\b${NOT_IN_PROMPT}`,
        'dg',
      ),
      // "a dataset of 3k examples", "training set with 2,000 rows"
      new RegExp(
        String.raw`\b(?:data\s*set|training\s+(?:set|data)|labell?ed\s+(?:set|data)|corpus)\s+(?:of|with|has|contains|is|:)\s*${HEDGE}${C}(?!\s*(?:[kmgt]i?b|bytes?|tokens?|columns?|fields?|features?|languages?|years?|months?|weeks?|days?)\b)`,
        'dg',
      ),
      // "3k training examples", "500 examples with labels"
      new RegExp(String.raw`${C}\s+(?:training|train|fine[- ]tuning)\s+(?:examples?|samples?|pairs?|rows?|records?|data\s*points?)\b`, 'dg'),
      // "300 labelled, 50 tested"
      new RegExp(String.raw`${C}\s+${LABELLED}(?=\s*(?:[,;)]|\.(?!\d)|$))`, 'dg'),
      // "in 2024 we labelled 8,000 tickets"
      new RegExp(String.raw`\b(?:hand[- ])?(?:labell?ed|annotated)\s+${HEDGE}${C}\s+(?:[\w-]+\s+)?${THINGS}\b`, 'dg'),
      new RegExp(
        String.raw`${C}\s+(?:[\w-]+\s+)?(?:examples?|samples?|pairs?|tickets?|e-?mails?|documents?)\s+(?:with|and)\s+(?:their\s+)?(?:labels|answers|ideal\s+outputs?|gold\s+labels|expected\s+outputs?|the\s+right\s+(?:answers?|categor(?:y|ies)))\b`,
        'dg',
      ),
    ]),
);

/** "no labelled data yet", "we don't have any training examples": none, which the interview needs to know. */
const NO_LABELS = [new RegExp(String.raw`\b(?:no|zero|(?:don't|do\s+not|haven't|have\s+not)\s+(?:got\s+|have\s+)?any)\s+(?:${LABELLED}|training)\s+(?:data|examples?|samples?|dataset|set)\b`, 'dg')];

/** Categories, with the typos people make: "categries", "catagories". */
const CATEGORY = String.raw`(?:cat[ae]?g[oa]?r(?:y|ies|ys|eis)|class(?:es)?|labels?|tags|queues?|intents?|buckets?)`;
const WEAK_CATEGORY = String.raw`(?:topics?|types?|tags?|teams?|departments?|groups?|folders?|codes?|reasons?|segments?|classes|buckets?|queues?)`;
const CATEGORY_ADJ = String.raw`(?:(?:different|possible|distinct|target|output|ticket|support|fixed|predefined|pre-defined|product|issue|main|top[- ]level|intent|email|request|customer|predefined)\s+){0,2}`;
const CATEGORIES = countPatterns(
  (_, C) =>
    ([] = [
      // "12 categories", "twelve classes", "12 support queues"
      new RegExp(String.raw`${C}\s+(?:${CATEGORY_ADJ}|[a-z]+\s+)${CATEGORY}\b(?!\s+of\s+(?:problems|issues|users|people|customers|models))`, 'dg'),
      // "route them to 12 teams", "into 12 topics"
      new RegExp(String.raw`\b(?:into|to|among|between|across|one\s+of)\s+(?:one\s+of\s+)?(?:the\s+|our\s+)?${HEDGE}${C}\s+${CATEGORY_ADJ}${WEAK_CATEGORY}\b`, 'dg'),
      // "a 12-way classifier", "12-class"
      new RegExp(String.raw`${C}[- ](?:way|class)\b`, 'dg'),
    ]),
);
/** Fewer is "one label per ticket", more is not a set a classifier chooses from. */
const MIN_CATEGORIES = 2;
const MAX_CATEGORIES = 1000;

export function readTestedExamples(text: ScanText): Hit<number> | undefined {
  return firstHit(text.lower, TESTED(text), (m) => countFrom(text, m)) ?? firstHit(text.lower, NO_TESTS, (m) => ({ value: 0, start: m.index, end: m.index + m[0].length }));
}

export function readPromptIterations(text: ScanText): Hit<number> | undefined {
  return (
    firstHit(text.lower, ITERATIONS(text), (m) => {
      const word = m.groups?.w;
      if (word !== undefined) {
        const value = TIMES_WORD[word];
        return value === undefined ? undefined : { value, start: m.index, end: m.index + m[0].length };
      }
      const following = ROUNDS_OF.exec(text.lower.slice(m.index + m[0].length, m.index + m[0].length + 40));
      if (following && !PROMPT_WORK.test(following[1] ?? '')) return undefined;
      return countFrom(text, m);
    }) ?? firstHit(text.lower, NO_ITERATIONS, (m) => ({ value: 0, start: m.index, end: m.index + m[0].length }))
  );
}

export function readLabeledExamples(text: ScanText): Hit<number> | undefined {
  const found = firstHit(text.lower, LABELLED_PATTERNS(text), (m) => {
    // "10 few-shot examples" and "10 examples in the prompt" live in the prompt.
    if (/few[- ]?shot|in[- ]context/.test(text.lower.slice(Math.max(0, m.index - 20), m.index + m[0].length))) return undefined;
    return countFrom(text, m);
  });
  return found ?? firstHit(text.lower, NO_LABELS, (m) => ({ value: 0, start: m.index, end: m.index + m[0].length }));
}

export function readCategories(text: ScanText): Hit<number> | undefined {
  return firstHit(text.lower, CATEGORIES(text), (m) => {
    const hit = countFrom(text, m);
    return hit && hit.value >= MIN_CATEGORIES && hit.value <= MAX_CATEGORIES ? hit : undefined;
  });
}
