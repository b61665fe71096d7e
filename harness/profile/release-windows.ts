/**
 * The one answer to "which release, if any, may this message be sent in at t", and what a switch
 * answers a well-formed, valid message at t: cutover.md's policy table, generated from the
 * profile's stop rules and the calendar. Windows are half-open: a stop moment itself is blocked.
 *   from-release: passes until its stop rule's moment, IB103 from then until the go-live; from
 *     the go-live a heen gets IB004 and a retour passes only when the profile keeps old retours;
 *   to-release: IB004 while the chain still runs the from-release, IB103 in the standstill (from
 *     the last stop moment of any rule until the go-live), passes from the go-live.
 * The checks ask it too (stopMomentOf, retourStopOn, lateFromReleaseRetoursPass): a duty "before
 * the heen stop" means before that message's own stop moment, whatever shape the profile gives.
 */
import type { DateTime } from 'luxon';
import type { Calendar } from '../clock/calendar.js';
import type { CalendarMoment, MigrationProfile } from './migration-profile.js';
import { directionOf, stopRuleFor } from './profile-messages.js';

export type SwitchCell = 'accept' | 'IB004' | 'IB103';

export const momentOf = (cal: Calendar, m: CalendarMoment): DateTime =>
  m === 'T0' ? cal.heenStop : m === 'T1' ? cal.retourStop : cal.goLive;

/** Per message: its direction and the moment its stop rule names; per profile: the standstill's moment. Asked for every message, so computed once. */
interface Windows { byName: ReadonlyMap<string, { retour: boolean; stop: CalendarMoment | undefined }>; standstill: CalendarMoment }
const windowsCache = new WeakMap<MigrationProfile, Windows>();

function windowsOf(p: MigrationProfile): Windows {
  let w = windowsCache.get(p);
  // Stryker disable next-line ConditionalExpression: the cache only saves time; computing the windows again gives the same windows.
  if (!w) {
    // Stryker disable next-line OptionalChaining: the loader refuses a profile with a message no stop rule covers, so a rule is always found.
    const byName = new Map(p.messages.map((m) => [m.name, { retour: directionOf(p, m.name) === 'retour', stop: stopRuleFor(p, m.name)?.from }]));
    const standstill = p.stopRules.map((r) => r.from).sort().at(-1) as CalendarMoment;
    w = { byName, standstill };
    windowsCache.set(p, w);
  }
  return w;
}

function windowOf(p: MigrationProfile, name: string): { retour: boolean; stop: CalendarMoment | undefined } {
  const found = windowsOf(p).byName.get(name);
  if (!found) throw new Error(`Message ${name} is not in migration profile ${p.name}. Fix: use one of ${p.messages.map((m) => m.name).join(', ')}.`);
  return found;
}

/**
 * The moment from which a from-release `name` no longer passes the switch: its stop rule's moment;
 * the go-live for a message no rule covers (the loader refuses such a profile; switchCell agrees).
 */
export function stopMomentOf(p: MigrationProfile, cal: Calendar, name: string): DateTime {
  const { stop } = windowOf(p, name);
  return stop ? momentOf(cal, stop) : cal.goLive;
}

/** The stop moment of the retour answering heen `heenName`: the last moment its from-release retour could be sent before the go-live. */
export function retourStopOn(p: MigrationProfile, cal: Calendar, heenName: string): DateTime {
  const retour = p.messages.find((m) => m.answers === heenName);
  if (!retour) throw new Error(`No retour answers ${heenName} in migration profile ${p.name}. Fix: ask with a heen's name (${p.messages.filter((m) => m.answers !== undefined).map((m) => m.answers).join(', ')}).`);
  return stopMomentOf(p, cal, retour.name);
}

/** Whether a from-release retour on a from-release heen still passes from the go-live (ING-3.3, ING-3.4 exist only then). */
export const lateFromReleaseRetoursPass = (p: MigrationProfile): boolean => p.oldReleaseRetoursAfterGoLive;

/** What the switch answers a valid `name` in `release` submitted at `t`. */
export function switchCell(p: MigrationProfile, cal: Calendar, t: DateTime, name: string, release: string): SwitchCell {
  const ms = t.toMillis();
  const goLive = cal.goLive.toMillis();
  const window = windowOf(p, name);
  if (release === p.releases.to.id) {
    if (ms >= goLive) return 'accept';
    return ms >= momentOf(cal, windowsOf(p).standstill).toMillis() ? 'IB103' : 'IB004';
  }
  if (release !== p.releases.from.id) return 'IB004';
  if (ms >= goLive) return window.retour && p.oldReleaseRetoursAfterGoLive ? 'accept' : 'IB004';
  return window.stop && ms >= momentOf(cal, window.stop).toMillis() ? 'IB103' : 'accept';
}

/**
 * The release `name` may be sent in at `t`, or null when it must wait. A heen goes in the release
 * the switch takes then; a retour always in its heen's release (`heenRelease`), when that passes.
 */
export function sendableRelease(p: MigrationProfile, cal: Calendar, t: DateTime, name: string, heenRelease?: string): string | null {
  if (windowOf(p, name).retour) {
    if (heenRelease === undefined) throw new Error(`sendableRelease(${name}) needs the release of the heen it answers. Fix: pass heenRelease for a retour.`);
    return switchCell(p, cal, t, name, heenRelease) === 'accept' ? heenRelease : null;
  }
  const { from, to } = p.releases;
  return [from.id, to.id].find((r) => switchCell(p, cal, t, name, r) === 'accept') ?? null;
}

/** The release a heen delivered at `t` must be in to be readable: the to-release from the go-live, else the from-release. */
export const deliverableHeenRelease = (p: MigrationProfile, cal: Calendar, t: DateTime): string =>
  t >= cal.goLive ? p.releases.to.id : p.releases.from.id;
