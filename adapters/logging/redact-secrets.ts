/**
 * What a log line must never hold: credentials a request or an error carries. Three layers, so
 * no one mistake leaks them: known credential fields replaced at any depth, an `err` serializer that
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

const SECRET_FIELDS = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));
/** Deeper than this a logged object is cut off: nothing this service logs nests so far. */
const MAX_DEPTH = 8;

/**
 * A log line's fields with every credential field replaced, at any depth, and errors nested
 * anywhere reduced as `errorForLog` reduces them. The caller's object is never changed: a copy is
 * made only along a path that held something to replace, so a line without secrets costs a walk.
 */
export function withoutSecrets(fields: Record<string, unknown>): Record<string, unknown> {
  return cleanObject(fields, 0);
}

function cleanObject(fields: Record<string, unknown>, depth: number): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in fields) {
    const value = fields[key];
    // `err` and `error` at the top are left to their serializer, which keeps the error's type.
    const clean = SECRET_FIELDS.has(key.toLowerCase()) ? CENSOR : depth === 0 && (key === 'err' || key === 'error') ? value : cleanValue(value, depth + 1);
    if (clean !== value) (copy ??= { ...fields })[key] = clean;
  }
  return copy ?? fields;
}

function cleanValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'string' && value.length > 8 ? scrubText(value) : value;
  if (value instanceof Error) return errorForLog(value);
  if (depth > MAX_DEPTH) return '[too deep to log]';
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const clean = cleanValue(item, depth + 1);
      if (clean !== item) (copy ??= [...value])[i] = clean;
    });
    return copy ?? value;
  }
  return cleanObject(value as Record<string, unknown>, depth);
}
