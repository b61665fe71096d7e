/**
 * The one error the suite raises about a party under test. `kind` lets the CLI tell a run that
 * could not be done (unreachable; unauthorized: the token is missing or wrong; aborted: the
 * scenario's deadline passed and the suite stopped calling) from a party that misbehaves
 * (timeout, protocol).
 */
export type PartyErrorKind = 'unreachable' | 'unauthorized' | 'timeout' | 'protocol' | 'aborted';

export interface PartyErrorDetails {
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** The answer's body as text, when there was one: the evidence for a protocol error. */
  body?: string;
}

export class PartyError extends Error {
  override readonly name = 'PartyError';
  readonly status: number | undefined;
  readonly body: string | undefined;

  constructor(readonly kind: PartyErrorKind, message: string, details: PartyErrorDetails = {}) {
    super(message);
    this.status = details.status;
    this.body = details.body;
  }
}

/** "10 s" or "250 ms": how long the suite waited, as a person reads it. */
export function formatWait(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
