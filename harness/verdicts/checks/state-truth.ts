/**
 * What the party reports of its own heen (`GET /state`, party-protocol.md) held against the switch
 * ledger, at every state the scenario read: one outgoing entry per business event it was given,
 * `sent` or `answered` only once the switch accepted a heen of it, and `identificatie` and
 * `release` those of the message as last submitted (null before the first attempt). A party whose
 * state says otherwise reports a message as sent that is not (TRA-2.2), or shows its retour on a
 * message the switch never saw.
 *
 * The same for a retour it owes: not listed `sent` before it offered one on its heen at all.
 *
 * A state is read once the moment is quiet, and events created and attempts made later at the same
 * moment may follow it: a state at t is held against the events created before t, and "last
 * submitted" is the last attempt before t or any attempt at t.
 */
import type { Finding } from '../finding.js';
import type { Observations } from '../observations.js';
import type { ObservedTraffic, Traffic } from '../traffic.js';
import { sample, when } from './check.js';

export function stateTruthFindings(obs: Observations, traffic: ObservedTraffic): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  const once = (key: string, finding: () => Finding): void => {
    if (reported.has(key)) return;
    reported.add(key);
    findings.push(finding());
  };
  for (const snapshot of obs.snapshots) {
    const entries = new Map(snapshot.state.outgoing.map((o) => [o.intentId, o]));
    const missing = traffic.trails.filter((t) => t.event.createdAt < snapshot.at && !entries.has(t.event.intentId));
    if (missing.length) once('missing', () => ({
      requirement: 'TRA-2.2', category: 'lost',
      expected: `GET /state at ${when(obs, snapshot.at)} to list one outgoing entry per business event the party was given (party-protocol.md)`,
      happened: `${missing.length} business event(s) are missing: ${sample(missing, (t) => `${t.event.intentId} (created ${when(obs, t.event.createdAt)})`)}`,
      messageIds: missing.slice(0, 3).map((t) => `event ${t.event.intentId}`),
    }));
    for (const trail of traffic.trails) {
      const entry = entries.get(trail.event.intentId);
      if (!entry) continue;
      const attempts = trail.attempts.filter((a) => a.at <= snapshot.at);
      const label = `the heen for business event ${trail.event.intentId}`;
      if (!attempts.length) {
        if (entry.status !== 'queued') once(`sent:${trail.event.intentId}`, () => ({
          requirement: 'TRA-2.2', category: 'lost',
          expected: `${label} reported as queued until the switch accepts it`,
          happened: `at ${when(obs, snapshot.at)} the party reports it as ${entry.status}, but it never offered it to the switch`,
          messageIds: [entry.identificatie ?? `event ${trail.event.intentId}`],
        }));
        continue;
      }
      const before = attempts.filter((a) => a.at < snapshot.at);
      const latest = [...before.slice(-1), ...attempts.filter((a) => a.at.equals(snapshot.at))];
      if (latest.some((a) => a.id.startsWith('('))) continue; // an unreadable attempt: GEN-0.1's concern
      const asLast = (a: Traffic): boolean => a.id === entry.identificatie && a.entry.release === entry.release;
      const unsubmitted = !before.length && entry.identificatie === null && entry.release === null;
      if (!unsubmitted && !latest.some(asLast)) once(`last:${trail.event.intentId}`, () => ({
        requirement: 'TRA-2.2', category: 'correlation',
        expected: `${label}: GET /state at ${when(obs, snapshot.at)} to give the Identificatie and release of the message as last submitted (${sample(latest, (a) => `${a.id} in ${a.entry.release ?? '?'} at ${when(obs, a.at)}`)})`,
        happened: `it reports ${entry.identificatie ?? 'null'} in ${entry.release ?? 'null'}`,
        messageIds: [...new Set([...latest.map((a) => a.id), ...(entry.identificatie ? [entry.identificatie] : [])])],
      }));
    }
    for (const listed of snapshot.state.incoming) {
      if (listed.heen !== undefined || listed.retour?.status !== 'sent') continue;
      const ref = `${listed.bericht}|${listed.identificatie}`;
      // Attempts that were refused are judged with the refusals (transitie.ts): here, none at all.
      if (traffic.retoursOn(ref).some((r) => r.at <= snapshot.at)) continue;
      once(`retour-sent:${ref}`, () => ({
        requirement: 'TRA-2.2', category: 'lost',
        expected: `the retour ${listed.retour?.identificatie ?? ''} on ${listed.bericht} ${listed.identificatie} reported as queued until the switch accepts it`,
        happened: `at ${when(obs, snapshot.at)} the party reports it as sent, but it never offered a retour on that heen to the switch`,
        messageIds: [listed.identificatie, ...(listed.retour?.identificatie ? [listed.retour.identificatie] : [])],
      }));
    }
  }
  return findings;
}
