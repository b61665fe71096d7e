/**
 * Which duties of cutover.md a migration profile has at all. ING-3.3 and ING-3.4 are about
 * from-release retours after the go-live; a profile whose switch refuses those (iWmo-like,
 * `oldReleaseRetoursAfterGoLive: false`) leaves every role without them: not-applicable, with the
 * reason, as a role without a duty is. Asked by the runner (which then judges nothing for them),
 * the summary and the dossier; the answer comes from profile/release-windows.ts.
 */
import type { MigrationProfile } from '../profile/migration-profile.js';
import { lateFromReleaseRetoursPass } from '../profile/release-windows.js';
import type { RequirementId } from './requirements.js';

const LATE_RETOUR_DUTIES: readonly RequirementId[] = ['ING-3.3', 'ING-3.4'];

/** Why `profile` has no duty `id`, in English for summary.json; undefined when it has. */
export function dutyAbsentUnder(profile: MigrationProfile, id: RequirementId): string | undefined {
  if (!LATE_RETOUR_DUTIES.includes(id) || lateFromReleaseRetoursPass(profile)) return undefined;
  return `migration profile ${profile.name} passes no ${profile.releases.from.id} retour after the go-live (oldReleaseRetoursAfterGoLive: false), so no late ${profile.releases.from.id} retour is sent or received`;
}

/** The same reason in Dutch, for the dossier. */
export function dutyAbsentUnderNl(profile: MigrationProfile, id: RequirementId): string | undefined {
  if (!dutyAbsentUnder(profile, id)) return undefined;
  return `het migratieprofiel ${profile.name} laat na de ingebruikname geen retourberichten in ${profile.releases.from.id} meer toe, dus er worden geen late ${profile.releases.from.id}-retourberichten verstuurd of ontvangen`;
}
