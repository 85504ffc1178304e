import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Secrets are redacted wherever they might appear; message text is
 * only ever logged at debug level, by the callers' choice.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'finetune-advisor' },
      redact: {
        paths: ['token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'stateSecret', '*.token', '*.botToken', '*.signingSecret', 'headers.authorization', 'req.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination ?? process.stdout,
  );
}
