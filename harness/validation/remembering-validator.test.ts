import { describe, expect, it } from 'vitest';
import type { ValidationResult, XsdValidator } from './xsd-validator.js';
import { rememberingValidator } from './remembering-validator.js';

function countingEngine(): XsdValidator & { calls: number } {
  const engine = {
    engine: 'libxml2-wasm' as const,
    calls: 0,
    validate(xml: string): ValidationResult {
      engine.calls += 1;
      return xml.includes('bad') ? { valid: false, errors: [{ line: 1, message: 'bad element' }] } : { valid: true, errors: [] };
    },
    dispose() {},
  };
  return engine;
}

describe('rememberingValidator', () => {
  it('asks the engine once for the same body, message and release', () => {
    const engine = countingEngine();
    const v = rememberingValidator(engine);
    const first = v.validate('<Bericht>bad</Bericht>', 'WMO502', '2.3');
    expect(v.validate('<Bericht>bad</Bericht>', 'WMO502', '2.3')).toEqual(first);
    expect(engine.calls).toBe(1);
    expect(first).toEqual({ valid: false, errors: [{ line: 1, message: 'bad element' }] });
  });

  it('asks again for another message name, release or body', () => {
    const engine = countingEngine();
    const v = rememberingValidator(engine);
    v.validate('<a/>', 'WMO502', '2.3');
    v.validate('<a/>', 'WMO501', '2.3');
    v.validate('<a/>', 'WMO502', '2.0.2');
    v.validate('<b/>', 'WMO502', '2.3');
    expect(engine.calls).toBe(4);
  });

  it('hands out answers no caller can change for the next', () => {
    const v = rememberingValidator(countingEngine());
    const answer = v.validate('<bad/>', 'WMO502', '2.3');
    expect(() => answer.errors.push({ message: 'mine' })).toThrow();
    expect(() => { (answer as { valid: boolean }).valid = true; }).toThrow();
    expect(v.validate('<bad/>', 'WMO502', '2.3').errors).toHaveLength(1);
  });

  it('does not keep large bodies', () => {
    const engine = countingEngine();
    const v = rememberingValidator(engine);
    const large = `<a>${'x'.repeat(70 * 1024)}</a>`;
    v.validate(large, 'WMO502', '2.3');
    v.validate(large, 'WMO502', '2.3');
    expect(engine.calls).toBe(2);
  });
});
