/**
 * Names for the codes a dossier shows, so a reader sees "Amsterdam", not only "0363". Small on
 * purpose: the gemeentecodes are CBS's public codes (Gemeentelijke indeling, CBS) for the codes
 * the suite and its examples use. Zorgkantoorcodes (55xx) are left out: no public list could be
 * checked here, and a wrong name is worse than none; a code without a name shows as the code.
 */
import type { Role } from '../messages/model.js';

export const GEMEENTEN: Readonly<Record<string, string>> = {
  '0014': 'Groningen',
  '0200': 'Apeldoorn',
  '0344': 'Utrecht',
  '0363': 'Amsterdam',
  '0518': "'s-Gravenhage",
  '0599': 'Rotterdam',
};

export const ZORGKANTOREN: Readonly<Record<string, string>> = {};

/** "Amsterdam" for gemeente 0363, undefined when the list does not know the code. */
export function partyName(role: Role, identity: string): string | undefined {
  if (role === 'svb') return 'Sociale Verzekeringsbank';
  return (role === 'gemeente' ? GEMEENTEN : ZORGKANTOREN)[identity];
}
