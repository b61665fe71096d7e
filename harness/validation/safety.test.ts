import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefects, readDefectBody } from '../../fixtures/messages/invalid/defects.js';
import { createValidator } from './create-validator.js';
import { isLibxmljs2Available } from './libxmljs2-engine.js';
import { inspectEnvelope, MAX_MESSAGE_BYTES } from './safety.js';
import { validateMessage } from './validate-message.js';
import type { XsdValidator } from './xsd-validator.js';

const GOLDEN = readFileSync(new URL('../../fixtures/messages/valid/2.3/WMO501.xml', import.meta.url));

function defectBody(file: string): Buffer {
  const defect = loadDefects().find((d) => d.file === file);
  if (!defect) throw new Error(`Fixture ${file} is missing from defects.json: regenerate the invalid fixtures.`);
  return readDefectBody(defect);
}

/** Counts calls, so a test can show that a refused body never reached the XSD engine. */
function countingValidator(inner: XsdValidator): XsdValidator & { calls: number } {
  const counting = {
    engine: inner.engine,
    calls: 0,
    validate: (...args: Parameters<XsdValidator['validate']>) => {
      counting.calls++;
      return inner.validate(...args);
    },
    dispose: () => inner.dispose(),
  };
  return counting;
}

describe('inspectEnvelope', () => {
  it('passes a golden message through unchanged, without BOM', () => {
    expect(inspectEnvelope(GOLDEN)).toEqual({ ok: true, xml: GOLDEN.toString('utf8'), bom: false });
    expect(inspectEnvelope(GOLDEN.toString('utf8'))).toEqual({ ok: true, xml: GOLDEN.toString('utf8'), bom: false });
  });

  it('reports and strips a leading UTF-8 BOM', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), GOLDEN]);
    expect(inspectEnvelope(withBom)).toEqual({ ok: true, xml: GOLDEN.toString('utf8'), bom: true });
    expect(inspectEnvelope(`\uFEFF${GOLDEN.toString('utf8')}`)).toMatchObject({ ok: true, bom: true });
  });

  it('refuses a 26 MB body on its size alone, without decoding it', () => {
    // 0xFF is never valid UTF-8: had the body been decoded, the verdict would be not-utf8.
    const body = Buffer.alloc(26 * 1024 * 1024, 0xff);
    const started = performance.now();
    const verdict = inspectEnvelope(body);
    expect(verdict).toMatchObject({ ok: false, problem: 'too-large' });
    expect(performance.now() - started).toBeLessThan(50);
    if (!verdict.ok) expect(verdict.message).toMatch(/27262976 bytes, over the limit of 26214400 bytes/);
  });

  it('refuses an oversized string, and accepts a body of exactly the limit', () => {
    expect(inspectEnvelope('x'.repeat(MAX_MESSAGE_BYTES + 1))).toMatchObject({ ok: false, problem: 'too-large' });
    // Multi-byte characters count as bytes, not as characters.
    expect(inspectEnvelope('é'.repeat(MAX_MESSAGE_BYTES / 2 + 1))).toMatchObject({ ok: false, problem: 'too-large' });
    const text = GOLDEN.toString('utf8');
    const exact = Buffer.from(text + ' '.repeat(MAX_MESSAGE_BYTES - GOLDEN.byteLength));
    expect(exact.byteLength).toBe(MAX_MESSAGE_BYTES);
    expect(inspectEnvelope(exact)).toMatchObject({ ok: true, bom: false });
  });

  it('refuses bytes that are not UTF-8, a lone surrogate, and a declared non-UTF-8 encoding', () => {
    expect(inspectEnvelope(defectBody('wmo501-invalid-utf8.xml'))).toMatchObject({ ok: false, problem: 'not-utf8' });
    expect(inspectEnvelope('<Bericht>\uD800</Bericht>')).toMatchObject({ ok: false, problem: 'not-utf8' });
    expect(inspectEnvelope(Buffer.from([0xff, 0xfe, 0x3c, 0x00]))).toMatchObject({ ok: false, problem: 'not-utf8' });
    expect(inspectEnvelope(defectBody('wmo501-declared-latin1.xml'))).toMatchObject({ ok: false, problem: 'not-utf8' });
    expect(inspectEnvelope('<?xml version="1.0" encoding="utf-8"?><Bericht/>')).toMatchObject({ ok: true });
  });

  it('refuses an empty body', () => {
    expect(inspectEnvelope('')).toMatchObject({ ok: false, problem: 'empty' });
    expect(inspectEnvelope(Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]))).toMatchObject({ ok: false, problem: 'empty' });
  });

  it.each([
    ['an external entity', '<!DOCTYPE Bericht [<!ENTITY x SYSTEM "file:///etc/hostname">]><Bericht>&x;</Bericht>'],
    ['a lower-case doctype', '<!doctype Bericht><Bericht/>'],
    ['a DOCTYPE after the declaration and a comment', '<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE Bericht SYSTEM "x.dtd">\n<Bericht/>'],
    ['an ENTITY declaration without DOCTYPE', '<!ENTITY x "y"><Bericht/>'],
  ])('refuses %s before the root element', (_label, xml) => {
    const verdict = inspectEnvelope(xml);
    expect(verdict).toMatchObject({ ok: false, problem: 'doctype' });
    if (!verdict.ok) expect(verdict.message).toMatch(/without <!DOCTYPE/);
  });

  it('does not mistake the word DOCTYPE inside the message content for a declaration', () => {
    expect(inspectEnvelope('<Bericht><Opmerking>&lt;!DOCTYPE&gt; <![CDATA[<!DOCTYPE x>]]></Opmerking></Bericht>')).toMatchObject({ ok: true });
  });

  it('refuses the entity bomb quickly', () => {
    const started = performance.now();
    expect(inspectEnvelope(defectBody('wmo501-entity-bomb.xml'))).toMatchObject({ ok: false, problem: 'doctype' });
    expect(performance.now() - started).toBeLessThan(50);
  });
});

