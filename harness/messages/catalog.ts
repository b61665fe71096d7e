/**
 * The message table of `messages.md`: names, BerichtCodes, laws, directions, namespaces and
 * code lists, read from the run's migration profile (names, codes, directions, releases and
 * namespaces are profile data). Every other module asks this catalog instead of spelling them.
 */
import type { Family, MessageName, Release, Role, Wet } from './model.js';
import type { MigrationProfile, ProfileMessage } from '../profile/migration-profile.js';
import { profileReleases, releaseOf } from '../profile/profile-messages.js';
import { runProfile } from '../profile/run-profile.js';

interface Tables {
  names: readonly MessageName[];
  codes: ReadonlyMap<MessageName, string>;
  nameByCode: ReadonlyMap<string, MessageName>;
  messages: ReadonlyMap<MessageName, ProfileMessage>;
  releases: readonly Release[];
  info: ReadonlyMap<Release, ReleaseInfo>;
  byNamespace: ReadonlyMap<string, { name: MessageName; release: Release }>;
  /** Namespace by `release name`. */
  namespaces: ReadonlyMap<string, string>;
  profile: MigrationProfile;
}

export interface ReleaseInfo {
  /** The namespace segment, e.g. `2_3` in `http://www.istandaarden.nl/ipgb/2_3/wmo501/schema`. */
  segment: string;
  versie: string;
  subversie: string;
  /** The value of both BasisschemaXsdVersie and BerichtXsdVersie. */
  xsdVersie: string;
}

/** Built once per process from the run's profile (run-profile.ts), on first use: every message goes through them. */
let tables: Tables | undefined;

function buildTables(profile: MigrationProfile): Tables {
  const names = profile.messages.map((m) => m.name as MessageName);
  const releases = profileReleases(profile).map((r) => r.id);
  const info = new Map(profileReleases(profile).map((r) => [r.id, {
    segment: r.namespaceSegment, versie: r.berichtVersie, subversie: r.berichtSubversie, xsdVersie: r.xsdVersie,
  }]));
  const ns = (name: MessageName, release: Release): string =>
    profile.namespaces.message.replace('{segment}', info.get(release)!.segment).replace('{name}', name.toLowerCase());
  return {
    names,
    codes: new Map(profile.messages.map((m) => [m.name as MessageName, m.berichtCode])),
    nameByCode: new Map(profile.messages.map((m) => [m.berichtCode, m.name as MessageName])),
    messages: new Map(profile.messages.map((m) => [m.name as MessageName, m])),
    releases,
    info,
    byNamespace: new Map(releases.flatMap((release) => names.map((name) => [ns(name, release), { name, release }] as const))),
    namespaces: new Map(releases.flatMap((release) => names.map((name) => [`${release} ${name}`, ns(name, release)] as const))),
    profile,
  };
}

const t = (): Tables => (tables ??= buildTables(runProfile()));

/** The run's migration profile, as the catalog read it. */
export const catalogProfile = (): MigrationProfile => t().profile;

/** The message names of the profile, in the order of its table (messages.md's). */
export const messageNames = (): readonly MessageName[] => t().names;

/** The profile's two releases, `from` first. */
export const releases = (): readonly Release[] => t().releases;

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));

/** Zorgfunctie code list per law. */
export const ZORGFUNCTIES: Readonly<Record<Wet, readonly string[]>> = {
  WMO: [...range(1, 18), '99'],
  JW: [...range(31, 38), ...range(40, 55), '99'],
  WLZ: ['99'],
};

export const RETOUR_CODES = ['0001', '0200', '0233', '9056', '9507'] as const;
export type RetourCode = (typeof RETOUR_CODES)[number];

export const berichtCodeOf = (name: MessageName): string => t().codes.get(name) ?? '';

/** The message a BerichtCode belongs to, or undefined for a code outside the iPgb table. */
export const nameOfBerichtCode = (code: string): MessageName | undefined => t().nameByCode.get(code);

export const wetOf = (name: MessageName): Wet => name.slice(0, -3) as Wet;
export const familyOf = (name: MessageName): Family => name.slice(-3) as Family;
export const messageName = (wet: Wet, family: Family): MessageName => `${wet}${family}`;

export const isHeenName = (name: MessageName): boolean => t().messages.get(name)?.answers === undefined;

/** WMO501 -> WMO502, JW507 -> JW508. */
export function retourNameOf(heenName: MessageName): MessageName {
  if (!isHeenName(heenName)) {
    throw new Error(`No retour name for ${heenName}: it is itself a retourbericht. Pass a 501 or 507 name.`);
  }
  return messageName(wetOf(heenName), familyOf(heenName) === '501' ? '502' : '508');
}

/** WMO502 -> WMO501, JW508 -> JW507. */
export function heenNameOf(retourName: MessageName): MessageName {
  if (isHeenName(retourName)) {
    throw new Error(`No heen name for ${retourName}: it is itself a heenbericht. Pass a 502 or 508 name.`);
  }
  return messageName(wetOf(retourName), familyOf(retourName) === '502' ? '501' : '507');
}

export function releaseInfo(release: Release): ReleaseInfo {
  const info = t().info.get(release);
  if (!info) {
    throw new Error(`Release ${release} is not in migration profile ${t().profile.name}. Fix: use one of ${t().releases.join(', ')}.`);
  }
  return info;
}

/** Every XsdVersie value a message of this release may carry. */
export const acceptedXsdVersiesOf = (release: Release): readonly string[] => releaseOf(t().profile, release).acceptedXsdVersies;

/** A namespace segment no release of the profile uses: for a message that must be refused as unknown. */
export function unknownNamespaceSegment(): string {
  const used = new Set(t().releases.map((r) => releaseInfo(r).segment));
  let segment = '99_99';
  while (used.has(segment)) segment = `9${segment}`;
  return segment;
}

/** The subfolder of a schema set that holds this release's XSDs. */
export const xsdFolderOf = (release: Release): string => releaseOf(t().profile, release).xsdFolder;

export const namespaceOf = (name: MessageName, release: Release): string =>
  t().namespaces.get(`${release} ${name}`) ??
    t().profile.namespaces.message.replace('{segment}', releaseInfo(release).segment).replace('{name}', name.toLowerCase());

export const basisNamespaceOf = (release: Release): string =>
  t().profile.namespaces.basisschema.replace('{segment}', releaseInfo(release).segment);

/** The message and release a root namespace stands for, or undefined when it is not an iPgb one. */
export const messageOfNamespace = (ns: string): { name: MessageName; release: Release } | undefined =>
  t().byNamespace.get(ns);

/** Gemeenten reach the SVB through the GGk (BIDN), zorgkantoren through VECOZO. */
export const switchOf = (wet: Wet): 'GGk' | 'VECOZO' => (wet === 'WLZ' ? 'VECOZO' : 'GGk');

/** The party on the other side of the SVB for this law. */
export const providerRoleOf = (wet: Wet): Role => (wet === 'WLZ' ? 'zorgkantoor' : 'gemeente');

/** Who sends and who receives each message is profile data (501 and 508 from the budget provider in iPgb). */
export const senderRoleOf = (name: MessageName): Role => profileMessage(name).sender;

export const receiverRoleOf = (name: MessageName): Role => profileMessage(name).receiver;

function profileMessage(name: MessageName): ProfileMessage {
  const m = t().messages.get(name);
  if (!m) throw new Error(`Message ${name} is not in migration profile ${t().profile.name}. Fix: use one of ${t().names.join(', ')}.`);
  return m;
}
