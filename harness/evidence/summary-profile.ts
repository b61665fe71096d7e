/** How summary.json names the run's migration profile. */
import { basename } from 'node:path';
import type { LoadedProfile } from '../profile/migration-profile.js';
import type { AbsentDuty, SummaryProfile } from './summary.js';
import { requirementIds, type RequirementId } from '../verdicts/requirements.js';
import { dutyAbsentUnder, dutyAbsentUnderNl } from '../verdicts/profile-duties.js';

export function summaryProfile({ profile, sha256, requirementsFrom }: LoadedProfile): SummaryProfile {
  const absent: Partial<Record<RequirementId, AbsentDuty>> = {};
  for (const id of requirementIds()) {
    const reason = dutyAbsentUnder(profile, id);
    const redenNl = dutyAbsentUnderNl(profile, id);
    if (reason !== undefined && redenNl !== undefined) absent[id] = { reason, redenNl };
  }
  return {
    name: profile.name, title: profile.title, synthetic: profile.synthetic,
    from: profile.releases.from.id, to: profile.releases.to.id, sha256,
    // The rows judged came from that file too: pinned beside the profile's own bytes.
    ...(requirementsFrom ? { requirementsFrom: { file: basename(requirementsFrom.path), sha256: requirementsFrom.sha256 } } : {}),
    ...(Object.keys(absent).length ? { dutiesAbsent: absent } : {}),
  };
}
