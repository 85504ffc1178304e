import { findModel, parseGrader, trialSpecSchema, type PriceCatalogue, type TrialSpec } from '../../src/index.js';
import { readExamplesFile } from './read-examples-file.js';

/** What a person gave for a trial, from any door: texts as typed or read from files. */
export interface TrialRequest {
  /** The prompt first, then its variants. */
  prompts: string[];
  examplesText: string;
  examplesFileName?: string;
  models: string[];
  grader?: string;
  jsonSchema?: Record<string, unknown>;
}

const NEEDS_EXPECTED = /^\s*(exact|equals|contains|labels?|classification|number)\b/i;

/**
 * A trial spec from what a person gave, or every problem in words naming what to fix: the
 * examples' line, the grader, a model the catalogue lacks, a prompt too long.
 */
export function assembleTrial(request: TrialRequest, catalogue: PriceCatalogue): { ok: true; spec: TrialSpec; note?: string } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const read = readExamplesFile(request.examplesText, {
    ...(request.examplesFileName ? { fileName: request.examplesFileName } : {}),
    needsExpected: request.grader !== undefined && NEEDS_EXPECTED.test(request.grader),
  });
  if (!read.ok) return { ok: false, problems: [`examples${request.examplesFileName ? ` (${request.examplesFileName})` : ''}: ${read.message}`] };
  const grader = parseGrader(request.grader, read.examples, request.jsonSchema);
  if (!grader.ok) problems.push(`grader: ${grader.message}`);
  for (const model of request.models) if (!findModel(catalogue, model)) problems.push(`model: "${model}" is not in the price catalogue (finetune-advisor prices lists the ids)`);
  if (request.models.length === 0) problems.push('model: name the model you prompt today (and, to compare, the one you would switch to)');
  const prompts = request.prompts.map((text, i) => ({ label: i === 0 ? 'the prompt' : `variant ${i}`, text }));
  if (!grader.ok || problems.length) return { ok: false, problems };
  const parsed = trialSpecSchema.safeParse({ prompts, examples: read.examples, models: [...new Set(request.models)], grader: grader.grader });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${String(i.path[0] ?? 'trial')}${i.path.length > 1 ? ` ${Number(i.path[1]) + 1}` : ''}: ${i.message}`) };
  return { ok: true, spec: parsed.data, ...(read.note ? { note: read.note } : {}) };
}
