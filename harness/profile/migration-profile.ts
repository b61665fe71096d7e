/**
 * A migration as data (issue 12): the two releases and their message profiles, the roles, the
 * stop rules the switch policy is generated from, and the IB codes. Loaded from a JSON file in
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

export interface IbCodeProfile {
  code: string;
  omschrijving: string;
}

export interface MigrationProfile {
  name: string;
  title: string;
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
}

/** The loaded profile and what identifies it in the evidence. */
export interface LoadedProfile {
  profile: MigrationProfile;
  /** Absolute path of the file. */
  path: string;
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
}
