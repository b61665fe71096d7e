/**
 * `liveScenario()`: the live rehearsal (`--live`) as one scenario per role. It is a scenario like
 * any other (same world, same judge, same record and evidence), except that the world runs on the
 * wall clock and the requirements a single continuous cutover cannot observe are recorded
 * not-tested with the reason, never passed. One file per role, so the roles rehearse side by side
 * in their own workers instead of one after the other.
 */
import { describe } from 'vitest';
import type { Role } from '../messages/model.js';
import type { RequirementId } from '../verdicts/requirements.js';
import { appliesTo } from '../verdicts/requirements.js';
import { dutyAbsentUnder } from '../verdicts/profile-duties.js';
import { runProfile } from '../profile/run-profile.js';
import { partiesUnderTest } from '../sut/target.js';
import { partyLabel } from '../evidence/scenario-evidence.js';
import { WallClock } from '../clock/wall-clock.js';
import { describeMoment } from '../clock/describe-moment.js';
import { readyForLiveStart } from './live-start.js';
import { definitionUnder, registerTest, type ScenarioBody, type ScenarioDefinition } from './define-scenario.js';

/** The world must open this long before T0 at least, to give the party its events before the heen stop. */
const BEFORE_HEEN_STOP_MS = 2_000;

/** Room after the go-live for the scenario's last look, the judging and the evidence. */
const AFTER_GO_LIVE_MS = 5 * 60_000;

export interface LiveScenarioDefinition extends Omit<ScenarioDefinition, 'roles'> {
  /** The role this file rehearses. */
  role: Role;
  /** What the rehearsal cannot observe, per id: why. */
  unobserved: Partial<Record<RequirementId, string>>;
}

export function liveScenario(definition: LiveScenarioDefinition, body: ScenarioBody): void {
  const def = { ...definition, ...definitionUnder(definition) };
  for (const target of partiesUnderTest().filter((t) => t.role === def.role)) {
    describe(partyLabel(target.role, target.identity), () => {
      // A duty the run's profile does not have is not-applicable (summary.json says why), not rehearsed.
      const owed = (id: RequirementId): boolean => appliesTo(id, target.role) && dutyAbsentUnder(runProfile(), id) === undefined;
      const ids = def.verifies.filter(owed);
      const unobserved = (Object.entries(def.unobserved) as Array<[RequirementId, string]>)
        .filter(([id]) => owed(id))
        .map(([id, reason]) => ({ id, reason: `live-repetitie: ${reason}` }));
      registerTest(def, target, ids, startedInTime(body), { kind: 'run' }, {
        unobserved,
        waitingMs: (calendar) => new WallClock(calendar.zone).msUntil(calendar.goLive) + AFTER_GO_LIVE_MS,
        started: () => readyForLiveStart(target.role, target.identity),
      });
    });
  }
}

/**
 * A rehearsal whose world opened too close to T0 (slow workers, a slow party) would judge a
 * cutover it did not set up: it is broken with the reason instead, and the run exits 2.
 */
function startedInTime(body: ScenarioBody): ScenarioBody {
  return async (world) => {
    const { heenStop } = world.calendar;
    if (heenStop.toMillis() - world.now().toMillis() < BEFORE_HEEN_STOP_MS) {
      throw new Error(`the live rehearsal opened its session at ${describeMoment(world.now(), world.calendar.zone)}, less than ${BEFORE_HEEN_STOP_MS / 1000} s before the heen stop ${describeMoment(heenStop, world.calendar.zone)}, so the party could not be given its events in time. Fix: give --live-offsets a later T0.`);
    }
    await body(world);
  };
}
