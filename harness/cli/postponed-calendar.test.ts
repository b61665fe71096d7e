/**
 * A postponed migration date is a new calendar (cutover.md "Postponement", GEN-0.4): with
 * `--calendar` naming the autumn calendar, the bundled reference party passes every applicable
 * requirement in every role, GEN-0.4 included (on a second calendar that is not the one given),
 * and the evidence names the calendar and says it is not the national one.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../evidence/summary.js';
import type { ScenarioRecord } from '../evidence/scenario-record.js';
import { runConformance } from './conformance-child.js';

const POSTPONED = 'fixtures/calendars/ipgb-2026-uitgesteld-oktober.json';
const outs: string[] = [];
afterAll(() => { for (const out of outs) rmSync(out, { recursive: true, force: true }); });

describe('npm run conformance -- --calendar <postponed autumn calendar>', () => {
  it('passes the reference party in every role, on that calendar and on the second one', async () => {
    const run = await runConformance(['--calendar', POSTPONED]);
    outs.push(run.out);
    expect(run.status, run.output.slice(-3000)).toBe(0);
    const summary = JSON.parse(readFileSync(join(run.out, 'summary.json'), 'utf8')) as Summary;
    expect(summary.calendar).toMatchObject({ name: 'ipgb-2026-uitgesteld-oktober', national: false, heenStop: '2026-10-26T09:00:00.000+01:00' });
    expect(summary.parties.map((p) => p.role).sort()).toEqual(['gemeente', 'svb', 'zorgkantoor']);
    for (const party of summary.parties) {
      const notPassed = Object.entries(party.requirements).filter(([, r]) => r.verdict !== 'passed' && r.verdict !== 'not-applicable');
      expect(notPassed, party.role).toEqual([]);
      expect(party.requirements['GEN-0.4']!.verdict, party.role).toBe('passed');
    }
    const records = readFileSync(join(run.out, 'records.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ScenarioRecord);
    // The T0/T1/T2 edge scenarios and the summer-time trap, in every role, filed under GEN-0.4 alone.
    const onSecond = records.filter((r) => r.secondCalendar !== undefined);
    expect(onSecond.map((r) => `${r.scenarioId} ${r.role}`).sort()).toEqual(['afs-answer-before-retour-stop', 'afs-drain-until-heen-stop', 'afs-summer-time-heen-and-retour-stop', 'tra-events-while-chain-is-closed', 'tra-restart-during-transition']
      .flatMap((id) => ['gemeente', 'svb', 'zorgkantoor'].map((role) => `${id} ${role}`)));
    for (const r of onSecond) expect(r.requirements.map((q) => q.id)).toEqual(['GEN-0.4']);
    const second = [...new Set(onSecond.map((r) => r.secondCalendar))];
    // Not the calendar given: spring 2027, where summer time starts in the transition.
    expect(second).toEqual(['tweede-kalender-2027-03-25']);
    expect(readFileSync(join(run.out, 'dossier.md'), 'utf8')).toContain('ipgb-2026-uitgesteld-oktober');
  }, 900_000);
});
