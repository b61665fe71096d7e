import { describe, expect, it } from 'vitest';
import { buildXml } from '../messages/build.js';
import { toekenning501 } from '../messages/heen.js';
import { hostileBody } from './hostile-deliveries.js';

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
    const { body, expectation } = hostileBody('oversized', heen, heen);
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
