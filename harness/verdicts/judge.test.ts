/** The judge: one verdict per requirement from its check's outcome, not-tested with its reason. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkTableProblems, judge, judgeWithWatch, notTestedReason, withoutRestartNotTested } from './judge.js';
import { outcome, sample, type Check, type CheckTable } from './checks/check.js';
import { requirement, type RequirementId } from './requirements.js';
import { runProfileFile } from '../profile/run-profile.js';
import { loadProfile } from '../profile/load-profile.js';
import type { MigrationProfile } from '../profile/migration-profile.js';
import { afsluitingChecks } from './checks/afsluiting.js';
import { transitieChecks } from './checks/transitie.js';
import { ingebruiknameChecks } from './checks/ingebruikname.js';
import { tr507Checks } from './checks/tr507.js';
import { algemeenChecks } from './checks/algemeen.js';
import { restartChecks } from './checks/restart.js';
import { firstPassingMoment, lastMoment, passesAt, reached } from './deadlines.js';
import { ObservationsBuilder, T0, T1, T2, ms, ownHeen, svbHeen, toekenning } from './checks/checks-fixture.js';

describe('judgeWithWatch: the duties that hold in every scenario', () => {
  it('files what a watched check finds as a failure, and nothing of a watched duty that holds or is still open', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -60_000));
    b.submit(ms(T0, -60_000), ownHeen(e.intent, 'G0363000001', ms(T0, -60_000)));
    // A heen in the stop window breaks AFS-1.2 in a scenario written to verify AFS-1.1 only.
    b.submit(ms(T0, 1), ownHeen(toekenning(2), 'G0363000002', ms(T0, 1)), { code: 'IB103' });
    b.visit(ms(T0, 60_000));
    const judged = judgeWithWatch(['AFS-1.1'], b.build());
    expect(judged.map((j) => [j.id, j.verdict])).toEqual([['AFS-1.1', 'passed'], ['AFS-1.2', 'failed'], ['GEN-0.1', 'failed']]);
    expect(judgeWithWatch(['AFS-1.2'], new ObservationsBuilder().visit(ms(T0, 1)).build()).map((j) => [j.id, j.verdict])).toEqual([['AFS-1.2', 'passed']]);
  });
});

describe('judge', () => {
  it('passes, fails or leaves not-tested, and says why', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -60_000));
    b.submit(ms(T0, -60_000), ownHeen(e.intent, 'G0363000001', ms(T0, -60_000)));
    b.submit(T0, ownHeen(toekenning(1), 'G0363000001', T0), { code: 'IB103' });
    b.deliver(ms(T1, -1), svbHeen(1, 'S00000000001', ms(T1, -1), '2.3'));
    b.visit(ms(T2, -1));
    const [afs11, afs12, gen02] = judge(['AFS-1.1', 'AFS-1.2', 'GEN-0.2'], b.build());
    expect(afs11).toMatchObject({ id: 'AFS-1.1', verdict: 'passed', findings: [], notDue: [] });
    expect(afs11?.reason).toBeUndefined();
    expect(afs12).toMatchObject({ id: 'AFS-1.2', verdict: 'failed' });
    expect(afs12?.findings).toHaveLength(1);
    expect(afs12?.reason).toBeUndefined();
    expect(gen02).toMatchObject({ id: 'GEN-0.2', verdict: 'not-tested', findings: [] });
    expect(gen02?.reason).toBe('the scenario ended at Wed 2026-04-01 08:59:59.999 Europe/Amsterdam (06:59:59.999Z), before 1 duty(ies) fell due: '
      + 'a retour on WMO507 S00000000001 accepted, due at the first moment the switch lets it pass, which the scenario did not reach');
  });

  it('leaves what passed in a restart scenario not tested when no restart could be made; failures stand', () => {
    const b = new ObservationsBuilder();
    b.submit(T0, ownHeen(toekenning(1), 'G0363000001', T0));
    b.visit(ms(T0, -60_000), T0);
    const judged = judge(['AFS-1.1', 'AFS-1.2'], b.build());
    expect(judged.map((j) => j.verdict)).toEqual(['passed', 'failed']);
    const unavailable = { ...b.build(), restart: { outcome: 'unavailable' as const, reason: 'the party offers no restart' } };
    expect(withoutRestartNotTested(judged, unavailable).map((j) => [j.verdict, j.reason])).toEqual([
      ['not-tested', 'no restart was made: the party offers no restart'], ['failed', undefined]]);
    const restarted = { ...b.build(), restart: { outcome: 'restarted' as const, at: T0, via: 'test', before: { now: '', outgoing: [], incoming: [] }, after: { now: '', outgoing: [], incoming: [] } } };
    expect(withoutRestartNotTested(judged, restarted)).toEqual(judged);
  });

  it('names a calendar deadline in the reason, and a scenario without moments', () => {
    const b = new ObservationsBuilder();
    b.visit(ms(T0, -1));
    expect(notTestedReason(b.build(), [{ duty: 'x', dueAt: T0 }, { duty: 'y' }, { duty: 'z' }]))
      .toBe('the scenario ended at Mon 2026-03-30 08:59:59.999 Europe/Amsterdam (06:59:59.999Z), before 3 duty(ies) fell due: '
        + 'x, due by Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z); y, due at the first moment the switch lets it pass, which the scenario did not reach; and 1 more');
    expect(notTestedReason(new ObservationsBuilder().build(), [{ duty: 'x' }])).toMatch(/^the scenario visited no moment, before 1 duty/);
  });

  it('refuses an id the run\'s profile lacks', () => {
    expect(() => judge(['XYZ-9.9' as RequirementId], new ObservationsBuilder().build())).toThrow(/^Unknown requirement id XYZ-9.9: the ids are those of the migration profile ipgb-2.0-2.3 \(AFS-1.1, /);
  });

  it('refuses GEN-0.4 on its own: it is folded from the second calendar\'s verdicts', () => {
    expect(() => judge(['GEN-0.4'], new ObservationsBuilder().build())).toThrow(/No check for GEN-0.4: it is folded from other verdicts/);
  });
});

describe('the profile\'s requirement rows and the checks, one to one', () => {
  const loaded = runProfileFile();
  const path = join(process.cwd(), 'fixtures/profiles/copy.json');
  const withRows = (rows: MigrationProfile['requirements']) => ({ path, profile: { ...loaded.profile, requirements: rows } });

  it('match for the default and the synthetic profile', () => {
    expect(checkTableProblems(loaded)).toEqual([]);
    expect(checkTableProblems(loadProfile(join(process.cwd(), 'fixtures/profiles/synthetic-9.0-9.1.json')))).toEqual([]);
  });

  it('refuse a profile row without a check, naming both files', () => {
    const extra = { ...loaded.profile.requirements[0]!, id: 'AFS-1.6' };
    expect(checkTableProblems(withRows([...loaded.profile.requirements, extra]))).toEqual([
      'AFS-1.6 is a requirement of the profile fixtures/profiles/copy.json but has no check in harness/verdicts/checks/. Fix: add its check to a CheckTable there, or remove the row.',
    ]);
  });

  it('refuse a check without a profile row, naming both files', () => {
    expect(checkTableProblems(withRows(loaded.profile.requirements.filter((r) => r.id !== 'TRA-2.3')))).toEqual([
      'harness/verdicts/checks/ has a check for TRA-2.3, but the profile fixtures/profiles/copy.json has no row for it. Fix: add its row to "requirements" in fixtures/profiles/copy.json, or remove the check.',
    ]);
  });

  it('take a new requirement as one profile row and one check, and judge it', () => {
    const row = { ...loaded.profile.requirements[0]!, id: 'AFS-1.6', duty: 'a new duty' };
    const check: Check = () => outcome([]);
    const profile = withRows([...loaded.profile.requirements, row]);
    expect(checkTableProblems(profile, { ...everyCheck(), 'AFS-1.6': check })).toEqual([]);
    expect(requirement('AFS-1.6', profile.profile)).toMatchObject({ id: 'AFS-1.6', duty: 'a new duty', phase: 'Afsluiting' });
  });
});

/** The judge's own table, as the checks folder exports it. */
const everyCheck = (): CheckTable => ({ ...afsluitingChecks, ...transitieChecks, ...ingebruiknameChecks, ...tr507Checks, ...algemeenChecks, ...restartChecks });


