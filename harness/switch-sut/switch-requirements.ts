/**
 * The duties of a switch under test (BIDN's GGk, VECOZO), with stable ids `SW-*`, each traced to
 * the runbook steps and the chapter-4 preconditions it shows. The ids are the ones the switch
 * checks judge (switch-checks.ts, policy-cells.ts); their texts, steps and preconditions are rows
 * of the run's migration profile (`switchRequirements`, `switchPreconditions`), and the two must
 * list the same ids. The checks, the summary, the dossier and `--only` all read this one list.
 * Ids never change meaning.
 */
import type { MigrationProfile, ProfileSwitchRequirement } from '../profile/migration-profile.js';
import { runProfile, runProfileFile } from '../profile/run-profile.js';
import type { SwitchRole } from './switch-protocol.js';

export const SWITCH_REQUIREMENT_IDS = [
  'SW-1.1', 'SW-1.2', 'SW-1.3', 'SW-1.4', 'SW-2.1', 'SW-2.2', 'SW-2.3', 'SW-2.4', 'SW-3.1', 'SW-4.1', 'SW-4.2', 'SW-4.3',
] as const;
export type SwitchRequirementId = (typeof SWITCH_REQUIREMENT_IDS)[number];

export interface SwitchRequirement {
  id: SwitchRequirementId;
  /** Runbook steps (chapter 5/6 numbers, or a chapter) the duty comes from. */
  runbookSteps: string[];
  /** Preconditions of runbook 4.5 (BIDN) and 4.6 (VECOZO) the duty rests under. */
  preconditions: string[];
  duty: string;
}

export interface SwitchPrecondition {
  nr: string;
  role: SwitchRole;
  /** The runbook's words when the profile has a runbook, else its own title. */
  text: string;
  shownBy: readonly SwitchRequirementId[];
}

export const isSwitchRequirementId = (value: string): value is SwitchRequirementId =>
  (SWITCH_REQUIREMENT_IDS as readonly string[]).includes(value);

const fill = (text: string, p: MigrationProfile): string =>
  text.replaceAll('{from}', p.releases.from.id).replaceAll('{to}', p.releases.to.id);

interface SwitchCatalogue { requirements: readonly SwitchRequirement[]; preconditions: readonly SwitchPrecondition[] }
const catalogues = new WeakMap<MigrationProfile, SwitchCatalogue>();

/** A profile row for an id no switch check judges, or an id without a row: named with both files. */
export function switchRowProblems(rows: readonly Pick<ProfileSwitchRequirement, 'id'>[], file: string): string[] {
  const ids = rows.map((r) => r.id);
  return [
    ...ids.filter((id) => !isSwitchRequirementId(id)).map((id) =>
      `${id} is a switch requirement of the profile ${file} but no switch check judges it (harness/switch-sut/switch-checks.ts, SWITCH_REQUIREMENT_IDS in harness/switch-sut/switch-requirements.ts). Fix: add its check, or remove the row.`),
    ...SWITCH_REQUIREMENT_IDS.filter((id) => !ids.includes(id)).map((id) =>
      `harness/switch-sut/switch-checks.ts judges ${id}, but the profile ${file} has no row for it. Fix: add it to "switchRequirements" in ${file}.`),
  ];
}

function catalogue(profile: MigrationProfile, file: string): SwitchCatalogue {
  const known = catalogues.get(profile);
  if (known) return known;
  const problems = switchRowProblems(profile.switchRequirements, file);
  if (problems.length) throw new Error(`The switch requirement rows and the switch checks do not match:\n  ${problems.join('\n  ')}`);
  const requirements = profile.switchRequirements.map((r): SwitchRequirement => ({
    id: r.id as SwitchRequirementId, runbookSteps: r.runbookSteps, preconditions: r.preconditions, duty: fill(r.duty, profile),
  }));
  const preconditions = profile.switchPreconditions.map((pc): SwitchPrecondition => ({
    nr: pc.nr, role: pc.role, text: pc.draaiboek ?? fill(pc.text, profile),
    shownBy: requirements.filter((r) => r.preconditions.includes(pc.nr)).map((r) => r.id),
  }));
  const made = { requirements, preconditions };
  catalogues.set(profile, made);
  return made;
}

const runCatalogue = (profile?: MigrationProfile): SwitchCatalogue =>
  profile ? catalogue(profile, profile.name) : catalogue(runProfile(), runProfileFile().path);

export const switchRequirements = (profile?: MigrationProfile): readonly SwitchRequirement[] => runCatalogue(profile).requirements;

/** Runbook 4.5 (BIDN) and 4.6 (VECOZO), with the SW ids that show each. */
export const switchPreconditions = (profile?: MigrationProfile): readonly SwitchPrecondition[] => runCatalogue(profile).preconditions;

export function switchRequirement(id: SwitchRequirementId, profile?: MigrationProfile): SwitchRequirement {
  const found = switchRequirements(profile).find((r) => r.id === id);
  if (!found) throw new Error(`Unknown switch requirement id ${id}. Fix: use one of ${SWITCH_REQUIREMENT_IDS.join(', ')}.`);
  return found;
}
