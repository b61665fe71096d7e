/**
 * Why a text could not be read as an iPgb message. Each reason maps onto a refusal the
 * party protocol names (400 on delivery), so callers branch on `.reason`, never on the text.
 */
export type MessageReadReason =
  | 'not-well-formed'
  | 'doctype'
  | 'not-utf8'
  | 'not-a-message'
  | 'unknown-namespace'
  | 'namespace-code-mismatch'
  | 'missing-element'
  | 'invalid-value';

export interface MessageReadProblem {
  reason: MessageReadReason;
  /** What failed, e.g. "Cannot read the message". */
  what: string;
  /** Why it failed, with the offending value. */
  why: string;
  /** How to fix it. */
  fix: string;
}

export class MessageReadError extends Error {
  readonly reason: MessageReadReason;
  readonly what: string;
  readonly why: string;
  readonly fix: string;

  constructor(problem: MessageReadProblem) {
    super(`${problem.what}: ${problem.why}. ${problem.fix}`);
    this.name = 'MessageReadError';
    this.reason = problem.reason;
    this.what = problem.what;
    this.why = problem.why;
    this.fix = problem.fix;
  }
}

/** The `what` of every refusal to read a message. */
export const CANNOT_READ = 'Cannot read the message';
