import { describe, expect, it } from 'vitest';
import { buildXml } from './build.js';
import { namespaceOf } from './catalog.js';
import { budgetafsluiting507, toekenning501 } from './heen.js';
import { retourOn } from './retour.js';

const heen = toekenning501({
  wet: 'JW', release: '2.3', afzender: '0363', identificatie: 'A<B&C>', dagtekening: '2026-04-01',
  client: {
    bsn: '999990019',
    budget: {
      budgetIdentificatie: 'B1', afgiftedatum: '2026-03-20', budgetPeriode: { begindatum: '2026-04-01' },
      functieBudgetten: [
        { zorgfunctie: '31', functieBudgetPeriode: { begindatum: '2026-04-01', einddatum: '2026-12-31' },
          functieBudgetBedrag: 100, verantwoordingsvrijBedrag: 0 },
      ],
    },
  },
});

/** Local names of the start tags, in document order. */
const startTags = (xml: string): string[] => [...xml.matchAll(/<([A-Za-z]+)[\s>]/g)].map((m) => m[1]!);

describe('buildXml', () => {
  it('writes a UTF-8 declaration without BOM and the message namespace as default namespace', () => {
    const xml = buildXml(heen);
    expect(xml.charCodeAt(0)).not.toBe(0xfeff);
    expect(xml.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n<Bericht xmlns="${namespaceOf('JW501', '2.3')}">\n`)).toBe(true);
    expect(xml.endsWith('</Bericht>\n')).toBe(true);
  });

  it('escapes markup characters in values', () => {
    expect(buildXml(heen)).toContain('<Identificatie>A&lt;B&amp;C&gt;</Identificatie>');
  });

  it('leaves out optional elements that are undefined', () => {
    const xml = buildXml(heen);
    expect(xml).not.toContain('BudgetIdentificatieOud');
    expect(xml.match(/<Einddatum>/g)).toHaveLength(1);
    expect(xml).not.toContain('Ontvanger');
  });

  it('writes a retour header in the profile order, with the Client RetourCodes last', () => {
    const xml = buildXml(retourOn(heen, { identificatieRetour: 'R1', dagtekeningRetour: '2026-04-02', retourCodes: ['0200'] }));
    expect(startTags(xml).slice(0, 21)).toEqual([
      'Bericht', 'Header', 'BerichtCode', 'BerichtVersie', 'BerichtSubversie', 'Afzender',
      'BerichtIdentificatie', 'Identificatie', 'Dagtekening', 'XsdVersie', 'BasisschemaXsdVersie', 'BerichtXsdVersie',
      'IdentificatieRetour', 'DagtekeningRetour', 'XsdVersieRetour', 'BasisschemaXsdVersie', 'BerichtXsdVersie',
      'RetourCodes', 'RetourCode', 'Client', 'Bsn',
    ]);
    expect(xml).toMatch(/<\/Budget>\s*<RetourCodes>\s*<RetourCode>0200<\/RetourCode>\s*<\/RetourCodes>\s*<\/Client>/);
  });

  it('writes a 507 Client as Bsn followed by every FunctieBudgetBesteed', () => {
    const xml = buildXml(budgetafsluiting507({
      wet: 'WMO', release: '2.0.2', ontvanger: '0363', identificatie: 'S1', dagtekening: '2026-03-27',
      client: {
        bsn: '999990019',
        functieBudgetBesteed: ['1', '3'].map((reden) => ({
          budgetIdentificatie: 'B1', zorgfunctie: '01', bestedingsPeriode: { begindatum: '2025-01-01' }, bedrag: 7,
          redenBudgetafsluiting: reden as '1' | '3',
        })),
      },
    }));
    expect(startTags(xml).filter((t) => t === 'FunctieBudgetBesteed')).toHaveLength(2);
    expect(xml).toMatch(/<Client>\s*<Bsn>999990019<\/Bsn>\s*<FunctieBudgetBesteed>\s*<BudgetIdentificatie>B1</);
    expect(xml).toContain('<RedenBudgetafsluiting>3</RedenBudgetafsluiting>');
  });
});
