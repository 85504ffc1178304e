/**
 * What the service's one HTTP server lets a caller have: the one table of its limits, with each
 * default's reason. Every limit is a setting (adapters/config/load-config.ts); these are the
 * defaults, sized for Slack's and Teams' real traffic, not for a stranger's.
 */
export interface DoorLimits {
  /** The largest body /slack/events reads (SLACK_MAX_BODY_BYTES). */
  slackBodyBytes: number;
  /** The largest body /api/messages reads (TEAMS_MAX_BODY_BYTES). */
  teamsBodyBytes: number;
  /** A request's head must arrive within this (HEADERS_TIMEOUT_MS); also how long a new connection may stay silent. */
  headersTimeoutMs: number;
  /** The whole request, head and body, must arrive within this (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this (KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number;
  /** Requests being read or answered at once; more get 429 (MAX_REQUESTS_IN_FLIGHT). /healthz is not counted. */
  maxInFlight: number;
  /** The same, per client address, counted only when trustForwardedFor is on (MAX_REQUESTS_PER_CLIENT). */
  maxInFlightPerClient: number;
  /** The service sits behind a proxy that appends the caller's address to X-Forwarded-For (TRUST_X_FORWARDED_FOR). */
  trustForwardedFor: boolean;
}

export const DEFAULT_DOOR_LIMITS: DoorLimits = {
  // Slack documents no request size; the largest thing it sends this app is a message event: text
  // truncated at 40,000 characters (Slack changelog 2018-04, "truncating really long messages"),
  // repeated in its rich_text blocks, up to 6 bytes a character when \u-escaped: 480 KB. The
  // interactivity payloads (form-encoded) carry at most a 50-block message or this app's modals,
  // whose inputs take 3,000 characters each (SLACK_LIMITS.plainTextInput): well under. Twice 480 KB.
  slackBodyBytes: 1024 * 1024,
  // The Bot Connector refuses activities over 262,144 bytes (MessageSizeTooBig); Teams messages are
  // about 28 KB. The largest activity this app gets is its trial form's submit: two inputs of 20,000
  // characters (TEAMS_LIMITS.trialInputMax), 240 KB when \u-escaped. Twice the connector's cap.
  teamsBodyBytes: 512 * 1024,
  // Slack and the Bot Connector send a whole request in milliseconds; Slack gives up after 3 s.
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  // Node's default. Behind a load balancer, set it above the balancer's idle timeout (60 s on AWS ALB).
  keepAliveTimeoutMs: 5_000,
  // 50 interviews answering at once (the service benchmark) fit; at the Slack limit, 64 bodies are 64 MB at worst.
  maxInFlight: 64,
  // Slack and Teams each call from a handful of addresses, with many requests at once from each.
  maxInFlightPerClient: 32,
  trustForwardedFor: false,
};

/** The body each path takes: the two platform endpoints read one; every other path takes none. */
export function bodyLimitFor(path: string, limits: DoorLimits): number {
  if (path === '/slack/events') return limits.slackBodyBytes;
  if (path === '/api/messages') return limits.teamsBodyBytes;
  return 0;
}

/** How often Node checks the two request timeouts (its default, 30 s, would let a slow client stay that long past them). */
export const TIMEOUT_CHECK_EVERY_MS = 1_000;
