/**
 * What a switch knows about the parties on it: which identities exist (an addressee must be one),
 * and who is behind each connection. A real switch authenticates its sender (GGk and VECOZO by the
 * connection's certificate); the simulated one knows it from the sessions it serves: the party
 * under test's identity from its `POST /session`, the counterparty's from whom it plays.
 */
import type { LedgerOrigin } from '../ledger/ledger-entry.js';

export type SubmissionOrigin = Extract<LedgerOrigin, 'put' | 'counterparty'>;

export interface Directory {
  isKnown(identity: string): boolean;
  /** Whether the party submitting through `origin` is `identity`, so may send as it. */
  actsAs(origin: SubmissionOrigin, identity: string): boolean;
}

/** A directory from each connection's identities; a party is known when some connection is it. */
export function sessionDirectory(sessions: Readonly<Record<SubmissionOrigin, (identity: string) => boolean>>): Directory {
  return {
    isKnown: (identity) => sessions.put(identity) || sessions.counterparty(identity),
    actsAs: (origin, identity) => sessions[origin](identity),
  };
}

/** The same from fixed lists, for tests and tools. */
export const directoryOf = (sessions: Readonly<Record<SubmissionOrigin, readonly string[]>>): Directory =>
  sessionDirectory({ put: (id) => sessions.put.includes(id), counterparty: (id) => sessions.counterparty.includes(id) });
