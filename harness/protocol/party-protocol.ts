/**
 * Party protocol v1 (`../shared/spec/party-protocol.md`): the JSON bodies of the control plane.
 * Shared by the control-plane client, the reference party and the OpenAPI contract test.
 */
import type { MessageName, Release, Role, Wet } from './vocabulary.js';

export const CONTROL_BASE = '/conformance/v1';

/** ISO-8601 with an explicit offset (`Z` or `+hh:mm`). */
export type IsoInstant = string;
export type IsoDate = string;

export interface CalendarJson {
  zone?: string;
  heenStop: IsoInstant;
  retourStop: IsoInstant;
  goLive: IsoInstant;
}

export interface SessionRequest {
  sessionId: string;
  role: Role;
  /** gemeentecode, zorgkantoorcode, or "SVB". */
  identity: string;
  switchUrl: string;
  calendar: CalendarJson;
  now: IsoInstant;
  /**
   * `"live"`: a live rehearsal (`--live`). The party acts on its own wall clock and the suite never
   * calls `/clock`. Absent (or `"virtual"`): the suite moves the party's clock. A v1.1 party that
   * ignores the field is driven virtually as before; in a live run it would wait for a `/clock`
   * that never comes, and fails the duties it then misses.
   */
  clock?: 'live' | 'virtual';
}

export interface ClockRequest { now: IsoInstant }
export interface ClockResponse { now: IsoInstant }

export interface PeriodJson { start: IsoDate; end?: IsoDate | null }

export interface FunctionJson {
  code: string;
  amount: number;
  freeAmount?: number;
  period?: PeriodJson;
}

export interface ToekenningIntent {
  kind: 'toekenning';
  wet: Wet;
  bsn: string;
  budget: {
    id: string;
    previousId?: string | null;
    issued: IsoDate;
    period: PeriodJson;
    functions: FunctionJson[];
  };
}

export interface SpentJson {
  budgetId: string;
  code: string;
  period: PeriodJson;
  amount: number;
  reason: '1' | '2' | '3';
}

export interface BudgetafsluitingIntent {
  kind: 'budgetafsluiting';
  wet: Wet;
  /** gemeentecode or zorgkantoorcode of the budget provider. */
  recipient: string;
  bsn: string;
  spent: SpentJson[];
}

export type Intent = ToekenningIntent | BudgetafsluitingIntent;
export interface IntentCreated { intentId: string }

export type OutgoingStatus = 'queued' | 'sent' | 'answered';

export interface OutgoingEntry {
  intentId: string;
  bericht: MessageName;
  release: Release | null;
  identificatie: string | null;
  status: OutgoingStatus;
  retourCodes: string[];
}

export interface IncomingEntry {
  bericht: MessageName;
  release: Release;
  /** Identificatie of a heen; IdentificatieRetour of a retour. */
  identificatie: string;
  /** For a retour: the Identificatie of the heen it answers. */
  heen?: string;
  status: 'processed' | 'rejected';
  retour: { identificatie: string; status: 'queued' | 'sent' } | null;
}

export interface PartyState {
  now: IsoInstant;
  outgoing: OutgoingEntry[];
  incoming: IncomingEntry[];
}

/** Switch answer bodies on the message plane. */
/** `GET /about` (v1.1): every field optional; capability `restart` means `POST /restart` is served. */
export interface About { vendor?: string; product?: string; version?: string; capabilities?: string[] }

export interface SwitchAccepted { ontvangstId: string; tijdstip: IsoInstant }
export type IbCode = 'IB001' | 'IB003' | 'IB004' | 'IB005' | 'IB103';
export interface SwitchRefused { code: IbCode; omschrijving: string }

export const IB_STATUS: Readonly<Record<IbCode, number>> = {
  IB001: 400, IB003: 413, IB004: 422, IB005: 422, IB103: 503,
};

export interface ErrorBody { error: string }
