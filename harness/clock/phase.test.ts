import { describe, expect, it } from 'vitest';
import { phaseOf } from './phase.js';
import { CALENDAR_FIXTURES, loadCalendar } from '../../fixtures/calendars/calendars.js';

describe.each(CALENDAR_FIXTURES)('phaseOf on the %s calendar', (name) => {
  const cal = loadCalendar(name);
  const ms = (n: number) => ({ milliseconds: n });
  it.each([
    ['1 ms before T0', cal.heenStop.minus(ms(1)), 'voor-afsluiting'],
    ['exactly T0', cal.heenStop, 'afsluiting'],
    ['1 ms before T1', cal.retourStop.minus(ms(1)), 'afsluiting'],
    ['exactly T1', cal.retourStop, 'transitie'],
    ['1 ms before T2', cal.goLive.minus(ms(1)), 'transitie'],
    ['exactly T2', cal.goLive, 'ingebruikname'],
    ['a year after T2', cal.goLive.plus({ years: 1 }), 'ingebruikname'],
  ] as const)('%s is %s', (_label, t, phase) => {
    expect(phaseOf(cal, t)).toBe(phase);
    expect(phaseOf(cal, t.toUTC())).toBe(phase);
  });
});
