import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  token: string | undefined;
  /** How the body came: `application/json…` or `application/x-www-form-urlencoded`. */
  contentType: string;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks: { type: string; [key: string]: unknown }[];
  /** Set when the message was replaced with chat.update. */
  updated: boolean;
  /** The app's message metadata (event_type and event_payload), as chat.postMessage sent it. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** Who posted it, for a person's message (a shared file). */
  user?: string;
  /** Files shared with the message. */
  files?: SlackFile[];
}

/** A file as Slack lists it on a message; its content is served at url_private_download to a bearer of a bot token. */
export interface SlackFile {
  id: string;
  name: string;
  title: string;
  filetype: string;
  size: number;
  url_private_download: string;
}

interface Failure {
  error: string;
  /** The call takes effect (a message is posted) but its answer is lost: a crash or a timeout after Slack did it. */
  afterDelivery?: boolean;
  status?: number;
  retryAfter?: number;
}

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  if ((req.headers['content-type'] ?? '').includes('application/json')) return raw ? JSON.parse(raw) : {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) body[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  return body;
}

/**
 * A loopback stand-in for Slack's Web API (at /api/<method>) and for response_url (at
 * /respond/<id>): it records what the app sent and keeps the messages as a person would
 * see them, so tests assert on the channel and thread rather than on calls.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  readonly messages = new Map<string, SlackMessage>();
  /** Channels the bot is not a member of: posting there fails with not_in_channel. */
  readonly notMemberOf = new Set<string>();
  /** Like a Slack without the 2025-26 data blocks: a message with a table or a chart is refused with invalid_blocks. */
  refusesDataBlocks = false;
  /** Set to an enterprise id: the next OAuth install is org-wide in that Enterprise Grid organisation. */
  orgWideInstall: string | null = null;
  private failures = new Map<string, Failure[]>();
  private warnings = new Map<string, string[]>();
  private postListeners: ((message: SlackMessage) => void)[] = [];
  private clock = 1_700_000_000_000;
  private server: Server | null = null;
  private sockets: WebSocketServer | null = null;
  private socket: WebSocket | null = null;
  private acks = new Map<string, (ack: unknown) => void>();
  /** Every file's content by id: shared by people, or uploaded by the app. */
  readonly fileContents = new Map<string, string>();
  private uploads = new Map<string, { name: string; content: string }>();
  url = '';

  async start(port = 0): Promise<this> {
    this.server = createServer(async (req, res) => {
      const path = req.url ?? '/';
      if (path.startsWith('/files/')) {
        // A file's content, only with a token (as Slack: url_private needs the bot's token).
        const content = this.fileContents.get(path.slice('/files/'.length));
        if (!req.headers.authorization?.startsWith('Bearer xox')) return void res.writeHead(302, { location: 'https://fake.slack.test/signin' }).end();
        return void (content === undefined ? res.writeHead(404).end('not found') : res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(content));
      }
      if (path.startsWith('/upload/')) {
        let raw = '';
        for await (const chunk of req) raw += chunk;
        const upload = this.uploads.get(path.slice('/upload/'.length));
        if (upload) upload.content = raw;
        return void res.writeHead(upload ? 200 : 404).end(upload ? 'OK - 12' : 'no such upload');
      }
      const body = await readBody(req);
      if (path.startsWith('/respond/')) {
        this.responses.push({ id: path.slice('/respond/'.length), body });
        res.writeHead(200).end('ok');
        return;
      }
      const method = path.replace(/^\/api\//, '').split('?')[0]!;
      this.calls.push({ method, body, token: req.headers.authorization?.replace(/^Bearer /, ''), contentType: req.headers['content-type'] ?? '' });
      const failure = this.failures.get(method)?.shift();
      if (failure?.afterDelivery) this.answer(method, body);
      if (failure) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
        res.writeHead(failure.status ?? 200, headers).end(JSON.stringify({ ok: false, error: failure.error }));
        return;
      }
      const warnings = this.warnings.get(method);
      this.warnings.delete(method);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...this.answer(method, body), ...(warnings ? { response_metadata: { warnings } } : {}) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const client of this.sockets?.clients ?? []) client.terminate();
    this.sockets?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Socket Mode: apps.connections.open hands out a loopback WebSocket that says hello on connect. */
  enableSocketMode(): void {
    this.sockets = new WebSocketServer({ server: this.server!, path: '/socket' });
    this.sockets.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as { envelope_id?: string };
        if (ack.envelope_id) this.acks.get(ack.envelope_id)?.(ack);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0ADVISOR' }, debug_info: { host: 'fake', approximate_connection_time: 18060 } }));
    });
  }

  /** Sends an envelope down the socket, as Slack does, and resolves with the app's acknowledgement. */
  async sendEnvelope(type: string, payload: unknown): Promise<unknown> {
    const socket = await this.waitFor(() => this.socket ?? undefined);
    const envelopeId = `env-${this.calls.length}-${Math.random().toString(36).slice(2)}`;
    const acked = new Promise((resolve) => this.acks.set(envelopeId, resolve));
    socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    return acked;
  }

  /** The next `count` calls of `method` fail with `error` (a 429 with Retry-After for rate limits). */
  failNext(method: string, failure: Failure, count = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array.from({ length: count }, () => failure)]);
  }

  /** The next call of `method` succeeds with these warnings in its response_metadata, as Slack warns of a deprecated argument. */
  warnNext(method: string, warnings: string[]): void {
    this.warnings.set(method, warnings);
  }

  /** A person shares a file in a thread, as from Slack's composer: a message with the file on it. */
  shareFile(channel: string, threadTs: string, user: string, name: string, content: string): SlackFile {
    const id = `F${this.fileContents.size + this.uploads.size + 1}`;
    this.fileContents.set(id, content);
    const file = { id, name, title: name, filetype: name.split('.').pop() ?? 'text', size: Buffer.byteLength(content), url_private_download: `${this.url}/files/${id}` };
    const ts = this.nextTs();
    this.messages.set(`${channel}/${ts}`, { channel, ts, threadTs, text: '', blocks: [], updated: false, user, files: [file] });
    return file;
  }

  /** Files the app uploaded, with where they went and their content. */
  uploadedFiles(): { name: string; content: string; channel: string; threadTs?: string }[] {
    return this.callsOf('files.completeUploadExternal').flatMap((c) => {
      const files = (typeof c.body.files === 'string' ? JSON.parse(c.body.files) : c.body.files) as { id: string }[];
      return files.map((f) => ({
        name: this.uploads.get(f.id)?.name ?? '?',
        content: this.uploads.get(f.id)?.content ?? '',
        channel: String(c.body.channel_id ?? ''),
        ...(c.body.thread_ts ? { threadTs: String(c.body.thread_ts) } : {}),
      }));
    });
  }

  /** Calls `listener` with each message posted from now on (a benchmark waits on it instead of polling). */
  onPost(listener: (message: SlackMessage) => void): void {
    this.postListeners.push(listener);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Top-level messages in a channel, oldest first. */
  channel(channel: string): SlackMessage[] {
    return [...this.messages.values()].filter((m) => m.channel === channel && !m.threadTs);
  }

  /** Replies in a thread, oldest first. */
  thread(channel: string, threadTs: string): SlackMessage[] {
    return [...this.messages.values()].filter((m) => m.channel === channel && m.threadTs === threadTs);
  }

  /** Waits until `check` passes (the app works after acknowledging Slack); fails after `ms`. */
  async waitFor<T>(check: () => T | undefined | false, ms = 3_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting; calls so far: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private nextTs(): string {
    this.clock += 1_000;
    return `${Math.floor(this.clock / 1000)}.${String(this.clock % 1000).padStart(3, '0')}100`;
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const channel = String(body.channel ?? '');
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'finetune-advisor', team_id: 'T0001', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage': {
        if (this.notMemberOf.has(channel)) return { ok: false, error: 'not_in_channel' };
        if (this.refusesDataBlocks && JSON.stringify(body.blocks ?? []).match(/"type":"(table|data_visualization)"/)) return { ok: false, error: 'invalid_blocks' };
        const ts = this.nextTs();
        const message: SlackMessage = { channel, ts, text: String(body.text ?? ''), blocks: (body.blocks as SlackMessage['blocks']) ?? [], updated: false };
        if (body.thread_ts) message.threadTs = String(body.thread_ts);
        if (body.metadata) message.metadata = body.metadata as SlackMessage['metadata'];
        this.messages.set(`${channel}/${ts}`, message);
        for (const listener of this.postListeners) listener(message);
        return { ok: true, channel, ts, message: { ts, text: message.text } };
      }
      case 'chat.update': {
        const key = `${channel}/${String(body.ts)}`;
        const existing = this.messages.get(key);
        if (!existing) return { ok: false, error: 'message_not_found' };
        this.messages.set(key, { ...existing, text: String(body.text ?? ''), blocks: (body.blocks as SlackMessage['blocks']) ?? [], updated: true });
        return { ok: true, channel, ts: body.ts };
      }
      case 'conversations.history': {
        // The channel's own messages (not thread replies), newest first, since `oldest`.
        const oldest = Number(body.oldest ?? 0);
        const withMetadata = String(body.include_all_metadata) === 'true';
        const found = [...this.messages.values()]
          .filter((m) => m.channel === channel && !m.threadTs && Number(m.ts) >= oldest)
          .sort((a, b) => Number(b.ts) - Number(a.ts))
          .map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) }));
        return { ok: true, messages: found, has_more: false };
      }
      case 'conversations.replies': {
        // A thread: its parent and replies, oldest first.
        const parent = String(body.ts ?? '');
        const withMetadata = String(body.include_all_metadata) === 'true';
        const found = [...this.messages.values()]
          .filter((m) => m.channel === channel && (m.ts === parent || m.threadTs === parent))
          .sort((a, b) => Number(a.ts) - Number(b.ts))
          .map((m) => ({
            type: 'message',
            ts: m.ts,
            thread_ts: parent,
            text: m.text,
            ...(m.user ? { user: m.user } : {}),
            ...(m.files ? { files: m.files } : {}),
            ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
          }));
        return found.length ? { ok: true, messages: found, has_more: false } : { ok: false, error: 'thread_not_found' };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.getPermalink':
        return { ok: true, channel, permalink: `https://fake.slack.test/archives/${channel}/p${String(body.message_ts).replace('.', '')}` };
      case 'apps.connections.open':
        return { ok: true, url: `${this.url.replace('http', 'ws')}/socket` };
      case 'oauth.v2.access':
        return {
          ok: true,
          access_token: 'xoxb-installed-token',
          token_type: 'bot',
          scope: 'commands,chat:write',
          bot_user_id: 'UBOT2',
          app_id: 'A0ADVISOR',
          ...(this.orgWideInstall
            ? { team: null, enterprise: { id: this.orgWideInstall, name: 'Grid Org' }, is_enterprise_install: true }
            : { team: { id: 'T0NEW', name: 'New Team' }, enterprise: null, is_enterprise_install: false }),
          authed_user: { id: 'U0ADMIN' },
        };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users)}` } };
      case 'views.open':
        return { ok: true, view: { id: `V${this.calls.length}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${this.fileContents.size + this.uploads.size + 1}`;
        this.uploads.set(id, { name: String(body.filename ?? ''), content: '' });
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = (typeof body.files === 'string' ? JSON.parse(body.files) : body.files) as { id: string; title?: string }[];
        const thread = body.thread_ts ? String(body.thread_ts) : undefined;
        const channelId = String(body.channel_id ?? '');
        for (const f of files) {
          const upload = this.uploads.get(f.id);
          this.fileContents.set(f.id, upload?.content ?? '');
          const ts = this.nextTs();
          const file = {
            id: f.id,
            name: upload?.name ?? '',
            title: f.title ?? upload?.name ?? '',
            filetype: 'yaml',
            size: upload?.content.length ?? 0,
            url_private_download: `${this.url}/files/${f.id}`,
          };
          this.messages.set(`${channelId}/${ts}`, {
            channel: channelId,
            ts,
            ...(thread ? { threadTs: thread } : {}),
            text: String(body.initial_comment ?? ''),
            blocks: [],
            updated: false,
            user: 'UBOT',
            files: [file],
          });
        }
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
      }
      default:
        return { ok: true };
    }
  }
}

/** All the text a person sees in a message: the fallback and every text in its blocks. */
export function visibleText(message: { text: string; blocks: unknown[] }): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    const block = node as { type?: string; rows?: { text: string }[][]; title?: string; chart?: { series: { name: string; data: { label: string; value: number }[] }[] } } | null;
    // A table block reads as its rows, a chart as its title and each series' last point: as a person scans them.
    if (block?.type === 'table' && block.rows) return void texts.push(...block.rows.map((r) => r.map((c) => c.text).join(' | ')));
    if (block?.type === 'data_visualization' && block.chart)
      return void texts.push(`[chart] ${block.title}: ${block.chart.series.map((s) => `${s.name} ${s.data.at(-1)?.value ?? ''} at ${s.data.at(-1)?.label ?? ''}`).join(', ')}`);
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(message.blocks);
  return texts.join('\n') || message.text;
}
