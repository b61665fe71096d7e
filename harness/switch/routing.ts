/**
 * Who sends and who receives a message, read from the fields the switch routes on (messages.md):
 *   501: sender its Afzender (the gemeente or zorgkantoor), addressee the SVB (a 501 has no Ontvanger);
 *   502: sender the SVB, addressee its Afzender: the header is the 501's, copied, so the Afzender
 *        there is the budget provider the retour goes back to;
 *   507: sender the SVB (a 507 has no Afzender), addressee its Ontvanger;
 *   508: sender its Ontvanger (copied from the 507: the provider answering), addressee the SVB.
 * The switch authenticates `sender` against the submitting party's session (switch-core.ts).
 */
import { familyOf, switchOf, wetOf } from '../messages/catalog.js';
import type { Bericht } from '../messages/model.js';
import type { SwitchName } from '../ledger/ledger-entry.js';

export const SVB = 'SVB';

export interface Route {
  switch: SwitchName;
  sender: string;
  addressee: string;
}

export function routeOf(b: Bericht): Route {
  const name = `${b.wet}${b.family}` as const;
  const via = switchOf(wetOf(name));
  const afzender = b.header.afzender ?? '';
  const ontvanger = b.header.ontvanger ?? '';
  switch (familyOf(name)) {
    case '501': return { switch: via, sender: afzender, addressee: SVB };
    case '502': return { switch: via, sender: SVB, addressee: afzender };
    case '507': return { switch: via, sender: SVB, addressee: ontvanger };
    case '508': return { switch: via, sender: ontvanger, addressee: SVB };
  }
}
