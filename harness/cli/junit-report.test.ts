import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ParseOption, XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { RECORDS_FORMAT, type ScenarioRecord } from '../evidence/scenario-record.js';
import { junitXml } from './junit-report.js';

const XSD = fileURLToPath(new URL('../../docs/ci/junit.xsd', import.meta.url));
const OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;
const RUN = { suiteVersion: '0.1.0', startedAt: '2026-11-30T10:00:00.123Z' };

/** The schema's complaints about `xml`, empty when it is accepted. */
function schemaErrors(xml: string): string[] {
  const schemaDoc = XmlDocument.fromBuffer(readFileSync(XSD), { option: OPTIONS });
  const validator = XsdValidator.fromDoc(schemaDoc);
  const doc = XmlDocument.fromString(xml, { option: OPTIONS });
  try {
    validator.validate(doc);
    return [];
  } catch (e) {
    if (e instanceof XmlValidateError) return e.details.map((d) => d.message.trim());
    throw e;
  } finally {
    doc.dispose();
    validator.dispose();
    schemaDoc.dispose();
  }
}

const record = (over: Partial<ScenarioRecord>): ScenarioRecord => ({
  format: RECORDS_FORMAT, scenarioId: 'afs-drain', title: 'Alles vóór de heenstop', role: 'gemeente', identity: '0363', endpoint: 'x',
  phase: 'Afsluiting', runbookStep: '1.1 Alle heenberichten verzonden', durationMs: 1234,
  requirements: [{ id: 'AFS-1.1', verdict: 'passed', findings: [] }], ...over,
});

const RECORDS: ScenarioRecord[] = [
  record({}),
  record({
    scenarioId: 'tra-refused', role: 'svb', identity: 'SVB',
    requirements: [
      {
        id: 'TRA-2.2', verdict: 'failed', hint: 'hint: the party made no attempt at all',
        findings: Array.from({ length: 24 }, (_, i) => ({ requirement: 'TRA-2.2' as const, category: 'lost' as const, expected: `G${i} "accepted" <once> & kept\u0001`, happened: 'not', messageIds: [] })),
      },
      { id: 'GEN-0.2', verdict: 'passed', findings: [] },
    ],
  }),
  record({ scenarioId: 'broken-one', broken: '[unreachable] the party did not answer', requirements: [{ id: 'AFS-1.1', verdict: 'broken', findings: [], reason: 'x' }] }),
  record({ scenarioId: 'restart', requirements: [{ id: 'TRA-2.3', verdict: 'not-tested', findings: [], reason: 'the party offers no restart' }] }),
];

describe('junit.xml', () => {
  const xml = junitXml(RECORDS, RUN);

  it('is accepted by the JUnit schema (docs/ci/junit.xsd) under libxml2', () => {
    expect(schemaErrors(xml)).toEqual([]);
  });

  it('the schema check can fail: a testcase without a name or a negative count is refused', () => {
    expect(schemaErrors(xml.replace(/<testcase name="[^"]*"/, '<testcase'))).not.toEqual([]);
    expect(schemaErrors(xml.replace('tests="4"', 'tests="-4"'))).not.toEqual([]);
  });

  it('is accepted by xmllint --schema too, where xmllint is installed', () => {
    let xmllint = true;
    try { execFileSync('xmllint', ['--version'], { stdio: 'ignore' }); } catch { xmllint = false; }
    if (!xmllint) return; // the libxml2 test above still ran
    const file = join(mkdtempSync(join(tmpdir(), 'junit-')), 'junit.xml');
    writeFileSync(file, xml);
    expect(() => execFileSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { stdio: 'pipe' })).not.toThrow();
  });

  it('has one testcase per scenario and role, grouped by party, with the requirement ids as properties', () => {
    expect(xml).toContain('<testsuites name="ipgb-cutover-conformance 0.1.0" tests="4" failures="1" errors="1" skipped="1"');
    expect(xml).toContain('<testsuite name="gemeente 0363" tests="3" failures="0" errors="1" skipped="1" time="3.702" timestamp="2026-11-30T10:00:00">');
    expect(xml).toContain('<testcase name="tra-refused: Alles vóór de heenstop" classname="ipgb.svb.SVB.Afsluiting" time="1.234">');
    expect(xml).toContain('<property name="requirement" value="TRA-2.2"/>');
    expect(xml).toContain('<property name="TRA-2.2" value="failed"/>');
    expect(xml).toContain('<property name="scenario" value="afs-drain"/>');
  });

  it('a failure carries the bounded, escaped lines of the failed requirement; broken is an error, not-tested skipped with its reason', () => {
    // The message names the first finding, not the hint (told by its field); the body starts with the hint.
    expect(xml).toMatch(/<failure message="TRA-2\.2 failed: \[lost\] expected G0 &quot;accepted&quot; &lt;once&gt; &amp; kept\uFFFD; not" type="TRA-2\.2">TRA-2\.2 hint: the party made no attempt at all\n/);
    expect(xml).toContain('TRA-2.2 … and 5 more (see the run\'s evidence)</failure>');
    expect(xml.match(/TRA-2\.2 \[lost\]/g)).toHaveLength(19);
    expect(xml).toContain('AFS-1.1 broken: x</error>');
    expect(xml).toContain('<error message="[unreachable] the party did not answer" type="AFS-1.1">');
    expect(xml).toContain('<skipped message="TRA-2.3 not-tested: the party offers no restart"/>');
  });
});
