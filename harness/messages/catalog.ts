/**
 * The message table of `messages.md`: names, BerichtCodes, laws, directions, namespaces and
 * code lists. Every other module asks this catalog instead of spelling codes or namespaces.
 */
import type { Family, MessageName, Release, Role, Wet } from './model.js';
import { RELEASES } from './model.js';

/** In the order of the table in messages.md. */
export const MESSAGE_NAMES: readonly MessageName[] = [
  'WMO501', 'WMO502', 'JW501', 'JW502', 'WLZ501', 'WLZ502',
  'WMO507', 'WMO508', 'JW507', 'JW508', 'WLZ507', 'WLZ508',
];

const BERICHT_CODES: Readonly<Record<MessageName, string>> = {
  WMO501: '458', WMO502: '459', JW501: '460', JW502: '461', WLZ501: '462', WLZ502: '463',
  WMO507: '464', WMO508: '465', JW507: '466', JW508: '467', WLZ507: '468', WLZ508: '469',
};

const NAME_BY_CODE: ReadonlyMap<string, MessageName> = new Map(
  MESSAGE_NAMES.map((name) => [BERICHT_CODES[name], name]),
);

export interface ReleaseInfo {
  /** The namespace segment, e.g. `2_3` in `http://www.istandaarden.nl/ipgb/2_3/wmo501/schema`. */
  segment: '2_0' | '2_3';
  versie: '2';
  subversie: '0' | '3';
  /** The value of both BasisschemaXsdVersie and BerichtXsdVersie. */
  xsdVersie: '2.0.2' | '2.3.0';
}

const RELEASE_INFO: Readonly<Record<Release, ReleaseInfo>> = {
  '2.0.2': { segment: '2_0', versie: '2', subversie: '0', xsdVersie: '2.0.2' },
  '2.3': { segment: '2_3', versie: '2', subversie: '3', xsdVersie: '2.3.0' },
};

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

export const berichtCodeOf = (name: MessageName): string => BERICHT_CODES[name];

/** The message a BerichtCode belongs to, or undefined for a code outside the iPgb table. */
export const nameOfBerichtCode = (code: string): MessageName | undefined => NAME_BY_CODE.get(code);

export const wetOf = (name: MessageName): Wet => name.slice(0, -3) as Wet;
export const familyOf = (name: MessageName): Family => name.slice(-3) as Family;
export const messageName = (wet: Wet, family: Family): MessageName => `${wet}${family}`;

export const isHeenName = (name: MessageName): boolean => {
  const family = familyOf(name);
  return family === '501' || family === '507';
};

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

export const releaseInfo = (release: Release): ReleaseInfo => RELEASE_INFO[release];

const BASE = 'http://www.istandaarden.nl/ipgb';

export const namespaceOf = (name: MessageName, release: Release): string =>
  `${BASE}/${RELEASE_INFO[release].segment}/${name.toLowerCase()}/schema`;

export const basisNamespaceOf = (release: Release): string =>
  `${BASE}/${RELEASE_INFO[release].segment}/basisschema/schema`;

const BY_NAMESPACE: ReadonlyMap<string, { name: MessageName; release: Release }> = new Map(
  RELEASES.flatMap((release) =>
    MESSAGE_NAMES.map((name) => [namespaceOf(name, release), { name, release }] as const)),
);

/** The message and release a root namespace stands for, or undefined when it is not an iPgb one. */
export const messageOfNamespace = (ns: string): { name: MessageName; release: Release } | undefined =>
  BY_NAMESPACE.get(ns);

/** Gemeenten reach the SVB through the GGk (BIDN), zorgkantoren through VECOZO. */
export const switchOf = (wet: Wet): 'GGk' | 'VECOZO' => (wet === 'WLZ' ? 'VECOZO' : 'GGk');

/** The party on the other side of the SVB for this law. */
export const providerRoleOf = (wet: Wet): Role => (wet === 'WLZ' ? 'zorgkantoor' : 'gemeente');

/** 501 and 508 come from the gemeente/zorgkantoor; 502 and 507 come from the SVB. */
export function senderRoleOf(name: MessageName): Role {
  const family = familyOf(name);
  return family === '501' || family === '508' ? providerRoleOf(wetOf(name)) : 'svb';
}

export function receiverRoleOf(name: MessageName): Role {
  return senderRoleOf(name) === 'svb' ? providerRoleOf(wetOf(name)) : 'svb';
}
