/**
 * Whether a retour delivered to the party landed on the right heen (AFS-1.5, ING-3.3, ING-3.6):
 * taken (202), listed as processed and naming its heen by Identificatie, and that heen listed as
 * answered with exactly this retour's header RetourCodes, never another retour's. Correlation is
 * by Identificatie only: order, Bsn or budget may point elsewhere. And the other way round: no
 * heen listed as answered before any retour on it arrived.
 */
import type { DateTime } from 'luxon';
import { ledgerInstant } from '../../clock/ledger-instant.js';
import { heenNameOf } from '../../messages/catalog.js';
import { isRetour, type Release } from '../../messages/model.js';
import type { PartyState } from '../../protocol/party-protocol.js';
import type { Finding } from '../finding.js';
import { stateLagMs, type Observations } from '../observations.js';
import { carriesHeen, type ObservedTraffic, type Traffic } from '../traffic.js';
import { releasesOf, when } from './check.js';

const codeList = (codes: readonly string[]): string => `[${[...codes].sort().join(',')}]`;

/** The RetourCodes in a delivered retour's header, as the switch carried it. */
export function deliveredCodes(obs: Observations, d: Traffic): string[] {
  const bericht = d.bericht ?? obs.messageOf(d.entry.xmlHash);
  return bericht && isRetour(bericht) ? [...bericht.header.retourCodes] : [];
}

/** What is wrong with how `state` shows delivered retour `d`; undefined when it landed right. */
export function landingProblem(obs: Observations, d: Traffic, state: PartyState | undefined): string | undefined {
  if (!state) return 'the suite has no state of the party';
  const heenId = d.entry.identificatie;
  const heenName = d.entry.name ? heenNameOf(d.entry.name) : undefined;
  const listed = state.incoming.find((i) => i.identificatie === d.entry.identificatieRetour && i.bericht === d.entry.name);
  // A retour is in its heen's release: that tells two heen apart should the party have reused an Identificatie.
  const heen = state.outgoing.find((o) => o.identificatie === heenId && o.bericht === heenName && o.release === d.entry.release);
  const want = codeList(deliveredCodes(obs, d));
  const got = heen ? codeList(heen.retourCodes) : '';
  const fine = d.accepted && listed?.status === 'processed' && listed.heen === heenId
    && heen?.status === 'answered' && got === want;
  if (fine) return undefined;
  const delivery = d.accepted ? '' : `the party answered its delivery ${d.entry.status || 'not at all'}; `;
  const retour = listed ? `${listed.status} (heen ${listed.heen ?? 'none'})` : 'absent';
  const onHeen = heen ? `${heen.status} with RetourCodes ${got}` : 'absent';
  return `${delivery}the party lists the retour as ${retour} and its heen ${heenName ?? ''} ${heenId ?? ''} as ${onHeen}, where the retour carries RetourCodes ${want}`;
}

type RetourDuty = 'AFS-1.5' | 'ING-3.3' | 'ING-3.6';

/**
 * Whose duty it is at `at` that the party shows a retour on its heen of `release` truly: AFS-1.5
 * for a from-release heen before the go-live, ING-3.3 for one after it (a late retour), ING-3.6
 * for a to-release heen.
 */
function retourDutyAt(obs: Observations, release: Release, at: DateTime): RetourDuty {
  if (release === releasesOf(obs).to) return 'ING-3.6';
  return at < obs.calendar.goLive ? 'AFS-1.5' : 'ING-3.3';
}

/**
 * Heen the party lists as `answered` at a state the scenario read although no retour on them had
 * been delivered to it by then: a status the party made up (on the switch's 202, say), which
 * would hide a retour that never comes. Only `requirement`'s findings are returned: see
 * retourDutyAt. Any delivery of a retour on the heen counts, whatever the party answered it: this
 * is about a status with nothing behind it, not about how a retour was taken.
 */
export function answeredWithoutRetour(obs: Observations, traffic: ObservedTraffic, requirement: RetourDuty): Finding[] {
  const firstRetour = new Map<string, DateTime>();
  for (const e of obs.entries) {
    if (e.kind !== 'delivery' || !e.name || carriesHeen(e.name) || !e.identificatie) continue;
    const key = `${heenNameOf(e.name)}|${e.identificatie}`;
    const at = ledgerInstant(e.at, obs.calendar.zone);
    const known = firstRetour.get(key);
    if (!known || at < known) firstRetour.set(key, at);
  }
  const trails = new Map(traffic.trails.map((t) => [t.event.intentId, t]));
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const snapshot of obs.snapshots) {
    for (const o of snapshot.state.outgoing) {
      if (o.status !== 'answered' || reported.has(o.intentId) || !o.release) continue;
      if (retourDutyAt(obs, o.release, snapshot.at) !== requirement) continue;
      const arrived = o.identificatie ? firstRetour.get(`${o.bericht}|${o.identificatie}`) : undefined;
      // In a live rehearsal the switch may ledger a delivery just after the party acted on it.
      if (arrived && arrived <= snapshot.at.plus({ milliseconds: stateLagMs(obs) })) continue;
      reported.add(o.intentId);
      const accepted = trails.get(o.intentId)?.accepted[0];
      findings.push({
        requirement, category: 'correlation',
        expected: `the heen ${o.bericht} ${o.identificatie ?? ''} for business event ${o.intentId} listed as answered only once a retour on it has arrived (party-protocol.md, GET /state)`,
        happened: `at ${when(obs, snapshot.at)} the party lists it as answered with RetourCodes ${codeList(o.retourCodes)}, but no retour on it had been delivered${arrived ? ` (the first came ${when(obs, arrived)})` : ''}${accepted ? `; the switch accepted it ${when(obs, accepted.at)}` : ''}`,
        messageIds: [o.identificatie ?? `event ${o.intentId}`],
      });
    }
  }
  return findings;
}
