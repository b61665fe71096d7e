/** How summary.json names the run's migration profile. */
import type { LoadedProfile } from '../profile/migration-profile.js';
import type { SummaryProfile } from './summary.js';

export function summaryProfile({ profile, sha256 }: LoadedProfile): SummaryProfile {
  return {
    name: profile.name, title: profile.title, synthetic: profile.synthetic,
    from: profile.releases.from.id, to: profile.releases.to.id, sha256,
  };
}
