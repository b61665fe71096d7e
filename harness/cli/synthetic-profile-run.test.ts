/**
 * Issue 12: a second migration profile runs end to end. `npm run conformance -- --profile` with
 * the synthetic 9.0.1 → 9.1 migration (its own releases, BerichtCodes, namespaces, XSDs and
 * calendar, go-live at 13.00) passes the reference party in every role on the edge scenarios of
 * T0, T1 and T2 (507 stopping at T0, 501 at T1), ING-3.3/3.4 are not applicable with the reason
 * (no late from-release retours), and the evidence names the profile and says loudly that it is synthetic.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../evidence/summary.js';
import { runConformance } from './conformance-child.js';

const PROFILE = fileURLToPath(new URL('../../fixtures/profiles/synthetic-9.0-9.1.json', import.meta.url));
const EDGE_SCENARIOS = [
  'afs-drain-until-heen-stop', 'afs-answer-before-retour-stop', 'tra-events-while-chain-is-closed',
  'ing-late-2-0-2-retour-received', 'gen-2-0-2-heen-after-go-live',
];
const outs: string[] = [];
afterAll(() => { for (const out of outs) rmSync(out, { recursive: true, force: true }); });

describe('npm run conformance -- --profile (synthetic migration)', () => {
  it('passes the reference party in every role, in the profile\'s own releases, and the evidence names the profile', async () => {
    const run = await runConformance(['--profile', PROFILE, '--scenario', EDGE_SCENARIOS.join(',')]);
    outs.push(run.out);
    expect(run.status, run.output).toBe(0);
    const summary = JSON.parse(readFileSync(join(run.out, 'summary.json'), 'utf8')) as Summary;
    expect(summary.profile).toMatchObject({ name: 'synthetic-9.0-9.1', synthetic: true, from: '9.0.1', to: '9.1', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(summary.calendar).toMatchObject({ name: 'synthetic-2027', national: true, goLive: '2027-10-27T13:00:00.000+02:00' });
    expect(Object.keys(summary.schemas.sha256).every((f) => f.startsWith('9.0.1/') || f.startsWith('9.1/'))).toBe(true);
    expect(summary.parties.map((p) => p.role).sort()).toEqual(['gemeente', 'svb', 'zorgkantoor']);
    const judged = summary.parties.flatMap((p) => Object.entries(p.requirements).filter(([, r]) => r.tests > 0).map(([id, r]) => `${p.role} ${id} ${r.verdict}`));
    expect(judged.length).toBeGreaterThan(20);
    expect(judged.filter((line) => !line.endsWith(' passed'))).toEqual([]);
    // No late 9.0.1 retours pass under this profile: ING-3.3 and ING-3.4 are no duty of any role, with the reason.
    for (const p of summary.parties) {
      for (const id of ['ING-3.3', 'ING-3.4'] as const) {
        expect(p.requirements[id], `${p.role} ${id}`).toMatchObject({ verdict: 'not-applicable', tests: 0, reason: expect.stringContaining('passes no 9.0.1 retour after the go-live') });
      }
    }
    expect(Object.keys(summary.profile?.dutiesAbsent ?? {})).toEqual(['ING-3.3', 'ING-3.4']);
    // The messages on the wire are the profile's: its namespaces, never the national ones.
    const results = join(run.out, 'allure-results');
    const xml = readdirSync(results).filter((f) => f.endsWith('-attachment.xml')).map((f) => readFileSync(join(results, f), 'utf8'));
    expect(xml.some((x) => x.includes('/ipgb/9_0/')) && xml.some((x) => x.includes('/ipgb/9_1/'))).toBe(true);
    expect(xml.filter((x) => /\/ipgb\/2_[03]\//.test(x))).toEqual([]);
    const dossier = readFileSync(join(run.out, 'dossier.md'), 'utf8');
    expect(dossier).toContain("Synthetisch migratieprofiel 'synthetic-9.0-9.1'");
    // Title, introduction and matrix name the profile's migration, not the national one.
    expect(dossier.split('\n')[0]).toBe('# Dossier conformiteit SYNTHETISCH 9.0.1 → 9.1');
    expect(dossier).toContain('iPgb 9.1 versturen en ontvangen');
    expect(dossier).not.toMatch(/iPgb 2\.0 naar iPgb 2\.3|iPgb 2\.3 versturen/);
    expect(dossier).toContain('Reden: het migratieprofiel synthetic-9.0-9.1 laat na de ingebruikname geen retourberichten in 9.0.1 meer toe');
  }, 300_000);
});
