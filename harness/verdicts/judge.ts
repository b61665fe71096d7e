/**
 * The verdict of one scenario on the requirements it verifies: every check reads the same
 * observations (switch ledger held against the party's state). A requirement fails when its
 * check finds a broken duty; it is not-tested, with the reason, when nothing is broken but a duty
 * the scenario ended before is still open; otherwise it passes.
 */
import { isAbsolute, relative } from 'node:path';
import type { Finding } from './finding.js';
import type { Observations } from './observations.js';
import { appliesTo, requirement, type RequirementId } from './requirements.js';
import { dutyAbsentUnder } from './profile-duties.js';
import type { LoadedProfile } from '../profile/migration-profile.js';
import { runProfileFile } from '../profile/run-profile.js';
import { observedTraffic, type ObservedTraffic } from './traffic.js';
import type { CheckTable, NotDue } from './checks/check.js';
import { sample, when } from './checks/check.js';
import { lastMoment } from './deadlines.js';
import { afsluitingChecks } from './checks/afsluiting.js';
import { transitieChecks } from './checks/transitie.js';
import { ingebruiknameChecks } from './checks/ingebruikname.js';
import { tr507Checks } from './checks/tr507.js';
import { algemeenChecks } from './checks/algemeen.js';
import { restartChecks, restartUntestable } from './checks/restart.js';
import { SECOND_CALENDAR_ID } from './checks/second-calendar.js';
import type { UntestableTable } from './checks/check.js';

/** Every party requirement's check, by id: the one table the profile's rows are held against. */
export const PARTY_CHECKS: CheckTable = { ...afsluitingChecks, ...transitieChecks, ...ingebruiknameChecks, ...tr507Checks, ...algemeenChecks, ...restartChecks };
/** Requirements a scenario may be unable to test (the party offers no restart), with the reason. */
const UNTESTABLE: UntestableTable = { ...restartUntestable };
/** Requirements judged without a check of their own: GEN-0.4 folds a scenario's verdicts on the second calendar. */
const FOLDED: readonly RequirementId[] = [SECOND_CALENDAR_ID];
const CHECKS_DIR = 'harness/verdicts/checks/';

/**
 * The profile's requirement rows and the checks, one to one: a row without a check, or a check
 * without a row, is a suite defect, named with both files. Empty when they match.
 */
export function checkTableProblems(loaded: Pick<LoadedProfile, 'profile' | 'path'>, checks: CheckTable = PARTY_CHECKS): string[] {
  const near = relative(process.cwd(), loaded.path);
  const file = near && !near.startsWith('..') && !isAbsolute(near) ? near : loaded.path;
  const rows = loaded.profile.requirements.map((r) => r.id);
  const checked = [...Object.keys(checks), ...FOLDED];
  return [
    ...rows.filter((id) => !checked.includes(id)).map((id) =>
      `${id} is a requirement of the profile ${file} but has no check in ${CHECKS_DIR}. Fix: add its check to a CheckTable there, or remove the row.`),
    ...checked.filter((id) => !rows.includes(id)).map((id) =>
      `${CHECKS_DIR} has a check for ${id}, but the profile ${file} has no row for it. Fix: add its row to "requirements" in ${file}, or remove the check.`),
  ];
}

const matched = new WeakMap<object, WeakSet<CheckTable>>();

/** Throws, naming both files, when the run's profile and the checks do not match. */
export function assertChecksMatchProfile(loaded: LoadedProfile = runProfileFile(), checks: CheckTable = PARTY_CHECKS): void {
  if (matched.get(loaded.profile)?.has(checks)) return;
  const problems = checkTableProblems(loaded, checks);
  if (problems.length) throw new Error(`The requirement rows and the checks do not match:\n  ${problems.join('\n  ')}`);
  matched.set(loaded.profile, (matched.get(loaded.profile) ?? new WeakSet()).add(checks));
}

import type { JudgedVerdict } from './result.js';

export type { JudgedVerdict } from './result.js';

export interface RequirementJudgement {
  id: RequirementId;
  verdict: JudgedVerdict;
  findings: Finding[];
  /** Why the requirement could not be judged in this scenario; set exactly when `not-tested`. */
  reason?: string;
  /** The open duties behind a `not-tested` verdict. */
  notDue: NotDue[];
}

