import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../fixtures/calendars/calendars.js';
import { BusinessEvents } from './business-events.js';
import { CreatedEventLog } from './created-event-log.js';

const cal = loadCalendar('ipgb-2026');

describe('CreatedEventLog', () => {
  it('gives back every business event as created, in order, with its moment, as fresh objects', () => {
    const log = new CreatedEventLog();
    const gemeente = new BusinessEvents('gemeente', '0363', cal, 3);
    const svb = new BusinessEvents('svb', 'SVB', cal, 3);
    const first = gemeente.fresh(3);
    const intents = [...first, gemeente.followUp({ intent: first[0]! }), gemeente.sameClient({ intent: first[1]! }), ...svb.fresh(2)];
    const made = intents.map((intent, i) => ({ intentId: `i-${i}`, intent, createdAt: i < 3 ? cal.heenStop : cal.retourStop }));
    for (const event of made) log.add(event);
    const back = log.list();
    expect(log.size).toBe(made.length);
    expect(back).toStrictEqual(made);
    expect(back[0]?.intent).not.toBe(made[0]?.intent);
    expect(back[4]?.createdAt).toBe(cal.retourStop);
  });

  it('gives back a backlog larger than one chunk of packed events (outside the heap) equal and in order', () => {
    const log = new CreatedEventLog();
    const gemeente = new BusinessEvents('gemeente', '0363', cal, 5);
    const made = gemeente.fresh(6_000).map((intent, i) => ({ intentId: `i-${i}`, intent, createdAt: cal.heenStop }));
    for (const event of made) log.add(event);
    expect(log.list()).toStrictEqual(made);
    // Read twice: reading takes nothing away.
    expect(log.list()[5_999]).toStrictEqual(made[5_999]);
  });
});
