import { describe, expect, it } from 'vitest';
import { switchDossierHtml, switchDossierMarkdown, switchPreconditionViews } from './switch-dossier.js';
import { buildSwitchSummary } from './switch-summary.js';
import type { SwitchRecord } from './switch-record.js';

const record = (over: Partial<SwitchRecord>): SwitchRecord => ({
  scenarioId: 's', title: 't', switchRole: 'BIDN', endpoint: 'http://h:1', runbookStep: '1.2', durationMs: 1, requirements: [], ...over,
});
const env = (national: boolean) => ({
  suiteVersion: '0.1.0', startedAt: '2026-12-01T10:00:00Z', schemas: { source: 'bundled', sha256: {} },
  calendar: { zone: 'Europe/Amsterdam', heenStop: 'a', retourStop: 'b', goLive: 'c', name: national ? 'ipgb-2026' : 'rehearsal-kto', national },
  switches: [{ role: 'BIDN' as const, endpoint: 'http://h:1', about: { vendor: 'BIDN', product: 'GGk', version: '7' } }],
});

describe('the switch dossier', () => {
  it('shows 4.5.1 voldaan only when every id under it passed, niet voldaan on a failure, niet aangetoond on an untested id', () => {
    const all = ['SW-1.1', 'SW-1.2', 'SW-1.3', 'SW-1.4', 'SW-3.1'] as const;
    const passing = record({ requirements: all.map((id) => ({ id, verdict: 'passed', failures: [] })) });
    const views = (records: SwitchRecord[]) => switchPreconditionViews(buildSwitchSummary(records, env(true)).switches[0]!);
    expect(views([passing]).map((v) => `${v.nr} ${v.verdict}`)).toEqual(['4.5.1 voldaan', '4.5.2 niet aangetoond']);
    const failing = record({ requirements: [{ id: 'SW-1.2', verdict: 'failed', failures: ['[answer] expected x; y [SW1]'] }] });
    expect(views([passing, failing])[0]?.verdict).toBe('niet voldaan');
    expect(views([record({ requirements: all.filter((id) => id !== 'SW-1.4').map((id) => ({ id, verdict: 'passed', failures: [] })) })])[0]?.verdict).toBe('niet aangetoond');
  });

  it('names the product and the run time in the calendar zone, and warns on a rehearsal calendar', () => {
    const md = switchDossierMarkdown(buildSwitchSummary([], env(false)));
    expect(md).toContain('Onder test: BIDN GGk 7.');
    expect(md).toContain('run 01-12-2026 11:00 (Europe/Amsterdam)');
    expect(md).toContain('niet de kalender van de migratie zelf');
    expect(switchDossierMarkdown(buildSwitchSummary([], env(true)))).not.toContain('niet de kalender van de migratie zelf');
    expect(switchDossierHtml(buildSwitchSummary([record({ requirements: [{ id: 'SW-1.2', verdict: 'failed', failures: ['<script>'] }] })], env(true)))).toContain('&lt;script&gt;');
  });
});
