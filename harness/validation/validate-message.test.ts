import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildXml, parseXml, retourOn } from '../messages/index.js';
import type { Toekenning501 } from '../messages/index.js';
import { createValidator } from './create-validator.js';
import { validateMessage } from './validate-message.js';
import type { ValidateMessageOptions } from './validate-message.js';
import type { XsdValidator } from './xsd-validator.js';

const GOLDEN = readFileSync(new URL('../../fixtures/messages/valid/2.3/WMO501.xml', import.meta.url), 'utf8');

describe('validateMessage', () => {
  let inner: XsdValidator;
  let calls: Parameters<XsdValidator['validate']>[];
  let validator: XsdValidator;
  beforeAll(async () => {
    inner = await createValidator();
    validator = {
      engine: inner.engine,
      validate: (...args) => {
        calls.push(args);
        return inner.validate(...args);
      },
      dispose: () => inner.dispose(),
    };
  });
  afterAll(() => validator.dispose());
  const run = (body: string | Buffer, options?: ValidateMessageOptions) => {
    calls = [];
    return validateMessage(body, validator, options);
  };

  it('validates a good message once, with the detected schema, and returns its model', () => {
    const result = run(GOLDEN);
    expect(calls).toEqual([[GOLDEN, 'WMO501', '2.3']]);
    expect(result).toMatchObject({ ok: true, name: 'WMO501', release: '2.3', bom: false, xsd: { valid: true, errors: [] }, rules: [] });
    expect(result.bericht).toEqual(parseXml(GOLDEN));
  });

  it('stops after an XSD failure: no model, no rules', () => {
    const result = run(GOLDEN.replace('<BerichtSubversie>3<', '<BerichtSubversie>0<'));
    expect(calls).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, name: 'WMO501', release: '2.3', rules: [] });
    expect(result.xsd.errors[0]?.message).toMatch(/BerichtSubversie/);
    expect(result.bericht).toBeUndefined();
    expect(result.problem).toBeUndefined();
  });

  it('never validates a message whose namespace names no iPgb message', () => {
    const result = run(GOLDEN.replace('/2_3/wmo501/', '/2_9/wmo501/'));
    expect(calls).toHaveLength(0);
    expect(result).toMatchObject({ ok: false, problem: 'unknown-namespace', xsd: { valid: false, errors: [] }, rules: [] });
    expect(result.message).toMatch(/not an iPgb 2\.0\.2 or 2\.3 message namespace/);
  });

  it('returns the model with the rule issues when only a business rule fails', () => {
    const result = run(GOLDEN.replace('<Bsn>999990019<', '<Bsn>999990018<'));
    expect(result).toMatchObject({ ok: false, xsd: { valid: true }, rules: [{ path: '/Bericht/Client/Bsn' }] });
    expect(result.bericht?.client?.bsn).toBe('999990018');
  });

  it('checks a retour against the heen it answers, when given', () => {
    const heen = parseXml(GOLDEN) as Toekenning501;
    const retour = retourOn(heen, { identificatieRetour: 'R1', dagtekeningRetour: '2026-04-02', retourCodes: ['0200'] });
    expect(run(buildXml(retour), { heen })).toMatchObject({ ok: true, name: 'WMO502', rules: [] });
    const other = { ...heen, header: { ...heen.header, berichtIdentificatie: { identificatie: 'G0363999999', dagtekening: '2026-04-01' } } };
    const result = run(buildXml(retour), { heen: other });
    expect(result).toMatchObject({ ok: false, xsd: { valid: true }, rules: [{ path: '/Bericht/Header/BerichtIdentificatie/Identificatie' }] });
  });

  it('takes the model a body was built from instead of reading it back, but still validates the bytes', () => {
    const model = parseXml(GOLDEN);
    const result = run(GOLDEN, { builtFrom: model });
    expect(calls).toEqual([[GOLDEN, 'WMO501', '2.3']]);
    expect(result).toMatchObject({ ok: true, name: 'WMO501', release: '2.3' });
    expect(result.bericht).toBe(model);
    const broken = run(GOLDEN.replace('<BerichtSubversie>3<', '<BerichtSubversie>0<'), { builtFrom: model });
    expect(broken).toMatchObject({ ok: false, xsd: { valid: false } });
    expect(broken.bericht).toBeUndefined();
  });
});
