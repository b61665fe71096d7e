/**
 * The suite's reader (parse.ts over xml-scanner.ts, detect.ts) against an independent one:
 * fast-xml-parser, as the reference party reads its deliveries (fixtures/parties/reference/
 * read-bericht.ts). They must agree on every field of the model, on every valid fixture and on
 * 10,000 generated variants of valid messages (message-variants.test-support.ts), and both must give the
 * content the variant was written from. A disagreement names the variant's seed and the field:
 * `messageVariant(seed)` writes that text again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBericht } from '../../fixtures/parties/reference/read-bericht.js';
import { createValidator } from '../validation/create-validator.js';
import { loadSchemaSet } from '../validation/schema-set.js';
import type { XsdValidator } from '../validation/xsd-validator.js';
import { detectMessage } from './detect.js';
import { messageVariant } from './message-variants.test-support.js';
import { parseXml } from './parse.js';

const VARIANTS = 10_000;
/** Every this many-th variant is also validated against its XSD: the generator must stay valid. */
const VALIDATE_EVERY = 100;
const FIRST_SEED = 1;
const SHOWN = 10;
/** About 3 s on a quiet machine of two cores; the bound is for a machine shared with other jobs. */
const LIMIT_MS = 180_000;

/** Every field where `a` and `b` differ, as `path: a ≠ b`; arrays by index, objects by key. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (Object.is(a, b)) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...differences(a[i], b[i], `${path}[${i}]`));
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return [`${path || '(whole)'}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}

/** Both readers on one text: the disagreements, each line saying who read what. */
function compareReaders(xml: string, label: string, expected?: unknown): string[] {
  let suite: unknown;
  let independent: unknown;
  try {
    suite = { ...detectMessage(xml), bericht: parseXml(xml) };
  } catch (e) {
    return [`${label}: the suite's reader refused it: ${(e as Error).message}`];
  }
  try {
    independent = readBericht(xml);
  } catch (e) {
    return [`${label}: fast-xml-parser's reader refused it: ${(e as Error).message}`];
  }
  const found = differences(suite, independent).map((d) => `${label}: suite ≠ fast-xml-parser at ${d}`);
  if (expected !== undefined) {
    found.push(...differences(expected, suite).map((d) => `${label}: written ≠ suite's reading at ${d}`));
  }
  return found;
}

const shown = (lines: string[]): string[] =>
  lines.length > SHOWN ? [...lines.slice(0, SHOWN), `and ${lines.length - SHOWN} more`] : lines;

const VALID = new URL('../../fixtures/messages/valid/', import.meta.url);
const FIXTURES = readdirSync(VALID, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(new URL(`${d.name}/`, VALID)).filter((f) => f.endsWith('.xml')).map((f) => `${d.name}/${f}`));

describe('the suite reader and fast-xml-parser agree', () => {
  it('on every message of fixtures/messages/valid', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(24);
    const found = FIXTURES.flatMap((file) => compareReaders(readFileSync(new URL(file, VALID), 'utf8'), file));
    expect(shown(found)).toEqual([]);
  });

  it(`on ${VARIANTS} generated valid variants, field by field, and both read what was written`, () => {
    const found: string[] = [];
    for (let seed = FIRST_SEED; seed < FIRST_SEED + VARIANTS; seed++) {
      const v = messageVariant(seed);
      found.push(...compareReaders(v.xml, `seed ${seed} (${v.name} ${v.release})`, { name: v.name, release: v.release, bericht: v.bericht }));
    }
    expect(shown(found)).toEqual([]);
  }, LIMIT_MS);
});

