/**
 * The checks follow the profile's stop shape, not T0/T1 of the calendar: the same behaviour of a
 * party, judged under the national profile and under one of the synthetic profile's shape (507
 * stops at T0, 501 at T1, no old-release retours after the go-live), gets different verdicts, each
 * right for its profile. The shape twin keeps the national releases so one traffic fits both; the
 * switch's answers in the ledger are what each profile's switch would have given.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DateTime } from 'luxon';
import { loadProfile } from '../../profile/load-profile.js';
import type { MigrationProfile } from '../../profile/migration-profile.js';
import { DEFAULT_PROFILE } from '../../profile/run-profile.js';
import { switchDecision } from '../../switch/policy.js';
import type { Bericht } from '../../messages/model.js';
import { judge } from '../judge.js';
import type { RequirementId } from '../requirements.js';
import { dutyAbsentUnder, dutyAbsentUnderNl } from '../profile-duties.js';
import { CAL, ObservationsBuilder, T0, T1, T2, afsluiting, ms, ownHeen, retour, svbHeen, toekenning } from './checks-fixture.js';
import { heenOf } from '../../messages/from-intent.js';

const HOUR = 3_600_000;
const NATIONAL = loadProfile(DEFAULT_PROFILE).profile;
const SYNTHETIC = loadProfile(fileURLToPath(new URL('../../../fixtures/profiles/synthetic-9.0-9.1.json', import.meta.url))).profile;
const TWIN: MigrationProfile = { ...NATIONAL, name: 'national releases, synthetic shape', stopRules: SYNTHETIC.stopRules, oldReleaseRetoursAfterGoLive: SYNTHETIC.oldReleaseRetoursAfterGoLive };

/** Builds one party's traffic for `profile`: every submission answered as that profile's switch answers it. */
function traffic(profile: MigrationProfile, act: (submit: (t: DateTime, b: Bericht) => void, b: ObservationsBuilder) => void): ObservationsBuilder {
  const b = new ObservationsBuilder();
  b.profile = profile;
  act((t, bericht) => {
    const d = switchDecision(CAL, t, `${bericht.wet}${bericht.family}`, bericht.release, profile);
    b.submit(t, bericht, d.accept ? {} : { code: d.code });
  }, b);
  return b;
}

const verdicts = (ids: RequirementId[], b: ObservationsBuilder): Record<string, string> =>
  Object.fromEntries(judge(ids, b.build()).map((j) => [j.id, j.verdict]));

