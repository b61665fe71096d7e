/**
 * A small HTTP/1.1 client for the message plane: POSTs of one message to one origin over a few
 * keep-alive sockets, one request per socket at a time. node:http's client spends about 50 µs of
 * CPU per request on its generality (request objects, header validation, agent bookkeeping);
 * this one about 15, which at 110,000 deliveries is the difference between the switch keeping
 * up with a party and being its bottleneck. It reads any HTTP/1.1 answer a party may give
 * (http-answer-reader.ts) and honours `Connection: close` and `Keep-Alive: timeout`.
 */
import { connect, type Socket } from 'node:net';
import { AnswerReader } from './http-answer-reader.js';

export interface KeepAliveClientOptions {
  /** Sockets to the origin; more requests than this wait their turn. Default 8. */
  maxSockets?: number;
  /** Wall-clock time a request may take before it fails as "no answer". Default 10 s. */
  timeoutMs?: number;
}

export interface PostAnswer {
  status: number;
  body: Buffer;
}

/**
 * An idle socket is reused only this long (or a second less than the party's `Keep-Alive:
 * timeout` hint): servers close idle sockets (node:http after 5 s), and a request sent just as
 * that happens would fail for nothing.
 */
const MAX_IDLE_MS = 4_000;

interface Request {
  head: Buffer;
  body: Uint8Array;
  /** performance.now() by which the answer must be complete, counted from `post`, waiting included. */
  deadline: number;
  resolve(answer: PostAnswer): void;
  reject(error: Error): void;
}

export class KeepAliveClient {
  private readonly host: string;
  private readonly port: number;
  private readonly hostHeader: string;
  private readonly maxSockets: number;
  private readonly timeoutMs: number;
  private readonly all = new Set<Connection>();
  private readonly idle: Connection[] = [];
  private readonly queue: Request[] = [];
  private closed = false;
  private dispatching = false;

