import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from './ledger-entry.js';
import { PackedEntries } from './packed-entries.js';

const HASH = 'ab'.repeat(32);
const entry = (seq: number, over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  seq, at: '2026-03-30T15:59:59.000Z', kind: 'submission', origin: 'put', switch: 'GGk', name: 'WMO501', release: '2.3',
  sender: '0363', addressee: 'SVB', identificatie: `G${seq}`, identificatieRetour: null, dagtekening: '2026-03-30',
  xsdValid: true, errors: [], status: 202, code: null, ontvangstId: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', attempts: 1,
  xmlHash: HASH, bytes: 2_345, ...over,
});

describe('PackedEntries', () => {
  it('reads every entry back equal to the one pushed, also past a chunk boundary', () => {
    const packed = new PackedEntries();
    const pushed = Array.from({ length: 40_000 }, (_, i) => entry(i + 1, {
      at: `2026-03-30T${String(10 + (i % 10)).padStart(2, '0')}:00:00.000Z`, status: i % 7 === 0 ? 503 : 202,
      xmlHash: (i % 256).toString(16).padStart(2, '0').repeat(32),
    }));
    for (const e of pushed) packed.push(e);
    expect(packed.size).toBe(40_000);
    expect(packed.get(0)).toStrictEqual(pushed[0]);
    expect(packed.get(16_384)).toStrictEqual(pushed[16_384]);
    expect([...packed]).toStrictEqual(pushed);
  });

  it('keeps out-of-the-ordinary values as given: nulls, a short hash, no hash, another receipt, errors, odd numbers', () => {
    const packed = new PackedEntries();
    const odd = [
      entry(1, {
        kind: 'delivery', origin: 'suite', switch: null, name: null, release: null, sender: null, addressee: null, identificatie: null,
        dagtekening: null, xsdValid: null, ontvangstId: null, code: 'IB103', xmlHash: '', bytes: 0,
      }),
      entry(2, { xmlHash: 'h1', ontvangstId: 'R-42', xsdValid: false, errors: ['line 3: bad', 'rule: Bsn'] }),
      entry(3, { xmlHash: HASH.toUpperCase(), ontvangstId: '0F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9', identificatieRetour: 'C0000001' }),
      entry(4, { status: 0, attempts: 2 ** 31, bytes: 1.5 }),
      // Each odd value alone, beside entries of the packed form.
      entry(5, { xmlHash: 'h2' }),
      entry(6, { ontvangstId: 'R-43' }),
      entry(7, { status: 202.5 }),
      entry(8, { attempts: -(2 ** 31) - 1 }),
      entry(9, { bytes: 2 ** 40 }),
      entry(10),
      // A delivery's sentAfter: packed from 0 up, as given below it or past an int32.
      entry(11, { kind: 'delivery', sentAfter: 0 }),
      entry(12, { kind: 'delivery', sentAfter: 11 }),
      entry(13, { kind: 'delivery', sentAfter: -1 }),
      entry(14, { kind: 'delivery', sentAfter: 2 ** 31 }),
    ];
    for (const e of odd) packed.push(e);
    expect([...packed]).toStrictEqual(odd);
  });

  it('copies errors in, so changing the array appended changes no entry', () => {
    const packed = new PackedEntries();
    const errors = ['attempt 1: answered 503'];
    packed.push(entry(1, { errors }));
    errors.push('later');
    expect(packed.get(0).errors).toEqual(['attempt 1: answered 503']);
  });

  it('names the entries there are when asked for one that is not', () => {
    const packed = new PackedEntries();
    packed.push(entry(1));
    expect(() => packed.get(1)).toThrow(/has 1 entries, so entry 1 does not exist.*Fix/);
    expect(() => packed.get(-1)).toThrow(RangeError);
  });
});
