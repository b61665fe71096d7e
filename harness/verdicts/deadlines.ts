/**
 * When a duty falls due: the first moment the calendar and the switch (its unplanned blocks
 * included) would let the party meet it, among the moments the scenario visited. A duty whose
 * moment the scenario never reached cannot be judged: the check reports it as not due, and the
 * requirement is not-tested for that scenario, never failed ("A check never fails a duty whose
 * deadline lies beyond what the scenario observed").
 */
import type { DateTime } from 'luxon';
import type { MessageName, Release } from '../messages/model.js';
import { switchDecision } from '../switch/policy.js';
import { blocks } from '../switch/unplanned-block.js';
import type { Observations } from './observations.js';


/**
 * Whether a valid `name` in `release` (any release of the profile when omitted: a retour's is
 * fixed by its heen, a heen's by its moment) passes the switch at `t`.
 */
export function passesAt(obs: Observations, t: DateTime, name: MessageName, release?: Release): boolean {
  if (obs.blocks.some((b) => blocks(b, t, name))) return false;
  const { from, to } = obs.profile.releases;
  return (release ? [release] : [from.id, to.id]).some((r) => switchDecision(obs.calendar, t, name, r, obs.profile).accept);
}

/**
 * The first moment the scenario visited at or after `from` at which `name` (in `release`, or in
 * the release of that moment) passes the switch; undefined when the scenario reached none.
 * Inclusive: a message delivered at t may be answered at t (`/clock` does all work due then).
 */
export function firstPassingMoment(obs: Observations, name: MessageName, from: DateTime, release?: Release): DateTime | undefined {
  return obs.moments.find((m) => m >= from && passesAt(obs, m, name, release));
}

/** The last moment the scenario visited: what it observed ends there. */
export function lastMoment(obs: Observations): DateTime | undefined {
  return obs.moments[obs.moments.length - 1];
}

/** Whether the scenario observed `deadline` itself: a duty due before or at it can be judged. */
export function reached(obs: Observations, deadline: DateTime): boolean {
  const last = lastMoment(obs);
  return last !== undefined && last >= deadline;
}
