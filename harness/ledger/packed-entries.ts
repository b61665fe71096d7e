/**
 * The ledger's entries in columns instead of one object each: a drain of 220,000 events writes
 * 660,000 entries, and as objects (with their hash and receipt strings) they held about 400
 * bytes each for the whole run. Here the values few entries differ in (times, names, releases,
 * identities, codes) are numbers into one table of strings, the SHA-256 and a UUID receipt are
 * their bytes, the numbers sit in a typed array, and an entry becomes an object again only when
 * it is read. Anything out of the ordinary (a hash or receipt of another form, errors) is kept
 * as given, so every entry reads back exactly as it was appended.
 */
import type { LedgerEntry, LedgerKind, LedgerOrigin, SwitchName } from './ledger-entry.js';

/** Entries per chunk: columns grow a chunk at a time, never by copying what is there. */
const CHUNK = 1 << 14;
/** The number fields of an entry, in the Int32 column. */
const enum F { At, Kind, Origin, Switch, Name, Release, Sender, Addressee, Dagtekening, XsdValid, Status, Code, Attempts, Bytes, SentAfter, Count }
const HASH_BYTES = 32;
const UUID_BYTES = 16;
const HEX_HASH = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Kept as given when not of the packed form (not a 64-digit hex hash, a UUID or an int32). */
type AsGiven = Partial<Pick<LedgerEntry, 'xmlHash' | 'ontvangstId' | 'status' | 'attempts' | 'bytes' | 'sentAfter'>>;
const isInt32 = (x: number): boolean => (x | 0) === x;
/** A delivery's `sentAfter` fits its column as a seq (0 or more); -1 there means absent. */
const packsSentAfter = (x: number | undefined): boolean => x === undefined || (isInt32(x) && x >= 0);
/** In the hash and receipt flags: how the value is kept. */
const enum Kept { Null, Bytes, AsGiven }

interface Chunk {
  numbers: Int32Array;
  hashes: Buffer;
  receipts: Buffer;
  /** Per entry: how the hash (low two bits) and the receipt (next two) are kept. */
  flags: Uint8Array;
  identificatie: Array<string | null>;
  identificatieRetour: Array<string | null>;
}

const NO_ERRORS: string[] = Object.freeze([]) as unknown as string[];

export class PackedEntries {
  private readonly chunks: Chunk[] = [];
  private count = 0;
  /** Index 0 is null; each other distinct value once. */
  private readonly table: Array<string | null> = [null];
  private readonly tableIndex = new Map<string, number>();
  /** Values kept as given, and non-empty errors, by entry index. */
  private readonly asGiven = new Map<number, AsGiven>();
  private readonly errors = new Map<number, string[]>();

  get size(): number {
    return this.count;
  }

  push(e: LedgerEntry): void {
    const i = this.count;
    const chunk = this.chunkFor(i);
    const at = i % CHUNK;
    const n = chunk.numbers;
    const base = at * F.Count;
    n[base + F.At] = this.ref(e.at);
    n[base + F.Kind] = this.ref(e.kind);
    n[base + F.Origin] = this.ref(e.origin);
    n[base + F.Switch] = this.ref(e.switch);
    n[base + F.Name] = this.ref(e.name);
    n[base + F.Release] = this.ref(e.release);
    n[base + F.Sender] = this.ref(e.sender);
    n[base + F.Addressee] = this.ref(e.addressee);
    n[base + F.Dagtekening] = this.ref(e.dagtekening);
    n[base + F.XsdValid] = e.xsdValid === null ? -1 : e.xsdValid ? 1 : 0;
    n[base + F.Status] = e.status;
    n[base + F.Code] = this.ref(e.code);
    n[base + F.Attempts] = e.attempts;
    n[base + F.Bytes] = e.bytes;
    n[base + F.SentAfter] = e.sentAfter !== undefined && packsSentAfter(e.sentAfter) ? e.sentAfter : -1;
    chunk.identificatie[at] = e.identificatie;
    chunk.identificatieRetour[at] = e.identificatieRetour;
    let hashKept = Kept.AsGiven;
    if (HEX_HASH.test(e.xmlHash)) {
      chunk.hashes.write(e.xmlHash, at * HASH_BYTES, HASH_BYTES, 'hex');
      hashKept = Kept.Bytes;
    }
    let receiptKept = e.ontvangstId === null ? Kept.Null : Kept.AsGiven;
    if (e.ontvangstId !== null && UUID.test(e.ontvangstId)) {
      chunk.receipts.write(e.ontvangstId.replaceAll('-', ''), at * UUID_BYTES, UUID_BYTES, 'hex');
      receiptKept = Kept.Bytes;
    }
    chunk.flags[at] = hashKept | (receiptKept << 2);
    // Nearly every entry is of the packed form: no object is built for those (this runs 660,000 times).
    if (hashKept === Kept.AsGiven || receiptKept === Kept.AsGiven || !isInt32(e.status) || !isInt32(e.attempts) || !isInt32(e.bytes) || !packsSentAfter(e.sentAfter)) {
      this.asGiven.set(i, asGivenOf(e, hashKept, receiptKept));
    }
    if (e.errors.length > 0) this.errors.set(i, [...e.errors]);
    this.count += 1;
  }

