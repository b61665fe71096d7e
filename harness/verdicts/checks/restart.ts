/**
 * TRA-2.3 (runbook 6.1, "het omzetten van de softwaresystemen"): a restart of the party's system
 * in the transition loses nothing. Judged from the restart the world made (observations.restart):
 *   - the party comes back, with its session, calendar and clock (party-protocol.md `POST /restart`);
 *   - everything it listed just before is listed just after, never a step back (a sent message
 *     reported queued again would go twice; an answered heen would lose its retour's codes);
 *   - it goes on as before: what was queued or owed at the restart, and every business event created
 *     after it, is offered to the switch from the go-live, when the scenario saw that moment (a retour
 *     only when the release windows still let its heen's release pass then). Offered, not accepted: whether the
 *     message is right is other duties' question (TRA-2.2, ING-3.x, GEN-0.1).
 * A scenario whose party could not be restarted leaves TRA-2.3 not tested, with the reason.
 */
import { DateTime } from 'luxon';
import type { Finding } from '../finding.js';
import type { Observations, RestartObservation } from '../observations.js';
import type { IncomingEntry, OutgoingEntry, OutgoingStatus, PartyState } from '../../protocol/party-protocol.js';
import type { ObservedTraffic } from '../traffic.js';
import { intentKey } from '../business-content.js';
import { isHeenName, retourNameOf } from '../../messages/catalog.js';
import { firstPassingMoment } from '../deadlines.js';
import type { CheckTable, UntestableTable } from './check.js';
import { outcome, sample, when } from './check.js';

type Restarted = Extract<RestartObservation, { outcome: 'restarted' }>;

export const restartUntestable: UntestableTable = {
  'TRA-2.3': (obs) => {
    if (!obs.restart) return 'the scenario made no restart (a scenario verifying TRA-2.3 must call world.restartParty())';
    return obs.restart.outcome === 'unavailable' ? obs.restart.reason : undefined;
  },
};

export const restartChecks: CheckTable = {
  'TRA-2.3': (obs, traffic) => {
    const restart = obs.restart;
    if (!restart || restart.outcome === 'unavailable') return outcome([]);
    if (restart.outcome === 'did-not-come-back') {
      return outcome([finding('lost', `the party to answer again after its restart at ${when(obs, restart.at)} (${restart.via}), with its session, calendar and clock`,
        restart.failure, idsOf(restart.before, restart.at))]);
    }
    const from = goesOnFrom(obs, restart);
    const last = obs.moments[obs.moments.length - 1];
    // Going on as before can only be seen once the switch lets the queued messages pass.
    const notDue = !last || last < from ? [{ duty: 'what was queued or owed at the restart offered to the switch', dueAt: from }] : [];
    return outcome([...clockFindings(obs, restart), ...keptFindings(obs, restart), ...goesOnFindings(obs, traffic, restart)], notDue);
  },
};

const finding = (category: Finding['category'], expected: string, happened: string, messageIds: string[]): Finding =>
  ({ requirement: 'TRA-2.3', category, expected, happened, messageIds });

/** Something to name when the party listed nothing: the restart itself. */
function idsOf(state: PartyState, at: DateTime): string[] {
  const ids = [...state.outgoing.map(outgoingId), ...state.incoming.map((i) => i.identificatie)];
  return ids.length ? ids : [`restart at ${at.toUTC().toISO()}`];
}

const outgoingId = (o: OutgoingEntry): string => o.identificatie ?? `event ${o.intentId}`;

function clockFindings(obs: Observations, r: Restarted): Finding[] {
  const instant = (s: PartyState): number => DateTime.fromISO(s.now).toMillis();
  if (instant(r.after) === instant(r.before)) return [];
  return [finding('timing', `the party's clock to continue across the restart at ${when(obs, r.at)}: GET /state shows ${r.before.now} before it`,
    `after the restart it shows ${r.after.now}`, idsOf(r.before, r.at))];
}

const RANK: Readonly<Record<OutgoingStatus, number>> = { queued: 0, sent: 1, answered: 2 };

/** One thing a finding lists: what happened to it, and the id it is known by. */
interface Noted { what: string; id: string }

const codes = (o: OutgoingEntry): string => (o.retourCodes.length ? ` (${o.retourCodes.join(',')})` : '');

