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
 * answered by more than one accepted retour. `entries` is read twice (an array, or a ledger's
 * scan): first to count each key, then to gather the entries of the keys met twice, so a
 * national ledger is never held as groups of entries.
 */
export function duplicateAccepted(entries: Iterable<LedgerEntry>): Duplicate[] {
  return groupsMetTwice(entries, (e) => {
    if (!isAccepted(e) || e.name === null || e.identificatie === null) return undefined;
    return isHeenName(e.name)
      ? `${e.name} from ${e.sender} with Identificatie ${e.identificatie}`
      : `answer to ${heenNameOf(e.name)} ${e.identificatie} of ${e.addressee}`;
  }, () => true);
}

/**
 * TR056: an identifier (a heen's Identificatie, a retour's IdentificatieRetour) used by one
 * sender for two different accepted messages of the same name, across both releases. Read twice,
 * as duplicateAccepted.
 */
export function identifierReuse(entries: Iterable<LedgerEntry>): Duplicate[] {
  return groupsMetTwice(entries, (e) => {
    if (!isAccepted(e) || e.name === null) return undefined;
    const id = isHeenName(e.name) ? e.identificatie : e.identificatieRetour;
    return id === null ? undefined : `${e.name} identifier ${id} of ${e.sender}`;
  }, (group) => new Set(group.map((e) => e.xmlHash)).size > 1);
}

/** The groups of entries sharing a key that more than one entry has and `keep` accepts, in first-seen order. */
function groupsMetTwice(
  entries: Iterable<LedgerEntry>, keyOf: (e: LedgerEntry) => string | undefined, keep: (group: LedgerEntry[]) => boolean,
): Duplicate[] {
  const seen = new Set<string>();
  const groups = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    const key = keyOf(e);
    if (key === undefined) continue;
    if (seen.has(key)) groups.set(key, []);
    else seen.add(key);
  }
  if (groups.size === 0) return [];
  // Keys in the order first seen, as the groups were listed before.
  const order = [...seen].filter((key) => groups.has(key));
  seen.clear();
  for (const e of entries) {
    const key = keyOf(e);
    if (key !== undefined) groups.get(key)?.push(e);
  }
  return order.map((key) => ({ key, entries: groups.get(key) as LedgerEntry[] })).filter((d) => keep(d.entries));
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

/**
 * The first seq the party may have written holding this delivery's body: from just after the
 * line before its last attempt went out (a party may submit while it answers the request), or
 * for a ledger line without `sentAfter` from the delivery's own line.
 */
export function heldFrom(delivery: LedgerEntry): number {
  return delivery.sentAfter === undefined ? delivery.seq : delivery.sentAfter + 1;
}
