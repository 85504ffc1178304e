import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorMessage {
  id: string;
  conversationId: string;
  replyToId?: string;
  activity: { type: string; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[]; [key: string]: unknown };
  updated: boolean;
}

interface Failure {
  status: number;
  code: string;
}

/**
 * A loopback stand-in for the Bot Connector service a Teams bot replies to: it records what
 * the bot sends, creates (channel threads) and updates, keeps each conversation's messages as
 * a person would see them, and can fail on demand the way Teams does.
 */
export class FakeBotConnector {
  readonly messages: ConnectorMessage[] = [];
  readonly created: Record<string, unknown>[] = [];
  readonly requests: { method: string; path: string }[] = [];
  private failures: { match: RegExp; failure: Failure }[] = [];
  private outages: { match: RegExp; failure: Failure }[] = [];
  private counter = 0;
  private server: Server | null = null;
  /** Files a person attached in Teams, served at /files/<id> (Teams' pre-authorised download links). */
  private files = new Map<string, string>();
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
      if (path.startsWith('/files/') && req.method === 'GET') {
        const content = this.files.get(path.slice('/files/'.length));
        return void (content === undefined ? res.writeHead(404).end('not found') : res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(content));
      }
      const body = raw ? JSON.parse(raw) : {};
      this.requests.push({ method: req.method ?? '', path });
      const send = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      const outage = this.outages.find((o) => o.match.test(`${req.method} ${path}`));
      if (outage) return send(outage.failure.status, { error: { code: outage.failure.code, message: `${outage.failure.code} (an outage of the fake connector)` } });
      const failing = this.failures.findIndex((f) => f.match.test(`${req.method} ${path}`));
      if (failing >= 0) {
        const { failure } = this.failures.splice(failing, 1)[0]!;
        return send(failure.status, { error: { code: failure.code, message: `${failure.code} (from the fake connector)` } });
      }
      const created = /^\/v3\/conversations\/?$/.exec(path);
      if (created && req.method === 'POST') {
        this.created.push(body);
        const id = `root-${++this.counter}`;
        const channel = (body.channelData?.channel?.id as string) ?? 'unknown';
        this.messages.push({ id, conversationId: channel, activity: body.activity ?? {}, updated: false });
        return send(201, { id: `${channel};messageid=${id}`, activityId: id });
      }
      const m = /^\/v3\/conversations\/(.+?)\/activities(?:\/(.+))?$/.exec(path);
      if (!m) return send(404, { error: { code: 'NotFound', message: path } });
      const [, conversationId, activityId] = m as unknown as [string, string, string | undefined];
      if (req.method === 'PUT' && activityId) {
        const existing = this.messages.find((x) => x.id === activityId);
        if (!existing) return send(404, { error: { code: 'NotFound', message: 'no such activity' } });
        existing.activity = body;
        existing.updated = true;
        return send(200, { id: activityId });
      }
      const id = `act-${++this.counter}`;
      this.messages.push({ id, conversationId, ...(activityId ? { replyToId: activityId } : {}), activity: body, updated: false });
      return send(201, { id });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next request matching `METHOD /path` (a regex) fails with Teams' status and error code. */
  failNext(match: RegExp, status: number, code: string): void {
    this.failures.push({ match, failure: { status, code } });
  }

  /** Every request matching `METHOD /path` fails until the outage ends (the SDK's own retries included). */
  outage(match: RegExp, status: number, code: string): { end(): void } {
    const entry = { match, failure: { status, code } };
    this.outages.push(entry);
    return { end: () => void this.outages.splice(this.outages.indexOf(entry), 1) };
  }

  /** A file as Teams links an attachment: the download URL it sends with the message. */
  hostFile(content: string): string {
    const id = `file-${this.files.size + 1}`;
    this.files.set(id, content);
    return `${this.url}/files/${id}`;
  }

  in(conversationId: string): ConnectorMessage[] {
    return this.messages.filter((m) => m.conversationId === conversationId);
  }

  async waitFor<T>(check: () => T | undefined | false, ms = 3_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out; the connector saw: ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** All the text a person reads in a message: its text, every TextBlock and fact, and the button titles. */
export function cardText(message: Pick<ConnectorMessage, 'activity'>): string {
  const texts: string[] = message.activity.text ? [message.activity.text] : [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; text?: unknown; title?: unknown; facts?: { title: string; value: string }[] };
    if (n.type === 'TextBlock' && typeof n.text === 'string') texts.push(n.text);
    if (n.type === 'FactSet') n.facts?.forEach((f) => texts.push(`${f.title} ${f.value}`));
    if (n.type?.startsWith('Action.') && typeof n.title === 'string') texts.push(n.title);
    // Fallbacks are what old clients see instead: not what a person reads in Teams.
    for (const [key, value] of Object.entries(n)) if (key !== 'fallback' && key !== 'facts') walk(value);
  };
  walk(message.activity.attachments?.map((a) => a.content));
  // A non-breaking hyphen (model names, dates) reads as a hyphen.
  return texts.join('\n').replaceAll('\u2011', '-');
}