describe('the checks follow the profile, not the calendar', () => {
  it('the shape twin really has the synthetic file\'s stop shape', () => {
    expect(SYNTHETIC.stopRules).toEqual([
      { direction: 'heen', messages: ['507'], from: 'T0' }, { direction: 'heen', messages: ['501'], from: 'T1' }, { direction: 'retour', from: 'T1' },
    ]);
    expect(SYNTHETIC.oldReleaseRetoursAfterGoLive).toBe(false);
  });

  it('a 501 sent at T0 + 1 h: AFS-1.2 fails nationally, passes where 501 stops at T1', () => {
    const act = (submit: (t: DateTime, b: Bericht) => void, b: ObservationsBuilder) => {
      b.event(toekenning(1), ms(T0, HOUR / 2), 'i-1');
      submit(ms(T0, HOUR), ownHeen(toekenning(1), 'G0363000001', ms(T0, HOUR), '2.0.2'));
      // Nationally refused (IB103), the party keeps it and sends it as 2.3 at the go-live.
      submit(T2, ownHeen(toekenning(1), 'G0363000001', T2, '2.3'));
      b.visit(ms(T2, HOUR));
    };
    expect(verdicts(['AFS-1.1', 'AFS-1.2', 'TRA-2.1', 'GEN-0.2'], traffic(NATIONAL, act))).toEqual({ 'AFS-1.1': 'passed', 'AFS-1.2': 'failed', 'TRA-2.1': 'passed', 'GEN-0.2': 'passed' });
    const twin = traffic(TWIN, (submit, b) => {
      b.event(toekenning(1), ms(T0, HOUR / 2), 'i-1');
      submit(ms(T0, HOUR), ownHeen(toekenning(1), 'G0363000001', ms(T0, HOUR), '2.0.2'));
      b.visit(ms(T2, HOUR));
    });
    expect(verdicts(['AFS-1.1', 'AFS-1.2', 'TRA-2.1', 'GEN-0.2'], twin)).toEqual({ 'AFS-1.1': 'passed', 'AFS-1.2': 'passed', 'TRA-2.1': 'passed', 'GEN-0.2': 'passed' });
  });

  it('a 507 sent at T0 + 1 h fails AFS-1.2 under both, and names its own stop', () => {
    for (const profile of [NATIONAL, TWIN]) {
      const b = traffic(profile, (submit, o) => {
        submit(ms(T0, HOUR), svbHeen(1, 'S00000000001', ms(T0, HOUR), '2.0.2'));
        o.visit(ms(T2, HOUR));
      });
      const [afs12] = judge(['AFS-1.2'], b.build());
      expect(afs12?.verdict, profile.name).toBe('failed');
      expect(afs12?.findings[0]?.expected, profile.name).toContain('(WMO507 from Mon 2026-03-30 09:00:00.000');
    }
  });

  it('a 501 event of T0 + 30 min held for the go-live: right nationally (TRA-2.1), AFS-1.1 broken where 501 may go until T1', () => {
    const act = (submit: (t: DateTime, b: Bericht) => void, b: ObservationsBuilder) => {
      b.event(toekenning(1), ms(T0, HOUR / 2), 'i-1');
      b.visit(T1);
      submit(T2, ownHeen(toekenning(1), 'G0363000001', T2, '2.3'));
      b.visit(ms(T2, HOUR));
    };
    expect(verdicts(['AFS-1.1', 'TRA-2.1'], traffic(NATIONAL, act))).toEqual({ 'AFS-1.1': 'passed', 'TRA-2.1': 'passed' });
    const twin = judge(['AFS-1.1', 'TRA-2.1'], traffic(TWIN, act).build());
    expect(twin.map((j) => j.verdict)).toEqual(['failed', 'passed']);
    expect(twin[0]?.findings[0]?.expected).toContain('accepted by the switch before its heen stop Mon 2026-03-30 17:00:00.000');
  });

  it('an event of T1 + 1 h waits for the go-live under both: TRA-2.1 from each message\'s own stop', () => {
    for (const profile of [NATIONAL, TWIN]) {
      const b = traffic(profile, (submit, o) => {
        o.event(toekenning(1), ms(T1, HOUR), 'i-1');
        submit(ms(T1, HOUR), ownHeen(toekenning(1), 'G0363000001', ms(T1, HOUR), '2.0.2'));
        o.visit(ms(T2, HOUR));
      });
      expect(verdicts(['TRA-2.1', 'AFS-1.2'], b), profile.name).toEqual({ 'TRA-2.1': 'failed', 'AFS-1.2': 'failed' });
    }
  });

  it('a 501 delivered to the SVB at T0 + 1 h and answered only after the go-live: ING-3.4 nationally, AFS-1.3 broken under the twin', () => {
    const act = (submit: (t: DateTime, b: Bericht) => void, b: ObservationsBuilder) => {
      const heen = ownHeen(toekenning(1), 'G0363000001', ms(T0, HOUR), '2.0.2');
      b.deliver(ms(T0, HOUR), heen);
      b.visit(T1);
      submit(T2, retour(heen, 'R00000000001', T2));
      b.visit(ms(T2, HOUR));
    };
    // Nationally a 501 cannot pass at T0 + 1 h, but a party must judge what it was delivered; its retour is the late one of ING-3.4.
    expect(verdicts(['AFS-1.3', 'ING-3.4', 'GEN-0.2'], traffic(NATIONAL, act))).toEqual({ 'AFS-1.3': 'passed', 'ING-3.4': 'passed', 'GEN-0.2': 'passed' });
    const twin = traffic(TWIN, act);
    const judged = judge(['AFS-1.3', 'GEN-0.2'], twin.build());
    expect(judged.map((j) => j.verdict)).toEqual(['failed', 'failed']);
    expect(judged[0]?.findings[0]?.expected).toContain('accepted by the switch before its retour stop Mon 2026-03-30 17:00:00.000');
    expect(twin.build().entries.at(-1)).toMatchObject({ kind: 'submission', code: 'IB004' });
  });

  it('a 507 delivered at T0 + 1 h owes no retour in the drain under either profile (AFS-1.3 only for a heen delivered before its own stop)', () => {
    for (const profile of [NATIONAL, TWIN]) {
      const b = new ObservationsBuilder();
      b.profile = profile;
      b.deliver(ms(T0, HOUR), svbHeen(1, 'S00000000001', ms(T0, HOUR), '2.0.2'));
      b.visit(ms(T1, 1));
      expect(verdicts(['AFS-1.3'], b), profile.name).toEqual({ 'AFS-1.3': 'passed' });
    }
  });

  it('ING-3.3 and ING-3.4 are no duty where the switch passes no late from-release retour, with the reason', () => {
    for (const id of ['ING-3.3', 'ING-3.4'] as const) {
      expect(dutyAbsentUnder(NATIONAL, id)).toBeUndefined();
      expect(dutyAbsentUnderNl(NATIONAL, id)).toBeUndefined();
      expect(dutyAbsentUnder(SYNTHETIC, id)).toBe('migration profile synthetic-9.0-9.1 passes no 9.0.1 retour after the go-live (oldReleaseRetoursAfterGoLive: false), so no late 9.0.1 retour is sent or received');
      expect(dutyAbsentUnderNl(SYNTHETIC, id)).toContain('laat na de ingebruikname geen retourberichten in 9.0.1 meer toe');
    }
    for (const id of ['AFS-1.3', 'ING-3.1', 'ING-3.2', 'ING-3.5', 'ING-3.6', 'TRA-2.2'] as const) expect(dutyAbsentUnder(SYNTHETIC, id), id).toBeUndefined();
  });

  it('the AFS-1.5 snapshot is taken at each retour\'s own stop', () => {
    const split: MigrationProfile = { ...NATIONAL, name: 'retours split', stopRules: [{ direction: 'heen', from: 'T0' }, { direction: 'retour', messages: ['508'], from: 'T0' }, { direction: 'retour', from: 'T1' }] };
    const b = new ObservationsBuilder();
    b.profile = split;
    const heen = ownHeen(toekenning(1), 'G0363000001', ms(T0, -2 * HOUR), '2.0.2');
    b.submit(ms(T0, -2 * HOUR), heen);
    b.deliver(ms(T0, HOUR), retour(heen, 'C0000000001', ms(T0, HOUR)));
    // A 508 delivered after its stop (T0) owes nothing; the 502 is judged against the state at T1.
    b.deliver(ms(T0, HOUR), retour(svbHeen(2, 'S00000000002', ms(T0, -HOUR), '2.0.2'), 'C0000000002', ms(T0, HOUR)));
    b.state(T1, { outgoing: [], incoming: [] });
    const [afs15] = judge(['AFS-1.5'], b.build());
    expect(afs15?.findings.map((f) => f.messageIds[0])).toEqual(['C0000000001']);
  });
});