const engines = ['libxml2-wasm', ...(isLibxmljs2Available() ? ['libxmljs2' as const] : [])] as const;

describe.each(engines)('validateMessage with %s on hostile bodies', (engine) => {
  let validator: XsdValidator & { calls: number };
  beforeAll(async () => {
    validator = countingValidator(await createValidator({ engine }));
  });
  afterAll(() => validator.dispose());

  it('never lets the content of /etc/hostname leak through an external entity', () => {
    const body = defectBody('wmo501-doctype-external-entity.xml');
    expect(body.toString('utf8')).toContain('file:///etc/hostname');
    const viaPipeline = validateMessage(body, validator);
    expect(viaPipeline).toMatchObject({ ok: false, problem: 'doctype' });
    const direct = validator.validate(body.toString('utf8'), 'WMO501', '2.3');
    expect(direct.valid).toBe(false);
    const hostname = existsSync('/etc/hostname') ? readFileSync('/etc/hostname', 'utf8').trim() : '';
    if (hostname !== '') {
      expect(JSON.stringify(viaPipeline)).not.toContain(hostname);
      expect(JSON.stringify(direct)).not.toContain(hostname);
    }
  });

  it('never reads a file named by an external entity (a marker file of our own)', () => {
    // /etc/hostname may be short or absent; a unique marker cannot appear by coincidence.
    const dir = mkdtempSync(join(tmpdir(), 'ipgb-xxe-'));
    const marker = `LEAK-${randomUUID()}`;
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, marker);
    try {
      const xml = GOLDEN.toString('utf8')
        .replace('<Bericht ', `<!DOCTYPE Bericht [<!ENTITY s SYSTEM "${pathToFileURL(secret).href}">]>\n<Bericht `)
        .replace('<Bsn>999990019</Bsn>', '<Bsn>&s;</Bsn>');
      for (const result of [validateMessage(xml, validator), validator.validate(xml, 'WMO501', '2.3')]) {
        expect(JSON.stringify(result)).not.toContain(marker);
      }
      // Even with a DOCTYPE-free body that merely names the file, nothing is fetched.
      const viaXInclude = GOLDEN.toString('utf8').replace(
        '<Bericht ', `<Bericht xmlns:xi="http://www.w3.org/2001/XInclude" `,
      ).replace('<Bsn>999990019</Bsn>', `<Bsn>999990019</Bsn><xi:include href="${pathToFileURL(secret).href}" parse="text"/>`);
      expect(JSON.stringify(validator.validate(viaXInclude, 'WMO501', '2.3'))).not.toContain(marker);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a 26 MB body before any parsing', () => {
    const before = validator.calls;
    const body = Buffer.alloc(26 * 1024 * 1024, 0x20);
    expect(validateMessage(body, validator)).toMatchObject({ ok: false, problem: 'too-large', bom: false });
    expect(validator.calls).toBe(before);
  });

  it('refuses the entity bomb without handing it to the engine', () => {
    const before = validator.calls;
    expect(validateMessage(defectBody('wmo501-entity-bomb.xml'), validator)).toMatchObject({ ok: false, problem: 'doctype' });
    expect(validator.calls).toBe(before);
  });

  it('accepts a golden message with a BOM and reports the BOM', () => {
    const result = validateMessage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), GOLDEN]), validator);
    expect(result).toMatchObject({ ok: true, bom: true, name: 'WMO501', release: '2.3' });
  });
});
