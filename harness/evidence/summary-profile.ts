/** How summary.json names the run's migration profile. */
import type { LoadedProfile } from '../profile/migration-profile.js';
import type { AbsentDuty, SummaryProfile } from './summary.js';
import { requirementIds, type RequirementId } from '../verdicts/requirements.js';
import { dutyAbsentUnder, dutyAbsentUnderNl } from '../verdicts/profile-duties.js';

export function summaryProfile({ profile, sha256 }: LoadedProfile): SummaryProfile {
  const absent: Partial<Record<RequirementId, AbsentDuty>> = {};
  for (const id of requirementIds()) {
    const reason = dutyAbsentUnder(profile, id);
    const redenNl = dutyAbsentUnderNl(profile, id);
    if (reason !== undefined && redenNl !== undefined) absent[id] = { reason, redenNl };
  }
  return {
    name: profile.name, title: profile.title, synthetic: profile.synthetic,
    from: profile.releases.from.id, to: profile.releases.to.id, sha256,
    ...(Object.keys(absent).length ? { dutiesAbsent: absent } : {}),
  };
}
