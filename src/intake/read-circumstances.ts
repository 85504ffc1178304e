import type { Deadline, FailureMode } from '../interview/answers.js';
import { clauseAround, firstHit, type Hit, type ScanText } from './scan-text.js';

/**
 * What the team says about its situation: the deadline ("we need it by friday"), what the
 * failures have in common ("it fails on format") and whether the spec still moves.
 */

type Phrase<T> = { value: T; pattern: RegExp /** True when the words alone are about a deadline. */; alone?: boolean };

const WEEKDAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri)`;
const FEW = String.raw`(?:a\s+few|a\s+couple(?:\s+of)?|two|three|four|five|six|2|3|4|5|6)`;

const DEADLINES: readonly Phrase<Deadline>[] = [
  { value: 'this-week', pattern: new RegExp(String.raw`\b(?:by|before|until|on)\s+(?:this\s+)?(?:${WEEKDAY}|the\s+weekend|end\s+of\s+(?:the\s+|this\s+)?week|eow)\b`, 'g'), alone: true },
  { value: 'this-week', pattern: /\b(?:asap|a\.s\.a\.p|as\s+soon\s+as\s+possible|urgent(?:ly)?|no\s+later\s+than\s+(?:this\s+week|friday))\b/g, alone: true },
  {
    value: 'this-week',
    pattern: new RegExp(
      String.raw`\b(?:this\s+week(?:end)?|in\s+${FEW}\s+days|within\s+(?:${FEW}\s+)?days|in\s+(?:a|one|1)\s+week|within\s+(?:a|one|1|the)\s+week|tomorrow|today|end\s+of\s+(?:the\s+)?week)\b`,
      'g',
    ),
  },
  { value: 'this-month', pattern: new RegExp(String.raw`\b(?:by|before|until|on)\s+next\s+${WEEKDAY}\b|\b(?:by|before)\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month\b`, 'g'), alone: true },
  { value: 'this-week', pattern: new RegExp(String.raw`\bthis\s+${WEEKDAY}\b`, 'g') },
  { value: 'this-month', pattern: new RegExp(String.raw`\bnext\s+${WEEKDAY}\b`, 'g') },
  {
    value: 'this-month',
    pattern: new RegExp(
      String.raw`\b(?:this\s+month|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|next\s+week|in\s+${FEW}\s+weeks|within\s+${FEW}\s+weeks|in\s+a\s+(?:month|fortnight)|within\s+(?:a|one|1|the)\s+month)\b(?!\s+or\s+(?:two|so))`,
      'g',
    ),
  },
  { value: 'this-quarter', pattern: /\b(?:by|before)\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?quarter\b/g, alone: true },
  {
    value: 'this-quarter',
    pattern:
      /\b(?:this\s+quarter|next\s+quarter|next\s+month|in\s+(?:a\s+few|a\s+couple(?:\s+of)?|two|three|2|3)\s+months|within\s+(?:the\s+quarter|(?:two|three|2|3)\s+months)|in\s+a\s+month\s+or\s+(?:two|so))\b/g,
  },
  { value: 'later', pattern: /\b(?:no\s+(?:rush|hurry|deadline|time\s+pressure|fixed\s+deadline|hard\s+deadline)|not\s+(?:urgent|in\s+a\s+hurry|in\s+a\s+rush)|whenever)\b/g, alone: true },
  {
    value: 'later',
    pattern: /\b(?:next\s+year|later\s+this\s+year|in\s+(?:four|five|six|nine|twelve|4|5|6|9|12)\s+months|eventually|someday|some\s+day|later)\b(?!\s+this\s+(?:week|month|quarter))/g,
  },
];
/** Words that make "this week" a deadline, not when something happened ("we had 50k tickets this week"). */
const DEADLINE_CONTEXT =
  /\b(?:need|needs|needed|ship|ships|shipping|launch|launching|deliver|done|ready|deadline|due|live|release|must|have\s+to|has\s+to|got\s+to|want|wants|decide|decision|finish|complete|deploy|deploying|production|go-live|timeline|start|starting|begin|hope|hoping|aim|aiming|plan\s+to|planning\s+to|target)\b/;
/** "by this friday", "before next month": the word before makes it a deadline. */
const DEADLINE_BEFORE = /\b(?:by|before|within|until|for)\s+$/;
/** "two weeks later", "sooner or later" are not a deadline. */
const NOT_LATER = /(?:\b(?:days?|weeks?|months?|years?|tries|hours?|minutes?|sooner\s+or|or)\s+)$/;

const FAILURES: readonly Phrase<FailureMode>[] = [
  {
    value: 'format',
    pattern:
      /\b(?:(?:fail(?:s|ing|ures?)?|struggles?|breaks?|problems?|issues?|errors?|mistakes?|trouble)\s+(?:on|with|in)\s+(?:the\s+)?(?:output\s+)?(?:format(?:ting)?|json|schema)|(?:wrong|bad|broken|invalid|malformed|inconsistent|incorrect)\s+(?:output\s+)?(?:format(?:ting)?|json|xml|yaml|schema|structure)|format(?:ting)?\s+(?:errors?|issues?|problems?|mistakes?|failures?)|(?:does\s*n[o']?t|doesnt|never)\s+follow\s+(?:the\s+|our\s+)?(?:output\s+)?(?:format|schema)|(?:do\s*n[o']?t|dont|does\s*n[o']?t|doesnt)\s+(?:match|fit|follow)\s+(?:the\s+|our\s+)?(?:json\s+|output\s+)?(?:schema|format)|(?:json|schema|output\s+format)\s+(?:is|was|are|comes\s+back)\s+(?:often\s+|sometimes\s+|usually\s+|always\s+)?(?:invalid|broken|malformed|wrong)|break(?:s|ing)?\s+(?:the\s+|our\s+)?(?:json\s+|output\s+)?(?:schema|json|format)|(?:is\s*n[o']?t|isnt|not|never)\s+(?:valid|proper|well[- ]formed)\s+(?:json|xml|yaml)|json\s+(?:breaks|fails|is\s+off))\b/g,
  },
  {
    value: 'style',
    pattern:
      /\b(?:(?:wrong|bad|off|inconsistent|robotic|stiff)\s+(?:tone|style|voice)|(?:tone|style|voice)\s+(?:is|was|are|feels|sounds)\s+(?:off|wrong|inconsistent|robotic)|off[- ]brand|(?:fail(?:s|ing|ures?)?|struggles?|problems?|issues?|errors?)\s+(?:on|with)\s+(?:the\s+)?(?:tone|style|voice))\b/g,
  },
  {
    value: 'knowledge',
    pattern:
      /\b(?:(?:does\s*n[o']?t|doesnt|did\s*n[o']?t|does\s+not|don't)\s+know\s+(?:anything\s+)?(?:about\s+)?(?:our|the|my)|makes?\s+up\s+(?!for\b|(?:about|around|roughly|most|half|the\s+(?:majority|bulk|rest))\b|\d)[a-z][\w-]*(?:\s+(?!and\b|but\b|or\b)[a-z][\w-]*)?|(?:is\s*n[o']?t|is\s+not|not|are\s*n[o']?t)\s+in\s+(?:its|the|their)\s+(?:model'?s\s+)?training\s+data|\b(?:it|model|bot|llm|assistant)\s+(?:often\s+|sometimes\s+|always\s+|just\s+)?invents?\s|missing\s+(?:facts|information|info|knowledge|context)|hallucinat\w*|makes?\s+(?:stuff|things|facts)\s+up|makes?\s+up\s+(?:facts|answers|stuff|things)|(?:wrong|incorrect|made[- ]up|invented|outdated)\s+facts|lacks?\s+(?:the\s+)?(?:knowledge|context|facts))/g,
  },
  {
    value: 'vocabulary',
    pattern:
      /\b(?:(?:jargon|terminology|vocabulary|domain\s+terms|technical\s+terms|acronyms?)\s+(?:errors?|mistakes?|issues?|problems?|wrong)|(?:gets?|uses?|confuses?|misuses?|mixes\s+up|misunderstands?|struggles\s+with|fails\s+(?:on|with)|wrong|doesn't\s+understand|does\s+not\s+understand|doesn't\s+get)\s+(?:the\s+|our\s+)?(?:jargon|terminology|vocabulary|domain\s+terms|technical\s+terms|acronyms|abbreviations)(?:\s+wrong)?)\b/g,
  },
  {
    value: 'reasoning',
    pattern:
      /\b(?:reasoning\s+(?:errors?|mistakes?|failures?|issues?|problems?)|(?:wrong|bad|faulty|flawed|broken)\s+(?:reasoning|logic|math)|(?:math|arithmetic|logic)\s+(?:errors?|mistakes?)|(?:fails?|struggles?)\s+(?:on|with|at)\s+(?:the\s+)?(?:reasoning|math|logic|multi[- ]step)|(?:math|logic|reasoning|arithmetic|calculations?)\s+(?:is|was|are)\s+(?:often\s+|usually\s+|sometimes\s+|always\s+)?(?:wrong|off|bad|broken|flawed|incorrect))\b/g,
  },
  { value: 'none', pattern: /\bno\s+(?:clear\s+|obvious\s+|common\s+|real\s+)?pattern\b|\b(?:failures|errors|mistakes)\s+(?:are|look|seem)\s+random\b/g },
];

const SUBJECT = String.raw`(?:(?:output\s+)?spec(?:s|ification)?|schema|(?:output\s+)?format|requirements?|taxonomy|categories|label\s+set|labels|rules|guidelines)`;
const SPEC: readonly RegExp[] = [
  new RegExp(
    String.raw`\b${SUBJECT}\s+(?<verb>is|are|was|were|'s|'re|has\s+been|have\s+been|isn't|aren't|wasn't|hasn't\s+been)(?<neg>\s+not|n't)?\s+(?:yet\s+|now\s+|pretty\s+(?:much\s+)?|mostly\s+|fully\s+|already\s+|still\s+|constantly\s+|always\s+)?(?<adj>settled|fixed|stable|final|finali[sz]ed|frozen|locked(?:\s+down)?|set\s+in\s+stone|changing|evolving|in\s+flux|moving|shifting|unstable|unsettled|a\s+moving\s+target)\b`,
    'dg',
  ),
  new RegExp(
    String.raw`\b(?:keeps?|kept)\s+(?:on\s+)?(?:changing|evolving|moving|shifting)\b|\bstill\s+(?:changing|evolving|moving|shifting|in\s+flux|being\s+(?:defined|designed|worked\s+out|figured\s+out|decided))\b|\b${SUBJECT}\s+changes?\s+(?:often|a\s+lot|frequently|every|weekly|monthly|constantly|all\s+the\s+time)\b|\bunstable\s+${SUBJECT}`,
    'dg',
  ),
  new RegExp(
    String.raw`\b(?<stable>stable|fixed|settled|frozen|final)\s+${SUBJECT}\b|\b${SUBJECT}\s+(?<wont>won't|will\s+not|doesn't|does\s+not|shouldn't|rarely|never|hardly\s+ever)\s+changes?\b`,
    'dg',
  ),
];
const STABLE_WORDS = /^(?:settled|fixed|stable|final|finali[sz]ed|frozen|locked(?:\s+down)?|set\s+in\s+stone)$/;

