import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, validateMessage, type XsdValidator } from '../validation/index.js';
import { buildXml } from '../messages/build.js';
import { toekenning501 } from '../messages/heen.js';
import { parseXml } from '../messages/parse.js';
import { isRetour } from '../messages/model.js';
import { hostileBody } from './hostile-deliveries.js';

const RELEASES = { from: '2.0.2', to: '2.3' } as const;

const heen = toekenning501({
  wet: 'JW', release: '2.3', afzender: '0363', identificatie: 'H1', dagtekening: '2026-04-01',
  client: {
    bsn: '999990019',
    budget: {
      budgetIdentificatie: 'B1', afgiftedatum: '2026-03-20', budgetPeriode: { begindatum: '2026-04-01' },
      functieBudgetten: [{ zorgfunctie: '31', functieBudgetPeriode: { begindatum: '2026-04-01', einddatum: '2026-12-31' }, functieBudgetBedrag: 100, verantwoordingsvrijBedrag: 0 }],
    },
  },
});

describe('hostileBody: oversized', () => {
  it('is the valid message with a comment of 26 MB before its closing tag: over the 25 MB limit, still well-formed', () => {
    const xml = buildXml(heen);
    const { body, expectation } = hostileBody('oversized', heen, heen, RELEASES);
    const close = xml.lastIndexOf('</Bericht>');
    const head = Buffer.from(`${xml.slice(0, close)}<!--`);
    const tail = Buffer.from(`-->${xml.slice(close)}`);
    expect(expectation).toBe('refuse');
    expect(body.byteLength).toBe(head.length + 26 * 1024 * 1024 + tail.length);
    expect(body.byteLength).toBeGreaterThan(25 * 1024 * 1024);
    expect(Buffer.from(body.subarray(0, head.length)).equals(head)).toBe(true);
    expect(Buffer.from(body.subarray(body.byteLength - tail.length)).equals(tail)).toBe(true);
    expect(body.subarray(head.length, body.byteLength - tail.length).every((b) => b === 0x78)).toBe(true);
  });
});

describe('hostileBody: retour-in-another-release', () => {
  let validator: XsdValidator;
  beforeAll(async () => { validator = await createValidator(); });
  afterAll(() => validator.dispose());

  it('is valid against its release\'s XSD: a party may refuse it only for what it names, not for its form', () => {
    const { body } = hostileBody('retour-in-another-release', heen, heen, RELEASES);
    const v = validateMessage(Buffer.from(body).toString('utf8'), validator);
    expect(v.xsd.errors).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('is a retour naming the party\'s own heen by its Identificatie, in the other release, to be listed rejected', () => {
    const { body, bericht, expectation } = hostileBody('retour-in-another-release', heen, heen, RELEASES);
    const read = parseXml(Buffer.from(body).toString('utf8'));
    expect(expectation).toBe('list-rejected-or-refuse');
    expect(isRetour(read) && [`${read.wet}${read.family}`, read.release, read.header.berichtIdentificatie.identificatie, read.header.afzender]).toEqual(['JW502', '2.0.2', 'H1', '0363']);
    expect(bericht.release).toBe('2.0.2');
  });
});
