import { describe, expect, it } from 'vitest';
import { budgetafsluiting507, toekenning501 } from './heen.js';
import type { Client501, Client507 } from './model.js';
import { isAccepting, retourOn } from './retour.js';

const client501: Client501 = {
  bsn: '999990019',
  budget: {
    budgetIdentificatie: 'B1',
    afgiftedatum: '2026-01-05',
    budgetPeriode: { begindatum: '2026-01-01' },
    functieBudgetten: [
      { zorgfunctie: '01', functieBudgetPeriode: { begindatum: '2026-01-01' }, functieBudgetBedrag: 100, verantwoordingsvrijBedrag: 0 },
    ],
  },
};

const client507: Client507 = {
  bsn: '999990019',
  functieBudgetBesteed: [
    { budgetIdentificatie: 'B1', zorgfunctie: '99', bestedingsPeriode: { begindatum: '2025-01-01' }, bedrag: 5, redenBudgetafsluiting: '2' },
  ],
};

const heen = toekenning501({
  wet: 'WMO', release: '2.0.2', afzender: '0363', identificatie: 'G1', dagtekening: '2026-03-27', client: client501,
});

describe('heen constructors', () => {
  it('fill the 501 header from the catalog for the release', () => {
    expect(heen.header).toEqual({
      berichtCode: '458', berichtVersie: '2', berichtSubversie: '0', afzender: '0363',
      berichtIdentificatie: { identificatie: 'G1', dagtekening: '2026-03-27' },
      xsdVersie: { basisschemaXsdVersie: '2.0.2', berichtXsdVersie: '2.0.2' },
    });
  });

  it('fill the 507 header with Ontvanger and no Afzender', () => {
    const m = budgetafsluiting507({
      wet: 'WLZ', release: '2.3', ontvanger: '5501', identificatie: 'S1', dagtekening: '2026-04-01', client: client507,
    });
    expect(m.family).toBe('507');
    expect(m.header.berichtCode).toBe('468');
    expect(m.header.berichtSubversie).toBe('3');
    expect(m.header.ontvanger).toBe('5501');
    expect(m.header).not.toHaveProperty('afzender');
    expect(m.header.xsdVersie).toEqual({ basisschemaXsdVersie: '2.3.0', berichtXsdVersie: '2.3.0' });
  });
});

describe('retourOn', () => {
  const input = { identificatieRetour: 'R1', dagtekeningRetour: '2026-04-02', retourCodes: ['0200'] };

  it('keeps the header and the release of the heen, also when built after the go-live', () => {
    const r = retourOn(heen, input);
    expect(r.family).toBe('502');
    expect(r.release).toBe('2.0.2');
    const { berichtCode, identificatieRetour, dagtekeningRetour, xsdVersieRetour, retourCodes, ...copied } = r.header;
    const { berichtCode: heenCode, ...heenRest } = heen.header;
    expect(copied).toEqual(heenRest);
    expect(berichtCode).toBe('459');
    expect(heenCode).toBe('458');
    expect([identificatieRetour, dagtekeningRetour]).toEqual(['R1', '2026-04-02']);
    expect(xsdVersieRetour).toEqual({ basisschemaXsdVersie: '2.0.2', berichtXsdVersie: '2.0.2' });
    expect(retourCodes).toEqual(['0200']);
  });

  it('copies the Client with RetourCodes appended, without sharing objects with the heen', () => {
    const r = retourOn(heen, input);
    expect(r.client).toEqual({ ...client501, retourCodes: ['0200'] });
    r.client?.budget.functieBudgetten.push(client501.budget.functieBudgetten[0]!);
    expect(heen.client.budget.functieBudgetten).toHaveLength(1);
  });

  it('leaves the Client out when asked for a header-only retour', () => {
    const r = retourOn(heen, { ...input, retourCodes: ['0001'], withClient: false });
    expect(r).not.toHaveProperty('client');
  });

  it('answers a 507 with a 508 in the 507 release', () => {
    const a = budgetafsluiting507({
      wet: 'JW', release: '2.3', ontvanger: '0363', identificatie: 'S2', dagtekening: '2026-04-01', client: client507,
    });
    const r = retourOn(a, input);
    expect([r.family, r.release, r.header.berichtCode, r.header.ontvanger]).toEqual(['508', '2.3', '467', '0363']);
    expect(r.header.xsdVersieRetour.berichtXsdVersie).toBe('2.3.0');
  });

  it('refuses an empty code list', () => {
    expect(() => retourOn(heen, { ...input, retourCodes: [] })).toThrow(/no RetourCode.*Pass at least one code/);
  });
});

describe('isAccepting', () => {
  it.each([
    [['0200'], true], [['0233'], true],
    [['0001'], false], [['9056'], false], [['9507'], false],
    [['0200', '0233'], false], [['0200', '9507'], false], [[], false],
  ])('%j -> %s', (codes, expected) => {
    expect(isAccepting(codes)).toBe(expected);
  });
});
