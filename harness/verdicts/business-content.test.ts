import { describe, expect, it } from 'vitest';
import { contentDifference, heenFingerprint, heenKey, heenNameOfIntent, intentFingerprint, intentKey } from './business-content.js';
import type { Heenbericht, Release } from '../messages/model.js';
import type { BudgetafsluitingIntent, Intent } from '../protocol/party-protocol.js';
import { syntheticBsn } from '../messages/index.js';
import { T0, afsluiting, ownHeen, toekenning, toekenningWith } from './checks/checks-fixture.js';

const heenFor = (intent: Intent, identificatie: string, release: Release = '2.0.2'): Heenbericht => ownHeen(intent, identificatie, T0.minus({ hours: 1 }), release);
const budgetafsluiting = (n: number, recipient = '0363'): BudgetafsluitingIntent => ({ ...afsluiting(n), recipient });
/** Toekenning 1's Bsn and budget, budgetafsluiting n's Bsn and budget (checks-fixture.ts). */
const BSN1 = syntheticBsn(1);
const closingBsn = (n: number) => syntheticBsn(100 + n);
const budget = (n: number) => `B0363-${String(n).padStart(6, '0')}`;

/** A copy of the heen with one change made by `edit`: what a party that alters content sends. */
function altered(heen: Heenbericht, edit: (h: Heenbericht) => void): Heenbericht {
  const copy = structuredClone(heen);
  edit(copy);
  return copy;
}

describe('keys: which business event a message is about', () => {
  it('keys a toekenning by law, Bsn and budget id, the same for its 501', () => {
    const intent = toekenning(1);
    expect(intentKey(intent)).toBe(`WMO501|${BSN1}|${budget(1)}`);
    expect(heenKey(heenFor(intent, 'G1'))).toBe(`WMO501|${BSN1}|${budget(1)}`);
  });

  it('keys a budgetafsluiting by law, recipient, Bsn and first budget id, the same for its 507', () => {
    const intent = budgetafsluiting(2, '0599');
    expect(intentKey(intent)).toBe(`WMO507|0599|${closingBsn(2)}|${budget(2)}`);
    expect(heenKey(heenFor(intent, 'S1'))).toBe(`WMO507|0599|${closingBsn(2)}|${budget(2)}`);
  });

  it('keys a budgetafsluiting without spending with an empty budget id', () => {
    const intent = { ...budgetafsluiting(3), spent: [] };
    expect(intentKey(intent)).toBe(`WMO507|0363|${closingBsn(3)}|`);
    expect(heenKey(heenFor(intent, 'S2'))).toBe(`WMO507|0363|${closingBsn(3)}|`);
  });

  it('keys a 507 without Ontvanger with an empty one', () => {
    const heen = altered(heenFor(budgetafsluiting(4), 'S3'), (h) => { delete h.header.ontvanger; });
    expect(heenKey(heen)).toBe(`WMO507||${closingBsn(4)}|${budget(4)}`);
  });
});

describe('fingerprints: the whole content', () => {
  it('gives an event and the heen that carries it the same fingerprint', () => {
    for (const intent of [toekenning(1), toekenningWith(2, { previousId: budget(1), functions: [{ code: '01', amount: 5, freeAmount: 2, period: { start: '2026-02-01' } }] }), budgetafsluiting(3)]) {
      expect(heenFingerprint(heenFor(intent, 'X1', '2.3'))).toBe(intentFingerprint(intent));
    }
  });

  it('writes every field of a toekenning into its fingerprint', () => {
    const intent = toekenningWith(1, { previousId: 'B0', functions: [{ code: '02', amount: 7, freeAmount: 3, period: { start: '2026-02-01', end: '2026-02-28' } }] });
    const fingerprint = `WMO501|${BSN1}|${budget(1)}|B0|2026-03-02|2026-04-01..2026-12-31|02:7:3:2026-02-01..2026-02-28`;
    expect(intentFingerprint(intent)).toBe(fingerprint);
    expect(heenFingerprint(heenFor(intent, 'G1'))).toBe(fingerprint);
  });

  it('fills the defaults of a toekenning: no previous budget, free amount 0, the budget period, open ends', () => {
    const functions = [{ code: '01', amount: 250000 }];
    const intent = toekenningWith(1, { period: { start: '2026-01-01' }, functions });
    expect(intentFingerprint(intent)).toBe(`WMO501|${BSN1}|${budget(1)}||2026-03-02|2026-01-01..|01:250000:0:2026-01-01..`);
    expect(heenFingerprint(heenFor(intent, 'G1'))).toBe(intentFingerprint(intent));
    expect(intentFingerprint(toekenningWith(1, { period: { start: '2026-01-01', end: null }, functions }))).toBe(intentFingerprint(intent));
  });

  it('writes every field of a budgetafsluiting into its fingerprint', () => {
    const intent = budgetafsluiting(5);
    expect(intentFingerprint(intent)).toBe(`WMO507|0363|${closingBsn(5)}|${budget(5)}|${budget(5)}:01:2026-01-01..2026-02-28:180000:1`);
    expect(heenFingerprint(heenFor(intent, 'S1'))).toBe(intentFingerprint(intent));
  });

  it('tells a follow-up from a copy: same key, other fingerprint', () => {
    const first = toekenning(1);
    const followUp = toekenningWith(1, { previousId: budget(0) });
    expect(intentKey(followUp)).toBe(intentKey(first));
    expect(intentFingerprint(followUp)).not.toBe(intentFingerprint(first));
  });
});

