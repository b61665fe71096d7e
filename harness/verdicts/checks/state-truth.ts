/**
 * What the party reports of its own heen (`GET /state`, party-protocol.md) held against the switch
 * ledger, at every state the scenario read: one outgoing entry per business event it was given,
 * `sent` or `answered` only once the switch accepted a heen of it, and `identificatie` and
 * `release` those of the message as last submitted (null before the first attempt), and no business
 * event listed twice. A party whose
 * state says otherwise reports a message as sent that is not (TRA-2.2), or shows its retour on a
 * message the switch never saw.
 *
 * The same for a retour it owes: not listed `sent` before it offered one on its heen at all. And
 * the other way round: a heen the switch accepted is no longer `queued`, every valid delivery the
 * party took (202) is listed in `incoming` with its release (as processed when the party answers it
 * with an accepting retour, also while that retour waits), and a delivered heen whose retour the
 * switch accepted lists that retour, `sent`, by its IdentificatieRetour. A state that forgets what
 * went or came hides what the party would do twice or never.
 *
 * A state is read once the moment is quiet, and events created and attempts made later at the same
 * moment may follow it: a state at t is held against the events created before t, and "last
 * submitted" is the last attempt before t or any attempt at t.
 */
import type { DateTime } from 'luxon';
import type { Finding } from '../finding.js';
import { stateLagMs, type Observations, type StateSnapshot } from '../observations.js';
import type { IncomingEntry } from '../../protocol/party-protocol.js';
import { carriesHeen, type ObservedTraffic, type Traffic } from '../traffic.js';
import { sample, when } from './check.js';
import { isAccepting, isRetour } from '../../messages/index.js';

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
    // One entry per intent (party-protocol.md): a second row of one intent says two things at once.
    const twice = [...new Set(snapshot.state.outgoing.map((o) => o.intentId).filter((id, i, all) => all.indexOf(id) !== i))];
    if (twice.length) once('outgoing-twice', () => ({
      requirement: 'TRA-2.2', category: 'correlation',
      expected: `GET /state at ${when(obs, snapshot.at)} to list one outgoing entry per business event (party-protocol.md)`,
      happened: `${twice.length} business event(s) are listed more than once: ${sample(twice, (id) => `${id} as ${snapshot.state.outgoing.filter((o) => o.intentId === id).map((o) => o.status).join(' and ')}`)}`,
      messageIds: twice.slice(0, 3).map((id) => `event ${id}`),
    }));
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
    for (const trail of traffic.trails) {
      const entry = entries.get(trail.event.intentId);
      const accepted = trail.accepted.find((a) => a.at < shownBy(obs, snapshot));
      if (entry?.status !== 'queued' || !accepted) continue;
      once(`queued:${trail.event.intentId}`, () => ({
        requirement: 'TRA-2.2', category: 'correlation',
        expected: `the heen for business event ${trail.event.intentId} reported as sent from the switch's acceptance on (${accepted.id} at ${when(obs, accepted.at)})`,
        happened: `at ${when(obs, snapshot.at)} the party still reports it as queued: it no longer knows the message went, and may offer it twice`,
        messageIds: [accepted.id],
      }));
    }
    incomingTruth(obs, traffic, snapshot, once);
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

type Once = (key: string, finding: () => Finding) => void;

/** What a state must show came before this: its own moment, less the lag a live rehearsal allows. */
const shownBy = (obs: Observations, snapshot: StateSnapshot): DateTime => snapshot.at.minus({ milliseconds: stateLagMs(obs) });

/**
 * Deliveries the party took before the state was read, held against its `incoming`. Only what
 * came strictly before the state's moment (deliveries at that moment may follow the state), and
 * in a live rehearsal only what came a few seconds before it (stateLagMs).
 */
function incomingTruth(obs: Observations, traffic: ObservedTraffic, snapshot: StateSnapshot, once: Once): void {
  const listed = new Map<string, IncomingEntry[]>();
  for (const i of snapshot.state.incoming) {
    const key = `${i.bericht}|${i.identificatie}`;
    listed.set(key, [...(listed.get(key) ?? []), i]);
  }
  const taken = traffic.deliveries.filter((d) => d.accepted && d.at < shownBy(obs, snapshot) && d.entry.name && !d.id.startsWith('('));
  const missing = taken.filter((d) => !listed.has(`${d.entry.name}|${d.id}`));
  if (missing.length) once(`incoming-missing:${missing[0]!.id}`, () => ({
    requirement: 'TRA-2.2', category: 'lost',
    expected: `GET /state at ${when(obs, snapshot.at)} to list every message delivered to the party and taken (202) in incoming (party-protocol.md)`,
    happened: `${missing.length} are not listed: ${sample(missing, (d) => `${d.entry.name} ${d.id} (${d.entry.release}, delivered ${when(obs, d.at)})`)}`,
    messageIds: missing.slice(0, 3).map((d) => d.id),
  }));
  for (const d of taken) {
    const candidates = listed.get(`${d.entry.name}|${d.id}`);
    if (!candidates) continue;
    const entry = candidates.find((i) => i.release === d.entry.release);
    const what = `${d.entry.name} ${d.id} (delivered ${when(obs, d.at)} in ${d.entry.release})`;
    if (!entry) {
      once(`incoming-release:${d.id}`, () => ({
        requirement: 'TRA-2.2', category: 'correlation',
        expected: `${what} listed in incoming with its release`,
        happened: `at ${when(obs, snapshot.at)} the party lists it in ${candidates.map((i) => i.release).join(', ')}`,
        messageIds: [d.id],
      }));
      continue;
    }
    if (!carriesHeen(d.entry.name) || !d.heenRef) continue;
    // The party's verdict is its retour's (GEN-0.1 judges whether that verdict is right): a heen it
    // answers, at any time, with an accepting retour is processed, also while that retour waits (a
    // hostile heen sharing its Identificatie may be the rejected one).
    const verdicts = traffic.retoursOn(d.heenRef).map((r) => (r.bericht && isRetour(r.bericht) ? r.bericht.header.retourCodes : undefined));
    const accepts = verdicts.some((codes) => codes !== undefined && isAccepting(codes));
    if (accepts && !candidates.some((i) => i.status === 'processed')) once(`incoming-rejected:${d.heenRef}`, () => ({
      requirement: 'TRA-2.2', category: 'correlation',
      expected: `${what}, which the party answers with an accepting retour, listed in incoming as processed`,
      happened: `at ${when(obs, snapshot.at)} the party lists it as ${entry.status}${entry.retour ? `, its retour ${entry.retour.identificatie} ${entry.retour.status}` : ', with no retour yet'}`,
      messageIds: [d.id],
    }));
    const retours = traffic.retoursOn(d.heenRef).filter((r) => r.accepted && r.at < shownBy(obs, snapshot));
    if (!retours.length) continue;
    const shown = entry.retour;
    const right = shown?.status === 'sent' && retours.some((r) => r.id === shown.identificatie);
    if (!right) once(`incoming-retour:${d.id}`, () => ({
      requirement: 'TRA-2.2', category: 'correlation',
      expected: `the retour on ${what} listed as sent, as ${sample(retours, (r) => r.id)}, from the switch's acceptance on (${when(obs, retours[0]!.at)})`,
      happened: `at ${when(obs, snapshot.at)} the party lists ${shown ? `retour ${shown.identificatie} as ${shown.status}` : 'no retour on it'}`,
      messageIds: [d.id, ...retours.map((r) => r.id)],
    }));
  }
}