describe('deadlines', () => {
  const b = new ObservationsBuilder().visit(ms(T0, -1), T0, T1, ms(T2, -1), T2, ms(T2, 1));
  b.blocks.push({ from: T2, until: ms(T2, 1), scope: 'heen' });
  const obs = b.build();
  it.each([
    ['a 2.0.2 heen 1 ms before T0', ms(T0, -1), 'WMO501', '2.0.2', true],
    ['a 2.0.2 heen at T0', T0, 'WMO501', '2.0.2', false],
    ['any heen at T0', T0, 'WMO501', undefined, false],
    ['a 2.0.2 retour at T0', T0, 'WMO502', '2.0.2', true],
    ['a 2.0.2 retour at T1', T1, 'WMO502', '2.0.2', false],
    ['a 2.3 retour 1 ms before T2', ms(T2, -1), 'WMO502', '2.3', false],
    ['a 2.3 retour at T2', T2, 'WMO502', '2.3', true],
    ['a 2.3 heen at T2, in an unplanned heen block', T2, 'WMO501', '2.3', false],
    ['any heen 1 ms after T2, after the block', ms(T2, 1), 'WMO501', undefined, true],
  ] as const)('%s passes: %s', (_label, t, name, release, passes) => {
    expect(passesAt(obs, t, name, release)).toBe(passes);
  });
  it('finds the first passing moment, inclusive, among the visited ones', () => {
    expect(firstPassingMoment(obs, 'WMO501', T0)?.toMillis()).toBe(ms(T2, 1).toMillis());
    expect(firstPassingMoment(obs, 'WMO502', T0, '2.0.2')?.toMillis()).toBe(T0.toMillis());
    expect(firstPassingMoment(obs, 'WMO502', ms(T0, 1), '2.0.2')?.toMillis()).toBe(T2.toMillis());
    expect(firstPassingMoment(obs, 'WMO501', ms(T2, 2))).toBeUndefined();
  });
  it('knows the last moment and whether a deadline was reached', () => {
    expect(lastMoment(obs)?.toMillis()).toBe(ms(T2, 1).toMillis());
    expect(reached(obs, ms(T2, 1))).toBe(true);
    expect(reached(obs, ms(T2, 2))).toBe(false);
    expect(lastMoment(new ObservationsBuilder().build())).toBeUndefined();
    expect(reached(new ObservationsBuilder().build(), T0)).toBe(false);
  });
});

describe('judge and sample at their edges', () => {
  it('leaves a requirement it cannot test with its reason and no open duties', () => {
    const [judgement] = judge(['TRA-2.3'], new ObservationsBuilder().build());
    expect(judgement).toEqual({ id: 'TRA-2.3', verdict: 'not-tested', findings: [], notDue: [], reason: 'the scenario made no restart (a scenario verifying TRA-2.3 must call world.restartParty())' });
  });
  it('lists up to three items in full, and counts the rest', () => {
    expect(sample(['a', 'b', 'c'], (x) => x)).toBe('a; b; c');
    expect(sample(['a', 'b', 'c', 'd'], (x) => x)).toBe('a; b; c; and 1 more');
  });
});
