import { describe, expect, it } from 'vitest';
import { parseCalendar, type Calendar } from '../clock/calendar.js';
import { loadCalendar } from '../../fixtures/calendars/calendars.js';
import { secondCalendarFor } from './second-calendar.js';

const offsets = (c: Calendar): number[] => [c.heenStop, c.retourStop, c.goLive].map((t) => t.setZone(c.zone).offset);
const local = (c: Calendar): string[] => [c.heenStop, c.retourStop, c.goLive].map((t) => t.setZone(c.zone).toFormat('ccc yyyy-MM-dd HH:mm ZZ', { locale: 'en-GB' }));

describe('secondCalendarFor: GEN-0.4\'s other calendar of the same shape', () => {
  it('moves the national calendar to October 2026, where winter time starts in the transition, a day longer', () => {
    const second = secondCalendarFor(loadCalendar('ipgb-2026'));
    expect(local(second.calendar)).toEqual(['Thu 2026-10-22 09:00 +02:00', 'Thu 2026-10-22 17:00 +02:00', 'Sun 2026-10-25 09:00 +01:00']);
    expect(second.name).toBe('tweede-kalender-2026-10-22');
    const days = (c: Calendar): number => c.goLive.diff(c.retourStop, 'hours').hours;
    expect(days(second.calendar), 'the transition is a day longer').toBe(days(loadCalendar('ipgb-2026')) + 24 + 1);
    expect(second.description).toContain('winter time starts in the transition (between T1 and T2): UTC+2 becomes UTC+1');
    expect(second.description).toContain('T2 Sun 2026-10-25 09:00:00.000 Europe/Amsterdam (08:00:00.000Z)');
  });

  it('differs from any run calendar in its dates and in how it crosses a change, also from its own second calendar', () => {
    const runs = [loadCalendar('ipgb-2026'), loadCalendar('rehearsal-kto'), secondCalendarFor(loadCalendar('ipgb-2026')).calendar];
    for (const run of runs) {
      const second = secondCalendarFor(run).calendar;
      expect(second.heenStop.toISODate(), local(run).join()).not.toBe(run.heenStop.toISODate());
      expect(offsets(second), local(run).join()).not.toEqual(offsets(run));
      expect(new Set(offsets(second)).size, 'a change of offset lies between its T0 and T2').toBe(2);
      expect(second.heenStop < second.retourStop && second.retourStop < second.goLive).toBe(true);
    }
    // The autumn second calendar given as --calendar: the suite then takes spring 2027.
    expect(local(secondCalendarFor(runs[2] as Calendar).calendar)).toEqual(['Wed 2027-03-24 09:00 +01:00', 'Wed 2027-03-24 17:00 +01:00', 'Sun 2027-03-28 09:00 +02:00']);
  });

  it('keeps the wall times and the zone of the run calendar', () => {
    const run = loadCalendar('rehearsal-kto');
    const second = secondCalendarFor(run).calendar;
    expect(second.zone).toBe(run.zone);
    const wall = (c: Calendar) => [c.heenStop, c.retourStop, c.goLive].map((t) => t.setZone(c.zone).toFormat('HH:mm'));
    expect(wall(second)).toEqual(wall(run));
  });

  it('says so when the zone has no summer time, and still moves to other dates', () => {
    const run = parseCalendar({ zone: 'UTC', heenStop: '2026-03-30T09:00', retourStop: '2026-03-30T17:00', goLive: '2026-04-01T09:00' });
    const second = secondCalendarFor(run);
    expect(second.description).toContain('UTC has no summer-time change to cross');
    expect(second.calendar.heenStop.toISODate()).toBe('2026-06-29');
  });
});
