/**
 * The switch's ledger: every submission and delivery in order, and every distinct body once.
 * With a directory it streams `entries.jsonl` and `messages.jsonl` as it goes, so the evidence
 * survives a run that dies; with `keepXml: false` no body stays in memory, and the entries are
 * kept in columns (PackedEntries), which keeps a drain of 220,000 events (660,000 entries) within
 * a modest heap.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { JsonlWriter } from './jsonl-writer.js';
import type { LedgerDraft, LedgerEntry } from './ledger-entry.js';
import { PackedEntries } from './packed-entries.js';

export interface LedgerOptions {
  /** Directory for entries.jsonl and messages.jsonl; created when missing. */
  dir?: string;
  /** Keep bodies in memory for xmlOf (default true). */
  keepXml?: boolean;
}

/** One line of messages.jsonl; `body` is base64 when the bytes are not valid UTF-8. */
export interface StoredMessage {
  hash: string;
  bytes: number;
  encoding: 'utf8' | 'base64';
  body: string;
}

// ignoreBOM keeps a byte-order mark in the text: the evidence shows the body as it was sent,
// and GEN-0.1 judges a sender's mark (messages.md: UTF-8 without byte-order mark).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export class Ledger {
  private readonly list = new PackedEntries();
  /** Bodies stored so far, by bodyKey of their hash. */
  private readonly seen = new Set<string>();
  private readonly bodies = new Map<string, string | Uint8Array>();
  private readonly keepXml: boolean;
  private readonly entryFile: JsonlWriter | null;
  private readonly messageFile: JsonlWriter | null;

  constructor(options: LedgerOptions = {}) {
    this.keepXml = options.keepXml ?? true;
    if (options.dir) {
      createDirectory(options.dir);
      this.entryFile = new JsonlWriter(join(options.dir, 'entries.jsonl'));
      this.messageFile = new JsonlWriter(join(options.dir, 'messages.jsonl'));
    } else {
      this.entryFile = null;
      this.messageFile = null;
    }
  }

  /** Records an entry; the body (when given) is stored once per hash. */
  append(draft: LedgerDraft, body?: string | Uint8Array): LedgerEntry {
    const entry: LedgerEntry = { seq: this.list.size + 1, ...draft };
    this.list.push(entry);
    this.entryFile?.write(entry);
    if (body !== undefined && entry.xmlHash !== '') {
      const key = bodyKey(entry.xmlHash);
      if (!this.seen.has(key)) {
        this.seen.add(key);
        this.storeBody(entry.xmlHash, entry.bytes, body);
      }
    }
    return entry;
  }

  /** Every entry so far, in order: fresh objects, equal to those append returned. */
  entries(): readonly LedgerEntry[] {
    return [...this.list];
  }

  /** The entries one at a time, none kept: for a pass over a national-scale ledger. */
  scan(): Iterable<LedgerEntry> {
    return this.list;
  }

  get size(): number {
    return this.list.size;
  }

  /** The body with this hash, when bodies are kept in memory. */
  xmlOf(hash: string): string | undefined {
    const body = this.bodies.get(hash);
    if (body === undefined) return undefined;
    return typeof body === 'string' ? body : lenientUtf8.decode(body);
  }

  /** Resolves once every line so far has been handed to the OS. */
  async flush(): Promise<void> {
    await Promise.all([this.entryFile?.drain(), this.messageFile?.drain()]);
  }

  async close(): Promise<void> {
    await Promise.all([this.entryFile?.close(), this.messageFile?.close()]);
  }

  private storeBody(hash: string, bytes: number, body: string | Uint8Array): void {
    const text = typeof body === 'string' ? body : decodeOrNull(body);
    if (this.keepXml) this.bodies.set(hash, text ?? body);
    if (!this.messageFile) return;
    const stored: StoredMessage = text !== null
      ? { hash, bytes, encoding: 'utf8', body: text }
      : { hash, bytes, encoding: 'base64', body: Buffer.from(body as Uint8Array).toString('base64') };
    this.messageFile.write(stored);
  }
}

const HEX_HASH = /^[0-9a-f]{64}$/;

/**
 * A SHA-256 as its 32 bytes in a one-byte string (48 bytes on the heap against 80 for the hex);
 * any other hash as given, after a character no byte decodes to, so the two never meet.
 */
function bodyKey(xmlHash: string): string {
  return HEX_HASH.test(xmlHash) ? Buffer.from(xmlHash, 'hex').toString('latin1') : `\u0100${xmlHash}`;
}

function createDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new Error(
      `Creating the ledger directory ${dir} failed: ${(err as Error).message}. ` +
        `Fix: pass a directory that can be created and written, e.g. under reports/.`,
    );
  }
}

function decodeOrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
