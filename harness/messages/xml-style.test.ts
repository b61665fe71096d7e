import { beforeAll, describe, expect, it } from 'vitest';
import { readBericht } from '../../fixtures/parties/reference/read-bericht.js';
import { createValidator } from '../validation/create-validator.js';
import { loadSchemaSet } from '../validation/schema-set.js';
import type { XsdValidator } from '../validation/xsd-validator.js';
import { buildXml } from './build.js';
import { detectMessage } from './detect.js';
import { messageVariant } from './message-variants.test-support.js';
import { parseXml } from './parse.js';
import { inXmlStyle } from './xml-style.js';

/** Enough seeds to meet every message name in both releases, with and without a Client. */
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

describe('inXmlStyle', () => {
  let validator: XsdValidator;
  beforeAll(async () => {
    validator = await createValidator({ schemas: loadSchemaSet() });
  }, 60_000);

  it("leaves the suite's own layout as buildXml wrote it", () => {
    const xml = buildXml(messageVariant(1).bericht);
    expect(inXmlStyle(xml, 'suite')).toBe(xml);
  });

  it('writes another library\'s form: a prefix on every element, one line, a comment, the Identificatie as CDATA', () => {
    const xml = inXmlStyle(buildXml(messageVariant(3).bericht), 'another-library');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?><ns2:Bericht xmlns:ns2="[^"]+"><!--/);
    expect(xml).not.toContain('\n  <');
    expect(xml).not.toMatch(/<\/?(?!ns2:)[A-Za-z]/);
    expect(xml).toMatch(/<ns2:Identificatie>(<!\[CDATA\[|[^<]*&)/);
  });

  it('is valid against the same XSD and reads as the same message, to the suite and to fast-xml-parser', () => {
    const found: string[] = [];
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const { bericht, name, release } = messageVariant(seed);
      seen.add(`${name} ${release}`);
      const xml = inXmlStyle(buildXml(bericht), 'another-library');
      const result = validator.validate(xml, name, release);
      if (!result.valid) found.push(`seed ${seed} (${name} ${release}): ${result.errors[0]?.message}`);
      expect(detectMessage(xml), `seed ${seed}`).toEqual({ name, release });
      expect(parseXml(xml), `seed ${seed}`).toEqual(bericht);
      expect(readBericht(xml).bericht, `seed ${seed}`).toEqual(bericht);
    }
    expect(found).toEqual([]);
    expect(seen.size).toBe(24);
  });
});
