/**
 * Strings kept as UTF-8 bytes outside V8's heap until they are read back, each under a number.
 * What waits by the hundred thousand in a national backlog (the packed 501s the counterparty is
 * to answer, the packed business events) is some 110 MB at 220,000 events. On the heap it also
 * raises the size V8 lets the old space reach before its next full collection (a multiple of
 * what is live), so it cost more than its bytes in resident memory; out here it costs its bytes.
 *
 * Strings must be well formed (no lone surrogate, which UTF-8 cannot carry): PlainPacker's output
 * always is, since JSON.stringify writes a lone surrogate as an escape.
 *
 * Bytes go into chunks of 1 MiB, one after another; a chunk is let go once every string in it
 * has been released, so a queue that drains in order gives its memory back as it goes.
 */

const CHUNK_BYTES = 1 << 20;
/** Each string's byte length, before its bytes. */
const LENGTH_BYTES = 4;

interface Chunk {
  bytes: Buffer;
  used: number;
  /** Strings put here and not yet released. */
  live: number;
}

export class OffHeapStrings {
  private readonly chunks: Array<Chunk | undefined> = [];
  private current = -1;

  /** Keeps `text`; the number it returns reads it back (`get`) until it is released. */
  put(text: string): number {
    // At most three bytes per UTF-16 unit: the exact count is needed only near a chunk's end.
    const room = LENGTH_BYTES + text.length * 3;
    let chunk = this.chunks[this.current];
    if (!chunk || chunk.used + room > CHUNK_BYTES) {
      const exact = LENGTH_BYTES + Buffer.byteLength(text, 'utf8');
      if (!chunk || chunk.used + exact > CHUNK_BYTES) chunk = this.open(exact);
    }
    const at = chunk.used;
    const length = chunk.bytes.write(text, at + LENGTH_BYTES, 'utf8');
    chunk.bytes.writeUInt32LE(length, at);
    chunk.used = at + LENGTH_BYTES + length;
    chunk.live += 1;
    return this.current * CHUNK_BYTES + at;
  }

  /** The string kept under `handle`, as put. */
  get(handle: number): string {
    const { chunk, at } = this.locate(handle);
    const from = at + LENGTH_BYTES;
    return chunk.bytes.toString('utf8', from, from + chunk.bytes.readUInt32LE(at));
  }

  /** Lets the string under `handle` go; its chunk goes when nothing in it is left. */
  release(handle: number): void {
    const { chunk, index } = this.locate(handle);
    chunk.live -= 1;
    if (chunk.live > 0) return;
    if (index === this.current) chunk.used = 0;
    else this.chunks[index] = undefined;
  }

  /** Bytes held outside the heap (for the benchmarks). */
  get heldBytes(): number {
    let sum = 0;
    for (const chunk of this.chunks) sum += chunk?.bytes.length ?? 0;
    return sum;
  }

  /** A fresh chunk, made the current one; a string larger than a chunk gets one of its size. */
  private open(bytes: number): Chunk {
    const chunk: Chunk = { bytes: Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes)), used: 0, live: 0 };
    this.chunks.push(chunk);
    this.current = this.chunks.length - 1;
    return chunk;
  }

  private locate(handle: number): { chunk: Chunk; index: number; at: number } {
    const index = Math.floor(handle / CHUNK_BYTES);
    const chunk = Number.isInteger(handle) && handle >= 0 ? this.chunks[index] : undefined;
    if (!chunk || chunk.live === 0) {
      throw new RangeError(`OffHeapStrings holds no string under ${handle}: it was never put here or was released. Fix: read a handle from put() before releasing it, and release it once.`);
    }
    return { chunk, index, at: handle % CHUNK_BYTES };
  }
}
