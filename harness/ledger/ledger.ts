/**
 * The switch's ledger: every submission and delivery in order, and every distinct body once.
 * With a directory it streams `entries.jsonl` and `messages.jsonl` as it goes, so the evidence
 * survives a run that dies; with `keepXml: false` no body stays in memory, which keeps a
 * 220,000-message run within a modest heap.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { JsonlWriter } from './jsonl-writer.js';
import type { LedgerDraft, LedgerEntry } from './ledger-entry.js';

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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

export class Ledger {
  private readonly list: LedgerEntry[] = [];
  private readonly seen = new Set<string>();
  private readonly bodies = new Map<string, string | Uint8Array>();
  private readonly keepXml: boolean;
  private readonly entryFile: JsonlWriter | null;
  private readonly messageFile: JsonlWriter | null;
  /** Repeated short values (names, codes, dates) shared as one string each. */
  private readonly interned = new Map<string, string>();
  private lastAt = '';

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
    const entry: LedgerEntry = { seq: this.list.length + 1, ...this.compact(draft) };
    this.list.push(entry);
    this.entryFile?.write(entry);
    if (body !== undefined && entry.xmlHash !== '' && !this.seen.has(entry.xmlHash)) {
      this.seen.add(entry.xmlHash);
      this.storeBody(entry.xmlHash, entry.bytes, body);
    }
    return entry;
  }

  entries(): readonly LedgerEntry[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
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

  private compact(draft: LedgerDraft): LedgerDraft {
    // Entries of one moment share their time: one string for them all, not one per entry.
    if (draft.at !== this.lastAt) this.lastAt = draft.at;
    return {
      ...draft,
      at: this.lastAt,
      name: this.intern(draft.name),
      release: this.intern(draft.release),
      sender: this.intern(draft.sender),
      addressee: this.intern(draft.addressee),
      dagtekening: this.intern(draft.dagtekening),
      errors: draft.errors.length === 0 ? NO_ERRORS : draft.errors,
    };
  }

  private intern<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.interned.get(value);
    if (known !== undefined) return known as T;
    this.interned.set(value, value);
    return value;
  }
}

const NO_ERRORS: string[] = Object.freeze([]) as unknown as string[];

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
