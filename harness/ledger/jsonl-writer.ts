/**
 * An append-only JSON-lines file fed through one buffered write stream. Lines are batched into
 * large writes (never one syscall per message) but handed to the OS within one turn of the
 * event loop, so a run that dies loses at most the lines of its last synchronous burst.
 */
import { createWriteStream, type WriteStream } from 'node:fs';

const BATCH_CHARS = 64 * 1024;
/** A burst of small lines goes out as one write after this long, not one write per event-loop turn. */
const FLUSH_AFTER_MS = 20;

export class JsonlWriter {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingChars = 0;
  private scheduled: NodeJS.Timeout | null = null;
  private failure: Error | null = null;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'w', encoding: 'utf8' });
    this.stream.on('error', (err) => {
      this.failure = err;
    });
  }

  write(record: unknown): void {
    if (this.failure) throw this.writeError(this.failure);
    const line = JSON.stringify(record) + '\n';
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= BATCH_CHARS) this.flushPending();
    else this.scheduled ??= setTimeout(() => this.flushPending(), FLUSH_AFTER_MS);
  }

  /** Resolves once everything written so far has been handed to the OS. */
  drain(): Promise<void> {
    this.flushPending();
    return new Promise((resolve, reject) => {
      this.stream.write('', (err) => (err ? reject(this.writeError(err)) : resolve()));
    });
  }

  async close(): Promise<void> {
    this.flushPending();
    await new Promise<void>((resolve, reject) => {
      this.stream.end((err?: Error | null) => (err ? reject(this.writeError(err)) : resolve()));
    });
    if (this.failure) throw this.writeError(this.failure);
  }

  private flushPending(): void {
    if (this.scheduled) {
      clearTimeout(this.scheduled);
      this.scheduled = null;
    }
    if (this.pending.length === 0) return;
    this.stream.write(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }

  private writeError(err: Error): Error {
    return new Error(
      `Writing the ledger file ${this.path} failed: ${err.message}. ` +
        `Fix: check that the output directory exists, is writable and has free space.`,
    );
  }
}
