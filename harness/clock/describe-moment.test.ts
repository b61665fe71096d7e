import { describe, expect, it } from 'vitest';
import { describeMoment } from './describe-moment.js';
import { loadCalendar } from '../../fixtures/calendars/calendars.js';

describe('describeMoment', () => {
  it('shows local time and UTC together', () => {
    const cal = loadCalendar('ipgb-2026');
    expect(describeMoment(cal.retourStop, cal.zone)).toBe('Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z)');
    expect(describeMoment(cal.goLive.toUTC(), cal.zone)).toBe('Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)');
  });

  it('uses the winter offset in winter', () => {
    const cal = loadCalendar('rehearsal-kto');
    expect(describeMoment(cal.heenStop, cal.zone)).toBe('Mon 2026-02-16 09:00:00.000 Europe/Amsterdam (08:00:00.000Z)');
  });
});
