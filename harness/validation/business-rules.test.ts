import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseXml, retourOn } from '../messages/index.js';
import type { Budgetafsluiting507, MessageName, Release, Toekenning501 } from '../messages/index.js';
import { checkBsn, checkRetourAgainstHeen, checkXsdVersie, checkZorgfunctieOfLaw } from './business-rules.js';

const read = (release: Release, name: MessageName) =>
  parseXml(readFileSync(new URL(`../../fixtures/messages/valid/${release}/${name}.xml`, import.meta.url), 'utf8'));
const toekenning = (release: Release = '2.3', name: MessageName = 'WMO501') => read(release, name) as Toekenning501;
const afsluiting = (release: Release = '2.3', name: MessageName = 'WMO507') => read(release, name) as Budgetafsluiting507;
const RETOUR = { identificatieRetour: 'R0001', dagtekeningRetour: '2026-04-02', retourCodes: ['0200'] };

describe('checkBsn', () => {
  it('passes a Bsn that passes the 11-test', () => {
    expect(checkBsn(toekenning())).toEqual([]);
  });

  it('names a Bsn that fails the 11-test', () => {
    const b = toekenning();
    b.client.bsn = '999990018';
    expect(checkBsn(b)).toEqual([{ path: '/Bericht/Client/Bsn', message: expect.stringMatching(/Bsn 999990018 is refused: it fails the 11-test/) }]);
  });

  it('has nothing to check in a header-only retour', () => {
    expect(checkBsn(retourOn(toekenning(), { ...RETOUR, withClient: false }))).toEqual([]);
  });
});

describe('checkXsdVersie', () => {
  it('passes the XsdVersie the profile accepts for the release, in heen and retour', () => {
    expect(checkXsdVersie(toekenning('2.0.2'))).toEqual([]);
    expect(checkXsdVersie(retourOn(afsluiting(), { ...RETOUR, withClient: true }))).toEqual([]);
  });

  it('names an XsdVersie of another release by its place, also in XsdVersieRetour', () => {
    const retour = retourOn(toekenning(), { ...RETOUR, withClient: false });
    retour.header.xsdVersieRetour = { basisschemaXsdVersie: '2.3.0', berichtXsdVersie: '2.0.2' };
    expect(checkXsdVersie(retour)).toEqual([{
      path: '/Bericht/Header/XsdVersieRetour/BerichtXsdVersie',
      message: expect.stringMatching(/^XsdVersie 2\.0\.2 is refused in a release 2\.3 message: the migration profile accepts 2\.3\.0\./),
    }]);
  });
});

describe('checkZorgfunctieOfLaw', () => {
  it('passes Zorgfuncties of the message\'s own law, for every golden message', () => {
    for (const name of ['WMO501', 'JW501', 'WLZ501', 'WMO507', 'JW508', 'WLZ502'] as const) {
      expect(checkZorgfunctieOfLaw(read('2.3', name)), name).toEqual([]);
    }
  });

  it('names a Jeugdwet Zorgfunctie in a WMO507 by its position', () => {
    const b = afsluiting();
    const second = b.client.functieBudgetBesteed[1];
    if (!second) throw new Error('The golden WMO507 needs two FunctieBudgetBesteed for this test; add one to the fixture.');
    second.zorgfunctie = '31';
    expect(checkZorgfunctieOfLaw(b)).toEqual([{
      path: '/Bericht/Client/FunctieBudgetBesteed[2]/Zorgfunctie',
      message: expect.stringMatching(/Zorgfunctie 31 is refused in a WMO message/),
    }]);
  });

  it('refuses Wmo Zorgfunctie 01 in a Wlz retour\'s Client', () => {
    const retour = retourOn(toekenning('2.3', 'WLZ501'), RETOUR);
    const functie = retour.client?.budget.functieBudgetten[0];
    if (!functie) throw new Error('The golden WLZ501 needs a FunctieBudget for this test; add one to the fixture.');
    functie.zorgfunctie = '01';
    expect(checkZorgfunctieOfLaw(retour)).toMatchObject([{ path: '/Bericht/Client/Budget/FunctieBudgetten/FunctieBudget[1]/Zorgfunctie' }]);
  });
});

describe('checkRetourAgainstHeen', () => {
  it('passes a retour built from its heen, with and without Client, in both releases', () => {
    for (const release of ['2.0.2', '2.3'] as const) {
      const heen = toekenning(release);
      expect(checkRetourAgainstHeen(retourOn(heen, RETOUR), heen)).toEqual([]);
      expect(checkRetourAgainstHeen(retourOn(heen, { ...RETOUR, withClient: false }), heen)).toEqual([]);
      const afsl = afsluiting(release, 'JW507');
      expect(checkRetourAgainstHeen(retourOn(afsl, RETOUR), afsl)).toEqual([]);
    }
  });

  it('refuses a retour in another release than its heen', () => {
    const heen202 = toekenning('2.0.2');
    const heen23 = { ...heen202, release: '2.3' as const };
    const issues = checkRetourAgainstHeen(retourOn(heen23, RETOUR), heen202);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/Retour release 2\.3 is refused: .* is 2\.0\.2/);
  });

  it('refuses a retour of the wrong message', () => {
    const heen = toekenning();
    const issues = checkRetourAgainstHeen(retourOn(afsluiting(), RETOUR), heen);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/Retour WMO508 does not answer the heen WMO501 .*needs a WMO502/);
  });

  it('names each header field that was not copied unchanged', () => {
    const heen = toekenning();
    const retour = retourOn(heen, RETOUR);
    retour.header.berichtIdentificatie.identificatie = 'OTHER';
    retour.header.afzender = '0599';
    retour.header.berichtCode = '458';
    expect(checkRetourAgainstHeen(retour, heen).map((i) => i.path)).toEqual([
      '/Bericht/Header/BerichtCode',
      '/Bericht/Header/Afzender',
      '/Bericht/Header/BerichtIdentificatie/Identificatie',
    ]);
  });

  it('names where the Client differs from the heen\'s', () => {
    const heen = toekenning();
    const retour = retourOn(heen, RETOUR);
    const functie = retour.client?.budget.functieBudgetten[1];
    if (!functie) throw new Error('The golden WMO501 needs two FunctieBudget for this test; add one to the fixture.');
    functie.functieBudgetBedrag += 1;
    expect(checkRetourAgainstHeen(retour, heen)).toEqual([{
      path: '/Bericht/Client/Budget/FunctieBudgetten[2]/FunctieBudgetBedrag',
      message: expect.stringMatching(/Retour Client differs from the heen WMO501/),
    }]);
  });
});
