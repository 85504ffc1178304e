import { graderSchema, type Grader, type TrialExample } from './trial-spec.js';

export type GraderParsed = { ok: true; grader: Grader } | { ok: false; message: string };

export const GRADER_HELP = 'exact, contains, label (or label: billing, refund, bug), regex: <pattern>, json, number (or number: 0.5 for a tolerance), or rubric: <what a good answer does>';

/** The labels a classification's examples use, when the team names none: each distinct expected answer. */
function labelsOf(examples: TrialExample[]): string[] {
  return [...new Set(examples.map((e) => e.expected?.trim()).filter((x): x is string => !!x))];
}

/**
 * A grader as a person types it, in a form field or on the command line: "label", "label:
 * billing, refund", "regex: ^\d{4}$", "/^\d{4}$/i", "number: 0.5", "rubric: cites the policy".
 * Without one: exact when the examples have expected answers. A JSON Schema comes as a file.
 */
export function parseGrader(text: string | undefined, examples: TrialExample[], jsonSchema?: Record<string, unknown>): GraderParsed {
  const typed = text?.trim() ?? '';
  const hasExpected = examples.some((e) => e.expected !== undefined && e.expected.trim() !== '');
  if (!typed) {
    if (jsonSchema) return { ok: true, grader: { kind: 'json', schema: jsonSchema } };
    return hasExpected
      ? { ok: true, grader: { kind: 'exact' } }
      : { ok: false, message: `the examples have no expected answers, so name a grader that needs none: regex, json or rubric (${GRADER_HELP})` };
  }
  const slashed = /^\/(.+)\/([a-z]*)$/s.exec(typed);
  const [, rawKind = '', rawDetail = ''] = slashed ? ['', 'regex', ''] : (/^([a-z-]+)\s*(?::\s*([\s\S]*))?$/i.exec(typed) ?? []);
  const kind = rawKind
    .toLowerCase()
    .replace(/^classification$|^labels?$/, 'label')
    .replace(/^(equals|exact-match)$/, 'exact')
    .replace(/^regexp?$|^pattern$/, 'regex');
  const detail = rawDetail.trim();
  let candidate: unknown;
  switch (kind) {
    case 'exact':
    case 'contains':
      candidate = { kind };
      break;
    case 'label': {
      const labels = detail ? detail.split(/\s*[,|;]\s*/).filter(Boolean) : labelsOf(examples);
      candidate = { kind, labels };
      break;
    }
    case 'regex': {
      const pattern = slashed ? slashed[1]! : detail;
      const flags = slashed ? slashed[2]! : '';
      try {
        new RegExp(pattern, flags);
      } catch (err) {
        return { ok: false, message: `the pattern ${pattern} is not a regular expression (${(err as Error).message})` };
      }
      candidate = { kind, pattern, ...(flags ? { flags } : {}) };
      break;
    }
    case 'json': {
      // A JSON Schema typed after "json:" (a chat form has no file for it), or given as a file.
      let schema = jsonSchema;
      if (detail) {
        try {
          schema = JSON.parse(detail) as Record<string, unknown>;
        } catch (err) {
          return { ok: false, message: `the JSON Schema after "json:" is not valid JSON (${(err as Error).message}); write json: {"type": "object", "required": ["label"]}` };
        }
        if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { ok: false, message: 'the JSON Schema after "json:" must be an object, e.g. {"type": "object"}' };
      }
      candidate = { kind, ...(schema ? { schema } : {}) };
      break;
    }
    case 'number': {
      const tolerance = detail ? Number(detail.replace(/^±|^\+\/-/, '')) : 0;
      if (!Number.isFinite(tolerance) || tolerance < 0) return { ok: false, message: `"${detail}" is not a tolerance; write number: 0.5 for answers within 0.5 of the expected number` };
      candidate = { kind, tolerance };
      break;
    }
    case 'rubric':
      candidate = { kind, rubric: detail };
      break;
    default:
      return { ok: false, message: `"${typed}" is not a grader; use ${GRADER_HELP}` };
  }
  const parsed = graderSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${kind}: ${issue.message}${kind === 'label' && !detail ? ' (name them: label: billing, refund, bug)' : ''}` };
  }
  if (parsed.data.kind !== 'regex' && parsed.data.kind !== 'json' && parsed.data.kind !== 'rubric' && !hasExpected)
    return { ok: false, message: `the ${kind} grader compares each answer with its expected answer, and the examples have none: add an "expected" column` };
  return { ok: true, grader: parsed.data };
}
