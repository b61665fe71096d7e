/**
 * Whom the counterparty plays: the SVB opposite a gemeente or zorgkantoor, and opposite an SVB
 * two gemeenten and a zorgkantoor, so an SVB under test also has to route by addressee.
 */
import type { Role, Wet } from '../messages/model.js';
import { SVB } from '../switch/routing.js';

export const COUNTERPARTY_PROVIDERS = { gemeenten: ['0363', '0599'], zorgkantoren: ['5501'] } as const;

export function identitiesOpposite(putRole: Role): string[] {
  return putRole === 'svb' ? [...COUNTERPARTY_PROVIDERS.gemeenten, ...COUNTERPARTY_PROVIDERS.zorgkantoren] : [SVB];
}

/** The provider that sends a 501 of this law when none is named. */
export const defaultProviderFor = (wet: Wet): string =>
  wet === 'WLZ' ? COUNTERPARTY_PROVIDERS.zorgkantoren[0] : COUNTERPARTY_PROVIDERS.gemeenten[0];