  /** The entry at `i` (0-based) as a fresh object, equal to the one pushed. */
  get(i: number): LedgerEntry {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) {
      throw new RangeError(`The ledger has ${this.count} entries, so entry ${i} does not exist. Fix: read indexes 0 to ${this.count - 1}.`);
    }
    const chunk = this.chunks[Math.floor(i / CHUNK)] as Chunk;
    const at = i % CHUNK;
    const n = chunk.numbers;
    const base = at * F.Count;
    const flags = chunk.flags[at] as number;
    const given = this.asGiven.get(i);
    const xsd = n[base + F.XsdValid];
    const tbl = this.table;
    const entry: LedgerEntry = {
      seq: i + 1,
      at: tbl[n[base + F.At] as number] as string,
      kind: tbl[n[base + F.Kind] as number] as LedgerKind,
      origin: tbl[n[base + F.Origin] as number] as LedgerOrigin,
      switch: tbl[n[base + F.Switch] as number] as SwitchName | null,
      name: tbl[n[base + F.Name] as number] as LedgerEntry['name'],
      release: tbl[n[base + F.Release] as number] as LedgerEntry['release'],
      sender: tbl[n[base + F.Sender] as number] as string | null,
      addressee: tbl[n[base + F.Addressee] as number] as string | null,
      identificatie: chunk.identificatie[at] as string | null,
      identificatieRetour: chunk.identificatieRetour[at] as string | null,
      dagtekening: tbl[n[base + F.Dagtekening] as number] as string | null,
      xsdValid: xsd === -1 ? null : xsd === 1,
      errors: this.errors.get(i) ?? NO_ERRORS,
      status: n[base + F.Status] as number,
      code: tbl[n[base + F.Code] as number] as LedgerEntry['code'],
      ontvangstId: receiptOf(chunk, at, (flags >> 2) & 3),
      attempts: n[base + F.Attempts] as number,
      xmlHash: (flags & 3) === Kept.Bytes ? hexOf(chunk.hashes, at * HASH_BYTES, HASH_BYTES) : '',
      bytes: n[base + F.Bytes] as number,
    };
    const sentAfter = n[base + F.SentAfter] as number;
    if (sentAfter >= 0) entry.sentAfter = sentAfter;
    return given ? { ...entry, ...given } : entry;
  }

  *[Symbol.iterator](): Generator<LedgerEntry, void, undefined> {
    for (let i = 0; i < this.count; i += 1) yield this.get(i);
  }

  private ref(value: string | null): number {
    if (value === null) return 0;
    let index = this.tableIndex.get(value);
    if (index === undefined) {
      index = this.table.length;
      this.table.push(value);
      this.tableIndex.set(value, index);
    }
    return index;
  }

  private chunkFor(i: number): Chunk {
    const k = Math.floor(i / CHUNK);
    let chunk = this.chunks[k];
    if (!chunk) {
      chunk = {
        numbers: new Int32Array(CHUNK * F.Count),
        hashes: Buffer.alloc(CHUNK * HASH_BYTES),
        receipts: Buffer.alloc(CHUNK * UUID_BYTES),
        flags: new Uint8Array(CHUNK),
        identificatie: [],
        identificatieRetour: [],
      };
      this.chunks.push(chunk);
    }
    return chunk;
  }
}

/** The values of an entry not of the packed form, as given. */
function asGivenOf(e: LedgerEntry, hashKept: Kept, receiptKept: Kept): AsGiven {
  return {
    ...(hashKept === Kept.AsGiven ? { xmlHash: e.xmlHash } : {}),
    ...(receiptKept === Kept.AsGiven ? { ontvangstId: e.ontvangstId as string } : {}),
    ...(isInt32(e.status) ? {} : { status: e.status }),
    ...(isInt32(e.attempts) ? {} : { attempts: e.attempts }),
    ...(isInt32(e.bytes) ? {} : { bytes: e.bytes }),
    ...(e.sentAfter === undefined || packsSentAfter(e.sentAfter) ? {} : { sentAfter: e.sentAfter }),
  };
}

function hexOf(bytes: Buffer, from: number, length: number): string {
  return bytes.toString('hex', from, from + length);
}

/** The receipt kept as bytes; one kept as given is filled in from the entry's overrides. */
function receiptOf(chunk: Chunk, at: number, kept: number): string | null {
  if (kept !== Kept.Bytes) return null;
  const hex = hexOf(chunk.receipts, at * UUID_BYTES, UUID_BYTES);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