/**
 * Duties that hold at every moment of every scenario, whatever it was written to show: no heen in
 * the stop window, no retour in the transition, every new heen in the to-release, every message
 * valid and true to its business event and TR056, nothing duplicated, nothing refused reported as
 * sent or left behind, TR507. A fault a scenario's own traffic shows is a fault, also where that
 * scenario verifies other ids: each scenario also runs these checks and files what they find as a
 * failure. Only failures: a watched duty still open at the scenario's end is not filed, and one
 * that holds does not count as a test of it (the scenarios that verify it do).
 */
export const WATCHED_EVERYWHERE: readonly RequirementId[] = ['AFS-1.2', 'AFS-1.4', 'TRA-2.2', 'ING-3.1', 'ING-3.5', 'GEN-0.1', 'GEN-0.2'];

/**
 * The scenario's own ids judged, then the watched duties it does not verify, for the failures
 * they find (those that apply to the role and the profile).
 */
export function judgeWithWatch(ids: readonly RequirementId[], obs: Observations, checks: CheckTable = PARTY_CHECKS): RequirementJudgement[] {
  const watched = WATCHED_EVERYWHERE.filter((id) => !ids.includes(id) && checks[id] && appliesTo(id, obs.role, obs.profile) && dutyAbsentUnder(obs.profile, id) === undefined);
  const traffic = observedTraffic(obs);
  return [...judgeOn(ids, obs, traffic, checks), ...judgeOn(watched, obs, traffic, checks).filter((j) => j.verdict === 'failed')];
}

/**
 * For a scenario written around a restart: when the party could not be restarted, what passed
 * there showed nothing of the restart, so it is not tested, with the reason. Failures stand.
 */
export function withoutRestartNotTested(judgements: readonly RequirementJudgement[], obs: Observations): RequirementJudgement[] {
  const restart = obs.restart;
  if (restart?.outcome !== 'unavailable') return [...judgements];
  return judgements.map((j) => (j.verdict === 'passed' ? { ...j, verdict: 'not-tested', reason: `no restart was made: ${restart.reason}` } : j));
}

/** `checks` is the suite's table; a test may give a larger one (a requirement being added). */
export function judge(ids: readonly RequirementId[], obs: Observations, checks: CheckTable = PARTY_CHECKS): RequirementJudgement[] {
  return judgeOn(ids, obs, observedTraffic(obs), checks);
}

function judgeOn(ids: readonly RequirementId[], obs: Observations, traffic: ObservedTraffic, checks: CheckTable): RequirementJudgement[] {
  assertChecksMatchProfile(runProfileFile(), checks);
  for (const id of ids) requirement(id);
  return ids.map((id) => {
    const check = checks[id];
    if (!check) throw new Error(`No check for ${id}: ${FOLDED.includes(id) ? 'it is folded from other verdicts (harness/verdicts/checks/second-calendar.ts), not judged on its own' : `add it to a CheckTable in ${CHECKS_DIR}`}.`);
    const reason = UNTESTABLE[id]?.(obs);
    if (reason !== undefined) return { id, verdict: 'not-tested', findings: [], notDue: [], reason };
    const { findings, notDue } = check(obs, traffic);
    if (findings.length) return { id, verdict: 'failed', findings, notDue };
    if (notDue.length) return { id, verdict: 'not-tested', findings, notDue, reason: notTestedReason(obs, notDue) };
    return { id, verdict: 'passed', findings, notDue };
  });
}

/** One line: where the scenario ended and which duties fell due only later. */
export function notTestedReason(obs: Observations, notDue: readonly NotDue[]): string {
  const end = lastMoment(obs);
  const ended = end ? `the scenario ended at ${when(obs, end)}` : 'the scenario visited no moment';
  const duties = sample(notDue, (d) => `${d.duty}, due ${d.dueAt ? `by ${when(obs, d.dueAt)}` : 'at the first moment the switch lets it pass, which the scenario did not reach'}`, 2);
  return `${ended}, before ${notDue.length} duty(ies) fell due: ${duties}`;
}
