/**
 * The suite's virtual time. Scenarios jump from moment to moment; time never runs backwards
 * because the ledger, the party's clock and every verdict assume a monotonic history.
 */
import type { DateTime } from 'luxon';
import type { Clock } from './clock.js';
import { describeMoment } from './describe-moment.js';

/**
 * A scenario asked for a moment before the one it is at. With the calendars the suite ships that is
 * a defect of the scenario; with a calendar whose phases are shorter than a scenario's steps (T1
 * an hour after T0, say), the scenario cannot be played on it at all.
 */
export class MomentsOutOfOrder extends Error {}

export class VirtualClock implements Clock {
  private current: DateTime;

  constructor(start: DateTime, readonly zone: string) {
    this.current = start.setZone(zone);
  }

  now(): DateTime {
    return this.current;
  }

  /** Moves to `t` (staying put is allowed: the suite revisits a moment after deliveries). */
  advanceTo(t: DateTime): DateTime {
    if (t < this.current) {
      throw new MomentsOutOfOrder(
        `Virtual clock cannot move to ${describeMoment(t, this.zone)}: it already shows ` +
          `${describeMoment(this.current, this.zone)} and time never runs backwards. ` +
          `Fix: order the scenario's moments, or start a new clock for a new scenario.`,
      );
    }
    this.current = t.setZone(this.zone);
    return this.current;
  }

  /** Advances by a duration in milliseconds (for "1 ms before/after" edges and retry waits). */
  advanceBy(ms: number): DateTime {
    return this.advanceTo(this.current.plus({ milliseconds: ms }));
  }
}
