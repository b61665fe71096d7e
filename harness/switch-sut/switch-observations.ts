/**
 * What a switch scenario saw: every submission with the answer due by the policy table and the
 * answer given, and every delivery attempt that reached the suite's parties. The checks judge
 * these and nothing else: the switch's own account of itself is never evidence.
 */
import type { IbCode } from '../protocol/party-protocol.js';
import type { DeliveryAttempt } from './party-mailboxes.js';
import type { Submission } from './switch-messages.js';
import type { SwitchRequirementId } from './switch-requirements.js';

export interface DueAnswer {
  status: number;
  /** null: accepted (202). */
  code: IbCode | null;
}

export interface SubmissionObservation {
  submission: Omit<Submission, 'body'>;
  /** Virtual time of the submission, ISO UTC. */
  at: string;
  /** The body's sha256, to find its deliveries. */
  hash: string;
  /** The requirement whose cell (or hostile case) this submission falls in. */
  requirement: SwitchRequirementId;
  due: DueAnswer;
  /** `shaped`: the body is the protocol's for that status ({ontvangstId, tijdstip} or {code, omschrijving}). */
  got: { status: number; code: string | null; excerpt: string; shaped: boolean };
}

export interface SwitchObservations {
  zone: string;
  submissions: readonly SubmissionObservation[];
  deliveries: readonly DeliveryAttempt[];
}