describe('the variants', () => {
  let validator: XsdValidator;
  beforeAll(async () => {
    validator = await createValidator({ schemas: loadSchemaSet() });
  }, LIMIT_MS);

  it(`are valid against the XSD of their release (every ${VALIDATE_EVERY}th of ${VARIANTS})`, () => {
    const invalid: string[] = [];
    for (let seed = FIRST_SEED; seed < FIRST_SEED + VARIANTS; seed += VALIDATE_EVERY) {
      const v = messageVariant(seed);
      const result = validator.validate(v.xml, v.name, v.release);
      if (!result.valid) invalid.push(`seed ${seed} (${v.name} ${v.release}): ${result.errors.slice(0, 2).map((e) => e.message).join('; ')}`);
    }
    expect(shown(invalid)).toEqual([]);
  }, LIMIT_MS);

  it('are the same text for the same seed, and differ between seeds', () => {
    expect(messageVariant(4242).xml).toBe(messageVariant(4242).xml);
    expect(new Set([1, 2, 3, 4, 5].map((s) => messageVariant(s).xml)).size).toBe(5);
  });

  it('cover every form the generator promises, across messages and releases', () => {
    const seen = new Map<string, number>();
    const forms: Record<string, (xml: string) => boolean> = {
      'no XML declaration': (x) => !x.startsWith('<?xml'),
      'declaration in single quotes': (x) => x.startsWith("<?xml version='1.0'"),
      'encoding utf-8 in lower case': (x) => /encoding=["']utf-8/.test(x),
      'standalone': (x) => x.includes('standalone='),
      'default namespace': (x) => /<Bericht[\s>]/.test(x),
      'prefixed root': (x) => /<[\w.-]+:Bericht[\s>]/.test(x),
      'a child redeclaring the namespace': (x) => /<[^!?/][^>]*\sxmlns/.test(x.slice(x.indexOf('>', x.indexOf('Bericht')))),
      'unused basisschema declaration': (x) => x.includes('/basisschema/schema'),
      'attribute in single quotes': (x) => /xmlns(:[\w.-]+)?\s*=\s*'/.test(x),
      'space around =': (x) => /xmlns(:[\w.-]+)?\s+=|=\s+["']/.test(x),
      'comment': (x) => x.includes('<!--'),
      'processing instruction in the body': (x) => /<\?(?!xml[\s?])/.test(x),
      'CDATA section': (x) => /<!\[CDATA\[[^\]]/.test(x),
      'empty CDATA section': (x) => x.includes('<![CDATA[]]>'),
      'decimal character reference': (x) => /&#[0-9]+;/.test(x),
      'hex character reference, upper case': (x) => /&#x0*[0-9A-F]*[A-F][0-9A-F]*;/.test(x),
      'hex character reference, lower case': (x) => /&#x0*[0-9a-f]*[a-f][0-9a-f]*;/.test(x),
      '&amp;': (x) => x.includes('&amp;'), '&lt;': (x) => x.includes('&lt;'), '&gt;': (x) => x.includes('&gt;'),
      '&quot;': (x) => x.includes('&quot;'), '&apos;': (x) => x.includes('&apos;'),
      'CRLF': (x) => x.includes('\r\n'), 'CR alone': (x) => /\r(?!\n)/.test(x), 'tab indentation': (x) => /\n\t</.test(x),
      'no white space between elements': (x) => /<\/[\w.:-]+><[\w.:-]+>/.test(x),
      'white space in an end tag': (x) => /<\/[\w.:-]+\s+>/.test(x),
      'a character reference in a namespace URI': (x) => /xmlns(:[\w.-]+)?\s*=\s*["'][^"']*&#x/.test(x),
      'a carriage return of a value as a reference': (x) => /&#(0*13|x0*[dD]);/.test(x),
      'prefixed and unprefixed children under one root': (x) => /<Header[\s>]/.test(x) && /<[\w.-]+:(BerichtCode|Client|Bsn)[\s>]/.test(x),
      'non-ASCII text': (x) => /[€é]/.test(x.replace(/<!--[^]*?-->/g, '')),
      'white space around a date': (x) => /Datum>\s+\d/.test(x) || /Dagtekening>\s+\d/.test(x),
      'amount with a plus sign or leading zeros': (x) => /Bedrag>(\+|0\d)/.test(x),
      'retour without Client': (x) => /[:<]RetourCodes>/.test(x) && !/[:<]Client[\s>]/.test(x),
    };
    const names = new Set<string>();
    for (let seed = FIRST_SEED; seed < FIRST_SEED + 2_000; seed++) {
      const v = messageVariant(seed);
      names.add(`${v.name} ${v.release}`);
      for (const [form, test] of Object.entries(forms)) if (test(v.xml)) seen.set(form, (seen.get(form) ?? 0) + 1);
    }
    expect(Object.keys(forms).filter((form) => (seen.get(form) ?? 0) < 5)).toEqual([]);
    expect(names.size).toBe(24);
  }, LIMIT_MS);
});

describe('a disagreement report', () => {
  it('names the seed and the field that differs', () => {
    const v = messageVariant(7);
    const changed = structuredClone(v.bericht);
    changed.header.berichtIdentificatie.identificatie += 'X';
    const lines = compareReaders(v.xml, 'seed 7', { name: v.name, release: v.release, bericht: changed });
    expect(lines).toEqual([expect.stringMatching(/^seed 7: written ≠ suite's reading at bericht\.header\.berichtIdentificatie\.identificatie: /)]);
  });

  it('lists array elements by index and missing fields on either side', () => {
    expect(differences({ a: [1, 2], b: 'x' }, { a: [1, 3, 4], c: 'y' })).toEqual([
      'a[1]: 2 ≠ 3', 'a[2]: undefined ≠ 4', 'b: "x" ≠ undefined', 'c: undefined ≠ "y"',
    ]);
  });
});
