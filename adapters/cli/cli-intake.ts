import type { AnswerField, IntakeResult } from '../../src/index.js';
import { openAiFrom } from '../config/load-config.js';
import { createIntake, type ReadIntake } from '../intake/create-intake.js';
import { createLogger } from '../logging/create-logger.js';
import { OpenAiIntake } from '../openai/openai-intake.js';
import type { CliIo } from './cli-io.js';

/** The command line's intake: the deterministic reader, plus a model when OPENAI_API_KEY is set; warnings on stderr. */
export function cliIntake(io: CliIo): ReadIntake {
  const logger = createLogger(io.env.LOG_LEVEL ?? 'warn', io.stderr);
  const timeout = Number(io.env.INTAKE_TIMEOUT_MS);
  const config = openAiFrom({
    OPENAI_API_KEY: io.env.OPENAI_API_KEY,
    OPENAI_BASE_URL: io.env.OPENAI_BASE_URL,
    OPENAI_MODEL: io.env.OPENAI_MODEL,
    INTAKE_TIMEOUT_MS: Number.isFinite(timeout) && timeout >= 200 ? timeout : 4000,
  });
  return createIntake({ model: config ? new OpenAiIntake({ ...config, logger }) : null, logger });
}

/** What `read --json` prints: the answers as in an answers file, and which reader produced each. */
export function intakeJson(intake: IntakeResult) {
  return { answers: intake.answers, readers: intake.sources, phrases: intake.phrases, notes: intake.notes, degraded: intake.degraded };
}

/** An answers file with its task read first: what the file states wins over what was read. */
export function withTaskRead(file: unknown, intake: IntakeResult): { answers: unknown; readFromTask: Partial<Record<AnswerField, string>> } {
  if (!file || typeof file !== 'object' || Array.isArray(file)) return { answers: file, readFromTask: {} };
  const given = file as Record<string, unknown>;
  const readFromTask: Partial<Record<AnswerField, string>> = {};
  for (const [field, source] of Object.entries(intake.sources)) if (given[field] === undefined) readFromTask[field as AnswerField] = source;
  return { answers: { ...intake.answers, ...given }, readFromTask };
}
