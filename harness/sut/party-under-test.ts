/**
 * What a scenario talks to, and how it comes to exist: a driver starts a party under test (PUT)
 * in one of three ways and hands back its URL and a control-plane client.
 */
import type { Role } from '../messages/model.js';
import type { ControlClient } from './control-client.js';

export type PartyKind = 'embedded' | 'endpoint' | 'image';

export interface PartyUnderTest {
  readonly role: Role;
  /** gemeentecode, zorgkantoorcode or `SVB`. */
  readonly identity: string;
  /** Base URL: the message plane is `{url}/berichten`, the control plane `{url}/conformance/v1`. */
  readonly url: string;
  readonly kind: PartyKind;
  /** For the evidence: the endpoint URL, `image@digest`, or the bundled reference party. */
  readonly description: string;
  readonly control: ControlClient;
  /** How the suite can restart this party (TRA-2.3), or why it cannot. */
  restartAbility(): Promise<RestartAbility>;
}

/**
 * A restart as the suite can make one: `via` says how, for the evidence; `restart` resolves once
 * the party answers again. Otherwise the reason TRA-2.3 is not tested.
 */
export type RestartAbility =
  | { available: true; via: string; restart(): Promise<void> }
  | { available: false; reason: string };

/** party-protocol.md: neither `--image` nor the capability means TRA-2.3 is not tested. */
export const NO_RESTART_REASON = 'the party offers no restart: neither --image nor the restart capability in GET /about';

export interface PartyDriver {
  start(): Promise<PartyUnderTest>;
  stop(): Promise<void>;
}
