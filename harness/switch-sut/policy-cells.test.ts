import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../clock/calendar.js';
import { cellRequirement, dueAnswer } from './policy-cells.js';

const cal = parseCalendar({ zone: 'Europe/Amsterdam', heenStop: '2026-03-30T09:00:00+02:00', retourStop: '2026-03-30T17:00:00+02:00', goLive: '2026-04-01T09:00:00+02:00' });
const ms = (t: typeof cal.heenStop, d: number) => t.plus({ milliseconds: d });

describe('the SW id and the answer due of every cell at each edge', () => {
  const cases: Array<[string, typeof cal.heenStop, 'WMO501' | 'WMO502' | 'WLZ508', '2.0.2' | '2.3', string, number, string | null]> = [
    ['2.0.2 heen T0-1ms', ms(cal.heenStop, -1), 'WMO501', '2.0.2', 'SW-1.1', 202, null],
    ['2.0.2 heen at T0', cal.heenStop, 'WMO501', '2.0.2', 'SW-1.2', 503, 'IB103'],
    ['2.0.2 retour at T0', cal.heenStop, 'WMO502', '2.0.2', 'SW-1.3', 202, null],
    ['2.0.2 retour T1-1ms', ms(cal.retourStop, -1), 'WLZ508', '2.0.2', 'SW-1.3', 202, null],
    ['2.0.2 retour at T1', cal.retourStop, 'WLZ508', '2.0.2', 'SW-1.4', 503, 'IB103'],
    ['2.0.2 heen in transition', ms(cal.goLive, -1), 'WMO501', '2.0.2', 'SW-1.2', 503, 'IB103'],
    ['2.3 heen T1-1ms', ms(cal.retourStop, -1), 'WMO501', '2.3', 'SW-2.1', 422, 'IB004'],
    ['2.3 retour at T1', cal.retourStop, 'WMO502', '2.3', 'SW-1.4', 503, 'IB103'],
    ['2.3 heen at T2', cal.goLive, 'WMO501', '2.3', 'SW-2.2', 202, null],
    ['2.0.2 heen at T2', cal.goLive, 'WMO501', '2.0.2', 'SW-2.3', 422, 'IB004'],
    ['2.0.2 retour at T2', cal.goLive, 'WLZ508', '2.0.2', 'SW-2.4', 202, null],
  ];
  for (const [label, t, name, release, id, status, code] of cases) {
    it(label, () => {
      expect(cellRequirement(cal, t, name, release)).toBe(id);
      expect(dueAnswer(cal, t, name, release)).toEqual({ status, code });
    });
  }
});
