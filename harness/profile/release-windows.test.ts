import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { DateTime } from 'luxon';
import { parseCalendar } from '../clock/calendar.js';
import { loadProfile } from './load-profile.js';
import { DEFAULT_PROFILE } from './run-profile.js';
import { deliverableHeenRelease, lateFromReleaseRetoursPass, momentOf, retourStopOn, sendableRelease, stopMomentOf, switchCell, type SwitchCell } from './release-windows.js';

const NATIONAL = loadProfile(DEFAULT_PROFILE).profile;
/** The shape of the iWmo-like migrations (issue 12): 507 stops before 501, no old retours after the go-live. */
const SYNTHETIC = loadProfile(fileURLToPath(new URL('../../fixtures/profiles/synthetic-9.0-9.1.json', import.meta.url))).profile;
const CAL = parseCalendar({ zone: 'Europe/Amsterdam', heenStop: '2027-10-25T09:00:00+01:00', retourStop: '2027-10-25T17:00:00+01:00', goLive: '2027-10-27T13:00:00+01:00' });
const ms = (t: DateTime, d: number): DateTime => t.plus({ milliseconds: d });

type Row = [label: string, t: DateTime, cells: Record<string, SwitchCell>];

describe('the switch policy generated from a profile', () => {
  it("reproduces cutover.md's table for the national profile at every edge", () => {
    const rows: Row[] = [
      ['1 ms before T0', ms(CAL.heenStop, -1), { 'WMO501 2.0.2': 'accept', 'JW507 2.0.2': 'accept', 'WMO502 2.0.2': 'accept', 'WMO501 2.3': 'IB004', 'WLZ508 2.3': 'IB004' }],
      ['T0', CAL.heenStop, { 'WMO501 2.0.2': 'IB103', 'JW507 2.0.2': 'IB103', 'WMO502 2.0.2': 'accept', 'WMO501 2.3': 'IB004', 'WLZ508 2.3': 'IB004' }],
      ['T1', CAL.retourStop, { 'WMO501 2.0.2': 'IB103', 'WMO502 2.0.2': 'IB103', 'WMO501 2.3': 'IB103', 'WLZ508 2.3': 'IB103' }],
      ['1 ms before T2', ms(CAL.goLive, -1), { 'WMO501 2.0.2': 'IB103', 'WMO502 2.0.2': 'IB103', 'WMO501 2.3': 'IB103' }],
      ['T2', CAL.goLive, { 'WMO501 2.0.2': 'IB004', 'JW507 2.0.2': 'IB004', 'WMO502 2.0.2': 'accept', 'WLZ508 2.0.2': 'accept', 'WMO501 2.3': 'accept', 'WLZ508 2.3': 'accept' }],
    ];
    for (const [label, t, cells] of rows) {
      for (const [cell, expected] of Object.entries(cells)) {
        const [name, release] = cell.split(' ') as [string, string];
        expect(switchCell(NATIONAL, CAL, t, name, release), `${cell} at ${label}`).toBe(expected);
      }
    }
  });

  it('gives a profile of another shape its own table: 507 stops at T0, 501 at T1, no old retours after the go-live', () => {
    const rows: Row[] = [
      ['1 ms before T0', ms(CAL.heenStop, -1), { 'WMO507 9.0.1': 'accept', 'WMO501 9.0.1': 'accept', 'WMO501 9.1': 'IB004' }],
      ['T0', CAL.heenStop, { 'WMO507 9.0.1': 'IB103', 'WMO501 9.0.1': 'accept', 'JW508 9.0.1': 'accept', 'WMO501 9.1': 'IB004' }],
      ['1 ms before T1', ms(CAL.retourStop, -1), { 'WLZ507 9.0.1': 'IB103', 'WLZ501 9.0.1': 'accept', 'WLZ502 9.0.1': 'accept' }],
      ['T1', CAL.retourStop, { 'WMO501 9.0.1': 'IB103', 'WMO502 9.0.1': 'IB103', 'WMO501 9.1': 'IB103' }],
      ['T2 (13.00)', CAL.goLive, { 'WMO501 9.0.1': 'IB004', 'WMO502 9.0.1': 'IB004', 'WMO508 9.0.1': 'IB004', 'WMO501 9.1': 'accept', 'WMO502 9.1': 'accept' }],
      ['a 2.3 message', CAL.goLive, { 'WMO501 2.3': 'IB004' }],
    ];
    for (const [label, t, cells] of rows) {
      for (const [cell, expected] of Object.entries(cells)) {
        const [name, release] = cell.split(' ') as [string, string];
        expect(switchCell(SYNTHETIC, CAL, t, name, release), `${cell} at ${label}`).toBe(expected);
      }
    }
  });

  it('answers which release, if any, a message may be sent in', () => {
    expect(sendableRelease(NATIONAL, CAL, ms(CAL.heenStop, -1), 'WMO501')).toBe('2.0.2');
    expect(sendableRelease(NATIONAL, CAL, CAL.heenStop, 'WMO501')).toBeNull();
    expect(sendableRelease(NATIONAL, CAL, CAL.goLive, 'JW507')).toBe('2.3');
    expect(sendableRelease(NATIONAL, CAL, CAL.goLive, 'WMO502', '2.0.2')).toBe('2.0.2');
    expect(sendableRelease(NATIONAL, CAL, ms(CAL.goLive, -1), 'WMO502', '2.0.2')).toBeNull();
    expect(sendableRelease(SYNTHETIC, CAL, CAL.heenStop, 'WMO501')).toBe('9.0.1');
    expect(sendableRelease(SYNTHETIC, CAL, CAL.heenStop, 'WMO507')).toBeNull();
    expect(sendableRelease(SYNTHETIC, CAL, CAL.goLive, 'WMO502', '9.0.1')).toBeNull();
    expect(() => sendableRelease(SYNTHETIC, CAL, CAL.goLive, 'WMO502')).toThrow(/needs the release of the heen/);
    expect(deliverableHeenRelease(SYNTHETIC, CAL, ms(CAL.goLive, -1))).toBe('9.0.1');
    expect(deliverableHeenRelease(SYNTHETIC, CAL, CAL.goLive)).toBe('9.1');
  });

  it('names each calendar moment by its instant', () => {
    expect(momentOf(CAL, 'T0')).toBe(CAL.heenStop);
    expect(momentOf(CAL, 'T1')).toBe(CAL.retourStop);
    expect(momentOf(CAL, 'T2')).toBe(CAL.goLive);
  });

  it('refuses a release that is neither of the profile\'s with IB004, before and after the go-live', () => {
    for (const t of [ms(CAL.heenStop, -1), CAL.goLive]) {
      expect(switchCell(NATIONAL, CAL, t, 'WMO501', '9.1')).toBe('IB004');
      expect(switchCell(NATIONAL, CAL, t, 'WMO502', '2.2')).toBe('IB004');
    }
  });

  it('says which messages the profile knows when asked for one it does not', () => {
    expect(() => switchCell(NATIONAL, CAL, CAL.goLive, 'WMO999', '2.3')).toThrow('Message WMO999 is not in migration profile ipgb-2.0-2.3. Fix: use one of WMO501, ');
  });

  it("gives each message its own stop moment, the one its switch cells turn at", () => {
    const stops: Array<[typeof NATIONAL, string, DateTime]> = [
      [NATIONAL, 'WMO501', CAL.heenStop], [NATIONAL, 'JW507', CAL.heenStop], [NATIONAL, 'WLZ502', CAL.retourStop], [NATIONAL, 'WMO508', CAL.retourStop],
      [SYNTHETIC, 'WMO507', CAL.heenStop], [SYNTHETIC, 'WLZ501', CAL.retourStop], [SYNTHETIC, 'JW502', CAL.retourStop], [SYNTHETIC, 'WLZ508', CAL.retourStop],
    ];
    for (const [p, name, stop] of stops) {
      expect(stopMomentOf(p, CAL, name).toMillis(), `${p.name} ${name}`).toBe(stop.toMillis());
      const release = p.releases.from.id;
      expect(switchCell(p, CAL, ms(stop, -1), name, release), `${name} 1 ms before its stop`).toBe('accept');
      expect(switchCell(p, CAL, stop, name, release), `${name} at its stop`).toBe('IB103');
    }
  });

  it('takes the go-live as the stop of a message no rule covers, as its switch cells do', () => {
    const unruled = { ...NATIONAL, name: 'no retour rule', stopRules: NATIONAL.stopRules.filter((r) => r.direction === 'heen') };
    expect(stopMomentOf(unruled, CAL, 'WMO502').toMillis()).toBe(CAL.goLive.toMillis());
    expect(switchCell(unruled, CAL, ms(CAL.goLive, -1), 'WMO502', '2.0.2')).toBe('accept');
    expect(stopMomentOf(unruled, CAL, 'WMO501').toMillis()).toBe(CAL.heenStop.toMillis());
  });

  it("finds the stop of the retour on a heen, per family", () => {
    const split = { ...NATIONAL, name: 'split retours', stopRules: [{ direction: 'heen' as const, from: 'T0' as const }, { direction: 'retour' as const, messages: ['508'], from: 'T0' as const }, { direction: 'retour' as const, from: 'T1' as const }] };
    expect(retourStopOn(split, CAL, 'JW507').toMillis()).toBe(CAL.heenStop.toMillis());
    expect(retourStopOn(split, CAL, 'JW501').toMillis()).toBe(CAL.retourStop.toMillis());
    expect(retourStopOn(SYNTHETIC, CAL, 'WLZ501').toMillis()).toBe(CAL.retourStop.toMillis());
    expect(() => retourStopOn(NATIONAL, CAL, 'WMO502')).toThrow('No retour answers WMO502 in migration profile ipgb-2.0-2.3. Fix: ask with a heen\'s name (WMO501, ');
  });

  it('says whether late from-release retours pass, as the switch cell at the go-live does', () => {
    for (const p of [NATIONAL, SYNTHETIC]) {
      const passes = switchCell(p, CAL, CAL.goLive, 'WMO502', p.releases.from.id) === 'accept';
      expect(lateFromReleaseRetoursPass(p), p.name).toBe(passes);
    }
    expect(lateFromReleaseRetoursPass(NATIONAL)).toBe(true);
    expect(lateFromReleaseRetoursPass(SYNTHETIC)).toBe(false);
  });
});
