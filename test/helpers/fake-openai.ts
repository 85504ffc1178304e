import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake was sent, as it arrived. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (or the raw text if it was not JSON). */
  body: any;
}

type Step =
  | { kind: 'answer'; content: string }
  | { kind: 'refuse'; refusal: string }
  | { kind: 'status'; status: number; error: Record<string, unknown>; headers?: Record<string, string> }
  /** Never answers: the client's time limit is what ends the call. */
  | { kind: 'hang' }
  /** 200 with a body that is no chat completion. */
  | { kind: 'junk'; body: string };

/** Answers a chat completion request from its body (the model, the messages), as a model would: deterministically. */
export type Responder = (body: { model: string; messages: { role: string; content: string }[] }) => string;

/** Tokens as the fake counts them: words and punctuation marks, a stand-in for a tokenizer that is the same every run. */
export function fakeTokenCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []).length;
}

/**
 * A loopback stand-in for an OpenAI-compatible API (`POST /v1/chat/completions`), for clients
 * made with `baseURL: fake.url + '/v1'`. It records every request and answers from a script:
 * each scripting call queues one answer, each request takes the next, and once the queue runs
 * out the last answer is repeated. `delay(ms)` holds every answer back by that long until it is
 * set to 0 again; `reset()` forgets the script and the delay (not the recorded requests).
 */
export class FakeOpenAi {
  readonly requests: RecordedRequest[] = [];
  url = '';
  private steps: Step[] = [];
  private last: Step | undefined;
  private delayMs = 0;
  private responder: Responder | null = null;
  private server: Server | null = null;
  private counter = 0;

  /** A normal completion whose message content is the JSON of `json`, as structured outputs return it. */
  answerWith(json: unknown): this {
    return this.push({ kind: 'answer', content: JSON.stringify(json) });
  }

  /** A structured-output refusal: `message.refusal` set, `content` null. */
  refuse(refusal = "I'm sorry, I can't help with that."): this {
    return this.push({ kind: 'refuse', refusal });
  }

  /** A completion whose content is not JSON, as a model that ignores the schema writes. */
  garbage(content = 'Sure! It sounds like a classification task with about 12 categories.'): this {
    return this.push({ kind: 'answer', content });
  }

  /** 429 with OpenAI's error body and a retry-after header. */
  rateLimit(retryAfterSeconds = 20): this {
    return this.push({
      kind: 'status',
      status: 429,
      error: { message: 'Rate limit reached for requests (from the fake OpenAI).', type: 'requests', param: null, code: 'rate_limit_exceeded' },
      headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-remaining-requests': '0' },
    });
  }

  /** An error status with OpenAI's error body (500 by default). */
  fail(status = 500): this {
    return this.push({
      kind: 'status',
      status,
      error: { message: `The server had an error while processing your request (status ${status} from the fake OpenAI).`, type: 'server_error', param: null, code: null },
    });
  }

  /**
   * Answers every request the script does not, from its messages, with usage counted from the
   * request and the answer (fakeTokenCount, 3 tokens a message): scripted steps go first.
   */
  answerBy(responder: Responder): this {
    this.responder = responder;
    return this;
  }

  /** One request left unanswered until the client gives up. */
  hang(): this {
    return this.push({ kind: 'hang' });
  }

  /** One answer that is no chat completion (an HTML error page from a proxy). */
  junk(body = '<html><body>502 Bad Gateway</body></html>'): this {
    return this.push({ kind: 'junk', body });
  }

  /** Holds every answer back by `ms` (0 answers at once again). */
  delay(ms: number): this {
    this.delayMs = ms;
    return this;
  }

  /** Forgets the scripted answers and the delay. */
  reset(): this {
    this.steps = [];
    this.last = undefined;
    this.delayMs = 0;
    this.responder = null;
    return this;
  }

  /** The chat completion requests, in order. */
  get completions(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions');
  }

  /** The last chat completion request's body. */
  lastBody(): any {
    const last = this.completions.at(-1);
    if (!last) throw new Error('the fake OpenAI was sent no chat completion');
    return last.body;
  }

  async start(): Promise<this> {
    const timers = new Set<NodeJS.Timeout>();
    this.server = createServer(async (req, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        // kept as text
      }
      const path = (req.url ?? '').split('?')[0]!;
      this.requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      // The answer is the one scripted when the request arrived, not when a delay ends.
      const step = req.method === 'POST' && path === '/v1/chat/completions' ? this.next(body) : undefined;
      const respond = () => this.respond(req.method ?? '', path, body, res, step);
      if (this.delayMs <= 0) return respond();
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) respond();
      }, this.delayMs);
      timers.add(timer);
      res.on('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
    });
    this.server.on('close', () => timers.forEach((t) => clearTimeout(t)));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private push(step: Step): this {
    this.steps.push(step);
    return this;
  }

  private next(body: unknown): Step | undefined {
    const scripted = this.steps.shift();
    if (scripted) return (this.last = scripted);
    if (this.responder && typeof body === 'object' && body !== null) return { kind: 'answer', content: this.responder(body as Parameters<Responder>[0]) };
    return this.last;
  }

  /** Fixed figures for scripted answers (as the intake tests expect); counted ones for a responder's. */
  private usageOf(body: unknown, answer: string): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
    if (!this.responder) return { prompt_tokens: 412, completion_tokens: 58, total_tokens: 470 };
    const messages = (body as { messages?: { content?: unknown }[] }).messages ?? [];
    const prompt = messages.reduce((t, m) => t + 3 + fakeTokenCount(typeof m.content === 'string' ? m.content : ''), 0);
    const completion = fakeTokenCount(answer);
    return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  }

  private respond(method: string, path: string, body: unknown, res: ServerResponse, step: Step | undefined): void {
    const send = (status: number, json: unknown, headers: Record<string, string> = {}): void =>
      void res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_fake_${this.counter}`, ...headers }).end(JSON.stringify(json));
    if (method !== 'POST' || path !== '/v1/chat/completions') {
      return send(404, {
        error: { message: `Unknown request URL: ${method} ${path} (the fake OpenAI serves POST /v1/chat/completions)`, type: 'invalid_request_error', param: null, code: 'unknown_url' },
      });
    }
    if (!step) return send(500, { error: { message: 'the fake OpenAI has no scripted answer', type: 'server_error', param: null, code: null } });
    if (step.kind === 'status') return send(step.status, { error: step.error }, step.headers);
    if (step.kind === 'hang') return;
    if (step.kind === 'junk') return void res.writeHead(200, { 'content-type': 'text/html' }).end(step.body);
    const model = typeof body === 'object' && body !== null && 'model' in body ? String(body.model) : 'gpt-5-mini';
    const message =
      step.kind === 'refuse' ? { role: 'assistant', content: null, refusal: step.refusal, annotations: [] } : { role: 'assistant', content: step.content, refusal: null, annotations: [] };
    send(200, {
      id: `chatcmpl-fake${++this.counter}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: 'stop' }],
      usage: {
        ...this.usageOf(body, step.kind === 'answer' ? step.content : ''),
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: null,
    });
  }
}

/** Starts a fake OpenAI on an ephemeral loopback port. */
export function startFakeOpenAi(): Promise<FakeOpenAi> {
  return new FakeOpenAi().start();
}
