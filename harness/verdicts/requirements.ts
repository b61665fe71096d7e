/**
 * The party duties with their stable ids (cutover.md), read from the run's migration profile
 * (its `requirements` and `preconditions` rows, harness/profile/): a new requirement is one row
 * there (in the standard's catalogue, which profiles of the standard extend; the row names the
 * scenarios that verify it) and one check in harness/verdicts/checks/. Ids never change meaning; titles may be
 * edited. The profile's own prose says {from} and {to}; they are filled here, the runbook's
 * quotes are passed on as they stand.
 */
import type { Role } from '../messages/model.js';
import type { MigrationProfile, Phase, ProfileRequirement, RequirementTextNl, Severity } from '../profile/migration-profile.js';
import { runProfile } from '../profile/run-profile.js';

export type { Phase, RequirementTextNl, Severity } from '../profile/migration-profile.js';

/** A requirement id of the run's profile, e.g. `AFS-1.1`; `requirement(id)` refuses any other. */
export type RequirementId = string;

export interface Requirement {
  id: RequirementId;
  /** The runbook step(s) the duty comes from, as the runbook numbers them. */
  runbookStep: string;
  phase: Phase;
  duty: string;
  roles: readonly Role[];
  severity: Severity;
}

/** The steering group's preconditions (runbook chapter 4) and the requirements that show them. */
export interface Precondition {
  nr: string;
  role: Role;
  /** A short title. */
  text: string;
  /** The runbook's words, exactly, when the profile has a runbook. */
  draaiboek?: string;
  shownBy: readonly RequirementId[];
}

/** The suite's own prose with the profile's release ids: `{from}` and `{to}`. */
export const fillReleases = (text: string, profile: MigrationProfile): string =>
  text.replaceAll('{from}', profile.releases.from.id).replaceAll('{to}', profile.releases.to.id);

interface Catalogue {
  requirements: readonly Requirement[];
  ids: readonly RequirementId[];
  byId: ReadonlyMap<RequirementId, ProfileRequirement>;
  preconditions: readonly Precondition[];
}

const catalogues = new WeakMap<MigrationProfile, Catalogue>();

function catalogue(profile: MigrationProfile): Catalogue {
  const known = catalogues.get(profile);
  if (known) return known;
  const requirements = profile.requirements.map((r): Requirement => ({
    id: r.id, runbookStep: r.runbookStep, phase: r.phase, duty: fillReleases(r.duty, profile), roles: r.roles, severity: r.severity,
  }));
  const ids = requirements.map((r) => r.id);
  const preconditions = profile.preconditions.map((p): Precondition => ({
    nr: p.nr, role: p.role, text: fillReleases(p.text, profile), ...(p.draaiboek ? { draaiboek: p.draaiboek } : {}),
    shownBy: p.shownBy === 'all' ? ids : p.shownBy,
  }));
  const made: Catalogue = { requirements, ids, byId: new Map(profile.requirements.map((r) => [r.id, r])), preconditions };
  catalogues.set(profile, made);
  return made;
}

/** Every requirement of the profile, in the order reports list them. */
export const requirements = (profile: MigrationProfile = runProfile()): readonly Requirement[] => catalogue(profile).requirements;

export const requirementIds = (profile: MigrationProfile = runProfile()): readonly RequirementId[] => catalogue(profile).ids;

export const isRequirementId = (id: string, profile: MigrationProfile = runProfile()): boolean => catalogue(profile).byId.has(id);

export function requirement(id: RequirementId, profile: MigrationProfile = runProfile()): Requirement {
  const found = catalogue(profile).requirements.find((r) => r.id === id);
  if (!found) throw new Error(`Unknown requirement id ${id}: the ids are those of the migration profile ${profile.name} (${requirementIds(profile).join(', ')}).`);
  return found;
}

export const appliesTo = (id: RequirementId, role: Role, profile: MigrationProfile = runProfile()): boolean => requirement(id, profile).roles.includes(role);

/** The requirements whose rows name scenario `scenarioId` in `verifiedBy`, in report order. */
export const requirementsVerifiedBy = (scenarioId: string, profile: MigrationProfile = runProfile()): readonly RequirementId[] =>
  profile.requirements.filter((r) => r.verifiedBy?.includes(scenarioId)).map((r) => r.id);

export const preconditions = (profile: MigrationProfile = runProfile()): readonly Precondition[] => catalogue(profile).preconditions;

/** The dossier's Dutch words for a requirement: the suite's prose filled, the runbook's quotes as they stand. */
export function requirementTextNl(id: RequirementId, profile: MigrationProfile = runProfile()): RequirementTextNl {
  requirement(id, profile);
  const { nl } = catalogue(profile).byId.get(id)!;
  return { ...nl, plicht: fillReleases(nl.plicht, profile), misging: fillReleases(nl.misging, profile), betekent: fillReleases(nl.betekent, profile) };
}
