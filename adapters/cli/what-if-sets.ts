import { readWhatIf, WHAT_IF_FIELDS, whatIf, type AdviceContext, type Verdict, type WhatIfField, type WhatIfResult } from '../../src/index.js';
import { BadInput } from './bad-input.js';

const isField = (name: string): name is WhatIfField => (WHAT_IF_FIELDS as readonly string[]).includes(name);

/**
 * `advise --answers F --set monthlyCalls=5M --set model=gpt-5.4`: the verdict again with those
 * answers, each read as the interview reads a typed answer. Every bad --set is named at once.
 */
export function verdictWithSets(sets: string[], verdict: Verdict, ctx: AdviceContext): Extract<WhatIfResult, { ok: true }> {
  const typed: Partial<Record<WhatIfField, string>> = {};
  const problems: string[] = [];
  for (const set of sets) {
    const at = set.indexOf('=');
    const name = at > 0 ? set.slice(0, at).trim() : '';
    if (!isField(name)) {
      problems.push(`--set "${set}": write FIELD=VALUE with FIELD one of ${WHAT_IF_FIELDS.join(', ')}, e.g. --set monthlyCalls=5M`);
      continue;
    }
    typed[name] = set.slice(at + 1);
  }
  if (problems.length) throw new BadInput(problems);
  const read = readWhatIf(typed, verdict, ctx);
  if (!read.ok) throw new BadInput(Object.entries(read.errors).map(([field, message]) => `--set ${field}: ${message}`));
  const result = whatIf(verdict, read.changes, ctx);
  if (!result.ok) throw new BadInput(result.errors);
  return result;
}
