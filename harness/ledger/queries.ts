/**
 * Questions the verdicts ask of the ledger. Pure functions over entries, so a verdict can be
 * computed again from a saved entries.jsonl. Times are compared as the ledger's fixed-width
 * UTC strings, which order exactly like the instants they denote.
 */
import type { DateTime } from 'luxon';
import { isoUtc } from '../clock/moment-text.js';
import { familyOf, heenNameOf, isHeenName, retourNameOf } from '../messages/catalog.js';
import type { Family, MessageName } from '../messages/model.js';
import type { IbCode } from '../protocol/party-protocol.js';
import type { LedgerEntry, LedgerOrigin } from './ledger-entry.js';

export interface SubmissionFilter {
  origin?: LedgerOrigin;
  sender?: string;
  addressee?: string;
  names?: readonly MessageName[];
  families?: readonly Family[];
  /** Only entries strictly before this moment. */
  before?: DateTime;
  /** Only entries at or after this moment. */
  from?: DateTime;
}

export interface RefusalFilter extends SubmissionFilter {
  codes?: readonly IbCode[];
}

/** The ledger's form of a moment: ISO UTC with milliseconds. */
export const ledgerTime = isoUtc;

export const isAccepted = (e: LedgerEntry): boolean => e.kind === 'submission' && e.status === 202;

export function acceptedSubmissions(entries: readonly LedgerEntry[], filter: SubmissionFilter = {}): LedgerEntry[] {
  const keep = matcher(filter);
  return entries.filter((e) => isAccepted(e) && keep(e));
}

export function refusedSubmissions(entries: readonly LedgerEntry[], filter: RefusalFilter = {}): LedgerEntry[] {
  const keep = matcher(filter);
  return entries.filter(
    (e) => e.kind === 'submission' && e.status !== 202 && keep(e) && (!filter.codes || (e.code !== null && filter.codes.includes(e.code))),
  );
}

/**
 * Accepted retours answering the heen `heenName` with this Identificatie. Identificatie is only
 * unique per sender, so pass the heen's sender to tell two senders' heen apart (a retour goes
 * back to its heen's sender, so that is the retour's addressee).
 */
export function retoursAccepted(
  entries: readonly LedgerEntry[],
  heenName: MessageName,
  identificatie: string,
  heenSender?: string,
): LedgerEntry[] {
  const retourName = retourNameOf(heenName);
  return entries.filter(
    (e) => isAccepted(e) && e.name === retourName && e.identificatie === identificatie &&
      (heenSender === undefined || e.addressee === heenSender),
  );
}

export interface Duplicate {
  /** What was duplicated, e.g. `WMO501 from 0363 with Identificatie G1` or `answer to WMO501 G1 of 0363`. */
  key: string;
  entries: LedgerEntry[];
}

/**
 * GEN-0.2: the same heen (name, sender, Identificatie) accepted more than once, or the same heen
 * answered by more than one accepted retour.
 */
export function duplicateAccepted(entries: readonly LedgerEntry[]): Duplicate[] {
  const groups = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    if (!isAccepted(e) || e.name === null || e.identificatie === null) continue;
    const key = isHeenName(e.name)
      ? `${e.name} from ${e.sender} with Identificatie ${e.identificatie}`
      : `answer to ${heenNameOf(e.name)} ${e.identificatie} of ${e.addressee}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return [...groups].filter(([, group]) => group.length > 1).map(([key, group]) => ({ key, entries: group }));
}

/**
 * TR056: an identifier (a heen's Identificatie, a retour's IdentificatieRetour) used by one
 * sender for two different accepted messages of the same name, across both releases.
 */
export function identifierReuse(entries: readonly LedgerEntry[]): Duplicate[] {
  const groups = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    if (!isAccepted(e) || e.name === null) continue;
    const id = isHeenName(e.name) ? e.identificatie : e.identificatieRetour;
    if (id === null) continue;
    const key = `${e.name} identifier ${id} of ${e.sender}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return [...groups]
    .filter(([, group]) => new Set(group.map((e) => e.xmlHash)).size > 1)
    .map(([key, group]) => ({ key, entries: group }));
}

export interface DeliveryFilter {
  names?: readonly MessageName[];
  /** true: only deliveries the party took (2xx); false: only failed or refused ones. */
  delivered?: boolean;
  before?: DateTime;
  from?: DateTime;
}

export function deliveriesTo(entries: readonly LedgerEntry[], addressee: string, filter: DeliveryFilter = {}): LedgerEntry[] {
  const keep = matcher(filter);
  return entries.filter(
    (e) => e.kind === 'delivery' && e.addressee === addressee && keep(e) &&
      (filter.delivered === undefined || (e.status >= 200 && e.status < 300) === filter.delivered),
  );
}

/** The first accepted submission of exactly this body. */
export function firstAcceptance(entries: readonly LedgerEntry[], hash: string): LedgerEntry | undefined {
  return entries.find((e) => isAccepted(e) && e.xmlHash === hash);
}

function matcher(filter: SubmissionFilter): (e: LedgerEntry) => boolean {
  const before = filter.before ? ledgerTime(filter.before) : null;
  const from = filter.from ? ledgerTime(filter.from) : null;
  return (e) =>
    (filter.origin === undefined || e.origin === filter.origin) &&
    (filter.sender === undefined || e.sender === filter.sender) &&
    (filter.addressee === undefined || e.addressee === filter.addressee) &&
    (filter.names === undefined || (e.name !== null && filter.names.includes(e.name))) &&
    (filter.families === undefined || (e.name !== null && filter.families.includes(familyOf(e.name)))) &&
    (before === null || e.at < before) &&
    (from === null || e.at >= from);
}
