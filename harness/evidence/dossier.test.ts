import { describe, expect, it } from 'vitest';
import { REQUIREMENT_IDS } from '../verdicts/requirements.js';
import { dossierHtml } from './dossier-html.js';
import { dossierMarkdown } from './dossier-markdown.js';
import { dossierParties } from './dossier-model.js';
import type { ScenarioRecord } from './scenario-record.js';
import { buildSummary } from './summary.js';
import { ENV, outcome, rec } from '../../fixtures/evidence/test-records.js';

const ING = ['ING-3.1', 'ING-3.2', 'ING-3.3', 'ING-3.4', 'ING-3.5', 'ING-3.6'] as const;
const SVB_IDS = REQUIREMENT_IDS.filter((id) => id !== 'ING-3.5');

function dossierOf(records: ScenarioRecord[]) {
  const summary = buildSummary(records, ENV);
  return { views: dossierParties([{ summary, records }]), md: dossierMarkdown([{ summary, records }]), html: dossierHtml([{ summary, records }]) };
}

describe('dossier', () => {
  const records = [
    rec('ing', 'gemeente', '0363', ING.map((id) => outcome(id, 'passed'))),
    rec('afs', 'gemeente', '0363', [outcome('AFS-1.5', 'failed', ['[timing] Retour WMO502 on G0363000017 not processed by 17:00 <late>'])]),
    rec('svb-all', 'svb', 'SVB', SVB_IDS.map((id) => outcome(id, 'passed'))),
  ];
  const { views, md, html } = dossierOf(records);

  it('gives each party the two preconditions of its role with an honest verdict', () => {
    const gemeente = views.find((v) => v.role === 'gemeente')!;
    expect(gemeente.preconditions.map((p) => [p.nr, p.verdict])).toEqual([['4.3.1', 'niet voldaan'], ['4.3.2', 'voldaan']]);
    const svb = views.find((v) => v.role === 'svb')!;
    expect(svb.preconditions.map((p) => [p.nr, p.verdict])).toEqual([['4.4.1', 'voldaan'], ['4.4.2', 'voldaan']]);
    expect(svb.preconditions[1]!.rows.find((r) => r.id === 'ING-3.5')!.outcome).toBe('niet van toepassing');
    expect(svb.build).toBe('svb/party:1.2@sha256:feed');
  });

  it('calls a precondition with an untested requirement "niet aangetoond", not "voldaan"', () => {
    const partial = dossierOf([rec('ing', 'gemeente', '0363', ING.filter((id) => id !== 'ING-3.5').map((id) => outcome(id, 'passed')))]);
    const pc = partial.views[0]!.preconditions.find((p) => p.nr === '4.3.2')!;
    expect(pc.verdict).toBe('niet aangetoond');
    expect(pc.rows.find((r) => r.id === 'ING-3.5')!.outcome).toBe('niet getest');
  });

  it('shows rows with runbook step, duty, failure line and the report path', () => {
    const row = views[0]!.preconditions[0]!.rows.find((r) => r.id === 'AFS-1.5')!;
    expect(row).toMatchObject({ runbookStep: '1.5, 5 (eindsituatie)', outcome: 'gefaald', tests: 1 });
    expect(row.reportPaths).toEqual(['gemeente 0363 › Afsluiting › 1.1 Alle beschikbare heenberichten zijn verzonden (1 scenario)']);
    expect(md).toContain('### Randvoorwaarde 4.3.1: NIET VOLDAAN');
    expect(md).toContain('De gemeenten hebben een geslaagde ketentest uitgevoerd');
    expect(md).toContain('[timing] Retour WMO502 on G0363000017 not processed by 17:00 <late>');
    expect(md).toContain('- Suiteversie: 0.1.0');
    expect(md).toMatch(/- Schemaset: bundled, 2 XSD's, vingerafdruk [0-9a-f]{12}/);
    expect(md).toContain('- Testdatum: 30-11-2026 11:00 (Europe/Amsterdam)');
  });

  it('renders self-contained HTML: escaped text, A4 print CSS, nothing to fetch', () => {
    expect(html).toContain('not processed by 17:00 &lt;late&gt;');
    expect(html).not.toContain('<late>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('Randvoorwaarde 4.4.1');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(/i);
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1[:/])/);
  });
});