describe('each message\'s own stop, at its edges', () => {
  const afs = (id: RequirementId, b: ObservationsBuilder) => judge([id], b.build())[0]!;

  it('AFS-1.2 names every stop involved, earliest first, each with its messages in order', () => {
    const b = traffic(TWIN, (submit, o) => {
      submit(ms(T1, HOUR), ownHeen(toekenning(1), 'G0363000001', ms(T1, HOUR), '2.0.2'));
      submit(ms(T1, 2 * HOUR), svbHeen(2, 'S00000000002', ms(T1, 2 * HOUR), '2.0.2'));
      submit(ms(T1, 3 * HOUR), heenOf({ ...afsluiting(3), wet: 'JW' }, { release: '2.0.2', identificatie: 'S00000000003', dagtekening: '2026-03-30', afzender: 'SVB' }));
      o.visit(ms(T2, HOUR));
    });
    expect(afs('AFS-1.2', b).findings[0]?.expected).toBe('no heenbericht submitted from its heen stop (JW507, WMO507 from Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z); '
      + 'WMO501 from Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z)) until the go-live Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)');
  });

  it('AFS-1.4 shows a retour the switch took in the window as accepted', () => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', ms(T0, -HOUR), '2.0.2');
    b.deliver(ms(T0, -HOUR), heen);
    b.submit(ms(T1, HOUR), retour(heen, 'R00000000001', ms(T1, HOUR)));
    expect(afs('AFS-1.4', b).findings[0]?.happened).toBe('1 retour submitted in that window: WMO508 at Mon 2026-03-30 18:00:00.000 Europe/Amsterdam (16:00:00.000Z) (accepted)');
  });

  it('AFS-1.1 says how often an event never offered was attempted', () => {
    const b = new ObservationsBuilder();
    b.event(toekenning(1), ms(T0, -HOUR), 'i-1');
    b.visit(T0);
    expect(afs('AFS-1.1', b).findings[0]?.happened).toBe('not accepted before its heen stop (0 attempt(s))');
  });

  it('AFS-1.5 names a retour that carries no heen Identificatie by its own id alone', () => {
    const b = new ObservationsBuilder();
    const heen = ownHeen(toekenning(1), 'G0363000001', ms(T0, -2 * HOUR), '2.0.2');
    b.deliver(ms(T0, HOUR), retour(heen, 'C0000000001', ms(T0, HOUR)), 202, { identificatie: null });
    b.state(T1, { outgoing: [], incoming: [] });
    expect(afs('AFS-1.5', b).findings.map((f) => f.messageIds)).toEqual([['C0000000001', '']]);
  });

  it('AFS-1.3 owes nothing on a delivery without an Identificatie to answer', () => {
    const b = new ObservationsBuilder();
    b.deliver(ms(T0, -HOUR), svbHeen(1, 'S00000000001', ms(T0, -HOUR), '2.0.2'), 202, { identificatie: null });
    b.visit(ms(T1, 1));
    expect(afs('AFS-1.3', b).verdict).toBe('passed');
  });

  it('AFS-1.3 owes no retour on a heen delivered at or after its retour\'s stop, where the profile stops the retour first', () => {
    const retourFirst: MigrationProfile = { ...NATIONAL, name: 'retour first', stopRules: [{ direction: 'heen', from: 'T1' }, { direction: 'retour', from: 'T0' }] };
    const delivered = (t: DateTime) => {
      const b = new ObservationsBuilder();
      b.profile = retourFirst;
      b.deliver(t, svbHeen(1, 'S00000000001', t, '2.0.2'));
      b.visit(ms(T1, 1));
      return afs('AFS-1.3', b);
    };
    expect(delivered(T0).verdict).toBe('passed');
    expect(delivered(ms(T0, -1)).findings[0]?.expected).toContain('accepted by the switch before its retour stop Mon 2026-03-30 09:00:00.000');
  });
});
