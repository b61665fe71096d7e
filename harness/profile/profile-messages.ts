/** Questions about a profile's message table and stop rules, answered from the data alone. */
import type { Direction, MigrationProfile, ProfileMessage, ReleaseProfile, StopRule } from './migration-profile.js';

export const directionOf = (p: MigrationProfile, name: string): Direction =>
  messageOf(p, name).answers === undefined ? 'heen' : 'retour';

export function messageOf(p: MigrationProfile, name: string): ProfileMessage {
  const found = p.messages.find((m) => m.name === name);
  if (!found) {
    throw new Error(`Message ${name} is not in migration profile ${p.name}. Fix: add it to the profile's "messages" or use one of ${p.messages.map((m) => m.name).join(', ')}.`);
  }
  return found;
}

/** The earliest stop rule covering `name`, or undefined (the loader refuses a profile with one). */
export function stopRuleFor(p: MigrationProfile, name: string): StopRule | undefined {
  const direction = directionOf(p, name);
  const covering = p.stopRules.filter((r) => r.direction === direction && (r.messages === undefined || r.messages.some((s) => name === s || name.endsWith(s))));
  return covering.sort((a, b) => a.from.localeCompare(b.from))[0];
}

/** The two releases, old first. */
export const profileReleases = (p: MigrationProfile): readonly [ReleaseProfile, ReleaseProfile] => [p.releases.from, p.releases.to];

export function releaseOf(p: MigrationProfile, id: string): ReleaseProfile {
  const found = profileReleases(p).find((r) => r.id === id);
  if (!found) throw new Error(`Release ${id} is not in migration profile ${p.name}: it knows ${p.releases.from.id} and ${p.releases.to.id}. Fix: use the profile's releases.`);
  return found;
}
