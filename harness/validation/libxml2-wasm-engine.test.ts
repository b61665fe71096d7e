import { readFileSync } from 'node:fs';
import { ParseOption, XmlDocument, XsdValidator as WasmXsdValidator } from 'libxml2-wasm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLibxml2WasmEngine } from './libxml2-wasm-engine.js';
import { loadSchemaSet } from './schema-set.js';

const golden = (name: string): string =>
  readFileSync(new URL(`../../fixtures/messages/valid/2.3/${name}.xml`, import.meta.url), 'utf8');

describe('the libxml2-wasm engine', () => {
  afterEach(() => vi.restoreAllMocks());

  it('compiles each schema once, lazily, and reuses it', () => {
    const compile = vi.spyOn(WasmXsdValidator, 'fromDoc');
    const engine = createLibxml2WasmEngine(loadSchemaSet());
    try {
      expect(compile).not.toHaveBeenCalled();
      for (let i = 0; i < 3; i++) {
        expect(engine.validate(golden('WMO501'), 'WMO501', '2.3').valid).toBe(true);
        expect(engine.validate(golden('JW507'), 'JW507', '2.3').valid).toBe(true);
      }
      expect(compile).toHaveBeenCalledTimes(2);
    } finally {
      engine.dispose();
    }
  });

  it('parses messages without entity substitution, DTD loading or network, and frees every document', () => {
    const engine = createLibxml2WasmEngine(loadSchemaSet());
    engine.validate(golden('WMO501'), 'WMO501', '2.3'); // compile outside the spies
    const parse = vi.spyOn(XmlDocument, 'fromBuffer');
    const free = vi.spyOn(XmlDocument.prototype, 'dispose');
    try {
      engine.validate(golden('WMO501'), 'WMO501', '2.3');
      engine.validate(golden('WMO501').replace('<Bsn>999990019', '<Bsn>9'), 'WMO501', '2.3');
      expect(parse).toHaveBeenCalledTimes(2);
      for (const [, options] of parse.mock.calls) {
        const option = options?.option ?? 0;
        for (const forbidden of [ParseOption.XML_PARSE_NOENT, ParseOption.XML_PARSE_DTDLOAD, ParseOption.XML_PARSE_DTDATTR,
          ParseOption.XML_PARSE_DTDVALID, ParseOption.XML_PARSE_XINCLUDE, ParseOption.XML_PARSE_HUGE]) {
          expect(option & forbidden, ParseOption[forbidden]).toBe(0);
        }
        expect(option & ParseOption.XML_PARSE_NO_XXE).not.toBe(0);
        expect(option & ParseOption.XML_PARSE_NONET).not.toBe(0);
      }
      expect(free).toHaveBeenCalledTimes(2);
    } finally {
      engine.dispose();
    }
  });

  it('refuses a broken schema set with the file and a fix, not with a libxml2 trace', () => {
    const set = loadSchemaSet();
    const broken = { ...set, files: Object.fromEntries(Object.entries(set.files).filter(([f]) => f !== '2.3/basisschema.xsd')) };
    const engine = createLibxml2WasmEngine(broken);
    try {
      expect(() => engine.validate(golden('WMO501'), 'WMO501', '2.3')).toThrow(/Cannot compile schema 2\.3\/wmo501\.xsd .*relative schemaLocations/);
    } finally {
      engine.dispose();
    }
  });
});