/** Everything listed before is listed after, never a step back. */
function keptFindings(obs: Observations, r: Restarted): Finding[] {
  const lost: Noted[] = [];
  const back: Noted[] = [];
  const after = new Map(r.after.outgoing.map((o) => [o.intentId, o]));
  for (const o of r.before.outgoing) {
    const now = after.get(o.intentId);
    const id = outgoingId(o);
    if (!now) lost.push({ what: `${o.bericht} of event ${o.intentId} (${o.status})`, id });
    else if (RANK[now.status] < RANK[o.status] || (o.status === 'answered' && codes(now) !== codes(o))) {
      back.push({ what: `${o.bericht} ${id} went from ${o.status}${codes(o)} to ${now.status}${codes(now)}`, id });
    }
  }
  const incoming = new Map(r.after.incoming.map((i) => [incomingKey(i), i]));
  for (const i of r.before.incoming) {
    const now = incoming.get(incomingKey(i));
    const id = i.identificatie;
    if (!now) lost.push({ what: `${i.bericht} ${id} taken into custody (${i.status})`, id });
    else if (now.status !== i.status) back.push({ what: `${i.bericht} ${id} went from ${i.status} to ${now.status}`, id });
    else if (i.retour && (!now.retour || (i.retour.status === 'sent' && now.retour.status !== 'sent'))) {
      back.push({ what: `the retour ${i.retour.identificatie} (${i.retour.status}) on ${i.bericht} ${id} is now ${now.retour ? now.retour.status : 'gone'}`, id: i.retour.identificatie });
    }
  }
  return [
    ...(lost.length ? [finding('lost', `everything the party listed just before its restart at ${when(obs, r.at)} to be listed just after it`,
      `${lost.length} were gone after the restart: ${sample(lost, (n) => n.what)}`, lost.map((n) => n.id))] : []),
    ...(back.length ? [finding('lost', `nothing to fall back across the restart at ${when(obs, r.at)} (a sent message queued again goes twice)`,
      `${back.length} did: ${sample(back, (n) => n.what)}`, back.map((n) => n.id))] : []),
  ];
}

const incomingKey = (i: IncomingEntry): string => `${i.bericht}|${i.identificatie}`;

/**
 * What was queued or owed at the restart is offered again once the switch takes it, from the
 * go-live (a restart in the transition), when the scenario got there. A TR507 follow-up may
 * rightly wait for its predecessor's retour, so it is left to ING-3.5.
 */
const goesOnFrom = (obs: Observations, r: Restarted): DateTime => (r.at < obs.calendar.goLive ? obs.calendar.goLive : r.at);

function goesOnFindings(obs: Observations, traffic: ObservedTraffic, r: Restarted): Finding[] {
  const from = goesOnFrom(obs, r);
  const last = obs.moments[obs.moments.length - 1];
  if (!last || last < from) return [];
  const offeredSince = (t: { at: DateTime }) => t.at >= from;
  const silent: Noted[] = [];
  const followUps = followUpEvents(obs);
  // A heen is tied to its event by content, or else by the Identificatie the party lists for the
  // event: a heen whose content is wrong (GEN-0.1's question) was still offered.
  const lastListed = new Map((obs.snapshots[obs.snapshots.length - 1]?.state.outgoing ?? []).map((o) => [o.intentId, o.identificatie]));
  const offeredIds = new Set(traffic.heenSubmissions.filter(offeredSince).map((h) => h.id));
  const offered = (intentId: string): boolean =>
    !!traffic.trails.find((t) => t.event.intentId === intentId)?.attempts.some(offeredSince) || offeredIds.has(lastListed.get(intentId) ?? '');
  // What the switch had accepted by the restart is owed nowhere, whatever the party listed (a
  // state that says queued is TRA-2.2's finding, state-truth.ts).
  const wentBefore = (intentId: string): boolean =>
    !!traffic.trails.find((t) => t.event.intentId === intentId)?.accepted.some((a) => a.at <= r.at);
  for (const o of r.before.outgoing.filter((x) => x.status === 'queued')) {
    if (!followUps.has(o.intentId) && !wentBefore(o.intentId) && !offered(o.intentId)) silent.push({ what: `${o.bericht} of event ${o.intentId}`, id: outgoingId(o) });
  }
  // New work after the restart goes too: the restarted system does not just replay its backlog.
  const listedBefore = new Set(r.before.outgoing.map((o) => o.intentId));
  for (const trail of traffic.trails.filter((t) => t.event.createdAt >= r.at && !listedBefore.has(t.event.intentId) && !followUps.has(t.event.intentId))) {
    if (!offered(trail.event.intentId)) silent.push({ what: `the heen of event ${trail.event.intentId}, created ${when(obs, trail.event.createdAt)}`, id: `event ${trail.event.intentId}` });
  }
  for (const i of r.before.incoming) {
    // A heen's retour is known by its heen's name and Identificatie (traffic.ts). One its release
    // can no longer pass (a profile without late from-release retours) is owed nowhere after the restart.
    if (!isHeenName(i.bericht) || i.retour?.status === 'sent') continue;
    if (!firstPassingMoment(obs, retourNameOf(i.bericht), from, i.release)) continue;
    const retours = traffic.retoursOn(`${i.bericht}|${i.identificatie}`);
    if (retours.some((x) => x.accepted && x.at <= r.at)) continue;
    if (!retours.some(offeredSince)) {
      silent.push({ what: `the retour on ${i.bericht} ${i.identificatie}`, id: i.retour?.identificatie ?? i.identificatie });
    }
  }
  if (!silent.length) return [];
  return [finding('lost', `what was queued or owed at the restart (${when(obs, r.at)}) offered to the switch again from ${when(obs, from)}, as without a restart`,
    `by ${when(obs, last)} the party had not offered ${silent.length}: ${sample(silent, (n) => n.what)}`, silent.map((n) => n.id))];
}

/** Events that are TR507 follow-ups: an earlier event has the same Bsn and budget. */
function followUpEvents(obs: Observations): Set<string> {
  const seen = new Set<string>();
  const followUps = new Set<string>();
  for (const e of obs.events) {
    const key = intentKey(e.intent);
    if (e.intent.kind === 'toekenning' && seen.has(key)) followUps.add(e.intentId);
    seen.add(key);
  }
  return followUps;
}