function firstPhrase<T>(text: ScanText, phrases: readonly Phrase<T>[], accept: (match: RegExpExecArray, phrase: Phrase<T>) => boolean): Hit<T> | undefined {
  let best: Hit<T> | undefined;
  for (const phrase of phrases) {
    const hit = firstHit(text.lower, [phrase.pattern], (m) => (accept(m, phrase) ? { value: phrase.value, start: m.index, end: m.index + m[0].length } : undefined));
    if (hit && (!best || hit.start < best.start)) best = hit;
  }
  return best;
}

export function readDeadline(text: ScanText): Hit<Deadline> | undefined {
  return firstPhrase(text, DEADLINES, (m, phrase) => {
    if (m[0] === 'later' && NOT_LATER.test(text.lower.slice(Math.max(0, m.index - 20), m.index))) return false;
    if (phrase.alone || DEADLINE_BEFORE.test(text.lower.slice(Math.max(0, m.index - 10), m.index))) return true;
    const clause = clauseAround(text.lower, m.index, m.index + m[0].length);
    return DEADLINE_CONTEXT.test(clause.replace(m[0], ' '));
  });
}

export function readFailureMode(text: ScanText): Hit<FailureMode> | undefined {
  return firstPhrase(text, FAILURES, () => true);
}

export function readSpecStable(text: ScanText): Hit<boolean> | undefined {
  return firstHit(text.lower, SPEC, (m) => {
    const groups = m.groups ?? {};
    const at = { start: m.index, end: m.index + m[0].length };
    if (groups.adj !== undefined) {
      const negated = groups.neg !== undefined || /n't/.test(groups.verb ?? '');
      return { value: STABLE_WORDS.test(groups.adj) !== negated, ...at };
    }
    if (groups.stable !== undefined || groups.wont !== undefined) return { value: true, ...at };
    return { value: false, ...at };
  });
}
