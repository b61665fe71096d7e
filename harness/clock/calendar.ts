/**
 * The cutover calendar (T0 heen stop, T1 retour stop, T2 go-live) as data. A calendar comes
 * from a fixture or from the operator: it accepts ISO instants with an offset and local wall
 * times without one, but refuses a local time the zone skips or repeats, because a cutover
 * moment that means two instants (or none) would make every verdict ambiguous.
 */
import { DateTime, IANAZone } from 'luxon';
import type { CalendarJson } from '../protocol/party-protocol.js';
import { boundedMemo } from './bounded-memo.js';

export const DEFAULT_ZONE = 'Europe/Amsterdam';

export interface Calendar {
  zone: string;
  /** T0: switches block 501 and 507. */
  heenStop: DateTime;
  /** T1: switches block 502 and 508; all traffic stands still. */
  retourStop: DateTime;
  /** T2: go-live of iPgb 2.3. */
  goLive: DateTime;
}

/** A CalendarJson whose moments may also be local wall times such as `2026-03-30T09:00`. */
export type CalendarInput = CalendarJson;

const MOMENTS = ['heenStop', 'retourStop', 'goLive'] as const;
type MomentKey = (typeof MOMENTS)[number];

const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const WALL_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS";

export class CalendarError extends Error {
  override name = 'CalendarError';
}

/** Parses one moment: an instant with offset, or a wall time in `zone` that exists exactly once. */
export function parseMoment(text: string, zone: string, label = 'moment'): DateTime {
  if (HAS_OFFSET.test(text)) {
    const instant = DateTime.fromISO(text, { setZone: true });
    if (!instant.isValid) throw invalidMoment(label, text, instant.invalidExplanation);
    return instant.setZone(zone);
  }
  const wall = DateTime.fromISO(text, { zone: 'utc' });
  if (!wall.isValid) throw invalidMoment(label, text, wall.invalidExplanation);
  const local = DateTime.fromObject(wall.toObject(), { zone });
  if (local.toFormat(WALL_FORMAT) !== wall.toFormat(WALL_FORMAT)) {
    throw new CalendarError(
      `Calendar ${label} "${text}" is refused: that local time does not exist in ${zone} ` +
        `(the clocks jump over it when summer time starts). Fix: choose a local time outside the gap, ` +
        `or give an instant with an explicit offset.`,
    );
  }
  const offsets = local.getPossibleOffsets();
  if (offsets.length > 1) {
    const choices = offsets.map((o) => o.toISO()).join(' or ');
    throw new CalendarError(
      `Calendar ${label} "${text}" is refused: that local time occurs twice in ${zone} ` +
        `(the clocks fall back over it), so it could mean ${choices}. ` +
        `Fix: give the instant with an explicit offset.`,
    );
  }
  return local;
}

/**
 * Every scenario and every party session parses the run's calendar, and each parse costs luxon
 * several zone offsets through Intl: a calendar's text is parsed once per process. The moments
 * are immutable; each caller gets a calendar object of its own.
 */
const parsedCalendars = boundedMemo<Calendar>(100);

/** Parses and checks a calendar: every moment valid and T0 < T1 < T2. */
export function parseCalendar(input: CalendarInput): Calendar {
  const key = JSON.stringify([input.zone, ...MOMENTS.map((k) => input[k])]);
  return { ...parsedCalendars(key, () => parseCalendarAfresh(input)) };
}

function parseCalendarAfresh(input: CalendarInput): Calendar {
  const zone = input.zone ?? DEFAULT_ZONE;
  // IANAZone.create keeps one zone per name and checks it once; isValidZone makes an Intl format each call.
  if (!IANAZone.create(zone).isValid) {
    throw new CalendarError(
      `Calendar zone "${zone}" is refused: it is not an IANA time zone this runtime knows. ` +
        `Fix: use a zone name such as "${DEFAULT_ZONE}".`,
    );
  }
  const moments = {} as Record<MomentKey, DateTime>;
  for (const key of MOMENTS) {
    const text = input[key];
    if (typeof text !== 'string' || text.trim() === '') {
      throw new CalendarError(
        `Calendar ${key} is missing: every calendar needs heenStop, retourStop and goLive. ` +
          `Fix: add ${key} as an ISO instant with offset or a local time in the zone.`,
      );
    }
    moments[key] = parseMoment(text, zone, key);
  }
  const { heenStop, retourStop, goLive } = moments;
  if (!(heenStop < retourStop && retourStop < goLive)) {
    throw new CalendarError(
      `Calendar is refused: its moments must satisfy heenStop < retourStop < goLive, but got ` +
        `heenStop ${heenStop.toISO()}, retourStop ${retourStop.toISO()}, goLive ${goLive.toISO()}. ` +
        `Fix: order the three moments of the cutover (T0 < T1 < T2).`,
    );
  }
  return { zone, heenStop, retourStop, goLive };
}

/** The party-protocol form: instants with the offset the zone has at that moment. */
export function calendarToJson(cal: Calendar): CalendarJson {
  const iso = (t: DateTime): string => t.setZone(cal.zone).toISO({ suppressMilliseconds: false }) ?? '';
  return { zone: cal.zone, heenStop: iso(cal.heenStop), retourStop: iso(cal.retourStop), goLive: iso(cal.goLive) };
}

function invalidMoment(label: string, text: string, explanation: string | null): CalendarError {
  return new CalendarError(
    `Calendar ${label} "${text}" is refused: it is not an ISO-8601 time (${explanation ?? 'unreadable'}). ` +
      `Fix: write an instant like "YYYY-MM-DDTHH:mm:ss+hh:mm" or a local time "YYYY-MM-DDTHH:mm".`,
  );
}
