import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock.js';
import { loadCalendar } from '../../fixtures/calendars/calendars.js';

const cal = loadCalendar('ipgb-2026');

describe('VirtualClock', () => {
  it('shows its time in the zone and moves forward', () => {
    const clock = new VirtualClock(cal.heenStop.toUTC(), cal.zone);
    expect(clock.now().zoneName).toBe('Europe/Amsterdam');
    expect(clock.now().toMillis()).toBe(cal.heenStop.toMillis());
    clock.advanceTo(cal.retourStop);
    expect(clock.now().toMillis()).toBe(cal.retourStop.toMillis());
    clock.advanceTo(cal.retourStop);
    expect(clock.advanceBy(1).toMillis()).toBe(cal.retourStop.toMillis() + 1);
  });

  it('refuses to move backwards, naming both moments', () => {
    const clock = new VirtualClock(cal.retourStop, cal.zone);
    expect(() => clock.advanceTo(cal.retourStop.minus({ milliseconds: 1 })))
      .toThrow(/cannot move to Mon 2026-03-30 16:59:59.999 Europe\/Amsterdam \(14:59:59.999Z\).*already shows Mon 2026-03-30 17:00:00.000.*Fix:/);
    expect(clock.now().toMillis()).toBe(cal.retourStop.toMillis());
  });
});