  constructor(origin: string | URL, options: KeepAliveClientOptions = {}) {
    const url = new URL(origin);
    if (url.protocol !== 'http:') {
      throw new Error(`Cannot reach ${url.href}: only http:// is spoken on the message plane. Fix: give the party's base URL as http://host:port.`);
    }
    this.host = url.hostname.replace(/^\[|\]$/g, '');
    this.port = Number(url.port || 80);
    this.hostHeader = url.host;
    this.maxSockets = options.maxSockets ?? 8;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Resolves with the answer's status and body; rejects when no complete answer came. */
  post(path: string, body: Uint8Array, contentType: string): Promise<PostAnswer> {
    if (this.closed) return Promise.reject(new Error('the client was closed'));
    const head = Buffer.from(
      `POST ${path} HTTP/1.1\r\nHost: ${this.hostHeader}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.byteLength}\r\n\r\n`,
      'latin1',
    );
    return new Promise((resolve, reject) => {
      this.queue.push({ head, body, deadline: performance.now() + this.timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every socket; requests still waiting or under way fail. */
  close(): void {
    this.closed = true;
    for (const request of this.queue.splice(0)) request.reject(new Error('the client was closed'));
    for (const connection of this.all) connection.retire();
  }

  /**
   * Gives waiting requests to idle sockets, opening new ones up to the limit. Not re-entered:
   * retiring a stale socket reports it gone, and this loop then carries on by itself.
   */
  private dispatch(): void {
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      while (this.queue.length > 0) {
        const next = this.queue[0] as Request;
        if (next.deadline <= performance.now()) {
          // Never sent: no socket came free in time.
          this.queue.shift();
          next.reject(new Error(`no answer within ${this.timeoutMs} ms (no socket came free to send it)`));
          continue;
        }
        let connection = this.idle.pop();
        while (connection?.stale()) {
          connection.retire();
          connection = this.idle.pop();
        }
        connection ??= this.all.size < this.maxSockets ? this.connect() : undefined;
        if (!connection) return;
        this.queue.shift();
        connection.send(next);
      }
    } finally {
      this.dispatching = false;
    }
  }

  private connect(): Connection {
    const connection = new Connection(connect({ host: this.host, port: this.port }), this.timeoutMs, {
      onIdle: (c) => {
        if (this.closed) c.retire();
        else {
          this.idle.push(c);
          this.dispatch();
        }
      },
      onGone: (c) => {
        this.all.delete(c);
        const at = this.idle.indexOf(c);
        if (at >= 0) this.idle.splice(at, 1);
        if (!this.closed) this.dispatch();
      },
    });
    this.all.add(connection);
    return connection;
  }
}

/**
 * The message plane on both sides of party-protocol.md: POSTs to `{base}/berichten`, one client
 * per base URL, made once per peer rather than once per message.
 */
export class BerichtenClients {
  private readonly byBase = new Map<string, { client: KeepAliveClient; path: string }>();

  constructor(private readonly options: KeepAliveClientOptions = {}) {}

  post(baseUrl: string, body: Uint8Array, contentType: string): Promise<PostAnswer> {
    let target = this.byBase.get(baseUrl);
    if (!target) {
      target = {
        client: new KeepAliveClient(baseUrl, this.options),
        path: `${new URL(baseUrl).pathname.replace(/\/+$/, '')}/berichten`,
      };
      this.byBase.set(baseUrl, target);
    }
    return target.client.post(target.path, body, contentType);
  }

  close(): void {
    for (const { client } of this.byBase.values()) client.close();
    this.byBase.clear();
  }
}

interface ConnectionEvents {
  /** Ready for the next request. */
  onIdle(connection: Connection): void;
  /** Closed for good; called once. */
  onGone(connection: Connection): void;
}

/** One socket and the answer being read on it. */
class Connection {
  private current: Request | undefined;
  private timer: NodeJS.Timeout | undefined;
  private answer = new AnswerReader();
  private written = false;
  private gone = false;
  private reuseUntil = 0;

  constructor(private readonly socket: Socket, private readonly timeoutMs: number, private readonly events: ConnectionEvents) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('end', () => this.read(null));
    socket.on('error', (err) => this.fail(`no answer (${err.message})`));
    socket.on('close', () => this.fail('no answer (the connection closed)'));
  }

  send(request: Request): void {
    this.current = request;
    this.written = false;
    this.answer = new AnswerReader();
    this.timer = setTimeout(() => this.fail(`no answer within ${this.timeoutMs} ms`), Math.max(0, request.deadline - performance.now()));
    // An idle socket does not keep the process alive; one carrying a request does.
    this.socket.ref();
    this.socket.cork();
    this.socket.write(request.head);
    this.socket.write(request.body, () => { this.written = true; });
    this.socket.uncork();
  }

  /**
   * Takes the socket out of the pool at once (not when its 'close' event comes, later in the
   * turn), so no request is given to a socket that is already going; one under way fails.
   */
  retire(): void {
    if (this.gone) return;
    this.gone = true;
    this.socket.destroy();
    this.events.onGone(this);
  }

  /** Idle for too long to be trusted with another request, or already closing. */
  stale(): boolean {
    return this.gone || this.socket.destroyed || performance.now() > this.reuseUntil;
  }

  private read(chunk: Buffer | null): void {
    if (!this.current) {
      // Bytes nobody asked for, or the party closing an idle socket: it cannot carry another request.
      this.retire();
      return;
    }
    let done: ReturnType<AnswerReader['push']>;
    try {
      done = this.answer.push(chunk);
    } catch (e) {
      this.fail(`no answer (${(e as Error).message})`);
      return;
    }
    if (!done) return;
    const request = this.current;
    this.current = undefined;
    clearTimeout(this.timer);
    request.resolve({ status: done.status, body: done.body });
    // A socket is reused only when the answer was framed, the party did not ask to close, and
    // the whole request went out (a party may answer 413 before reading a big body).
    if (done.reusable && this.written && !this.gone) {
      this.reuseUntil = performance.now() + Math.min(MAX_IDLE_MS, done.idleHintMs - 1_000);
      this.socket.unref();
      this.events.onIdle(this);
    } else {
      this.retire();
    }
  }

  private fail(why: string): void {
    const request = this.current;
    this.current = undefined;
    clearTimeout(this.timer);
    this.retire();
    request?.reject(new Error(why));
  }
}
