/**
 * Switch protocol v1 (docs/switch-protocol.md): the JSON bodies and headers with which the suite
 * drives a switch under test (BIDN's GGk or VECOZO). Shared by the suite's control client, the
 * reference switch's adapter and the OpenAPI document.
 */
import type { Role, Wet } from '../messages/model.js';
import type { CalendarJson, IsoInstant } from '../protocol/party-protocol.js';

export const SWITCH_CONTROL_BASE = '/conformance/v1';

/**
 * Which party submits a message: a real switch knows it from the connection (certificate,
 * account); over the test adapter the suite names it in this header, on every submission.
 */
export const SUBMITTER_HEADER = 'x-ipgb-partij';

/** The role the switch under test plays in the chain (runbook 4.5 BIDN, 4.6 VECOZO). */
export type SwitchRole = 'BIDN' | 'VECOZO';
export const SWITCH_ROLES: readonly SwitchRole[] = ['BIDN', 'VECOZO'];

export const isSwitchRole = (value: string): value is SwitchRole => (SWITCH_ROLES as readonly string[]).includes(value);

/** BIDN runs the GGk (Wmo, Jeugdwet: gemeenten and the SVB); VECOZO carries Wlz (zorgkantoren and the SVB). */
export const WETTEN_OF_ROLE: Readonly<Record<SwitchRole, readonly Wet[]>> = { BIDN: ['WMO', 'JW'], VECOZO: ['WLZ'] };

/** One party the suite plays: where the switch delivers the messages addressed to it. */
export interface PartyEndpoint {
  role: Role;
  /** gemeentecode, zorgkantoorcode, or "SVB". */
  identity: string;
  /** Base URL: the switch delivers with `POST {url}/berichten`. */
  url: string;
}

export interface SwitchSessionRequest {
  sessionId: string;
  /** The role the switch plays in this session; a switch that does not play it answers 400. */
  switch: SwitchRole;
  calendar: CalendarJson;
  now: IsoInstant;
  /** The switch's directory for the session: every other identity is unknown (IB005). */
  parties: PartyEndpoint[];
}

export interface SwitchClockRequest { now: IsoInstant }

export interface SwitchAbout {
  vendor?: string;
  product?: string;
  version?: string;
  /** The roles this switch can play; absent means it does not say. */
  roles?: SwitchRole[];
}
