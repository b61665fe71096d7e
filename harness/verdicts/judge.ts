/**
 * The verdict of one scenario on the requirements it verifies: every check reads the same
 * observations (switch ledger held against the party's state); a requirement passes when its
 * check finds nothing.
 */
import type { Finding } from './finding.js';
import type { Observations } from './observations.js';
import type { RequirementId } from './requirements.js';
import { observedTraffic } from './traffic.js';
import type { CheckTable } from './checks/check.js';
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

export interface RequirementJudgement {
  id: RequirementId;
  verdict: 'passed' | 'failed' | 'not-tested';
  findings: Finding[];
  /** Why it was not tested; set exactly when the verdict is not-tested. */
  reason?: string;
}

export function judge(ids: readonly RequirementId[], obs: Observations): RequirementJudgement[] {
  const traffic = observedTraffic(obs);
  return ids.map((id) => {
    const check = CHECKS[id];
    if (!check) throw new Error(`No check for ${id}: every requirement id of cutover.md needs one in harness/verdicts/checks/. Fix: add it to a CheckTable there.`);
    const reason = UNTESTABLE[id]?.(obs);
    if (reason !== undefined) return { id, verdict: 'not-tested', findings: [], reason };
    const findings = check(obs, traffic);
    return { id, verdict: findings.length ? 'failed' : 'passed', findings };
  });
}
