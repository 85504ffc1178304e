import { mergeIntake, readTaskText, type AdviceContext, type IntakeResult, type ModelReading } from '../../src/index.js';
import type { Logger } from '../logging/create-logger.js';

/** Reads a task description into answers: the deterministic reader always, a model when one is configured. */
export type ReadIntake = (text: string, ctx: AdviceContext) => Promise<IntakeResult>;

export interface ModelReader {
  read(text: string, ctx: AdviceContext): Promise<ModelReading>;
}

export function createIntake(options: { model: ModelReader | null; logger: Pick<Logger, 'warn' | 'info'> }): ReadIntake {
  return async (text, ctx) => {
    const rules = readTaskText(text, ctx);
    // The model reader is time-boxed and never throws; whatever it says is validated field by field.
    const model = options.model ? await options.model.read(text, ctx) : null;
    if (model && !model.ok) options.logger.warn({ reason: model.reason }, 'the language model could not read the task; using the deterministic reader');
    const result = mergeIntake(rules, model);
    options.logger.info({ read: Object.keys(result.answers).length, degraded: result.degraded }, 'intake');
    return result;
  };
}
