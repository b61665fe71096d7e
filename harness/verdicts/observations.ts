/**
 * What the suite observed during one scenario: the switch ledger (the truth), the business events
 * it created at the party, the moments it visited, the party's state at each of them, and the
 * deliveries it made on purpose to test robustness. The checks judge only this.
 */
import type { DateTime } from 'luxon';
import type { Calendar } from '../clock/calendar.js';
import type { MigrationProfile } from '../profile/migration-profile.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import type { Bericht, MessageName, Role } from '../messages/model.js';
import type { Intent, PartyState } from '../protocol/party-protocol.js';
import type { UnplannedBlock } from '../switch/unplanned-block.js';

export interface CreatedEvent {
  intentId: string;
  intent: Intent;
  createdAt: DateTime;
}

export interface StateSnapshot {
  at: DateTime;
  state: PartyState;
}

/** How a deliberately hostile or unexpected delivery may be answered (GEN-0.3). */
export type HostileExpectation =
  /** 400 only (or 413 for an oversized body). */
  | 'refuse'
  /** 400, or 202 with a rejecting retour. */
  | 'refuse-or-reject'
  /** 400, or 202 and answered with a retour like any valid heen (a byte-order mark). */
  | 'answer-or-refuse'
  /** 400, or 202 and listed as rejected (a retour that answers no heen of the party's). */
  | 'list-rejected-or-refuse'
  /** 400, or 202 with the heen it names still showing the codes of its first retour (a second retour on it). */
  | 'keep-first-answer-or-refuse';

export interface HostileDelivery {
  label: string;
  at: DateTime;
  expectation: HostileExpectation;
  /** HTTP status the party answered; 0 when it did not answer. */
  status: number;
  xmlHash: string;
  /** The Identificatie (of a heen) or IdentificatieRetour (of a retour) the body carries. */
  identificatie: string;
  /** For `keep-first-answer-or-refuse`: the party's heen the body names, and the codes it showed before. */
  answered?: { name: MessageName; identificatie: string; retourCodes: readonly string[] };
}

export interface Redelivery {
  at: DateTime;
  /**
   * The first ledger seq of the party holding the redelivered body (`heldFrom`): what it submitted
   * before that came before the redelivery, the rest (also inside the request) after it.
   */
  heldFrom: number;
  xmlHash: string;
  status: number;
  before: PartyState;
  after: PartyState;
}

/**
 * The restart of TRA-2.3 as the world made it: the party's state just before and just after (at
 * the same moment), or why it could not be made or the party did not come back.
 */
export type RestartObservation =
  | { outcome: 'unavailable'; reason: string }
  | { outcome: 'restarted'; at: DateTime; via: string; before: PartyState; after: PartyState }
  | { outcome: 'did-not-come-back'; at: DateTime; via: string; before: PartyState; failure: string };

/** A moment that never settled: what happened, and the party's messages of its last round. */
export interface EndlessExchange { happened: string; messageIds: string[] }

export interface Observations {
  role: Role;
  identity: string;
  calendar: Calendar;
  /** The migration the scenario ran: its releases and the stop moment of each message (profile/release-windows.ts). */
  profile: MigrationProfile;
  entries: readonly LedgerEntry[];
  /** The parsed message of a ledgered body (undefined when it is not a readable message). */
  messageOf(xmlHash: string): Bericht | undefined;
  /** The text of a ledgered body as it arrived (a byte-order mark kept); undefined when not kept. */
  bodyOf(xmlHash: string): string | undefined;
  events: readonly CreatedEvent[];
  moments: readonly DateTime[];
  snapshots: readonly StateSnapshot[];
  blocks: readonly UnplannedBlock[];
  hostile: readonly HostileDelivery[];
  redeliveries: readonly Redelivery[];
  /** Set when the party stopped answering its control plane after a hostile delivery. */
  stoppedAnswering?: string;
  /** Set when a moment never settled: each round of /clock and deliveries brought new messages. */
  endlessExchange?: EndlessExchange;
  /** Set when the scenario restarted the party (or tried to). */
  restart?: RestartObservation;
  /**
   * Set for a live rehearsal: the party acted on the wall clock, in the background, so a state it
   * gave may lag the switch's answers of the last moments before it (see stateLag).
   */
  live?: true;
}

/**
 * How far a state may lag the switch's ledger: nothing when the suite moved the clock (a state is
 * read after `/clock` answered, with all work due done), a few seconds in a live rehearsal, where
 * a 202 may still be on its way to the party when the suite reads its state.
 */
export const stateLagMs = (obs: Observations): number => (obs.live ? 5_000 : 0);
