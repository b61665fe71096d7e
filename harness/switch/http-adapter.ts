/**
 * The switch on the wire: `POST /berichten` on 127.0.0.1 (or the given host) over node:http with keep-alive, for a
 * party under test running in its own process. A body past 25 MB is answered IB003 as soon as
 * the limit is crossed; the rest is drained and dropped (never buffered) so the sender still
 * reads the answer instead of a reset connection. A request that is not readable HTTP (a bad
 * request line, headers over 16 KB, broken chunking) gets IB001 in the same JSON as any refusal,
 * and a ledger line, instead of Node's bare 400 or 431.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { MAX_MESSAGE_BYTES } from '../validation/index.js';
import type { SubmissionOrigin, SwitchCore } from './switch-core.js';
import { perTurn } from './turn-batch.js';

export interface SwitchServerOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** The address to listen on; absent: 127.0.0.1. The URL then names 127.0.0.1 for a wildcard. */
  host?: string;
  /** Whose submissions arrive here (default: the party under test). */
  origin?: SubmissionOrigin;
}

export interface SwitchServer {
  url: string;
  close(): Promise<void>;
}

/** What the server needs of a switch: a core, or a front that forwards to the current one. */
export type SwitchFront = Pick<SwitchCore, 'submit' | 'refuseTooLarge' | 'refuseMalformedHttp'>;

/** What Node's HTTP parser found, in words for the sender's log (never the bytes themselves). */
const PARSE_ERRORS: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: 'its request line and headers are larger than the 16 KB a switch reads',
  HPE_INVALID_CHUNK_SIZE: 'its chunked body has a chunk size that is not hexadecimal',
  HPE_STRICT: 'its chunked body is not framed as HTTP/1.1 requires',
  HPE_INVALID_EOF_STATE: 'the connection ended in the middle of the request',
  HPE_INVALID_METHOD: 'its request line has no valid method',
  HPE_INVALID_URL: 'its request line has no valid path',
  HPE_INVALID_VERSION: 'its request line does not end in HTTP/1.1',
  HPE_INVALID_CONSTANT: 'its request line does not end in HTTP/1.1',
  HPE_INVALID_HEADER_TOKEN: 'a header name has characters HTTP does not allow',
  HPE_INVALID_CONTENT_LENGTH: 'its Content-Length is not a number',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'it has both Content-Length and chunked Transfer-Encoding',
  HPE_INVALID_TRANSFER_ENCODING: 'its Transfer-Encoding is not one a switch reads',
};
const describeParseError = (code: string | undefined): string =>
  `the request is not readable HTTP/1.1: ${PARSE_ERRORS[code ?? ''] ?? 'its request line, headers or body framing are malformed'} (${code ?? 'parse error'})`;

export async function startSwitchServer(core: SwitchFront, options: SwitchServerOptions = {}): Promise<SwitchServer> {
  const origin = options.origin ?? 'put';
  // Answers are written after the whole turn's batch is judged, so judging runs back to back.
  const judge = perTurn<{ body: Buffer; res: ServerResponse }>((batch) => {
    const results = batch.map(({ body }) => {
      try {
        return core.submit(body, origin);
      } catch (e) {
        // Not an IB code: the switch itself failed, so the party must keep the message.
        return { status: 500, body: { error: `The simulated switch failed on this message: ${(e as Error).message}. This is a fault of the suite; please report it.` } };
      }
    });
    batch.forEach(({ res }, i) => sendJson(res, results[i]!.status, results[i]!.body));
  });
  const server = createServer({ keepAlive: true }, (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== '/berichten') {
      req.resume();
      sendJson(res, 404, {
        error: `No route ${req.method} ${req.url}: the switch only takes POST /berichten. Fix: submit messages to {switch}/berichten.`,
      });
      return;
    }
    readLimited(req, (body, bytesSeen) => {
      if (body) {
        judge({ body, res });
        return;
      }
      // Past the limit the rest of the body is dropped unread, so the connection is not reused.
      res.setHeader('Connection', 'close');
      const result = core.refuseTooLarge(origin, bytesSeen);
      sendJson(res, result.status, result.body);
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A client that went away, or Node's own request timeout (slowloris), is no malformed message.
    if (!error.code?.startsWith('HPE_') || !socket.writable) {
      if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' && socket.writable) socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      else socket.destroy();
      return;
    }
    let result: { status: number; body: unknown };
    try {
      result = core.refuseMalformedHttp(origin, describeParseError(error.code), socket.bytesRead);
    } catch (e) {
      result = { status: 500, body: { error: `The simulated switch failed on a malformed request: ${(e as Error).message}. This is a fault of the suite; please report it.` } };
    }
    const text = JSON.stringify(result.body);
    socket.end(`HTTP/1.1 ${result.status} ${result.status === 400 ? 'Bad Request' : 'Internal Server Error'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${urlHost(options.host ?? '127.0.0.1')}:${port}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    }),
  };
}

/** Calls back once with the whole body, or with null as soon as it exceeds the limit. */
function readLimited(req: IncomingMessage, done: (body: Buffer | null, bytesSeen: number) => void): void {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > MAX_MESSAGE_BYTES) {
    req.resume();
    done(null, declared);
    return;
  }
  const chunks: Buffer[] = [];
  let seen = 0;
  let finished = false;
  req.on('data', (chunk: Buffer) => {
    if (finished) return;
    seen += chunk.byteLength;
    if (seen > MAX_MESSAGE_BYTES) {
      finished = true;
      chunks.length = 0;
      done(null, seen);
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (finished) return;
    finished = true;
    done(Buffer.concat(chunks, seen), seen);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The host part of a URL reaching a listener on `host`: loopback for a wildcard, brackets for IPv6. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
