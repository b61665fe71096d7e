import { describe, expect, it } from 'vitest';
import { contentDifference, heenFingerprint, heenKey, intentFingerprint, intentKey } from './business-content.js';
import type { Heenbericht } from '../messages/model.js';
import { budgetafsluiting, heenFor, toekenning } from '../../fixtures/verdicts/ledger-observations.js';

/** A copy of the heen with one change made by `edit`: what a party that alters content sends. */
function altered(heen: Heenbericht, edit: (h: Heenbericht) => void): Heenbericht {
  const copy = structuredClone(heen);
  edit(copy);
  return copy;
}

describe('keys: which business event a message is about', () => {
  it('keys a toekenning by law, Bsn and budget id, the same for its 501', () => {
    const intent = toekenning(1);
    expect(intentKey(intent)).toBe('WMO501|999990001|B1');
    expect(heenKey(heenFor(intent, 'G1'))).toBe('WMO501|999990001|B1');
  });

  it('keys a budgetafsluiting by law, recipient, Bsn and first budget id, the same for its 507', () => {
    const intent = budgetafsluiting(2, '0599');
    expect(intentKey(intent)).toBe('WMO507|0599|999990002|B2');
    expect(heenKey(heenFor(intent, 'S1'))).toBe('WMO507|0599|999990002|B2');
  });

  it('keys a budgetafsluiting without spending with an empty budget id', () => {
    const intent = { ...budgetafsluiting(3), spent: [] };
    expect(intentKey(intent)).toBe('WMO507|0363|999990003|');
    expect(heenKey(heenFor(intent, 'S2'))).toBe('WMO507|0363|999990003|');
  });

  it('keys a 507 without Ontvanger with an empty one', () => {
    const heen = altered(heenFor(budgetafsluiting(4), 'S3'), (h) => { delete h.header.ontvanger; });
    expect(heenKey(heen)).toBe('WMO507||999990004|B4');
  });
});

describe('fingerprints: the whole content', () => {
  it('gives an event and the heen that carries it the same fingerprint', () => {
    for (const intent of [toekenning(1), toekenning(2, { previousId: 'B1', functions: [{ code: '01', amount: 5, freeAmount: 2, period: { start: '2026-02-01' } }] }), budgetafsluiting(3)]) {
      expect(heenFingerprint(heenFor(intent, 'X1', '2.3'))).toBe(intentFingerprint(intent));
    }
  });

  it('writes every field of a toekenning into its fingerprint', () => {
    const intent = toekenning(1, { previousId: 'B0', functions: [{ code: '02', amount: 7, freeAmount: 3, period: { start: '2026-02-01', end: '2026-02-28' } }] });
    expect(intentFingerprint(intent)).toBe('WMO501|999990001|B1|B0|2026-03-02|2026-01-01..2026-12-31|02:7:3:2026-02-01..2026-02-28');
    expect(heenFingerprint(heenFor(intent, 'G1'))).toBe('WMO501|999990001|B1|B0|2026-03-02|2026-01-01..2026-12-31|02:7:3:2026-02-01..2026-02-28');
  });

  it('fills the defaults of a toekenning: no previous budget, free amount 0, the budget period, open ends', () => {
    const intent = toekenning(1, { period: { start: '2026-01-01' } });
    expect(intentFingerprint(intent)).toBe('WMO501|999990001|B1||2026-03-02|2026-01-01..|01:250000:0:2026-01-01..');
    expect(heenFingerprint(heenFor(intent, 'G1'))).toBe(intentFingerprint(intent));
    expect(intentFingerprint(toekenning(1, { period: { start: '2026-01-01', end: null } }))).toBe(intentFingerprint(intent));
  });

  it('writes every field of a budgetafsluiting into its fingerprint', () => {
    const intent = budgetafsluiting(5);
    expect(intentFingerprint(intent)).toBe('WMO507|0363|999990005|B5|B5:01:2026-01-01..2026-03-30:120000:1');
    expect(heenFingerprint(heenFor(intent, 'S1'))).toBe(intentFingerprint(intent));
  });

  it('tells a follow-up from a copy: same key, other fingerprint', () => {
    const first = toekenning(1);
    const followUp = toekenning(1, { previousId: 'B1' });
    expect(intentKey(followUp)).toBe(intentKey(first));
    expect(intentFingerprint(followUp)).not.toBe(intentFingerprint(first));
  });
});

