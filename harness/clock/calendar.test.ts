import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { calendarToJson, parseCalendar } from './calendar.js';
import { CALENDAR_FIXTURES, calendarJsonOf, loadCalendar } from '../../fixtures/calendars/calendars.js';

// The DST dates below are facts of the Europe/Amsterdam zone (summer time 2026 starts on
// 29 March and ends on 25 October), not scenario dates.
const withMoments = (heenStop: string, retourStop: string, goLive: string) => ({ heenStop, retourStop, goLive });

describe('parseCalendar', () => {
  it.each(CALENDAR_FIXTURES)('reads the %s fixture and writes it back unchanged in meaning', (name) => {
    const cal = loadCalendar(name);
    const again = parseCalendar(calendarToJson(cal));
    for (const key of ['heenStop', 'retourStop', 'goLive'] as const) {
      expect(again[key].toMillis()).toBe(cal[key].toMillis());
      expect(cal[key].toMillis()).toBe(DateTime.fromISO(calendarJsonOf(name)[key]).toMillis());
    }
  });

  it('reads the national calendar as T0 07:00Z, T1 15:00Z, T2 07:00Z two days later', () => {
    const cal = loadCalendar('ipgb-2026');
    expect(cal.zone).toBe('Europe/Amsterdam');
    expect(cal.heenStop.toUTC().toISO()).toBe('2026-03-30T07:00:00.000Z');
    expect(cal.retourStop.toUTC().toISO()).toBe('2026-03-30T15:00:00.000Z');
    expect(cal.goLive.toUTC().toISO()).toBe('2026-04-01T07:00:00.000Z');
  });

  it('interprets local wall times in the zone, with the offset the zone has on that day', () => {
    const summer = parseCalendar(withMoments('2026-03-30T09:00', '2026-03-30T17:00', '2026-04-01T09:00'));
    expect(calendarToJson(summer)).toEqual({
      zone: 'Europe/Amsterdam',
      heenStop: '2026-03-30T09:00:00.000+02:00',
      retourStop: '2026-03-30T17:00:00.000+02:00',
      goLive: '2026-04-01T09:00:00.000+02:00',
    });
    const winter = parseCalendar(withMoments('2026-02-16T09:00', '2026-02-16T17:00', '2026-02-18T09:00'));
    expect(calendarToJson(winter).heenStop).toBe('2026-02-16T09:00:00.000+01:00');
  });

  it('writes instants given in UTC with the zone offset', () => {
    const cal = parseCalendar(withMoments('2026-03-30T07:00:00Z', '2026-03-30T15:00:00Z', '2026-04-01T07:00:00Z'));
    expect(calendarToJson(cal).retourStop).toBe('2026-03-30T17:00:00.000+02:00');
  });

  it('honours another zone', () => {
    const cal = parseCalendar({ zone: 'UTC', ...withMoments('2026-03-30T07:00', '2026-03-30T15:00', '2026-04-01T07:00') });
    expect(cal.heenStop.toUTC().toISO()).toBe('2026-03-30T07:00:00.000Z');
    expect(() => parseCalendar({ zone: 'Mars/Olympus', ...withMoments('2026-03-30T07:00', '2026-03-30T15:00', '2026-04-01T07:00') }))
      .toThrow(/zone "Mars\/Olympus" is refused.*Fix:/);
  });

  it('refuses a local time inside the spring-forward gap', () => {
    expect(() => parseCalendar(withMoments('2026-03-29T02:30', '2026-03-30T17:00', '2026-04-01T09:00')))
      .toThrow(/heenStop "2026-03-29T02:30" is refused: that local time does not exist in Europe\/Amsterdam.*Fix:/);
  });

  it('refuses a local time inside the fall-back overlap, naming both readings', () => {
    expect(() => parseCalendar(withMoments('2026-10-24T09:00', '2026-10-25T02:30', '2026-10-26T09:00')))
      .toThrow(/retourStop "2026-10-25T02:30" is refused: that local time occurs twice.*\+02:00 or .*\+01:00.*Fix:/);
  });

  it('accepts the same ambiguous moment when the offset says which one', () => {
    const cal = parseCalendar(withMoments('2026-10-24T09:00', '2026-10-25T02:30+01:00', '2026-10-26T09:00'));
    expect(cal.retourStop.toUTC().toISO()).toBe('2026-10-25T01:30:00.000Z');
  });

  it.each([
    ['T0 = T1', withMoments('2026-03-30T09:00', '2026-03-30T09:00', '2026-04-01T09:00')],
    ['T1 > T2', withMoments('2026-03-30T09:00', '2026-04-02T09:00', '2026-04-01T09:00')],
    ['T0 > T1', withMoments('2026-03-30T18:00', '2026-03-30T17:00', '2026-04-01T09:00')],
    ['equal instants in other offsets', withMoments('2026-03-30T09:00+02:00', '2026-03-30T07:00Z', '2026-04-01T09:00')],
  ])('refuses a calendar with %s', (_label, input) => {
    expect(() => parseCalendar(input)).toThrow(/heenStop < retourStop < goLive.*Fix:/);
  });

  it('refuses a missing or unreadable moment', () => {
    expect(() => parseCalendar({ heenStop: '2026-03-30T09:00', retourStop: 'tomorrow', goLive: '2026-04-01T09:00' }))
      .toThrow(/retourStop "tomorrow" is refused: it is not an ISO-8601 time.*Fix:/);
    expect(() => parseCalendar({ heenStop: '2026-03-30T09:00', retourStop: '', goLive: '2026-04-01T09:00' }))
      .toThrow(/retourStop is missing.*Fix:/);
  });
});
