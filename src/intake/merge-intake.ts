import { INTAKE_FIELDS, type IntakeResult, type ModelReading, type RulesReading } from './intake-types.js';

/**
 * One intake from both readers. The deterministic reader's values stand (they are read from
 * the exact words); the model fills what the rules could not. When a configured model could
 * not be used the intake is marked degraded, so the person hears that a few questions are left.
 */
export function mergeIntake(rules: RulesReading, model: ModelReading | null): IntakeResult {
  const result: IntakeResult = { answers: {}, sources: {}, phrases: { ...rules.phrases }, notes: [...rules.notes], degraded: false };
  const answers = result.answers as Record<string, unknown>;
  for (const field of INTAKE_FIELDS) {
    const fromRules = rules.answers[field];
    const fromModel = model?.ok ? model.answers[field] : undefined;
    if (fromRules !== undefined) {
      answers[field] = fromRules;
      result.sources[field] = 'rules';
    } else if (fromModel !== undefined) {
      answers[field] = fromModel;
      result.sources[field] = 'model';
    }
  }
  if (model && !model.ok && model.reason !== 'not-configured') result.degraded = true;
  return result;
}