describe('contentDifference', () => {
  const intent = toekenning(1, { functions: [{ code: '01', amount: 250000 }, { code: '02', amount: 1000 }] });
  const heen = heenFor(intent, 'G1');

  it('finds nothing when the message carries its event unchanged', () => {
    expect(contentDifference(intent, heen)).toBeUndefined();
    const closing = budgetafsluiting(2);
    expect(contentDifference(closing, heenFor(closing, 'S1'))).toBeUndefined();
  });

  it('names the first field of a 501 that departs, with both values', () => {
    expect(contentDifference(intent, altered(heen, (h) => { if (h.family === '501') h.client.bsn = '999990009'; })))
      .toBe('Bsn is "999990009" where the business event has "999990001"');
    expect(contentDifference(intent, altered(heen, (h) => { if (h.family === '501') h.client.budget.afgiftedatum = '2026-03-03'; })))
      .toBe('Afgiftedatum is "2026-03-03" where the business event has "2026-03-02"');
    expect(contentDifference(intent, altered(heen, (h) => { if (h.family === '501') h.client.budget.budgetIdentificatieOud = 'B0'; })))
      .toBe('BudgetIdentificatieOud is "B0" where the business event has ""');
  });

  it('names each fixed field of a 501', () => {
    const edits: Array<[string, (h: Heenbericht) => void]> = [
      ['message is "JW501"', (h) => { h.wet = 'JW'; }],
      ['BudgetIdentificatie is "B9"', (h) => { if (h.family === '501') h.client.budget.budgetIdentificatie = 'B9'; }],
      ['BudgetPeriode is "2026-02-01..2026-12-31"', (h) => { if (h.family === '501') h.client.budget.budgetPeriode.begindatum = '2026-02-01'; }],
    ];
    for (const [start, edit] of edits) expect(contentDifference(intent, altered(heen, edit))).toMatch(new RegExp(`^${start.replace(/[.()]/g, '\\$&')} where`));
  });

  it('names each fixed field of a 507', () => {
    const closing = budgetafsluiting(2);
    const sent = heenFor(closing, 'S1');
    expect(contentDifference(closing, altered(sent, (h) => { h.wet = 'JW'; }))).toBe('message is "JW507" where the business event has "WMO507"');
    expect(contentDifference(closing, altered(sent, (h) => { if (h.family === '507') h.client.bsn = '999990009'; }))).toBe('Bsn is "999990009" where the business event has "999990002"');
    expect(contentDifference(closing, altered(sent, (h) => { if (h.family === '507') h.client.functieBudgetBesteed[0]!.budgetIdentificatie = 'B9'; })))
      .toBe('BudgetIdentificatie is "B9" where the business event has "B2"');
  });

  it('numbers the function budgets after the fixed fields', () => {
    expect(contentDifference(intent, altered(heen, (h) => { if (h.family === '501') h.client.budget.functieBudgetten[1]!.functieBudgetBedrag = 10; })))
      .toBe('FunctieBudget 2 is "02:10:0:2026-01-01..2026-12-31" where the business event has "02:1000:0:2026-01-01..2026-12-31"');
  });

  it('reports a missing or an extra function budget as null on the side that lacks it', () => {
    expect(contentDifference(intent, altered(heen, (h) => { if (h.family === '501') h.client.budget.functieBudgetten.pop(); })))
      .toBe('FunctieBudget 2 is null where the business event has "02:1000:0:2026-01-01..2026-12-31"');
    const single = toekenning(1);
    expect(contentDifference(single, heen)).toBe('FunctieBudget 2 is "02:1000:0:2026-01-01..2026-12-31" where the business event has null');
  });

  it('names the fields of a 507 in its own terms', () => {
    const closing = budgetafsluiting(2);
    const sent = heenFor(closing, 'S1');
    expect(contentDifference(closing, altered(sent, (h) => { h.header.ontvanger = '0599'; })))
      .toBe('Ontvanger is "0599" where the business event has "0363"');
    expect(contentDifference(closing, altered(sent, (h) => { if (h.family === '507') h.client.functieBudgetBesteed[0]!.bedrag = 1; })))
      .toBe('FunctieBudgetBesteed 1 is "B2:01:2026-01-01..2026-03-30:1:1" where the business event has "B2:01:2026-01-01..2026-03-30:120000:1"');
  });
});