describe('contentDifference', () => {
  const intent = toekenningWith(1, { functions: [{ code: '01', amount: 250000 }, { code: '02', amount: 1000 }] });
  const heen = heenFor(intent, 'G1');

  it('finds nothing when the message carries its event unchanged', () => {
    expect(contentDifference(intent, heen)).toBeUndefined();
    const closing = budgetafsluiting(2);
    expect(contentDifference(closing, heenFor(closing, 'S1'))).toBeUndefined();
  });

  it('names the first field of a 501 that departs, with both values', () => {
    expect(contentDifference(intent, altered(heen, (h) => { if (h.family === '501') h.client.bsn = syntheticBsn(9); })))
      .toBe(`Bsn is "${syntheticBsn(9)}" where the business event has "${BSN1}"`);
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
    expect(contentDifference(closing, altered(sent, (h) => { if (h.family === '507') h.client.bsn = syntheticBsn(9); }))).toBe(`Bsn is "${syntheticBsn(9)}" where the business event has "${closingBsn(2)}"`);
    expect(contentDifference(closing, altered(sent, (h) => { if (h.family === '507') h.client.functieBudgetBesteed[0]!.budgetIdentificatie = 'B9'; })))
      .toBe(`BudgetIdentificatie is "B9" where the business event has "${budget(2)}"`);
  });

  it('numbers the function budgets after the fixed fields', () => {
    expect(contentDifference(intent, altered(heen, (h) => { if (h.family === '501') h.client.budget.functieBudgetten[1]!.functieBudgetBedrag = 10; })))
      .toBe('FunctieBudget 2 is "02:10:0:2026-04-01..2026-12-31" where the business event has "02:1000:0:2026-04-01..2026-12-31"');
  });

  it('reports a missing or an extra function budget as null on the side that lacks it', () => {
    expect(contentDifference(intent, altered(heen, (h) => { if (h.family === '501') h.client.budget.functieBudgetten.pop(); })))
      .toBe('FunctieBudget 2 is null where the business event has "02:1000:0:2026-04-01..2026-12-31"');
    const single = toekenning(1);
    expect(contentDifference(single, heen)).toBe('FunctieBudget 2 is "02:1000:0:2026-04-01..2026-12-31" where the business event has null');
  });

  it('names the fields of a 507 in its own terms', () => {
    const closing = budgetafsluiting(2);
    const sent = heenFor(closing, 'S1');
    expect(contentDifference(closing, altered(sent, (h) => { h.header.ontvanger = '0599'; })))
      .toBe('Ontvanger is "0599" where the business event has "0363"');
    expect(contentDifference(closing, altered(sent, (h) => { if (h.family === '507') h.client.functieBudgetBesteed[0]!.bedrag = 1; })))
      .toBe(`FunctieBudgetBesteed 1 is "${budget(2)}:01:2026-01-01..2026-02-28:1:1" where the business event has "${budget(2)}:01:2026-01-01..2026-02-28:180000:1"`);
  });
});

describe('heenNameOfIntent', () => {
  it('leads a toekenning to a 501 and a budgetafsluiting to a 507 of its law', () => {
    expect(heenNameOfIntent(toekenning(1))).toBe('WMO501');
    expect(heenNameOfIntent({ ...budgetafsluiting(1), wet: 'JW' })).toBe('JW507');
  });
});
