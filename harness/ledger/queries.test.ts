import { describe, expect, it } from 'vitest';
import {
  acceptedSubmissions, deliveriesTo, duplicateAccepted, firstAcceptance, identifierReuse, refusedSubmissions, retoursAccepted,
} from './queries.js';
import type { LedgerEntry } from './ledger-entry.js';
import { loadCalendar } from '../../fixtures/calendars/calendars.js';

const cal = loadCalendar('ipgb-2026');
const iso = (t = cal.heenStop) => t.toUTC().toISO() ?? '';
let seq = 0;
const entry = (over: Partial<LedgerEntry>): LedgerEntry => ({
  seq: ++seq, at: iso(), kind: 'submission', origin: 'put', switch: 'GGk', name: 'WMO501', release: '2.0.2',
  sender: '0363', addressee: 'SVB', identificatie: 'G1', identificatieRetour: null, dagtekening: null, xsdValid: true,
  errors: [], status: 202, code: null, ontvangstId: 'u', attempts: 1, xmlHash: `h${seq}`, bytes: 1, ...over,
});

const before = entry({ at: iso(cal.heenStop.minus({ milliseconds: 1 })) });
const atT0 = entry({ identificatie: 'G2', status: 503, code: 'IB103' });
const retour = entry({ origin: 'counterparty', name: 'WMO502', sender: 'SVB', addressee: '0363', identificatieRetour: 'R1' });
const otherSendersRetour = entry({ origin: 'counterparty', name: 'WMO502', sender: 'SVB', addressee: '0599', identificatieRetour: 'R2' });
const againHeen = entry({ at: iso(cal.goLive), release: '2.3', xmlHash: before.xmlHash });
const reused = entry({ at: iso(cal.goLive), release: '2.3', identificatie: 'G1', xmlHash: 'different' });
const delivered = entry({ kind: 'delivery', origin: 'suite', name: 'WMO507', sender: 'SVB', addressee: '0363', status: 202 });
const failed = entry({ kind: 'delivery', origin: 'suite', name: 'WMO507', sender: 'SVB', addressee: '0363', status: 0, attempts: 4 });
const all = [before, atT0, retour, otherSendersRetour, againHeen, reused, delivered, failed];

describe('ledger queries', () => {
  it('select accepted and refused submissions by origin, family and half-open time window', () => {
    expect(acceptedSubmissions(all, { origin: 'put', families: ['501'], before: cal.heenStop })).toEqual([before]);
    expect(acceptedSubmissions(all, { names: ['WMO501'], from: cal.goLive })).toEqual([againHeen, reused]);
    expect(acceptedSubmissions(all, { sender: 'SVB' })).toEqual([retour, otherSendersRetour]);
    expect(refusedSubmissions(all, { codes: ['IB103'] })).toEqual([atT0]);
    expect(refusedSubmissions(all, { codes: ['IB004'] })).toEqual([]);
  });

  it('find the retours on a heen, per heen sender', () => {
    expect(retoursAccepted(all, 'WMO501', 'G1')).toEqual([retour, otherSendersRetour]);
    expect(retoursAccepted(all, 'WMO501', 'G1', '0363')).toEqual([retour]);
    expect(retoursAccepted(all, 'WMO501', 'G2')).toEqual([]);
  });

  it('find duplicates (GEN-0.2) and identifier reuse (TR056)', () => {
    expect(duplicateAccepted(all)).toEqual([{ key: 'WMO501 from 0363 with Identificatie G1', entries: [before, againHeen, reused] }]);
    const answeredTwice = entry({ origin: 'counterparty', name: 'WMO502', sender: 'SVB', addressee: '0363', identificatieRetour: 'R9' });
    expect(duplicateAccepted([retour, answeredTwice])).toEqual([{ key: 'answer to WMO501 G1 of 0363', entries: [retour, answeredTwice] }]);
    expect(identifierReuse(all)).toEqual([{ key: 'WMO501 identifier G1 of 0363', entries: [before, againHeen, reused] }]);
    expect(identifierReuse([before, againHeen])).toEqual([]);
  });

  it('find deliveries and first acceptances', () => {
    expect(deliveriesTo(all, '0363')).toEqual([delivered, failed]);
    expect(deliveriesTo(all, '0363', { delivered: false })).toEqual([failed]);
    expect(deliveriesTo(all, 'SVB')).toEqual([]);
    expect(firstAcceptance(all, before.xmlHash)).toBe(before);
    expect(firstAcceptance(all, atT0.xmlHash)).toBeUndefined();
  });
});
