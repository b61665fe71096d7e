/**
 * `npm run conformance -- --live` end to end, short: a compressed cutover of some 20 seconds on
 * the wall clock against the bundled reference party, as a vendor's CI would run it. The full
 * default one (2m, 5m, 8m) is `npm run bench:live`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance } from './conformance-child.js';
import type { Summary } from '../evidence/summary.js';

describe('npm run conformance -- --live', () => {
  it('rehearses the cutover on the wall clock against the reference party and exits 0, saying so in the evidence', async () => {
    const run = await runConformance(['--live', '--live-offsets', '6s,10s,14s', '--role', 'gemeente']);
    expect(run.status, run.output.slice(-3000)).toBe(0);
    const summary = JSON.parse(readFileSync(join(run.out, 'summary.json'), 'utf8')) as Summary;
    expect(summary.mode).toBe('live');
    expect(summary.calendar).toMatchObject({ name: 'live-repetitie', national: false });
    // The real calendar: T0 six seconds after the start line (every worker ready), later than the command's start.
    const t0 = Date.parse(summary.calendar.heenStop) - Date.parse(summary.startedAt);
    expect(t0).toBeGreaterThan(6_000);
    expect(t0).toBeLessThan(60_000);
    const requirements = summary.parties[0]!.requirements;
    for (const id of ['AFS-1.1', 'AFS-1.2', 'AFS-1.3', 'AFS-1.4', 'AFS-1.5', 'TRA-2.1', 'ING-3.1', 'ING-3.2', 'ING-3.3', 'ING-3.6', 'GEN-0.1', 'GEN-0.2'] as const) {
      expect(requirements[id], id).toMatchObject({ verdict: 'passed', tests: 1 });
    }
    // What one continuous cutover cannot observe is never passed.
    for (const id of ['TRA-2.2', 'TRA-2.3', 'ING-3.4', 'ING-3.5', 'GEN-0.3', 'GEN-0.4'] as const) {
      expect(requirements[id], id).toMatchObject({ verdict: 'not-tested', reason: expect.stringContaining('live-repetitie') });
    }
    // The progress line: phase and time to the next stop.
    expect(run.output).toMatch(/live \d\d:\d\d:\d\d · phase afsluiting · retour stop T1 in 0:0\d/);
    const dossier = readFileSync(join(run.out, 'dossier.md'), 'utf8');
    expect(dossier).toContain('Live-repetitie op de wandklok');
    expect(dossier).toContain("kalender 'live-repetitie'");
    const environment = readFileSync(join(run.out, 'allure-results', 'environment.properties'), 'utf8');
    expect(environment).toContain('Mode=live rehearsal');
  }, 180_000);
});
