/**
 * Who sends and who receives a message, read from the fields the switch routes on: a 501
 * always goes to the SVB and a 507 always comes from it; a retour travels back along its
 * heen's route, whose header it copies.
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
