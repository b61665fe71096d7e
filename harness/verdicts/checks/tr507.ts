/**
 * TR507 (messages.md): for the same sender, Bsn and BudgetIdentificatie a follow-up 501 may only be
 * sent after the retour on the previous 501 has been received, also across the cutover.
 */
import type { DateTime } from 'luxon';
import type { Finding } from '../finding.js';
import type { EventTrail, ObservedTraffic, Traffic } from '../traffic.js';
import { intentKey } from '../business-content.js';
import type { CheckTable } from './check.js';
import { when } from './check.js';

function predecessor(trail: EventTrail, traffic: ObservedTraffic): EventTrail | undefined {
  if (trail.event.intent.kind !== 'toekenning') return undefined;
  const key = intentKey(trail.event.intent);
  const earlier = traffic.trails.filter((t) => t !== trail && intentKey(t.event.intent) === key
    && t.event.createdAt <= trail.event.createdAt && traffic.trails.indexOf(t) < traffic.trails.indexOf(trail));
  return earlier[earlier.length - 1];
}

/** The delivery of the retour on this event's accepted heen to the party; undefined if none. */
function retourReceived(trail: EventTrail, traffic: ObservedTraffic): Traffic | undefined {
  const ref = trail.accepted[0]?.heenRef;
  return ref ? traffic.deliveries.find((d) => d.accepted && d.heenRef === ref && d.entry.identificatieRetour) : undefined;
}

/** A follow-up whose predecessor's retour had not arrived by `until` may not go before it. */
export function isTr507Held(trail: EventTrail, traffic: ObservedTraffic, until: DateTime): boolean {
  const previous = predecessor(trail, traffic);
  if (!previous) return false;
  const received = retourReceived(previous, traffic);
  return !received || received.at >= until;
}

export const tr507Checks: CheckTable = {
  'ING-3.5': (obs, traffic) => {
    const findings: Finding[] = [];
    for (const trail of traffic.trails) {
      const previous = predecessor(trail, traffic);
      if (!previous) continue;
      const received = retourReceived(previous, traffic);
      const first: Traffic | undefined = trail.attempts[0];
      const previousId = previous.accepted[0]?.id ?? previous.event.intentId;
      if (!first) {
        findings.push({
          requirement: 'ING-3.5', category: 'lost',
          expected: `follow-up 501 for business event ${trail.event.intentId} sent once the retour on ${previousId} arrived${received ? ` (${when(obs, received.at)})` : ''}`,
          happened: 'the follow-up was never submitted',
          messageIds: [previousId],
        });
      } else if (!received || first.entry.seq < received.entry.seq) {
        findings.push({
          requirement: 'ING-3.5', category: 'timing',
          expected: `follow-up 501 ${first.id} (same Bsn and BudgetIdentificatie) submitted only after the retour on ${previousId} was received${received ? `, at ${when(obs, received.at)}` : ''}`,
          happened: `it was submitted at ${when(obs, first.at)}${received ? '' : ' and the retour on the previous 501 never arrived'}`,
          messageIds: [previousId, first.id],
        });
      }
    }
    return findings;
  },
};
