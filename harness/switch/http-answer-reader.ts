/**
 * Reads one HTTP/1.x answer from the bytes as they arrive on a socket: the head, then the body
 * in whichever framing the party chose (Content-Length, chunked, or until the connection
 * closes). Interim 1xx answers are skipped. Only the status and up to 1 MB of body are kept: the
 * switch needs no more of a party's answer to a delivery.
 */

/** An answer's head may not exceed this; a body is kept up to the second limit and read on beyond it. */
const MAX_HEAD_BYTES = 64 * 1024;
const MAX_BODY_KEPT = 1024 * 1024;
/** A chunk-size line (with its extensions) or a trailer line may not exceed this. */
const MAX_LINE_BYTES = 8 * 1024;
const CR = 0x0d;
const LF = 0x0a;

export interface HttpAnswer {
  status: number;
  body: Buffer;
  /** The socket may carry another request: framed, no `Connection: close`, nothing left over. */
  reusable: boolean;
  /** The party's `Keep-Alive: timeout=N` hint in ms; Infinity without one. */
  idleHintMs: number;
}

type Framing = { kind: 'length'; left: number } | { kind: 'chunked' } | { kind: 'until-close' };

/** Reads one answer from the bytes as they arrive: head, then the body in whichever framing it has. */
export class AnswerReader {
  private buffer: Buffer = Buffer.alloc(0);
  private status = 0;
  private framing: Framing | undefined;
  private keepAlive = true;
  /** The party's `Keep-Alive: timeout=N` hint, in ms. */
  private idleHintMs = Infinity;
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;
  /** Chunked framing: data bytes left in the current chunk; 0 after its data (CRLF due); -1 before a size line. */
  private chunkLeft = -1;
  private trailers = false;

  /** Feeds bytes (null at the end of the stream); returns the answer once it is complete. */
  push(chunk: Buffer | null): HttpAnswer | undefined {
    if (chunk === null) {
      if (this.framing?.kind === 'until-close') return this.finish(false);
      throw new Error(this.framing ? 'the connection closed in the middle of the answer' : 'the connection closed before an answer');
    }
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (!this.framing) {
        if (!this.readHead()) return undefined;
        continue;
      }
      const complete = this.readBody();
      if (complete) return this.finish(this.keepAlive);
      return undefined;
    }
  }

  /**
   * Parses a head when it is all there; interim 1xx answers are skipped. Like node:http, it
   * skips empty lines before the status line and takes bare LF line ends.
   */
  private readHead(): boolean {
    let start = 0;
    while (start < this.buffer.length && (this.buffer[start] === CR || this.buffer[start] === LF)) start++;
    this.buffer = this.buffer.subarray(start);
    const crlf = this.buffer.indexOf('\r\n\r\n');
    const lf = this.buffer.indexOf('\n\n');
    const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
    if (end < 0) {
      if (this.buffer.length > MAX_HEAD_BYTES) throw new Error(`the answer's head exceeds ${MAX_HEAD_BYTES} bytes`);
      return false;
    }
    const lines = this.buffer.toString('latin1', 0, end).split(/\r?\n/);
    this.buffer = this.buffer.subarray(end + (end === crlf ? 4 : 2));
    const statusLine = /^HTTP\/1\.([01]) (\d{3})(?: |$)/.exec(lines[0] ?? '');
    if (!statusLine) throw new Error(`the answer is not HTTP/1.x: "${(lines[0] ?? '').slice(0, 40)}"`);
    const status = Number(statusLine[2]);
    if (status >= 100 && status < 200) return true;
    const headers = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim().toLowerCase());
    }
    this.status = status;
    const connection = headers.get('connection') ?? '';
    this.keepAlive = statusLine[1] === '1' ? !connection.includes('close') : connection.includes('keep-alive');
    const hint = /timeout=(\d+)/.exec(headers.get('keep-alive') ?? '')?.[1];
    if (hint !== undefined) this.idleHintMs = Number(hint) * 1000;
    const length = headers.get('content-length');
    // 204 and 304 never have a body, whatever their headers say (RFC 9112, 6.3).
    if (status === 204 || status === 304) this.framing = { kind: 'length', left: 0 };
    else if ((headers.get('transfer-encoding') ?? '').includes('chunked')) this.framing = { kind: 'chunked' };
    else if (length !== undefined) {
      if (!/^\d+$/.test(length)) throw new Error(`the answer has an invalid Content-Length "${length}"`);
      this.framing = { kind: 'length', left: Number(length) };
    } else this.framing = { kind: 'until-close' };
    return true;
  }

  /** Consumes body bytes; true once the body is complete. */
  private readBody(): boolean {
    const framing = this.framing as Framing;
    if (framing.kind === 'until-close') {
      this.keep(this.buffer);
      this.buffer = Buffer.alloc(0);
      return false;
    }
    if (framing.kind === 'length') {
      const take = Math.min(framing.left, this.buffer.length);
      this.keep(this.buffer.subarray(0, take));
      framing.left -= take;
      this.buffer = this.buffer.subarray(take);
      return framing.left === 0;
    }
    return this.readChunks();
  }

  /**
   * Chunked framing: size line, data, CRLF, ..., a zero size, trailers, an empty line. Data is
   * taken as it arrives, so a big chunk is never copied over and over while it comes in.
   */
  private readChunks(): boolean {
    for (;;) {
      if (this.chunkLeft > 0) {
        const take = Math.min(this.chunkLeft, this.buffer.length);
        this.keep(this.buffer.subarray(0, take));
        this.buffer = this.buffer.subarray(take);
        this.chunkLeft -= take;
        if (this.chunkLeft > 0) return false;
      }
      if (this.chunkLeft === 0) {
        if (this.buffer.length < 2) return false;
        if (this.buffer[0] !== CR || this.buffer[1] !== LF) throw new Error('the answer has chunk data without its closing CRLF');
        this.buffer = this.buffer.subarray(2);
        this.chunkLeft = -1;
      }
      const line = this.line();
      if (line === undefined) return false;
      if (this.trailers) {
        if (line === '') return true;
        continue;
      }
      const sizeText = line.split(';')[0]?.trim() ?? '';
      if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) throw new Error(`the answer has an invalid chunk size "${sizeText.slice(0, 20)}"`);
      this.chunkLeft = parseInt(sizeText, 16);
      if (this.chunkLeft === 0) {
        this.chunkLeft = -1;
        this.trailers = true;
      }
    }
  }

  /** The next CRLF-ended line, taken from the buffer; undefined while it is incomplete. */
  private line(): string | undefined {
    const end = this.buffer.indexOf('\r\n');
    if (end < 0) {
      if (this.buffer.length > MAX_LINE_BYTES) throw new Error(`the answer has a chunk line over ${MAX_LINE_BYTES} bytes`);
      return undefined;
    }
    const text = this.buffer.toString('latin1', 0, end);
    this.buffer = this.buffer.subarray(end + 2);
    return text;
  }

  private keep(bytes: Buffer): void {
    if (this.keptBytes >= MAX_BODY_KEPT || bytes.length === 0) return;
    const part = bytes.subarray(0, MAX_BODY_KEPT - this.keptBytes);
    this.kept.push(Buffer.from(part));
    this.keptBytes += part.length;
  }

  private finish(reusable: boolean): HttpAnswer {
    // Bytes after a complete answer, with no request outstanding, mean the framing is not to be trusted.
    return {
      status: this.status, body: Buffer.concat(this.kept, this.keptBytes),
      reusable: reusable && this.buffer.length === 0, idleHintMs: this.idleHintMs,
    };
  }
}
