/**
 * GEN-0.4's second calendar: the suite's own choice of "another calendar of the same shape", on
 * other dates and crossing a summer-time change differently from the run's calendar. It is worked
 * out from the run's calendar (the harness holds no dates): the same wall times, moved forward by
 * whole days until a change of the zone's offset falls between T0 and T2 and the offsets at T0,
 * T1 and T2 differ from the run calendar's, with a transition one day longer, so that a party
 * working out T0 or T1 from the go-live (or the go-live from T0) acts on dates of its own and is
 * seen. For the national calendar (spring change the Sunday before T0, everything in CEST) that
 * is Thu 22 Oct 2026 09.00 and 17.00 CEST with the go-live on Sun 25 Oct 09.00 CET: winter time
 * starts in the transition.
 */
import type { DateTime } from 'luxon';
import type { Calendar } from '../clock/calendar.js';
import { describeMoment } from '../clock/describe-moment.js';

export interface SecondCalendar {
  calendar: Calendar;
  /** Stable for a given run calendar: `tweede-kalender-<T0's local date>`. */
  name: string;
  /** One line for findings and the report: its moments and where the offset changes. */
  description: string;
}

/** Two years of days: every zone with summer time changes twice in each of them. */
const MAX_SHIFT_DAYS = 730;
/** A zone without summer time: a quarter later, so the dates still differ. */
const FALLBACK_SHIFT_DAYS = 91;

const offsets = (cal: Calendar): number[] => [cal.heenStop, cal.retourStop, cal.goLive].map((t) => t.setZone(cal.zone).offset);

/** The run calendar's wall times `days` later, in its zone (a skipped wall time moves forward), the go-live `longer` days more. */
function shifted(cal: Calendar, days: number, longer = TRANSITION_LONGER_DAYS): Calendar {
  const move = (t: DateTime, more = 0): DateTime => t.setZone(cal.zone).plus({ days: days + more });
  return { zone: cal.zone, heenStop: move(cal.heenStop), retourStop: move(cal.retourStop), goLive: move(cal.goLive, longer) };
}

/** How much longer the second calendar's transition [T1, T2) is than the run calendar's. */
const TRANSITION_LONGER_DAYS = 1;

/** Worked out once per run calendar: every scenario with GEN-0.4 asks for it (a search over up to two years of days). */
const found = new Map<string, SecondCalendar>();

export function secondCalendarFor(run: Calendar): SecondCalendar {
  const key = [run.zone, run.heenStop.toMillis(), run.retourStop.toMillis(), run.goLive.toMillis()].join();
  const known = found.get(key) ?? search(run);
  found.set(key, known);
  return known;
}

function search(run: Calendar): SecondCalendar {
  const own = offsets(run).join();
  for (let days = 1; days <= MAX_SHIFT_DAYS; days += 1) {
    const candidate = shifted(run, days);
    const [t0, t1, t2] = offsets(candidate) as [number, number, number];
    const crosses = t0 !== t1 || t1 !== t2;
    // Shifting may reorder nothing (same wall-time gaps), but an hour lost or gained must not break T0 < T1 < T2.
    const ordered = candidate.heenStop < candidate.retourStop && candidate.retourStop < candidate.goLive;
    if (crosses && ordered && [t0, t1, t2].join() !== own) return described(candidate, crossing(candidate));
  }
  return described(shifted(run, FALLBACK_SHIFT_DAYS), `${run.zone} has no summer-time change to cross`);
}

/** Where the offset changes: in the closing phase [T0, T1) or in the transition [T1, T2). */
function crossing(cal: Calendar): string {
  const [t0, t1, t2] = offsets(cal) as [number, number, number];
  const [from, to, where] = t0 !== t1 ? [t0, t1, 'between T0 and T1'] : [t1, t2, 'in the transition (between T1 and T2)'];
  const kind = to < from ? 'winter time starts' : 'summer time starts';
  return `${kind} ${where}: UTC${utcOffset(from)} becomes UTC${utcOffset(to)}`;
}

const utcOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
};

function described(cal: Calendar, crossingText: string): SecondCalendar {
  const local = cal.heenStop.setZone(cal.zone).toISODate() ?? '';
  const moment = (t: DateTime): string => describeMoment(t, cal.zone);
  return {
    calendar: cal,
    name: `tweede-kalender-${local}`,
    description: `T0 ${moment(cal.heenStop)}, T1 ${moment(cal.retourStop)}, T2 ${moment(cal.goLive)}; ${crossingText}`,
  };
}
