/**
 * TR507 (messages.md): for the same sender, Bsn and BudgetIdentificatie a follow-up 501 may only be
 * sent after the retour on the previous 501 has been received, also across the cutover.
 */
import type { DateTime } from 'luxon';
import type { Finding } from '../finding.js';
import type { EventTrail, ObservedTraffic, Traffic } from '../traffic.js';
import { intentKey } from '../business-content.js';
import type { CheckTable, NotDue } from './check.js';
import { outcome, when } from './check.js';
import { firstPassingMoment } from '../deadlines.js';
import { heenNameOfIntent } from '../business-content.js';
import { heldFrom } from '../../ledger/queries.js';

/**
 * Each toekenning's predecessor (the last earlier trail with the same sender, Bsn and budget,
 * created no later) and the retours delivered per heen, indexed once per traffic: asked per trail
 * by three checks, a scan each was quadratic in a backlog (some 0.4 s of CPU per 1,000 events).
 */
interface Tr507Index { predecessors: Map<EventTrail, EventTrail>; retours: Map<string, Traffic[]> }
const indexes = new WeakMap<ObservedTraffic, Tr507Index>();

function indexOf(traffic: ObservedTraffic): Tr507Index {
  let index = indexes.get(traffic);
  if (index) return index;
  const predecessors = new Map<EventTrail, EventTrail>();
  const earlierByKey = new Map<string, EventTrail[]>();
  for (const trail of traffic.trails) {
    if (trail.event.intent.kind !== 'toekenning') continue;
    const key = intentKey(trail.event.intent);
    const earlier = earlierByKey.get(key) ?? [];
    const previous = [...earlier].reverse().find((t) => t.event.createdAt <= trail.event.createdAt);
    if (previous) predecessors.set(trail, previous);
    earlier.push(trail);
    earlierByKey.set(key, earlier);
  }
  const retours = new Map<string, Traffic[]>();
  for (const d of traffic.deliveries) {
    if (!d.heenRef || !d.entry.identificatieRetour) continue;
    const delivered = retours.get(d.heenRef) ?? [];
    delivered.push(d);
    retours.set(d.heenRef, delivered);
  }
  index = { predecessors, retours };
  indexes.set(traffic, index);
  return index;
}

function predecessor(trail: EventTrail, traffic: ObservedTraffic): EventTrail | undefined {
  return indexOf(traffic).predecessors.get(trail);
}

/**
 * The delivery of the retour on this event's accepted heen to the party; undefined if none.
 * `taken`: only a delivery the party answered 202 (it has received the retour); otherwise any
 * (the switch delivered it: a party that refused a valid retour still owes the follow-up).
 */
function retourReceived(trail: EventTrail, traffic: ObservedTraffic, taken = true): Traffic | undefined {
  const ref = trail.accepted[0]?.heenRef;
  return ref ? indexOf(traffic).retours.get(ref)?.find((d) => d.accepted || !taken) : undefined;
}

/** A follow-up whose predecessor's retour had not arrived by `until` may not go before it. */
export function isTr507Held(trail: EventTrail, traffic: ObservedTraffic, until: DateTime): boolean {
  const previous = predecessor(trail, traffic);
  if (!previous) return false;
  const received = retourReceived(previous, traffic);
  return !received || received.at >= until;
}

/**
 * From when a business event's heen may go as far as TR507 is concerned: its creation, or for a
 * follow-up the delivery of the retour on its predecessor; undefined while that never came.
 */
export function mayGoFrom(trail: EventTrail, traffic: ObservedTraffic): DateTime | undefined {
  const previous = predecessor(trail, traffic);
  if (!previous) return trail.event.createdAt;
  const delivered = retourReceived(previous, traffic, false);
  return delivered && (delivered.at > trail.event.createdAt ? delivered.at : trail.event.createdAt);
}

export const tr507Checks: CheckTable = {
  'ING-3.5': (obs, traffic) => {
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const trail of traffic.trails) {
      const previous = predecessor(trail, traffic);
      if (!previous) continue;
      const received = retourReceived(previous, traffic);
      const first: Traffic | undefined = trail.attempts[0];
      const previousId = previous.accepted[0]?.id ?? previous.event.intentId;
      // Waiting is the duty until the retour arrives; sending falls due once a heen can pass after it.
      const delivered = retourReceived(previous, traffic, false);
      const sendable = delivered && firstPassingMoment(obs, heenNameOfIntent(trail.event.intent), delivered.at);
      if (!first && !sendable) {
        notDue.push({ duty: `follow-up 501 for business event ${trail.event.intentId} sent once the retour on ${previousId} arrived${delivered ? '' : ' (it never arrived in this scenario)'}` });
      } else if (!first) {
        findings.push({
          requirement: 'ING-3.5', category: 'lost',
          expected: `follow-up 501 for business event ${trail.event.intentId} sent once the retour on ${previousId} arrived${delivered ? ` (${when(obs, delivered.at)})` : ''}`,
          happened: 'the follow-up was never submitted',
          messageIds: [previousId],
        });
      // A follow-up made while the party answered the retour's delivery came after the retour.
      } else if (!received || first.entry.seq < heldFrom(received.entry)) {
        findings.push({
          requirement: 'ING-3.5', category: 'timing',
          expected: `follow-up 501 ${first.id} (same Bsn and BudgetIdentificatie) submitted only after the retour on ${previousId} was received${received ? `, at ${when(obs, received.at)}` : ''}`,
          happened: `it was submitted at ${when(obs, first.at)}${received ? '' : ' and the retour on the previous 501 never arrived'}`,
          messageIds: [previousId, first.id],
        });
      }
    }
    return outcome(findings, notDue);
  },
};
