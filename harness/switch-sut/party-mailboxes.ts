/**
 * The receiving side of every party the suite plays around a switch under test: one loopback
 * HTTP server with a base URL per party (`{server}/partij/{identity}`), where the switch
 * delivers with `POST .../berichten`. Each attempt is noted with the virtual time it arrived at;
 * a scenario can make the next attempts to a party fail (503) to see the switch try again.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../clock/clock.js';
import { isoUtc } from '../clock/moment-text.js';
import { MAX_MESSAGE_BYTES } from '../validation/index.js';

export interface DeliveryAttempt {
  /** The party the switch delivered to (from the path). */
  identity: string;
  /** Virtual time of the suite when the attempt arrived, ISO UTC. */
  at: string;
  /** What the suite answered: 202 custody, 503 a failure it staged, 404/413 a wrong path or size. */
  answered: number;
  /** sha256 hex of the body; empty when it was too large to read. */
  hash: string;
  bytes: number;
}

const PATH = /^\/partij\/([^/]+)\/berichten$/;

export class PartyMailboxes {
  readonly attempts: DeliveryAttempt[] = [];
  private readonly failing = new Map<string, number>();

  private constructor(private readonly server: Server, readonly url: string, private clock: Clock) {}

  static async start(clock: Clock): Promise<PartyMailboxes> {
    let boxes: PartyMailboxes | undefined;
    const server = createServer({ keepAlive: true }, (req, res) => {
      const match = req.method === 'POST' ? PATH.exec((req.url ?? '').split('?')[0] ?? '') : null;
      const chunks: Buffer[] = [];
      let bytes = 0;
      req.on('data', (c: Buffer) => {
        bytes += c.byteLength;
        if (bytes <= MAX_MESSAGE_BYTES) chunks.push(c);
      });
      req.on('end', () => {
        const answer = (status: number, body: object): void => {
          const text = JSON.stringify(body);
          res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
          res.end(text);
        };
        if (!match || !boxes) {
          answer(404, { error: `No party at ${req.method} ${req.url}: deliver with POST {party url}/berichten, the url given in POST /session.` });
          return;
        }
        const identity = decodeURIComponent(match[1] as string);
        const tooLarge = bytes > MAX_MESSAGE_BYTES;
        const status = tooLarge ? 413 : boxes.takeFailure(identity) ? 503 : 202;
        boxes.attempts.push({
          identity, at: isoUtc(boxes.clock.now()), answered: status, bytes,
          hash: tooLarge ? '' : createHash('sha256').update(Buffer.concat(chunks)).digest('hex'),
        });
        answer(status, status === 202 ? {} : { error: status === 503 ? 'staged failure: try again' : 'larger than 25 MB' });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    boxes = new PartyMailboxes(server, `http://127.0.0.1:${port}`, clock);
    return boxes;
  }

  /** The base URL the switch is given for this party. */
  urlOf(identity: string): string {
    return `${this.url}/partij/${encodeURIComponent(identity)}`;
  }

  /** The next `count` attempts to deliver to `identity` are answered 503. */
  failNext(identity: string, count = 1): void {
    this.failing.set(identity, (this.failing.get(identity) ?? 0) + count);
  }

  /** Attempts are judged per session: a new session starts with none. */
  reset(clock: Clock): void {
    this.attempts.length = 0;
    this.failing.clear();
    this.clock = clock;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private takeFailure(identity: string): boolean {
    const left = this.failing.get(identity) ?? 0;
    if (left <= 0) return false;
    this.failing.set(identity, left - 1);
    return true;
  }
}
