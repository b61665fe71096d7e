/**
 * The message plane on both sides of party-protocol.md: POSTs of one message to `{base}/berichten`
 * over undici (Node's own HTTP client library), one keep-alive `Pool` per base URL, made once per
 * peer rather than once per message. It uses undici's dispatch API, not `request()`: no stream
 * per answer, and the body is kept only up to a bound while the rest is read and dropped (so the
 * socket can carry the next message), which keeps a party's answer from growing the suite's memory.
 */
import { Pool, type Dispatcher } from 'undici';

export interface BerichtenClientOptions {
  /** Sockets per peer; more requests than this wait their turn. Default 8. */
  maxSockets?: number;
  /** Wall-clock time a request may take before it fails as "no answer", waiting for a socket included. Default 10 s. */
  timeoutMs?: number;
}

export interface PostAnswer {
  status: number;
  /** The answer's first MAX_BODY_KEPT bytes: the switch and the party need no more of an answer. */
  body: Buffer;
}

/** The part of an answer's body that is kept; the rest is read on and dropped. */
export const MAX_BODY_KEPT = 1024 * 1024;

/**
 * An idle socket is reused only this long, or a second less than the peer's `Keep-Alive: timeout`
 * hint: servers close idle sockets (node:http after 5 s), and a request sent just as that happens
 * would fail for nothing.
 */
const MAX_IDLE_MS = 4_000;
const IDLE_HINT_MARGIN_MS = 1_000;

export class BerichtenClients {
  private readonly byBase = new Map<string, { pool: Pool; path: string }>();
  private readonly maxSockets: number;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(options: BerichtenClientOptions = {}) {
    this.maxSockets = options.maxSockets ?? 8;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Resolves with the answer's status and (bounded) body; rejects when no complete answer came. */
  post(baseUrl: string, body: Uint8Array, contentType: string): Promise<PostAnswer> {
    if (this.closed) return Promise.reject(new Error('the client was closed'));
    const target = this.byBase.get(baseUrl) ?? this.open(baseUrl);
    return new Promise((resolve, reject) => {
      target.pool.dispatch(
        { method: 'POST', path: target.path, headers: ['content-type', contentType], body },
        new Exchange(this.timeoutMs, resolve, reject),
      );
    });
  }

  /** Ends every socket; requests still waiting or under way fail. */
  close(): void {
    this.closed = true;
    for (const { pool } of this.byBase.values()) void pool.destroy(new Error('the client was closed')).catch(() => undefined);
    this.byBase.clear();
  }

  private open(baseUrl: string): { pool: Pool; path: string } {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:') {
      throw new Error(`Cannot reach ${url.href}: only http:// is spoken on the message plane. Fix: give the party's base URL as http://host:port.`);
    }
    const target = {
      pool: new Pool(url.origin, {
        connections: this.maxSockets,
        keepAliveTimeout: MAX_IDLE_MS,
        keepAliveMaxTimeout: MAX_IDLE_MS,
        keepAliveTimeoutThreshold: IDLE_HINT_MARGIN_MS,
        // The one bound that counts is the request's own timer (Exchange), waiting included.
        headersTimeout: 0,
        bodyTimeout: 0,
      }),
      path: `${url.pathname.replace(/\/+$/, '')}/berichten`,
    };
    this.byBase.set(baseUrl, target);
    return target;
  }
}

/** One request's answer as it arrives, settled exactly once: answer, transport error or timeout. */
class Exchange implements Dispatcher.DispatchHandler {
  private status = 0;
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;
  private controller: Dispatcher.DispatchController | undefined;
  private settled = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly timeoutMs: number,
    private readonly resolve: (answer: PostAnswer) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.timer = setTimeout(() => this.timeout(), timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    // Timed out while it waited for a socket: it is never sent.
    if (this.settled) controller.abort(new Error('timed out before it was sent'));
    else this.controller = controller;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.keptBytes >= MAX_BODY_KEPT) return;
    const part = chunk.length <= MAX_BODY_KEPT - this.keptBytes ? chunk : chunk.subarray(0, MAX_BODY_KEPT - this.keptBytes);
    this.kept.push(part);
    this.keptBytes += part.length;
  }

  onResponseEnd(): void {
    if (this.settle()) this.resolve({ status: this.status, body: this.kept.length === 1 ? this.kept[0] as Buffer : Buffer.concat(this.kept, this.keptBytes) });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.settle()) this.reject(new Error(`no answer (${reasonOf(error)})`));
  }

  private timeout(): void {
    if (!this.settle()) return;
    this.reject(new Error(this.controller
      ? `no answer within ${this.timeoutMs} ms`
      : `no answer within ${this.timeoutMs} ms (no socket came free to send it)`));
    this.controller?.abort(new Error('timed out'));
  }

  /** True the first time only. */
  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    return true;
  }
}

/** undici's error in words a vendor can act on: its code when the message does not carry it. */
function reasonOf(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const cause = (error as { cause?: unknown }).cause;
  const why = error.message + (cause instanceof Error && !error.message.includes(cause.message) ? `: ${cause.message}` : '');
  return code && !why.includes(code) ? `${code}: ${why}` : why;
}
