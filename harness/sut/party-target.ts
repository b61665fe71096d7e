/** Which party to test, as the conformance CLI hands it to the suites (CONFORMANCE_TARGET). */
import type { Role } from '../messages/model.js';

interface TargetBase { role: Role; identity: string; token?: string }

export type PartyTarget = TargetBase & (
  | { kind: 'embedded' }
  | { kind: 'endpoint'; url: string }
  | { kind: 'image'; image: string }
);

/** Identities of the reference party when nobody names one. */
export const DEFAULT_IDENTITY: Readonly<Record<Role, string>> = { gemeente: '0363', zorgkantoor: '5501', svb: 'SVB' };
