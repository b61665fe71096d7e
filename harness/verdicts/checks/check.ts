import type { Finding } from '../finding.js';
import type { Observations } from '../observations.js';
import type { ObservedTraffic } from '../traffic.js';
import type { RequirementId } from '../requirements.js';
import { describeMoment } from '../../clock/describe-moment.js';
import type { DateTime } from 'luxon';
import { retourStopOn, stopMomentOf } from '../../profile/release-windows.js';

/**
 * A duty the scenario ended before: it is not met yet and its deadline lies beyond the last
 * moment observed, so it can be neither passed nor failed.
 */
export interface NotDue {
  /** The duty, in words, naming the message or business event. */
  duty: string;
  /** Its deadline when the calendar fixes it; absent: the first moment the switch lets it pass. */
  dueAt?: DateTime;
}

/** What a check finds: the broken duties, and those the scenario ended too early to judge. */
export interface CheckOutcome {
  findings: Finding[];
  notDue: NotDue[];
}

/** A requirement's check: everything it finds wrong in one scenario's observations. */
export type Check = (obs: Observations, traffic: ObservedTraffic) => CheckOutcome;
export type CheckTable = Partial<Record<RequirementId, Check>>;

/** A check's outcome; a prohibition (no deadline) has no duty that is not yet due. */
export const outcome = (findings: Finding[], notDue: NotDue[] = []): CheckOutcome => ({ findings, notDue });
/**
 * Why a requirement could not be tested in these observations (cutover.md "Verdicts": not-tested
 * with a reason), or undefined when its check can judge. E.g. TRA-2.3 for a party that offers no
 * restart.
 */
export type Untestable = (obs: Observations) => string | undefined;
export type UntestableTable = Partial<Record<RequirementId, Untestable>>;

/** A moment as every message shows it: local time in the calendar's zone and UTC. */
export const when = (obs: Observations, t: DateTime): string => describeMoment(t, obs.calendar.zone);

/** Lists long enough to be useful, short enough to read. */
export function sample<T>(items: readonly T[], show: (item: T) => string, max = 3): string {
  const shown = items.slice(0, max).map(show).join('; ');
  return items.length > max ? `${shown}; and ${items.length - max} more` : shown;
}

/** The moment from which the from-release `name` no longer passes the switch: the profile's stop rule for it (release-windows.ts). */
export const stopOf = (obs: Observations, name: string): DateTime => stopMomentOf(obs.profile, obs.calendar, name);

/** The stop moment of the retour on heen `heenName`. */
export const retourStopOf = (obs: Observations, heenName: string): DateTime => retourStopOn(obs.profile, obs.calendar, heenName);

/** The migration's releases: `from` the one the chain leaves, `to` the one it goes live on. */
export const releasesOf = (obs: Observations): { from: string; to: string } =>
  ({ from: obs.profile.releases.from.id, to: obs.profile.releases.to.id });
