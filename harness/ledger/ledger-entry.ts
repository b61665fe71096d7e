/**
 * One line of the switch's ledger: the ground truth every verdict is held against. A line is
 * written for every submission (accepted or refused) and for every delivery to the party.
 */
import type { MessageName, Release } from '../messages/model.js';
import type { IbCode } from '../protocol/party-protocol.js';

export type LedgerKind = 'submission' | 'delivery';
/** Who offered the body: the party under test, the simulated counterparty, or the suite itself. */
export type LedgerOrigin = 'put' | 'counterparty' | 'suite';
export type SwitchName = 'GGk' | 'VECOZO';

export interface LedgerEntry {
  seq: number;
  /** Virtual time, ISO UTC with milliseconds: fixed width, so strings compare like instants. */
  at: string;
  kind: LedgerKind;
  origin: LedgerOrigin;
  switch: SwitchName | null;
  name: MessageName | null;
  release: Release | null;
  sender: string | null;
  addressee: string | null;
  /** BerichtIdentificatie/Identificatie; for a retour: the Identificatie of its heen. */
  identificatie: string | null;
  identificatieRetour: string | null;
  dagtekening: string | null;
  xsdValid: boolean | null;
  errors: string[];
  /** HTTP status of the answer; 0 when a delivery got no answer. */
  status: number;
  code: IbCode | null;
  ontvangstId: string | null;
  attempts: number;
  /** sha256 hex of the body bytes; empty when the body was too large to be read in full. */
  xmlHash: string;
  bytes: number;
  /**
   * A delivery only: the seq of the last line written before its last attempt was sent. A party
   * may act on a delivery before it answers it (a retour, a follow-up made inside the request), so
   * what it submitted after this line it submitted holding the body. Absent on a submission.
   */
  sentAfter?: number;
}

export type LedgerDraft = Omit<LedgerEntry, 'seq'>;
