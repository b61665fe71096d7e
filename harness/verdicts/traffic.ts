/**
 * The ledger seen from the party under test: its submissions with their messages, the deliveries
 * made to it, and which business event or delivered heen each submission is about. Built once per
 * scenario; every check reads it.
 */
import type { DateTime } from 'luxon';
import { ledgerInstant } from '../clock/ledger-instant.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import type { Bericht, Heenbericht, MessageName } from '../messages/model.js';
import { isHeen } from '../messages/model.js';
import { heenNameOf, isHeenName } from '../messages/catalog.js';
import type { CreatedEvent, Observations } from './observations.js';
import { heenFingerprint, heenKey, intentFingerprint, intentKey } from './business-content.js';

export interface Traffic {
  entry: LedgerEntry;
  at: DateTime;
  accepted: boolean;
  bericht: Bericht | undefined;
  /** `WMO501|G0363000017`: the heen this message is (a heen) or answers (a retour). */
  heenRef: string | undefined;
  /** The id the message is known by: Identificatie of a heen, IdentificatieRetour of a retour. */
  id: string;
}

export interface EventTrail {
  event: CreatedEvent;
  attempts: Traffic[];
  accepted: Traffic[];
}

export interface ObservedTraffic {
  submissions: Traffic[];
  heenSubmissions: Traffic[];
  retourSubmissions: Traffic[];
  /**
   * Valid messages the switch delivered to the party, whatever the party answered; byte-identical
   * redeliveries and deliberately hostile bodies excluded.
   */
  deliveries: Traffic[];
  trails: EventTrail[];
  /** Heen the party submitted (accepted or not) that carry no business event the suite created. */
  strays: Traffic[];
  retoursOn(heenRef: string): Traffic[];
  deliveryOf(heenRef: string): Traffic | undefined;
  /** A deliberately hostile or unexpected heen the party took (202): its retour still copies it. */
  takenHostileOf(heenRef: string): Traffic | undefined;
}

/** Whether a ledgered message name is a heenbericht (501/507). */
export const carriesHeen = (name: MessageName | null): boolean => !!name && isHeenName(name);

function toTraffic(entry: LedgerEntry, obs: Observations): Traffic {
  const bericht = obs.messageOf(entry.xmlHash);
  const heen = carriesHeen(entry.name);
  const heenName = entry.name ? (heen ? entry.name : heenNameOf(entry.name)) : undefined;
  return {
    entry,
    at: ledgerInstant(entry.at, obs.calendar.zone),
    // A submission the switch accepted; a delivery the party took into custody.
    accepted: entry.status === 202,
    bericht,
    heenRef: heenName && entry.identificatie ? `${heenName}|${entry.identificatie}` : undefined,
    id: (heen ? entry.identificatie : entry.identificatieRetour) ?? `(${entry.xmlHash.slice(0, 8)})`,
  };
}

/** For a message the switch delivered but the party did not take: how the party answered. */
export function refusedByParty(delivery: Traffic): string {
  return delivery.accepted ? '' : ` (the party answered its delivery ${delivery.entry.status || 'not at all'})`;
}

export function observedTraffic(obs: Observations): ObservedTraffic {
  const hostile = new Set(obs.hostile.map((h) => h.xmlHash));
  const submissions = obs.entries.filter((e) => e.kind === 'submission' && e.origin === 'put').map((e) => toTraffic(e, obs));
  const seen = new Set<string>();
  const deliveries = obs.entries
    .filter((e) => e.kind === 'delivery' && !hostile.has(e.xmlHash))
    .filter((e) => (seen.has(e.xmlHash) ? false : (seen.add(e.xmlHash), true)))
    .map((e) => toTraffic(e, obs));
  const heenSubmissions = submissions.filter((s) => carriesHeen(s.entry.name));
  const retourSubmissions = submissions.filter((s) => !carriesHeen(s.entry.name) && s.entry.name);

  const { trails, strays } = matchEvents(obs.events, heenSubmissions);
  const retours = new Map<string, Traffic[]>();
  for (const r of retourSubmissions) {
    if (!r.heenRef) continue;
    retours.set(r.heenRef, [...(retours.get(r.heenRef) ?? []), r]);
  }
  const byRef = new Map(deliveries.filter((d) => d.heenRef).map((d) => [d.heenRef as string, d]));
  const takenHostile = new Map(obs.entries
    .filter((e) => e.kind === 'delivery' && e.status === 202 && hostile.has(e.xmlHash) && carriesHeen(e.name))
    .map((e) => toTraffic(e, obs)).filter((t) => t.heenRef).map((t) => [t.heenRef as string, t]));
  return {
    submissions, heenSubmissions, retourSubmissions, deliveries, trails, strays,
    retoursOn: (ref) => retours.get(ref) ?? [],
    deliveryOf: (ref) => byRef.get(ref),
    takenHostileOf: (ref) => takenHostile.get(ref),
  };
}

/**
 * Which submission carries which business event. Events with the same Bsn and budget (a TR507
 * follow-up) are told apart by their full content; a message whose content matches no event
 * (altered by the party) goes to the oldest event of its key that has no accepted message yet.
 */
function matchEvents(events: readonly CreatedEvent[], heen: Traffic[]): { trails: EventTrail[]; strays: Traffic[] } {
  const trails = events.map((event) => ({ event, attempts: [] as Traffic[], accepted: [] as Traffic[] }));
  const byKey = new Map<string, EventTrail[]>();
  for (const t of trails) {
    const key = intentKey(t.event.intent);
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  const strays: Traffic[] = [];
  for (const s of heen) {
    const msg = s.bericht && isHeen(s.bericht) ? (s.bericht as Heenbericht) : undefined;
    const sameKey = msg ? (byKey.get(heenKey(msg)) ?? []).filter((t) => t.event.createdAt <= s.at) : [];
    const fp = msg ? heenFingerprint(msg) : '';
    const trail = sameKey.find((t) => intentFingerprint(t.event.intent) === fp)
      ?? sameKey.find((t) => t.accepted.length === 0)
      ?? sameKey[sameKey.length - 1];
    if (!trail) { strays.push(s); continue; }
    trail.attempts.push(s);
    if (s.accepted) trail.accepted.push(s);
  }
  return { trails, strays };
}
