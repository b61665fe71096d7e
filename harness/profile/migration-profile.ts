/**
 * A migration as data (issue 12): the two releases and their message profiles, the roles, the
 * stop rules the switch policy is generated from, the IB codes, and the requirement rows with their texts and the preconditions they serve. Loaded from a JSON file in
 * fixtures/profiles/ (load-profile.ts); every module that needs a release, a BerichtCode or a
 * stop moment asks the loaded profile instead of spelling it. Bottom layer: imports nothing.
 */

/** A calendar moment of cutover.md: T0 heen stop, T1 retour stop, T2 go-live. */
export type CalendarMoment = 'T0' | 'T1' | 'T2';
export type Direction = 'heen' | 'retour';
export type ProfileRole = 'gemeente' | 'zorgkantoor' | 'svb';

/** One release's header values and where its XSDs live. */
export interface ReleaseProfile {
  /** The release id, e.g. `2.3`: the name the evidence and the ledger use. */
  id: string;
  /** The namespace segment, e.g. `2_3` in `http://www.istandaarden.nl/ipgb/2_3/wmo501/schema`. */
  namespaceSegment: string;
  berichtVersie: string;
  berichtSubversie: string;
  /** The value builders write into BasisschemaXsdVersie and BerichtXsdVersie. */
  xsdVersie: string;
  /** Every XsdVersie value a message of this release may carry. */
  acceptedXsdVersies: string[];
  /** The subfolder of a schema set holding this release's XSDs. */
  xsdFolder: string;
}

export interface ProfileMessage {
  /** e.g. `WMO501`. */
  name: string;
  berichtCode: string;
  sender: ProfileRole;
  receiver: ProfileRole;
  /** For a retour: the heen it answers. */
  answers?: string;
}

export interface RoleProfile {
  /** A regular expression an identity of this role matches. */
  identityFormat: string;
  /** The format in words, for error messages: `a gemeentecode of 4 digits, e.g. 0363`. */
  described: string;
  /** The identity used when none is given. */
  defaultIdentity: string;
}

/** From `from` until the go-live the switch answers IB103 to these from-release messages. */
export interface StopRule {
  direction: Direction;
  /** Message names or families (`501` means WMO501, JW501 and WLZ501); absent: every message of the direction. */
  messages?: string[];
  from: 'T0' | 'T1';
}

/** Allure's severities; chosen by the consequence of a violation. */
export type Severity = 'blocker' | 'critical' | 'normal';
export type Phase = 'Afsluiting' | 'Transitie' | 'Ingebruikname' | 'Algemeen';

/**
 * A requirement's Dutch words for the dossier. `plicht`, `misging` and `betekent` are the suite's
 * own prose and may say {from} and {to}; `draaiboek` quotes the runbook exactly, per role (`alle`
 * for every role), and `bron` says where; a synthetic profile has no runbook and quotes nothing.
 */
export interface RequirementTextNl {
  /** The duty in plain Dutch. */
  plicht: string;
  draaiboek?: Partial<Record<ProfileRole | 'alle', string>>;
  bron?: string;
  /** A failure in one sentence: what went wrong … */
  misging: string;
  /** … and what it means for the chain. */
  betekent: string;
}

/** A party duty with its stable id (cutover.md): one row per requirement, its check in harness/verdicts/checks/. */
export interface ProfileRequirement {
  /** e.g. `AFS-1.1`; ids never change meaning. */
  id: string;
  /** The runbook step(s) the duty comes from, as the runbook numbers them. */
  runbookStep: string;
  phase: Phase;
  roles: ProfileRole[];
  severity: Severity;
  /** The duty in English; may say {from} and {to}. */
  duty: string;
  nl: RequirementTextNl;
  /**
   * Scenarios (stable ids of suites/) that verify this requirement besides those whose own
   * `verifies` name it: a new requirement needs no edit of a suite.
   */
  verifiedBy?: string[];
}

