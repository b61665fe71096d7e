/**
 * The verdict of one scenario on the requirements it verifies: every check reads the same
 * observations (switch ledger held against the party's state). A requirement fails when its
 * check finds a broken duty; it is not-tested, with the reason, when nothing is broken but a duty
 * the scenario ended before is still open; otherwise it passes.
 */
import type { Finding } from './finding.js';
import type { Observations } from './observations.js';
import type { RequirementId } from './requirements.js';
import { observedTraffic } from './traffic.js';
import type { CheckTable, NotDue } from './checks/check.js';
import { sample, when } from './checks/check.js';
import { lastMoment } from './deadlines.js';
import { afsluitingChecks } from './checks/afsluiting.js';
import { transitieChecks } from './checks/transitie.js';
import { ingebruiknameChecks } from './checks/ingebruikname.js';
import { tr507Checks } from './checks/tr507.js';
import { algemeenChecks } from './checks/algemeen.js';
import { restartChecks, restartUntestable } from './checks/restart.js';
import type { UntestableTable } from './checks/check.js';

const CHECKS: CheckTable = { ...afsluitingChecks, ...transitieChecks, ...ingebruiknameChecks, ...tr507Checks, ...algemeenChecks, ...restartChecks };
/** Requirements a scenario may be unable to test (the party offers no restart), with the reason. */
const UNTESTABLE: UntestableTable = { ...restartUntestable };

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

export function judge(ids: readonly RequirementId[], obs: Observations): RequirementJudgement[] {
  const traffic = observedTraffic(obs);
  return ids.map((id) => {
    const check = CHECKS[id];
    if (!check) throw new Error(`No check for ${id}: every requirement id of cutover.md needs one in harness/verdicts/checks/. Fix: add it to a CheckTable there.`);
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
