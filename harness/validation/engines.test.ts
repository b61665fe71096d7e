/**
 * Both XSD engines against every fixture: each golden file passes (and fails against the other
 * release's schema), each invalid sample fails at the stage defects.json names, with an error
 * that names its defect.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPatternOf, loadDefects, readDefectBody } from '../../fixtures/messages/invalid/defects.js';
import type { Defect } from '../../fixtures/messages/invalid/defects.js';
import { messageNames, releases } from '../messages/index.js';
import type { MessageName, Release } from '../messages/index.js';
import { createValidator } from './create-validator.js';
import { libxmljs2Status } from './libxmljs2-engine.js';
import { validateMessage } from './validate-message.js';
import type { MessageValidation } from './validate-message.js';
import type { XsdEngineName, XsdValidator } from './xsd-validator.js';

const MESSAGE_NAMES = messageNames();
const RELEASES = releases();

const golden = (release: Release, name: MessageName): string =>
  readFileSync(new URL(`../../fixtures/messages/valid/${release}/${name}.xml`, import.meta.url), 'utf8');

const GOLDEN = RELEASES.flatMap((release) => MESSAGE_NAMES.map((name) => ({ release, name })));
const otherRelease = (r: Release): Release => (r === '2.3' ? '2.0.2' : '2.3');
const DEFECTS = loadDefects();
const SAFETY_PROBLEMS = ['too-large', 'doctype', 'not-utf8', 'empty'];

/** The text in which the stage that caught the defect explains it. */
function explanation(defect: Defect, result: MessageValidation): string {
  switch (defect.detectedBy) {
    case 'xsd':
      return result.xsd.errors.map((e) => e.message).join('\n');
    case 'rule':
      return result.rules.map((e) => e.message).join('\n');
    default:
      return result.message ?? '';
  }
}

const libxmljs2 = libxmljs2Status();
const ENGINES: { engine: XsdEngineName; skip: string | undefined }[] = [
  { engine: 'libxml2-wasm', skip: undefined },
  { engine: 'libxmljs2', skip: libxmljs2.available ? undefined : libxmljs2.reason },
];

describe('invalid fixtures', () => {
  it('number at least 30, each derived from an existing golden file, with unique names', () => {
    expect(DEFECTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(DEFECTS.map((d) => d.file)).size).toBe(DEFECTS.length);
    for (const d of DEFECTS) {
      expect(d.basedOn, d.file).toMatch(new RegExp(`^fixtures/messages/valid/(2\\.0\\.2|2\\.3)/${d.name}\\.xml$`));
      expect(existsSync(new URL(`../../${d.basedOn}`, import.meta.url)), d.basedOn).toBe(true);
      expect(readDefectBody(d).equals(readFileSync(new URL(`../../${d.basedOn}`, import.meta.url))), d.file).toBe(false);
    }
  });
});

for (const { engine, skip } of ENGINES) {
  describe.skipIf(skip !== undefined)(`${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let validator: XsdValidator;
    beforeAll(async () => {
      validator = await createValidator({ engine });
    });
    afterAll(() => validator.dispose());

    it.each(GOLDEN)('accepts golden $release $name, and only against its own release', ({ release, name }) => {
      const xml = golden(release, name);
      const result = validateMessage(xml, validator);
      expect(result, JSON.stringify(result.xsd.errors)).toMatchObject({ ok: true, name, release, bom: false, rules: [] });
      expect(result.bericht?.release).toBe(release);
      expect(validator.validate(xml, name, otherRelease(release)).valid).toBe(false);
    });

    it.each(DEFECTS)('refuses $file at stage $detectedBy: $defect', (defect) => {
      const result = validateMessage(readDefectBody(defect), validator);
      expect(result.ok).toBe(false);
      switch (defect.detectedBy) {
        case 'safety':
          expect(SAFETY_PROBLEMS).toContain(result.problem);
          break;
        case 'detect':
          expect(result.problem).toBeDefined();
          expect(SAFETY_PROBLEMS).not.toContain(result.problem);
          expect(result.name).toBeUndefined();
          break;
        case 'xsd':
          expect(result).toMatchObject({ name: defect.name, release: defect.release });
          expect(result.problem).toBeUndefined();
          expect(result.xsd.valid).toBe(false);
          expect(result.bericht).toBeUndefined();
          break;
        case 'rule':
          expect(result.xsd.valid).toBe(true);
          expect(result.rules.length).toBeGreaterThan(0);
          expect(result.bericht).toBeDefined();
          break;
      }
      expect(explanation(defect, result)).toMatch(expectPatternOf(defect));
    });

    it('reports line and element of an XSD error', () => {
      const xml = golden('2.3', 'WMO501').replace('<Bsn>999990019</Bsn>', '<Bsn>99999001</Bsn>');
      const { valid, errors } = validator.validate(xml, 'WMO501', '2.3');
      expect(valid).toBe(false);
      const line = xml.split('\n').findIndex((l) => l.includes('<Bsn>')) + 1;
      expect(errors[0]).toMatchObject({ line, message: expect.stringMatching(/Bsn.*pattern/) });
      if (engine === 'libxml2-wasm') expect(errors[0]?.path).toBe('/Bericht/Client/Bsn');
    });

    it('names repeated elements by position in the path', () => {
      const xml = golden('2.3', 'WMO501').replace('<Zorgfunctie>04</Zorgfunctie>', '<Zorgfunctie>31</Zorgfunctie>');
      const [error] = validator.validate(xml, 'WMO501', '2.3').errors;
      expect(error?.message).toMatch(/Zorgfunctie.*'31'/);
      if (engine === 'libxml2-wasm') {
        expect(error?.path).toBe('/Bericht/Client/Budget/FunctieBudgetten/FunctieBudget[2]/Zorgfunctie');
      }
    });

    // The envelope check refuses these first; the engine must be safe on its own as well.
    it.each([
      ['wmo501-doctype-external-entity.xml', /DOCTYPE refused/],
      // libxml2 stops the expansion itself (amplification limit / loop detection) while parsing.
      ['wmo501-entity-bomb.xml', /DOCTYPE refused|entity amplification|entity reference loop/],
    ])('refuses %s even when the envelope check is bypassed', (file, pattern) => {
      const defect = DEFECTS.find((d) => d.file === file);
      if (!defect) throw new Error(`Fixture ${file} is missing from defects.json: regenerate the invalid fixtures.`);
      const result = validator.validate(readDefectBody(defect).toString('utf8'), 'WMO501', '2.3');
      expect(result.valid).toBe(false);
      expect(result.errors.map((e) => e.message).join('\n')).toMatch(pattern);
    });

    it('keeps validating after bad input (no state leaks between messages)', () => {
      validator.validate('<Bericht', 'WMO501', '2.3');
      validator.validate('\u0000', 'WMO501', '2.3');
      expect(validator.validate(golden('2.3', 'WMO501'), 'WMO501', '2.3')).toEqual({ valid: true, errors: [] });
    });
  });
}

describe('a disposed validator', () => {
  it('throws a clear error instead of touching freed memory', async () => {
    const validator = await createValidator();
    validator.dispose();
    expect(() => validator.validate(golden('2.3', 'WMO501'), 'WMO501', '2.3')).toThrow(/disposed.*createValidator/);
  });
});
