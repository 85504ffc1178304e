import net from 'node:net';

/** What came back on a raw connection: the status line's code (null: none came) and whether the server closed the socket. */
export interface RawAnswer {
  status: number | null;
  headers: Record<string, string>;
  closed: boolean;
}

/**
 * A request written byte for byte on its own socket, as a stranger would (fetch can't send a
 * head without its body, lie about Content-Length, or stop half-way). `send` writes to the socket;
 * the answer is read as it comes and resolved once the socket closes, or `waitMs` after the
 * status line arrived (a keep-alive socket left open).
 */
export class RawConnection {
  readonly socket: net.Socket;
  private received = '';
  private closed = false;
  private readonly whenClosed: Promise<void>;

  constructor(url: string) {
    const { hostname, port } = new URL(url);
    this.socket = net.connect({ host: hostname, port: Number(port) });
    // The server may close while we are still writing: that is the answer, not a failure.
    this.socket.on('error', () => undefined);
    this.socket.on('data', (d: Buffer) => void (this.received += d.toString('latin1')));
    this.whenClosed = new Promise((resolve) => this.socket.once('close', () => resolve(void (this.closed = true))));
  }

  /** Writes, resolving once written or once the socket is gone (a write to a closed socket is dropped). */
  send(data: string | Buffer): Promise<void> {
    if (this.socket.destroyed || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.socket.write(data, () => resolve()));
  }

  /** True once the server has closed (or reset) the connection. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** The answer so far, parsed. */
  answer(): RawAnswer {
    const head = this.received.split('\r\n\r\n')[0] ?? '';
    const [statusLine, ...lines] = head.split('\r\n');
    const status = /^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1];
    const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    return { status: status ? Number(status) : null, headers, closed: this.closed };
  }

  /** Waits until the server closes the socket, or `timeoutMs` passes; then the answer. */
  async closedWithin(timeoutMs: number): Promise<RawAnswer> {
    await Promise.race([this.whenClosed, new Promise((r) => setTimeout(r, timeoutMs))]);
    return this.answer();
  }

  /** Waits for a status line (or the socket's end, or `timeoutMs`). */
  async answered(timeoutMs: number): Promise<RawAnswer> {
    for (const deadline = Date.now() + timeoutMs; this.answer().status === null && !this.closed && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 10));
    return this.answer();
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The head of a request, CRLF-terminated, ready to write. */
export function requestHead(method: string, path: string, headers: Record<string, string | number>): string {
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
}
