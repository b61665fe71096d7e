import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Ledger, type StoredMessage } from './ledger.js';
import { digestBody } from './body-hash.js';
import type { LedgerDraft } from './ledger-entry.js';

const draftFor = (body: string | Uint8Array, over: Partial<LedgerDraft> = {}): LedgerDraft => ({
  at: '2000-01-01T00:00:00.000Z', kind: 'submission', origin: 'put', switch: 'GGk', name: 'WMO501',
  release: '2.0.2', sender: '0363', addressee: 'SVB', identificatie: 'G1', identificatieRetour: null,
  dagtekening: '2000-01-01', xsdValid: true, errors: [], status: 202, code: null, ontvangstId: 'x',
  attempts: 1, ...digestBody(body), ...over,
});

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);

describe('digestBody', () => {
  it('gives the SHA-256 (hex) of the UTF-8 bytes and their count, for a string and for bytes alike', () => {
    expect(digestBody('abc')).toEqual({ xmlHash: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', bytes: 3 });
    const text = '<b>é€😀</b>';
    const bytes = Buffer.from(text, 'utf8');
    expect(digestBody(text)).toEqual({ xmlHash: createHash('sha256').update(bytes).digest('hex'), bytes: 16 });
    expect(digestBody(new Uint8Array(bytes))).toEqual(digestBody(text));
    expect(digestBody(Uint8Array.of(0xff, 0xfe)).xmlHash).toBe(createHash('sha256').update(Uint8Array.of(0xff, 0xfe)).digest('hex'));
  });
});

describe('Ledger', () => {
  it('numbers entries and keeps each body once', () => {
    const ledger = new Ledger();
    const a = ledger.append(draftFor('<a/>'), '<a/>');
    const b = ledger.append(draftFor('<a/>', { status: 503, code: 'IB103' }), '<a/>');
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a.xmlHash).toBe(b.xmlHash);
    expect(ledger.xmlOf(a.xmlHash)).toBe('<a/>');
    expect(ledger.entries()).toHaveLength(2);
  });

  it('keeps a byte-order mark in the body it stores, as the bytes carried it', () => {
    const ledger = new Ledger();
    const withMark = new Uint8Array(Buffer.from('\uFEFF<a/>', 'utf8'));
    const e = ledger.append(draftFor(withMark), withMark);
    expect(ledger.xmlOf(e.xmlHash)).toBe('\uFEFF<a/>');
  });

  it('keeps no body in memory with keepXml false', () => {
    const ledger = new Ledger({ keepXml: false });
    const e = ledger.append(draftFor('<a/>'), '<a/>');
    expect(ledger.xmlOf(e.xmlHash)).toBeUndefined();
  });

  it('streams entries and each distinct body once to JSONL, readable after close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
    try {
      const ledger = new Ledger({ dir: join(dir, 'run'), keepXml: false });
      const hostile = new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]);
      ledger.append(draftFor('<a/>'), '<a/>');
      ledger.append(draftFor('<a/>', { kind: 'delivery', origin: 'suite' }), '<a/>');
      ledger.append(draftFor('<b>é</b>'), '<b>é</b>');
      ledger.append(draftFor(hostile, { status: 400, code: 'IB001', xsdValid: null }), hostile);
      await ledger.close();
      const entries = readJsonl<{ seq: number; kind: string }>(join(dir, 'run', 'entries.jsonl'));
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(entries[1]?.kind).toBe('delivery');
      const messages = readJsonl<StoredMessage>(join(dir, 'run', 'messages.jsonl'));
      expect(messages.map((m) => m.body)).toEqual(['<a/>', '<b>é</b>', Buffer.from(hostile).toString('base64')]);
      expect(messages.map((m) => m.encoding)).toEqual(['utf8', 'utf8', 'base64']);
      expect(messages[1]).toMatchObject({ hash: digestBody('<b>é</b>').xmlHash, bytes: 9 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has its lines on disk after flush, before close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
    try {
      const ledger = new Ledger({ dir });
      for (let i = 0; i < 3000; i++) ledger.append(draftFor(`<m n="${i}"/>`), `<m n="${i}"/>`);
      await ledger.flush();
      expect(readJsonl(join(dir, 'entries.jsonl'))).toHaveLength(3000);
      expect(readJsonl(join(dir, 'messages.jsonl'))).toHaveLength(3000);
      await ledger.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a directory it cannot create with what, why and fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
    try {
      writeFileSync(join(dir, 'a-file'), '');
      expect(() => new Ledger({ dir: join(dir, 'a-file', 'run') })).toThrow(/Creating the ledger directory .* failed: .*Fix:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
