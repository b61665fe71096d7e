import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { ledgerExcerpt, MAX_LEDGER_LINES } from './scenario-evidence-writer.js';

const entry = (seq: number, identificatie: string): LedgerEntry =>
  ({ seq, identificatie, identificatieRetour: null, xmlHash: `h${seq}` }) as unknown as LedgerEntry;
const ledger = (n: number): LedgerEntry[] => Array.from({ length: n }, (_, i) => entry(i, `ID${i}`));

describe('ledgerExcerpt', () => {
  it('shows every line of a ledger within the bound, under the plain title', () => {
    const entries = ledger(MAX_LEDGER_LINES);
    expect(ledgerExcerpt(entries, new Set())).toEqual({ title: 'ledger excerpt', entries });
  });

  it('beyond the bound keeps the lines a finding names, then the earliest, in ledger order, and says so', () => {
    const entries = ledger(MAX_LEDGER_LINES * 3);
    const late = `ID${MAX_LEDGER_LINES * 3 - 1}`;
    const excerpt = ledgerExcerpt(entries, new Set([late, 'ID7']));
    expect(excerpt.entries).toHaveLength(MAX_LEDGER_LINES);
    expect(excerpt.entries.at(-1)?.identificatie).toBe(late);
    expect(excerpt.entries.slice(0, MAX_LEDGER_LINES - 1).map((e) => e.seq)).toEqual([...Array(MAX_LEDGER_LINES - 1).keys()]);
    expect(excerpt.title).toBe(`ledger excerpt (${MAX_LEDGER_LINES} of ${MAX_LEDGER_LINES * 3} lines: those a finding names, then the earliest)`);
  });

  it('keeps at most the bound even when findings name more lines', () => {
    const entries = ledger(MAX_LEDGER_LINES * 2);
    const excerpt = ledgerExcerpt(entries, new Set(entries.map((e) => e.identificatie as string)));
    expect(excerpt.entries).toHaveLength(MAX_LEDGER_LINES);
    expect(excerpt.entries[0]?.seq).toBe(0);
  });
});
