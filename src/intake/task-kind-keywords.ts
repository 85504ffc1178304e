import type { TaskKind } from '../interview/answers.js';
import type { Hit, ScanText } from './scan-text.js';

/**
 * The kind of task from its keywords: "classify" is classification, "summarise" summarization,
 * "pull the totals out of PDFs" extraction.
 * The keyword that comes first in the text decides; with none, the kind is left to the interview.
 */

interface Keyword {
  kind: TaskKind;
  pattern: RegExp;
  /** The text just before the keyword that makes it mean something else ("fails to parse"). */
  notAfter?: RegExp;
  /** The text just after it that makes it a failure, not the task ("the tone is off", "the math is wrong"). */
  notBefore?: RegExp;
}

/** "tone is off", "math is often wrong", "our jargon wrong": how it fails, said of a part of the task. */
const SAID_TO_FAIL =
  /^\s+(?:(?:is|was|are|feels|sounds|seems|gets?)\s+(?:often\s+|usually\s+|sometimes\s+|always\s+|a\s+bit\s+|too\s+)?(?:off|wrong|bad|broken|flawed|incorrect|robotic|stiff|inconsistent|formal|informal|casual)|wrong|errors?|mistakes?)\b/;

const KEYWORDS: readonly Keyword[] = [
  {
    kind: 'classification',
    pattern:
      /\b(?:classif(?:y|ies|ied|ying|ication|ications|ier|iers)|(?:re)?categori[sz](?:e|es|ed|ing|ation)|triag(?:e|es|ed|ing)|tag(?:s|ging)?\b(?!\s+along)|into\s+(?:[\w-]+\s+){0,2}?(?:cat[ae]?g[oa]?r(?:y|ies)|classes|intents|buckets|queues)\b|intent\s+detection|sentiment|spam\s+detection|detect(?:s|ing)?\s+spam|sort(?:s|ing)?\s+(?:\w+\s+)?(?:tickets|emails|messages|requests|them)\s+into)/g,
    notAfter: /\b(?:price|name|html|meta)\s*$/,
  },
  {
    // "we route tickets", but not routes on a map ("plan delivery routes") nor traffic between models.
    kind: 'classification',
    pattern: /\brout(?:e|es|ed|ing)\b(?!\s+(?:to\s+)?(?:production|prod)\b|[^.;!?]{0,25}\btraffic\b)/g,
    notAfter: /\b(?:delivery|bus|flight|shipping|travel|driving|walking|api|http|url|the|a|an|best|shortest|fastest|plan|plans|planning)\s+$/,
  },
  {
    // "we label incoming tickets", but not labelling as making training data ("we spent $20k on labelling", "label 500 tickets").
    kind: 'classification',
    pattern:
      /\blabel(?:s|ing|ling)?\s+(?:(?:each|every|all|incoming|new|inbound|the|our|customer|support|user|these)\s+){0,2}(?:tickets?|e-?mails?|messages?|documents?|requests?|reviews?|images?|photos?|items?|posts?|comments?|transactions?|calls?|conversations?|chats?|products?|articles?|records?|them|it)\b/g,
    notAfter: /\b(?:on|for|of|the|a|in|into|with|manual|human|data|hand|more|no|\d[\d,.]*k?)\s*$/,
  },
  {
    kind: 'extraction',
    pattern:
      /\b(?:extract(?:s|ed|ing|ion|ions)?|pars(?:e|es|ed|ing)|pull(?:s|ed|ing)?\s+(?:[^\s.;!?]+\s+){1,8}?out\s+of|pull(?:s|ed|ing)?\s+out\b|pull(?:s|ed|ing)?\s+(?:out\s+)?(?:the\s+|key\s+|all\s+)?(?:\w+\s+)?(?:fields?|data|values?|entities|details|info(?:rmation)?|names|dates|amounts|line\s+items)|structured\s+(?:data|output|json|fields|records)|named\s+entit(?:y|ies)|entity\s+recognition|ner|fill(?:s|ing)?\s+(?:in\s+)?(?:the\s+)?(?:fields|forms?))\b/g,
    notAfter: /\b(?:fails?|failed|failing|can't|cannot|couldn't|won't|doesn't|does\s+not|unable|hard|easy|impossible)\s+(?:to\s+)?$/,
  },
  { kind: 'summarization', pattern: /\bsummar(?:y|ies|i[sz]e|i[sz]es|i[sz]ed|i[sz]ing|i[sz]ation|i[sz]ations)\b/g },
  { kind: 'translation', pattern: /\btranslat(?:e|es|ed|ing|ion|ions|or)\b(?!\s+(?:in)?to\s+(?:about|roughly|around|~|\$|\d))/g },
  {
    kind: 'style',
    pattern:
      /\b(?:tone|style|stylistic|brand(?:ed|ing)?\b(?![\s-]+new)|on-brand|off-brand|voice\b(?!\s*(?:calls?|assistants?|bots?|agents?|notes?|mails?|messages?|memos?|transcri\w*|recordings?|input|interface|commands?))|rewrit(?:e|es|ing)\b(?!\s+(?:the\s+|our\s+|my\s+)?prompt)|paraphras\w*|copywrit\w*)/g,
    notAfter: /(?:\d|\b(?:after|several|many|few|two|three|four|five|six|seven|eight|nine|ten|dozen|couple\s+of|prompt|wrong|bad|off|inconsistent|robotic))\s*$/,
    notBefore: SAID_TO_FAIL,
  },
  {
    kind: 'domain',
    pattern: /\b(?:legal|lawyers?|medical|clinical|health\s*care|jargon|terminology|domain(?![\s-]*names?\b))\b/g,
    notBefore: SAID_TO_FAIL,
  },
  {
    kind: 'knowledge',
    pattern:
      /\b(?:answer(?:s|ing)?\s+(?:\w+\s+){0,2}?questions?\s+(?:about|on|from|using|regarding)|faqs?|knowledge\s*base|kb|(?:our|the|product|internal|help)\s+(?:docs|documentation)|documentation|our\s+products?(?!\s+names?)|product\s+(?:catalog(?:ue)?|questions|info(?:rmation)?)|help\s+cent(?:er|re)|q\s*&\s*a)\b/g,
    notAfter: /\bknows?\s+(?:about\s+)?$/,
  },
  {
    kind: 'reasoning',
    pattern:
      /\b(?:reasoning|reason\s+(?:about|through|over)|math(?:s|ematical)?|arithmetic|planning\b(?!\s+to\b)|plan(?:s)?\s+(?:the|a|an|out|(?:[\w-]+\s+)?(?:routes?|trips?|travel|journeys?|deliveries))\b|plan(?:s)?\s+(?:routes?|trips?|schedules?|itinerar\w+|shifts?|tasks?|steps?|projects?|sprints?|meals?)|multi[- ]?step|step[- ]by[- ]step)\b/g,
    notBefore: SAID_TO_FAIL,
  },
];

/** The task kind the first keyword in the text points to. */
export function readTaskKind(text: ScanText): Hit<TaskKind> | undefined {
  let best: Hit<TaskKind> | undefined;
  for (const { kind, pattern, notAfter, notBefore } of KEYWORDS) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text.lower)) !== null) {
      if (best && match.index >= best.start) break;
      if (notAfter?.test(text.lower.slice(Math.max(0, match.index - 30), match.index))) continue;
      if (notBefore?.test(text.lower.slice(match.index + match[0].length, match.index + match[0].length + 40))) continue;
      best = { value: kind, start: match.index, end: match.index + match[0].length };
      break;
    }
    pattern.lastIndex = 0;
  }
  return best;
}
