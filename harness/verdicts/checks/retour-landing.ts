/**
 * Whether a retour delivered to the party landed on the right heen (AFS-1.5, ING-3.3, ING-3.6):
 * taken (202), listed as processed and naming its heen by Identificatie, and that heen listed as
 * answered with exactly this retour's header RetourCodes, never another retour's. Correlation is
 * by Identificatie only: order, Bsn or budget may point elsewhere.
 */
import { heenNameOf } from '../../messages/catalog.js';
import { isRetour } from '../../messages/model.js';
import type { PartyState } from '../../protocol/party-protocol.js';
import type { Observations } from '../observations.js';
import type { Traffic } from '../traffic.js';

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
