import { describe, expect, it } from 'vitest';
import type { DateTime } from 'luxon';
import { switchDecision } from './policy.js';
import { blocks } from './unplanned-block.js';
import { isHeenName, messageNames, releases } from '../messages/catalog.js';
import type { Release } from '../messages/model.js';
import { CALENDAR_FIXTURES, loadCalendar } from '../../fixtures/calendars/calendars.js';

const MESSAGE_NAMES = messageNames();
const RELEASES = releases();

type Expected = 'accept' | 'IB004' | 'IB103';
// The table of cutover.md, columns: 2.0.2 heen, 2.0.2 retour, 2.3 heen, 2.3 retour.
const ROWS: Record<string, readonly [Expected, Expected, Expected, Expected]> = {
  before: ['accept', 'accept', 'IB004', 'IB004'],
  afsluiting: ['IB103', 'accept', 'IB004', 'IB004'],
  transitie: ['IB103', 'IB103', 'IB103', 'IB103'],
  ingebruikname: ['IB004', 'accept', 'accept', 'accept'],
};
const column = (release: Release, heen: boolean): number => (release === '2.0.2' ? 0 : 2) + (heen ? 0 : 1);

describe.each(CALENDAR_FIXTURES)('switch policy on the %s calendar', (fixture) => {
  const cal = loadCalendar(fixture);
  const before = (t: DateTime) => t.minus({ milliseconds: 1 });
  const moments: Array<[string, DateTime, keyof typeof ROWS]> = [
    ['1 ms before T0', before(cal.heenStop), 'before'],
    ['exactly T0', cal.heenStop, 'afsluiting'],
    ['1 ms before T1', before(cal.retourStop), 'afsluiting'],
    ['exactly T1', cal.retourStop, 'transitie'],
    ['1 ms before T2', before(cal.goLive), 'transitie'],
    ['exactly T2', cal.goLive, 'ingebruikname'],
  ];
  for (const [label, t, row] of moments) {
    for (const release of RELEASES) {
      it(`${label}: every ${release} message gets the ${row} row`, () => {
        for (const name of MESSAGE_NAMES) {
          const expected = ROWS[row]![column(release, isHeenName(name))];
          const decision = switchDecision(cal, t, name, release);
          expect(decision, `${name} ${release} at ${label}`).toEqual(
            expected === 'accept' ? { accept: true } : { accept: false, code: expected },
          );
        }
      });
    }
  }
});

describe('unplanned block', () => {
  const cal = loadCalendar('ipgb-2026');
  const from = cal.goLive.plus({ hours: 1 });
  const until = from.plus({ minutes: 30 });
  it('blocks its scope inside [from, until) only', () => {
    const heen = { from, until, scope: 'heen' } as const;
    expect(blocks(heen, from.minus({ milliseconds: 1 }), 'WMO501')).toBe(false);
    expect(blocks(heen, from, 'WMO501')).toBe(true);
    expect(blocks(heen, from, 'WMO502')).toBe(false);
    expect(blocks(heen, until.minus({ milliseconds: 1 }), 'JW507')).toBe(true);
    expect(blocks(heen, until, 'WMO501')).toBe(false);
    expect(blocks({ from, until, scope: 'retour' }, from, 'WLZ508')).toBe(true);
    expect(blocks({ from, until, scope: 'all' }, from, 'WLZ501')).toBe(true);
  });
});
