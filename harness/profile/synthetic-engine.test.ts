/**
 * The message engine under the synthetic profile: its releases, BerichtCodes and namespaces come
 * from the profile and its XSDs from schemas/<its xsdFolder>/. A process runs one profile, so the
 * variable is set before the catalog is first read (vitest gives each file its own module graph).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';

process.env['CONFORMANCE_PROFILE'] = fileURLToPath(new URL('../../fixtures/profiles/synthetic-9.0-9.1.json', import.meta.url));
const messages = await import('../messages/index.js');
const { createValidator } = await import('../validation/index.js');

const syntheticHeen = (release: string) => messages.heenOf({
  kind: 'toekenning', wet: 'WMO', bsn: messages.syntheticBsn(1),
  budget: { id: 'B0363-000001', previousId: null, issued: '2027-10-01', period: { start: '2027-11-01', end: '2027-12-31' }, functions: [{ code: '01', amount: 120_000, freeAmount: 0 }] },
}, { release, identificatie: 'G0363000001', dagtekening: '2027-10-25', afzender: '0363' });

describe('the message engine under the synthetic profile', () => {
  afterAll(() => { delete process.env['CONFORMANCE_PROFILE']; });

  it('reads names, codes, releases and namespaces from the profile', () => {
    expect(messages.releases()).toEqual(['9.0.1', '9.1']);
    expect(messages.berichtCodeOf('WMO501')).toBe('558');
    expect(messages.namespaceOf('JW508', '9.1')).toBe('http://www.istandaarden.nl/ipgb/9_1/jw508/schema');
    expect(messages.messageOfNamespace('http://www.istandaarden.nl/ipgb/2_3/jw508/schema')).toBeUndefined();
    expect(() => messages.releaseInfo('2.3')).toThrow(/not in migration profile synthetic-9.0-9.1/);
  });

  it('builds heen and retour that are valid against the synthetic XSDs of their own release only', async () => {
    const validator = await createValidator();
    for (const release of messages.releases()) {
      const heen = syntheticHeen(release);
      const xml = messages.buildXml(heen);
      expect(validator.validate(xml, 'WMO501', release), `WMO501 ${release}`).toMatchObject({ valid: true });
      const other = messages.releases().find((r) => r !== release) as string;
      expect(validator.validate(xml, 'WMO501', other).valid, `WMO501 ${release} against ${other}`).toBe(false);
      const retour = messages.retourOn(heen, { identificatieRetour: 'R1', dagtekeningRetour: '2027-10-25', retourCodes: ['0200'], withClient: true });
      expect(validator.validate(messages.buildXml(retour), 'WMO502', release), `WMO502 ${release}`).toMatchObject({ valid: true });
      expect(messages.parseXml(xml)).toMatchObject({ release, header: { berichtCode: '558', berichtVersie: '9' } });
    }
  });
});
