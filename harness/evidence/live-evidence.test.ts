/** The evidence of a live rehearsal (`--live`) says so: summary, dossier and report title. */
import { describe, expect, it } from 'vitest';
import { buildSummary, type SummaryEnv } from './summary.js';
import { dossierView } from './dossier-model.js';
import { dossierMarkdown } from './dossier-markdown.js';
import { reportTitle } from './report.js';
import { ENV, outcome, rec } from '../../fixtures/evidence/test-records.js';

const live: SummaryEnv = {
  ...ENV, mode: 'live',
  calendar: { name: 'live-repetitie', national: false, zone: 'Europe/Amsterdam', heenStop: '2026-12-01T14:22:01.000+01:00', retourStop: '2026-12-01T14:25:01.000+01:00', goLive: '2026-12-01T14:28:01.000+01:00' },
};
const records = [rec('live-generale-repetitie', 'gemeente', '0363', [outcome('AFS-1.1', 'passed'), outcome('TRA-2.3', 'not-tested', [], 'live-repetitie: de repetitie herstart het systeem van de partij niet')])];

describe('evidence of a live rehearsal', () => {
  it('summary.json says mode live with the real calendar; a virtual run has no mode', () => {
    const summary = buildSummary(records, live);
    expect(summary).toMatchObject({ mode: 'live', calendar: { name: 'live-repetitie', national: false, heenStop: '2026-12-01T14:22:01.000+01:00' } });
    expect(buildSummary(records, ENV)).not.toHaveProperty('mode');
  });

  it('the dossier\'s page one shows the live banner with the real stops, and its introduction the wall clock', () => {
    const md = dossierMarkdown(dossierView([{ summary: buildSummary(records, live), records }]), ['dossier.md']);
    const pageOne = md.slice(0, md.indexOf('\n## '));
    expect(pageOne).toContain('Live-repetitie op de wandklok');
    expect(pageOne).toContain('T0 heenstop di 1 dec 2026 14.22.01 uur');
    expect(pageOne).toContain("Niet de landelijke kalender: deze run gebruikte kalender 'live-repetitie'");
    expect(pageOne).toContain('in een live-repetitie op de wandklok');
    expect(pageOne).not.toContain('tegenpartij na op een gesimuleerde klok');
    const virtual = dossierMarkdown(dossierView([{ summary: buildSummary(records, ENV), records }]), ['dossier.md']);
    expect(virtual).not.toContain('Live-repetitie');
  });

  it('the report title names the live rehearsal and a calendar that is not the national one', () => {
    expect(reportTitle(buildSummary(records, live))).toContain('LIVE REHEARSAL on the wall clock (T0 2026-12-01T14:22:01.000+01:00');
    expect(reportTitle(buildSummary(records, live))).toContain("NOT the national calendar: 'live-repetitie'");
    expect(reportTitle(buildSummary(records, ENV))).toBe('iPgb 2.0 → 2.3 conformance');
  });
});