/** A requirement row changed by a profile that takes its rows from another (`extends`): the id and what differs. */
export type RequirementAmendment = Partial<Omit<ProfileRequirement, 'id' | 'nl'>> & { id: string; nl?: Partial<RequirementTextNl> };

/**
 * A profile of the same standard takes its requirement rows from another profile file, the
 * standard's catalogue: a new requirement is then one row there. Inherited rows carry no runbook
 * quote (`draaiboek`, `bron`): those are the other migration's runbook; `amend` may quote this one's.
 */
export interface RequirementsFrom {
  /** The profile file holding the rows, relative to this one; it lists them itself (no chain). */
  extends: string;
  /** How this profile shows an inherited row's runbook step: `{step}` is the other profile's. */
  runbookStep?: string;
  amend?: RequirementAmendment[];
}

/** A precondition of runbook chapter 4 and the requirements that show it (`all`: every requirement of the role). */
export interface ProfilePrecondition {
  nr: string;
  role: ProfileRole;
  /** A short title; may say {from} and {to}. */
  text: string;
  /** The precondition's words in the runbook, exactly; absent in a synthetic profile (no runbook). */
  draaiboek?: string;
  shownBy: 'all' | string[];
}

export type SwitchName = 'BIDN' | 'VECOZO';

/** A duty of a switch under test (`SW-*`); its check lives in harness/switch-sut/switch-checks.ts. */
export interface ProfileSwitchRequirement {
  id: string;
  /** Runbook steps (chapter 5/6 numbers, or a chapter) the duty comes from. */
  runbookSteps: string[];
  /** The switchPreconditions (runbook 4.5 BIDN, 4.6 VECOZO) the duty rests under. */
  preconditions: string[];
  /** In English; may say {from} and {to}. */
  duty: string;
}

/** A switch's precondition of runbook chapter 4 (4.5 BIDN, 4.6 VECOZO). */
export interface ProfileSwitchPrecondition {
  nr: string;
  role: SwitchName;
  /** A short title; may say {from} and {to}. */
  text: string;
  /** The runbook's words, exactly; absent in a synthetic profile. */
  draaiboek?: string;
}

export interface IbCodeProfile {
  code: string;
  omschrijving: string;
}

export interface MigrationProfile {
  name: string;
  title: string;
  /** The migration in a few words, on top of the dossier and the report: `iPgb 2.0 → 2.3`. */
  label: string;
  /** The runbook whose chapter 4 the dossier's preconditions come from, as its introduction names it (Dutch). */
  runbookNl: string;
  /** A test migration that proves the engine, not a real release. */
  synthetic: boolean;
  /** The profile's own national calendar, relative to the profile file. */
  nationalCalendar: string;
  releases: { from: ReleaseProfile; to: ReleaseProfile };
  namespaces: { message: string; basisschema: string };
  messages: ProfileMessage[];
  roles: Record<ProfileRole, RoleProfile>;
  stopRules: StopRule[];
  /** Whether a from-release retour on a from-release heen still passes the switch from T2. */
  oldReleaseRetoursAfterGoLive: boolean;
  ibCodes: IbCodeProfile[];
  /** The party duties, in the order reports list them (resolved: a file may take them from another, see ProfileFile). */
  requirements: ProfileRequirement[];
  /** Runbook chapter 4: what the steering group asks of each role, and which requirements show it. */
  preconditions: ProfilePrecondition[];
  /** The duties of a switch under test (`--switch`), and the switch preconditions they show. */
  switchRequirements: ProfileSwitchRequirement[];
  switchPreconditions: ProfileSwitchPrecondition[];
}

/** A profile as its file has it: the requirement rows listed, or taken from another profile. */
export type ProfileFile = Omit<MigrationProfile, 'requirements'> & { requirements: ProfileRequirement[] | RequirementsFrom };

/** The loaded profile and what identifies it in the evidence. */
export interface LoadedProfile {
  profile: MigrationProfile;
  /** Absolute path of the file. */
  path: string;
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
  /** The profile file the requirement rows come from (`requirements.extends`), when not this one. */
  requirementsFrom?: { path: string; sha256: string };
}
