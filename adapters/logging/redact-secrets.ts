/**
 * What a log line must never hold: credentials a request or an error carries. Three layers, so
 * no one mistake leaks them: pino's `redact` paths for known fields, an `err` serializer that
 * keeps an error's words and code but never the request, config or response hanging off it, and
 * a scrub of credential-looking text in messages and stacks.
 */

/** Fields that are credentials wherever they sit. */
const SECRET_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'set-cookie',
  'x-slack-signature',
  'X-Slack-Signature',
  'token',
  'botToken',
  'appToken',
  'userToken',
  'signingSecret',
  'clientSecret',
  'stateSecret',
  'password',
  'apiKey',
];

/** `key`, `*.key`, `*.*.key` and `*.*.*.key` for each: fast-redact has no recursive wildcard. */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const at = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (at.startsWith('[') ? `${prefix}${at}` : `${prefix}.${at}`);
  return [at.startsWith('[') ? at : key, join('*'), join('*.*'), join('*.*.*')];
});

export const CENSOR = '[redacted]';

const TEXT_SECRETS: [RegExp, string][] = [
  // Header lines and JSON fields: "authorization: …", "Cookie=…", "\"x-slack-signature\":\"…\"".
  [/((?:authorization|cookie|set-cookie|x-slack-signature|token|secret)["']?\s*[:=]\s*["']?)[^"'\n,}]+/gi, `$1${CENSOR}`],
  [/\bBearer\s+[\w\-.~+/=]+/g, `Bearer ${CENSOR}`],
  [/\bBasic\s+[A-Za-z0-9+/=]{8,}/g, `Basic ${CENSOR}`],
  [/\bxox[abpers]-[\w-]+/g, CENSOR],
  [/\bxapp-[\w-]+/g, CENSOR],
  [/\bv0=[0-9a-f]{16,}/g, CENSOR],
];

/** Text with anything that looks like a credential replaced. */
export function scrubText(text: string): string {
  return TEXT_SECRETS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

const str = (value: unknown) => (typeof value === 'string' ? scrubText(value) : undefined);

/**
 * An error as logged: its type, words, stack, code and status, and where it was sent (method and
 * path, no query). The request, config and response objects HTTP clients hang off an error hold
 * headers and bodies, so they are never logged.
 */
export function errorForLog(err: unknown): Record<string, unknown> {
  if (err === null || typeof err !== 'object') return { message: scrubText(String(err)) };
  const e = err as Record<string, unknown> & { request?: Record<string, unknown>; config?: Record<string, unknown>; response?: Record<string, unknown> };
  const url = str(e.config?.url) ?? str(e.request?.path) ?? str(e.request?.url);
  const out: Record<string, unknown> = {
    ...(err instanceof Error && err.name !== 'Error' ? { type: err.name } : {}),
    message: str(e.message) ?? '',
    ...(str(e.stack) ? { stack: str(e.stack) } : {}),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : typeof e.response?.status === 'number' ? { statusCode: e.response.status } : {}),
    ...(str(e.request?.method) ? { method: str(e.request?.method) } : {}),
    ...(url ? { url: url.split('?')[0] } : {}),
  };
  return out;
}
