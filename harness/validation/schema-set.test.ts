import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageNames, releases } from '../messages/index.js';
import { createValidator } from './create-validator.js';
import { isLibxmljs2Available } from './libxmljs2-engine.js';
import { loadSchemaSet, readSchemaFile } from './schema-set.js';

const MESSAGE_NAMES = messageNames();
const RELEASES = releases();

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const GOLDEN_WMO501 = readFileSync(new URL('../../fixtures/messages/valid/2.3/WMO501.xml', import.meta.url), 'utf8');
const engines = ['libxml2-wasm', ...(isLibxmljs2Available() ? ['libxmljs2' as const] : [])] as const;

describe('the bundled schema set', () => {
  it('holds basisschema.xsd and the 12 message XSDs per release, each with its SHA-256', () => {
    const set = loadSchemaSet();
    expect(set.source).toBe('bundled');
    const expected = RELEASES.flatMap((r) => ['basisschema', ...MESSAGE_NAMES.map((n) => n.toLowerCase())].map((f) => `${r}/${f}.xsd`));
    expect(Object.keys(set.files).sort()).toEqual(expected.sort());
    for (const [file, hash] of Object.entries(set.files)) expect(hash, file).toBe(sha256(join(set.dir, file)));
    expect(set.pathOf('WLZ508', '2.0.2')).toBe(join(set.dir, '2.0.2', 'wlz508.xsd'));
  });
});

describe('an official schema set from a directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ipgb-official-'));
    cpSync(loadSchemaSet().dir, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is loaded as official, fingerprinted from its own files', () => {
    const set = loadSchemaSet(dir);
    expect(set).toMatchObject({ source: 'official', dir });
    expect(Object.keys(set.files)).toHaveLength(26);
    for (const [file, hash] of Object.entries(set.files)) expect(hash, file).toBe(sha256(join(dir, file)));
  });

  it.each(engines)('is what %s validates with (a changed official XSD changes the verdict)', async (engine) => {
    const path = join(dir, '2.3', 'wmo501.xsd');
    writeFileSync(path, readFileSync(path, 'utf8').replace('fixed="458"', 'fixed="999"'));
    const official = await createValidator({ schemas: loadSchemaSet(dir), engine });
    const bundled = await createValidator({ engine });
    try {
      expect(bundled.validate(GOLDEN_WMO501, 'WMO501', '2.3').valid).toBe(true);
      const result = official.validate(GOLDEN_WMO501, 'WMO501', '2.3');
      expect(result.valid).toBe(false);
      expect(result.errors[0]?.message).toMatch(/BerichtCode.*fixed value constraint '999'/);
      // The imported basisschema resolves from the official directory too.
      expect(official.validate(GOLDEN_WMO501.replace('<Bsn>999990019', '<Bsn>9999900'), 'WMO501', '2.3').errors
        .some((e) => /Bsn.*pattern/.test(e.message))).toBe(true);
    } finally {
      official.dispose();
      bundled.dispose();
    }
  });

  it('keeps extra files of the official set (its own includes) in the fingerprint', () => {
    writeFileSync(join(dir, '2.3', 'codelijsten.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>');
    expect(loadSchemaSet(dir).files['2.3/codelijsten.xsd']).toBe(sha256(join(dir, '2.3', 'codelijsten.xsd')));
  });

  it('refuses a set with a missing file, naming the file and the fix', () => {
    unlinkSync(join(dir, '2.0.2', 'jw507.xsd'));
    expect(() => loadSchemaSet(dir)).toThrow(/official schema set: 2\.0\.2\/jw507\.xsd is missing in .*Copy the missing file/);
  });

  it('refuses to use a file that changed after the set was fingerprinted', () => {
    const set = loadSchemaSet(dir);
    writeFileSync(join(dir, '2.3', 'basisschema.xsd'), '<!-- changed -->');
    expect(() => readSchemaFile(set, '2.3/basisschema.xsd')).toThrow(/changed after the set was loaded.*Reload/);
  });
});
