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
}

export interface PartyDriver {
  start(): Promise<PartyUnderTest>;
  stop(): Promise<void>;
}
